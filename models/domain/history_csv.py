"""Award history decided outside this system (past years' decisions), parsed from a CSV file, pure.

The file is UTF-8 with the header `year,award_code,unit_code,person_name,decision_number`, one award per row;
person_name is empty for a collective. A sixth column `kind` may follow: what the award was for, "Thường xuyên"
(the default when empty), "Đột xuất" or "Chuyên đề" (ND 152/2025 Điều 4 khoản 3: only regular awards count toward
a higher one). Rows are numbered as a spreadsheet shows them: the header is row 1.
models.recording.history looks the codes and names up and stores the records.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from models.domain.enums import AwardKind
from models.domain.errors import Problem
from models.domain.spreadsheet_cells import looks_like_formula
from models.domain.vietnamese import AWARD_KIND_VI

HEADER = ("year", "award_code", "unit_code", "person_name", "decision_number")
WITH_KIND = (*HEADER, "kind")
FIRST_YEAR, LAST_YEAR = 1945, 2100
DECISION_NUMBER_LENGTH = 60  # AwardRecord.decision_number


@dataclass(frozen=True)
class HistoryRow:
    row: int  # as a spreadsheet numbers it: the header is row 1
    year: int | None  # None when the year given is not one
    award_code: str
    unit_code: str
    person_name: str
    decision_number: str
    kind: AwardKind = AwardKind.REGULAR


def clean(text: str) -> str:
    """NFC with single spaces: a name typed on another system may arrive decomposed or with stray spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(name: str) -> str:
    return clean(name).casefold()


def parse_history_csv(content: bytes) -> tuple[list[HistoryRow], list[Problem]]:
    """The rows of the file, and every problem a row has on its own (codes and names are checked later).

    A row with a wrong value is still returned, so that its codes and names are checked too and the answer
    lists everything wrong with the file at once."""
    try:
        text = content.decode("utf-8-sig")  # spreadsheets save "CSV UTF-8" with a byte-order mark
    except UnicodeDecodeError as error:
        return [], [Problem("file", "history.encoding", f"The file is not UTF-8 text (byte {error.start} is not "
                                                        "valid). Save it as 'CSV UTF-8'.",
                            vi=f"Tệp không được mã hóa UTF-8 (byte thứ {error.start} không hợp lệ). "
                               "Đề nghị lưu lại tệp theo định dạng 'CSV UTF-8'.")]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[HistoryRow] = []
    problems: list[Problem] = []
    try:
        header = next(reader, None)
        columns = tuple(clean(h).lower() for h in header) if header is not None else ()
        if columns not in (HEADER, WITH_KIND):
            return [], [Problem("file", "history.header", "The first line must be the header "
                                                          f"{','.join(HEADER)} (and optionally ,kind).",
                                vi=f"Dòng đầu tiên của tệp phải là dòng tiêu đề {','.join(HEADER)} "
                                   "(có thể thêm cột kind).")]
        for number, record in enumerate(reader, start=2):
            if any(cell.strip() for cell in record):  # blank lines, often left at the end, are not rows
                row, wrong = _parse_record(number, record, columns)
                problems += wrong
                if row is not None:
                    rows.append(row)
    except csv.Error as error:
        return [], [Problem("file", "history.csv", f"The file is not valid CSV: {error}.",
                            vi=f"Tệp không đúng định dạng CSV: {error}.")]
    if not rows and not problems:
        problems.append(Problem("file", "history.empty", "The file has a header but no rows.",
                                vi="Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."))
    return rows, problems


def _parse_record(number: int, record: list[str],
                  columns: tuple[str, ...]) -> tuple[HistoryRow | None, list[Problem]]:
    if len(record) != len(columns):
        return None, [Problem(f"rows.{number}", "history.columns",
                              f"Row {number} has {len(record)} values; every row has {len(columns)}: "
                              f"{','.join(columns)}.",
                              vi=f"Dòng {number} có {len(record)} giá trị; mỗi dòng phải có đủ {len(columns)} giá trị: "
                                 f"{','.join(columns)}.")]
    kind, kind_problem = _kind(number, record[5]) if len(columns) == len(WITH_KIND) else (AwardKind.REGULAR, None)
    problems = [Problem(f"rows.{number}.{column}", "history.formula",
                        f"Row {number}: {column} starts like a spreadsheet formula ({cell.strip()[:20]!r}); "
                        "type the value itself, without a leading = + - or @.",
                        vi=f"Dòng {number}: cột {column} bắt đầu như một công thức bảng tính ({cell.strip()[:20]!r}); "
                           "đề nghị nhập trực tiếp giá trị, không bắt đầu bằng = + - hoặc @.")
                for column, cell in zip(columns, record, strict=True) if looks_like_formula(cell.strip())]
    problems += [kind_problem] if kind_problem is not None else []
    year_text, award_code, unit_code, person_name, decision_number = (clean(cell) for cell in record[:len(HEADER)])
    year = int(year_text) if re.fullmatch(r"[0-9]{4}", year_text) else None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        year = None
        problems.append(Problem(f"rows.{number}.year", "history.year",
                                f"Row {number}: the year must be a number from {FIRST_YEAR} to {LAST_YEAR}, "
                                f"not {year_text!r}.",
                                vi=f"Dòng {number}: năm phải là số từ {FIRST_YEAR} đến {LAST_YEAR}, "
                                   f"không phải {year_text!r}."))
    for column, value in (("award_code", award_code), ("unit_code", unit_code)):
        if not value:
            problems.append(Problem(f"rows.{number}.{column}", "history.required",
                                    f"Row {number}: {column} is empty.",
                                    vi=f"Dòng {number}: cột {column} chưa có giá trị."))
    if not decision_number or len(decision_number) > DECISION_NUMBER_LENGTH:
        problems.append(Problem(f"rows.{number}.decision_number", "history.decision_number",
                                f"Row {number}: give the decision's number as printed (e.g. '152/QĐ-SNV'), "
                                f"at most {DECISION_NUMBER_LENGTH} characters.",
                                vi=f"Dòng {number}: đề nghị ghi số Quyết định đúng như bản in (ví dụ '152/QĐ-SNV'), "
                                   f"tối đa {DECISION_NUMBER_LENGTH} ký tự."))
    return HistoryRow(number, year, award_code, unit_code, person_name, decision_number, kind), problems


_KINDS = {name.casefold(): kind for kind, label in AWARD_KIND_VI.items() for name in (kind.value, label)}


def _kind(number: int, cell: str) -> tuple[AwardKind, Problem | None]:
    """What the award was for, by its Vietnamese name or its code; empty is a regular award."""
    text = clean(cell)
    if not text:
        return AwardKind.REGULAR, None
    if (kind := _KINDS.get(text.casefold())) is not None:
        return kind, None
    names = ", ".join(AWARD_KIND_VI.values())
    return AwardKind.REGULAR, Problem(f"rows.{number}.kind", "history.kind",
                                      f"Row {number}: kind must be one of {names} (or empty), not {text[:40]!r}.",
                                      vi=f"Dòng {number}: cột kind phải là một trong {names} (hoặc để trống), "
                                         f"không phải {text[:40]!r}.")
