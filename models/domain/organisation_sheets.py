"""The organisation workbook, pure: its sheets' layout, and their rows read into typed records with problems.

A province's TĐKT office keeps its registry in a workbook of four sheets (and the council's roster in a fifth),
each with its column names in row 1:

- "Đơn vị": Mã đơn vị, Tên đơn vị, Cơ quan chủ quản, Loại hình, Chức danh thủ trưởng, Họ tên thủ trưởng,
  Hoạt động từ ngày, Đến ngày
- "Cá nhân": Họ và tên, Giới tính, Ngày sinh, Chức vụ, Mã đơn vị (and optionally Hoạt động từ ngày, Đến ngày)
- "Khối": Mã khối, Tên khối, Loại (Khối / Cụm), Ký hiệu (may be left out: the code's initials)
- "Thành viên khối": Năm, Mã khối, Mã đơn vị, Vai trò (Trưởng khối / Phó khối / Thành viên)
- "Tài khoản" (may be left out): Tên đăng nhập, Họ và tên, Vai trò, Mã khối, Năm, Mã đơn vị (the last three for a
  block head's block and year, and a member unit's block, year and unit)
- "Hội đồng" (may be left out: the council's roster stays as it is): Họ và tên, Chức vụ, Mã đơn vị, Vai trò
  (Chủ tịch Hội đồng / Phó Chủ tịch Hội đồng / Phó Chủ tịch thường trực / Thư ký Hội đồng / Ủy viên),
  Thường trực (Có / Không), Từ ngày, Đến ngày

Sheet and column names are recognised whatever their case, accents and spacing; columns may come in any order.
models.domain.organisation_rules checks the rows against each other; models.recording.organisation stores them.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from models.domain.enums import UnitKind
from models.domain.errors import Problem
from models.domain.numbers import symbol_problem
from models.domain.organisation_cells import Cell, RowReader, column_letter, loose_key
from models.domain.organisation_records import (
    AccountRecord,
    BlockRecord,
    HouseholdRecord,
    MembershipRecord,
    PersonRecord,
    SeatRecord,
    UnitRecord,
)
from models.domain.vietnamese import BLOCK_KIND_VI, BLOCK_ROLE_VI, COUNCIL_ROLE_VI, GENDER_VI, ROLE_VI, UNIT_KIND_VI

UNITS, PEOPLE, BLOCKS, MEMBERSHIPS, COUNCIL = "Đơn vị", "Cá nhân", "Khối", "Thành viên khối", "Hội đồng"
HOUSEHOLDS, ACCOUNTS = "Hộ gia đình", "Tài khoản"
# A workbook made before these were kept leaves them alone.
OPTIONAL_SHEETS = frozenset({COUNCIL, HOUSEHOLDS, ACCOUNTS})
# The tables' column lengths (models.tables.organisation), checked here so a long cell is a problem, not a crash.
UNIT_CODE_LENGTH, BLOCK_CODE_LENGTH, HEAD_TITLE_LENGTH = 20, 40, 100


@dataclass(frozen=True)
class Column:
    key: str  # the record's field, also accepted as a header
    header: str  # as exports write it
    must_be_present: bool = True  # False: the sheet may leave the column out


ACTIVE = (Column("active_from", "Hoạt động từ ngày", False), Column("active_until", "Đến ngày", False))
LAYOUT: dict[str, tuple[Column, ...]] = {
    UNITS: (Column("code", "Mã đơn vị"), Column("name", "Tên đơn vị"),
            Column("parent_agency", "Cơ quan chủ quản", False), Column("kind", "Loại hình", False),
            Column("head_title", "Chức danh thủ trưởng", False), Column("head_name", "Họ tên thủ trưởng", False),
            *ACTIVE),
    PEOPLE: (Column("full_name", "Họ và tên"), Column("gender", "Giới tính", False),
             Column("birth_date", "Ngày sinh", False), Column("position", "Chức vụ", False),
             Column("unit_code", "Mã đơn vị"), *ACTIVE),
    BLOCKS: (Column("code", "Mã khối"), Column("name", "Tên khối"), Column("kind", "Loại"),
             Column("symbol", "Ký hiệu", False)),
    MEMBERSHIPS: (Column("year", "Năm"), Column("block_code", "Mã khối"), Column("unit_code", "Mã đơn vị"),
                  Column("role", "Vai trò")),
    COUNCIL: (Column("full_name", "Họ và tên"), Column("position", "Chức vụ", False),
              Column("unit_code", "Mã đơn vị", False), Column("role", "Vai trò"),
              Column("standing_body", "Thường trực", False), Column("serves_from", "Từ ngày"),
              Column("serves_until", "Đến ngày", False)),
    HOUSEHOLDS: (Column("head_name", "Chủ hộ"), Column("address", "Địa chỉ"), Column("unit_code", "Mã xã, phường"),
                 *ACTIVE),
    ACCOUNTS: (Column("username", "Tên đăng nhập"), Column("full_name", "Họ và tên"),
               Column("role", "Vai trò", False), Column("block_code", "Mã khối", False),
               Column("year", "Năm", False), Column("unit_code", "Mã đơn vị", False)),
}


@dataclass
class OrganisationSheets:
    """The rows read, and every problem; a row with a wrong cell is kept so the rows around it are checked too."""

    units: list[UnitRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    blocks: list[BlockRecord] = field(default_factory=list)
    memberships: list[MembershipRecord] = field(default_factory=list)
    seats: list[SeatRecord] = field(default_factory=list)
    households: list[HouseholdRecord] = field(default_factory=list)
    accounts: list[AccountRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)  # sheet → column key → index

    def place(self, sheet: str, key: str, row: int) -> str:
        return f"{sheet}!{column_letter(self.columns.get(sheet, {}).get(key, 0))}{row}"


Workbook = Mapping[str, Sequence[Sequence[Cell]]]  # sheet name → rows of cells, the header first


def read_sheets(workbook: Workbook) -> OrganisationSheets:
    """Each sheet's header and rows; cross-row rules are models.domain.organisation_rules.check_rules."""
    found = OrganisationSheets()
    by_key = {loose_key(name): rows for name, rows in workbook.items()}
    for sheet, columns in LAYOUT.items():
        rows = by_key.get(loose_key(sheet))
        if rows is None and sheet in OPTIONAL_SHEETS:
            continue
        if rows is None:
            found.problems.append(Problem(sheet, "organisation.sheet_missing",
                                          f"The workbook has no sheet {sheet!r}.",
                                          vi=f"Tệp thiếu trang tính (sheet) {sheet!r}."))
            continue
        indexes = _header(sheet, columns, rows[0] if rows else (), found.problems)
        if indexes is None:
            continue
        found.columns[sheet] = indexes
        headers = {c.key: c.header for c in columns}
        for number, cells in enumerate(rows[1:], start=2):
            if all(_blank(cell) for cell in cells):
                continue  # empty rows, often left between or after the data, are not rows
            reader = RowReader(sheet, number, {k: (i, cells[i] if i < len(cells) else None)
                                               for k, i in indexes.items()}, headers)
            _READERS[sheet](reader, found)
            found.problems += reader.problems
    return found


