"""Reading one cell of the organisation workbook, pure: text, dates, years and closed choices, with problems.

Cells arrive as a spreadsheet library gives them (str, int, float, date, datetime, bool, None) or as a `Formula`
when the workbook computes the cell: the import takes values, never formulas. Text that merely starts like a
formula (= + - @) is a value like any other and is stored as typed; exports neutralise it (spreadsheet_cells).
Every problem names its place as the spreadsheet does, e.g. "Đơn vị!C7".
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from models.domain.errors import Problem

FIRST_YEAR, LAST_YEAR = 1900, 2100
E = TypeVar("E", bound=StrEnum)
YES, NO = frozenset({"co", "x", "yes", "true", "1"}), frozenset({"khong", "no", "false", "0"})
EXCEL_EPOCH = date(1899, 12, 30)  # serial day 0 of Excel's 1900 date system (its leap-year bug included)


@dataclass(frozen=True)
class Formula:
    """A cell the workbook computes, e.g. "=A2&B2"."""

    text: str


Cell = str | int | float | date | bool | Formula | None


def clean(text: str) -> str:
    """NFC with single spaces: a name typed on another system may arrive decomposed or with stray spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def loose_key(text: str) -> str:
    """How a header or a choice is recognised: case, accents and spacing do not matter ("Mã  đơn vị" = "ma don vi")."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(stripped.replace("đ", "d").replace("Đ", "D").casefold().split())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class RowReader:
    """The cells of one data row, read by column key; what is wrong is added to `problems`."""

    sheet: str
    row: int  # as the spreadsheet numbers it: the header is row 1
    cells: Mapping[str, tuple[int, Cell]]  # column key → (column index, value)
    headers: Mapping[str, str]  # column key → its Vietnamese header, for messages
    problems: list[Problem] = field(default_factory=list)

    def place(self, key: str) -> str:
        index = self.cells[key][0] if key in self.cells else 0
        return f"{self.sheet}!{column_letter(index)}{self.row}"

    def refuse(self, key: str, rule: str, message: str, *, vi: str) -> None:
        header = self.headers[key]
        self.problems.append(Problem(self.place(key), rule, f"{self.place(key)} ({header}): {message}",
                                     vi=f"{self.place(key)} ({header}): {vi}"))

    def raw(self, key: str) -> Cell:
        value = self.cells.get(key, (0, None))[1]
        if isinstance(value, Formula):
            self.refuse(key, "organisation.formula", f"the cell is a formula ({value.text[:30]!r}); type its value.",
                        vi=f"ô này là công thức ({value.text[:30]!r}); hãy nhập giá trị, không dùng công thức.")
            return None
        return value

    def text(self, key: str, *, required: bool = False, max_length: int = 255) -> str:
        value = self.raw(key)
        text = "" if value is None else clean(_as_text(value))
        if required and not text:
            self.refuse(key, "organisation.required", "the cell is empty.", vi="ô này không được để trống.")
        elif len(text) > max_length:
            self.refuse(key, "organisation.too_long", f"at most {max_length} characters, not {len(text)}.",
                        vi=f"tối đa {max_length} ký tự (đang có {len(text)}).")
            text = text[:max_length]
        return text

    def date(self, key: str, *, required: bool = False) -> date | None:
        value = self.raw(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.refuse(key, "organisation.required", "the cell is empty.", vi="ô này không được để trống.")
            return None
        found = _as_date(value)
        if found is None or not FIRST_YEAR <= found.year <= LAST_YEAR:
            self.refuse(key, "organisation.date", f"{_as_text(value)!r} is not a date; write dd/mm/yyyy.",
                        vi=f"{_as_text(value)!r} không phải là ngày; hãy ghi theo dạng ngày/tháng/năm (dd/mm/yyyy).")
            return None
        return found

    def year(self, key: str) -> int | None:
        value = self.raw(key)
        text = "" if value is None else clean(_as_text(value))
        if not text:
            self.refuse(key, "organisation.required", "the cell is empty.", vi="ô này không được để trống.")
            return None
        if not re.fullmatch(r"[0-9]{4}", text) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
            self.refuse(key, "organisation.year", f"{text!r} is not a year.", vi=f"{text!r} không phải là một năm.")
            return None
        return int(text)

    def yes_no(self, key: str) -> bool:
        """A yes/no cell: "Có" / "Không" (or x, yes, no, a checkbox's TRUE / FALSE); empty is no."""
        value = self.raw(key)
        if isinstance(value, bool):
            return value
        text = loose_key(_as_text(value)) if value is not None else ""
        if text in YES or text in NO or not text:
            return text in YES
        self.refuse(key, "organisation.yes_no", f"{_as_text(value)!r} is not yes or no; write Có or Không.",
                    vi=f"{_as_text(value)!r} không hợp lệ; hãy ghi «Có» hoặc «Không».")
        return False

    def choice(self, key: str, names: Mapping[E, str], *, default: E | None = None,
               required: bool = True) -> E | None:
        """One of a closed list, by its Vietnamese name or its English value (case, accents and spacing aside);
        empty gives the default, or a problem when there is none and the cell is required."""
        text = self.text(key)
        if not text:
            if default is None and required:
                self.refuse(key, "organisation.required", "the cell is empty.", vi="ô này không được để trống.")
            return default
        by_key = {loose_key(name): member for member, name in names.items()}
        by_key |= {loose_key(member.value): member for member in names}
        found = by_key.get(loose_key(text))
        if found is None:
            allowed = "; ".join(names.values())  # some names have commas: "Sở, ban, ngành"
            self.refuse(key, "organisation.choice", f"{text!r} is not one of: {allowed}.",
                        vi=f"{text!r} không thuộc danh sách: {allowed}.")
        return found


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as 2026 comes back from the spreadsheet as 2026.0
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 80000:
        return EXCEL_EPOCH + timedelta(days=int(value))  # a date cell saved without its date format
    if isinstance(value, str):
        match = re.fullmatch(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})", value.strip())
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None