def _header(sheet: str, columns: Sequence[Column], header: Sequence[Cell],
            problems: list[Problem]) -> dict[str, int] | None:
    """Column key → index; None (with problems) when a column is unknown, repeated or missing."""
    known = {loose_key(name): c.key for c in columns for name in (c.header, c.key)}
    indexes: dict[str, int] = {}
    wrong = False
    for index, cell in enumerate(header):
        if _blank(cell):
            continue
        place = f"{sheet}!{column_letter(index)}1"
        key = known.get(loose_key(str(cell)))
        if key is None or key in indexes:
            wrong = True
            expected = ", ".join(c.header for c in columns)
            problems.append(Problem(place, "organisation.column_unknown",
                                    f"{place}: {str(cell)!r} is not a column of this sheet, or is repeated; "
                                    f"the columns are: {expected}.",
                                    vi=f"{place}: cột {str(cell)!r} không có trong mẫu hoặc bị lặp lại; "
                                       f"các cột của trang này là: {expected}."))
            continue
        indexes[key] = index
    for column in columns:
        if column.must_be_present and column.key not in indexes:
            wrong = True
            problems.append(Problem(f"{sheet}!1", "organisation.column_missing",
                                    f"Sheet {sheet!r} has no column {column.header!r} in row 1.",
                                    vi=f"Trang {sheet!r} thiếu cột {column.header!r} ở dòng 1."))
    return None if wrong else indexes


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _unit(r: RowReader, found: OrganisationSheets) -> None:
    found.units.append(UnitRecord(
        r.row, r.text("code", required=True, max_length=UNIT_CODE_LENGTH), r.text("name", required=True),
        r.text("parent_agency"), r.choice("kind", UNIT_KIND_VI, default=UnitKind.OTHER) or UnitKind.OTHER,
        r.text("head_title", max_length=HEAD_TITLE_LENGTH), r.text("head_name"),
        r.date("active_from"), r.date("active_until")))


def _person(r: RowReader, found: OrganisationSheets) -> None:
    found.people.append(PersonRecord(
        r.row, r.text("full_name", required=True), r.choice("gender", GENDER_VI, required=False),
        r.date("birth_date"), r.text("position"),
        r.text("unit_code", required=True, max_length=UNIT_CODE_LENGTH), r.date("active_from"),
        r.date("active_until")))


def _block(r: RowReader, found: OrganisationSheets) -> None:
    symbol = r.text("symbol").upper()
    if symbol and (problem := symbol_problem(symbol)) is not None:
        r.refuse("symbol", "organisation.block_symbol_form", f"{problem[0]}.",
                 vi=f"ô này không dùng được làm ký hiệu văn bản: {problem[1]}.")
    found.blocks.append(BlockRecord(r.row, r.text("code", required=True, max_length=BLOCK_CODE_LENGTH),
                                    r.text("name", required=True), r.choice("kind", BLOCK_KIND_VI), symbol))


def _membership(r: RowReader, found: OrganisationSheets) -> None:
    found.memberships.append(MembershipRecord(
        r.row, r.year("year"), r.text("block_code", required=True, max_length=BLOCK_CODE_LENGTH),
        r.text("unit_code", required=True, max_length=UNIT_CODE_LENGTH), r.choice("role", BLOCK_ROLE_VI)))


def _seat(r: RowReader, found: OrganisationSheets) -> None:
    found.seats.append(SeatRecord(
        r.row, r.text("full_name", required=True), r.text("position"),
        r.text("unit_code", max_length=UNIT_CODE_LENGTH), r.choice("role", COUNCIL_ROLE_VI),
        r.yes_no("standing_body"), r.date("serves_from", required=True), r.date("serves_until")))


def _household(r: RowReader, found: OrganisationSheets) -> None:
    found.households.append(HouseholdRecord(
        r.row, r.text("head_name", required=True), r.text("address", required=True, max_length=500),
        r.text("unit_code", required=True, max_length=UNIT_CODE_LENGTH), r.date("active_from"),
        r.date("active_until")))


def _account(r: RowReader, found: OrganisationSheets) -> None:
    year = r.year("year") if r.text("year") else None
    found.accounts.append(AccountRecord(
        r.row, r.text("username", required=True, max_length=64).lower(), r.text("full_name", required=True),
        r.choice("role", ROLE_VI, required=False), r.text("block_code", max_length=BLOCK_CODE_LENGTH), year,
        r.text("unit_code", max_length=UNIT_CODE_LENGTH)))


_READERS = {UNITS: _unit, PEOPLE: _person, BLOCKS: _block, MEMBERSHIPS: _membership, COUNCIL: _seat,
            HOUSEHOLDS: _household, ACCOUNTS: _account}
