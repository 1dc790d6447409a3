"""The organisation workbook's rows checked against each other and against the codes already registered, pure.

Codes are unique per sheet; a person or a membership names a unit (and a block) that the workbook or the registry
has; each block has exactly one head per year, and a unit is in one block per year.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Collection
from functools import partial

from models.domain.enums import BlockRole
from models.domain.errors import Problem, capped
from models.domain.organisation_cells import loose_key
from models.domain.organisation_records import AccountRecord
from models.domain.organisation_sheets import (
    ACCOUNTS,
    BLOCKS,
    COUNCIL,
    HOUSEHOLDS,
    MEMBERSHIPS,
    PEOPLE,
    UNITS,
    OrganisationSheets,
    Workbook,
    read_sheets,
)
from models.domain.permissions import BLOCK_SCOPED, UNIT_SCOPED

MAX_PROBLEMS = 200  # enough to fix a workbook by; one wrong on every row would otherwise answer megabytes


def read_organisation(workbook: Workbook, known_units: Collection[str] = (),
                      known_blocks: Collection[str] = ()) -> OrganisationSheets:
    """The workbook's rows and every problem with them; `known_*` are the codes the registry already holds."""
    found = read_sheets(workbook)
    found.problems += check_rules(found, known_units, known_blocks)
    found.problems = capped(sorted(found.problems, key=_in_sheet_order), MAX_PROBLEMS, "file",
                            "organisation.more_problems")
    return found


def check_rules(found: OrganisationSheets, known_units: Collection[str],
                known_blocks: Collection[str]) -> list[Problem]:
    units = {u.code for u in found.units if u.code} | set(known_units)
    blocks = {b.code for b in found.blocks if b.code} | set(known_blocks)
    return [*_unique_codes(found), *_dates(found), *_references(found, units, blocks), *_one_block_a_year(found),
            *_one_head(found, blocks), *_seats(found, units), *_households(found, units),
            *_accounts(found, blocks, units)]


def _problem(place: str, rule: str, message: str, vi: str) -> Problem:
    return Problem(place, rule, f"{place}: {message}", vi=f"{place}: {vi}")


def _unique_codes(found: OrganisationSheets) -> list[Problem]:
    problems: list[Problem] = []
    for sheet, rows in ((UNITS, found.units), (BLOCKS, found.blocks)):
        first: dict[str, int] = {}
        for row in rows:
            if row.code and row.code in first:
                problems.append(_problem(found.place(sheet, "code", row.row), "organisation.duplicate_code",
                                         f"code {row.code!r} is already used in row {first[row.code]}.",
                                         f"mã {row.code!r} đã dùng ở dòng {first[row.code]}."))
            first.setdefault(row.code, row.row)
    seen: dict[tuple[str, str, object], int] = {}
    for person in found.people:
        key = (person.unit_code, loose_key(person.full_name), person.birth_date)
        if person.full_name and key in seen:
            problems.append(_problem(found.place(PEOPLE, "full_name", person.row), "organisation.duplicate_person",
                                     f"the same person (unit, full name and birth date) as row {seen[key]}.",
                                     f"trùng người ở dòng {seen[key]} (cùng đơn vị, họ tên và ngày sinh)."))
        seen.setdefault(key, person.row)
    return problems


def _dates(found: OrganisationSheets) -> list[Problem]:
    problems: list[Problem] = []
    for sheet, rows in ((UNITS, found.units), (PEOPLE, found.people), (HOUSEHOLDS, found.households)):
        for row in rows:
            if row.active_from and row.active_until and row.active_until < row.active_from:
                problems.append(_problem(found.place(sheet, "active_until", row.row), "organisation.date_order",
                                         "the end date is before the start date.",
                                         "ngày kết thúc trước ngày bắt đầu hoạt động."))
    return problems


def _references(found: OrganisationSheets, units: set[str], blocks: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    rows: list[tuple[str, int, str, str | None]] = [(PEOPLE, p.row, p.unit_code, None) for p in found.people]
    rows += [(MEMBERSHIPS, m.row, m.unit_code, m.block_code) for m in found.memberships]
    rows += [(HOUSEHOLDS, h.row, h.unit_code, None) for h in found.households]
    for sheet, row, unit_code, block_code in rows:
        if unit_code and unit_code not in units:
            problems.append(_problem(found.place(sheet, "unit_code", row), "organisation.unknown_unit",
                                     f"no unit has the code {unit_code!r} (sheet {UNITS!r} or the registry).",
                                     f"không có đơn vị mã {unit_code!r} (trang {UNITS!r} hoặc danh sách đã có)."))
        if block_code and block_code not in blocks:
            problems.append(_problem(found.place(sheet, "block_code", row), "organisation.unknown_block",
                                     f"no block has the code {block_code!r} (sheet {BLOCKS!r} or the registry).",
                                     f"không có khối mã {block_code!r} (trang {BLOCKS!r} hoặc danh sách đã có)."))
    return problems


def _one_block_a_year(found: OrganisationSheets) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[str, int], tuple[int, str]] = {}
    for m in found.memberships:
        if not m.unit_code or m.year is None:
            continue
        earlier = first.setdefault((m.unit_code, m.year), (m.row, m.block_code))
        if earlier[0] != m.row:
            problems.append(_problem(found.place(MEMBERSHIPS, "unit_code", m.row), "organisation.unit_in_two_blocks",
                                     f"unit {m.unit_code!r} is already in block {earlier[1]!r} for {m.year} "
                                     f"(row {earlier[0]}); a unit is in one block a year.",
                                     f"đơn vị {m.unit_code!r} đã thuộc khối {earlier[1]!r} năm {m.year} "
                                     f"(dòng {earlier[0]}); mỗi năm một đơn vị chỉ thuộc một khối."))
    return problems


def _one_head(found: OrganisationSheets, blocks: set[str]) -> list[Problem]:
    """Each block listed for a year has exactly one head that year (its deputy and members are optional); an
    unknown block is refused as such, not once more for its head."""
    rows: dict[tuple[str, int], list[int]] = defaultdict(list)
    heads: dict[tuple[str, int], list[int]] = defaultdict(list)
    for m in found.memberships:
        if m.block_code in blocks and m.year is not None and m.role is not None:
            rows[(m.block_code, m.year)].append(m.row)
            if m.role == BlockRole.HEAD:
                heads[(m.block_code, m.year)].append(m.row)
    problems: list[Problem] = []
    for (block, year), numbers in rows.items():
        held = heads.get((block, year), [])
        if len(held) == 1:
            continue
        row = numbers[0] if not held else held[1]
        message = "has no head" if not held else f"has {len(held)} heads (rows {', '.join(map(str, held))})"
        vi = "chưa có Trưởng khối" if not held else f"có {len(held)} Trưởng khối (các dòng " \
                                                     f"{', '.join(map(str, held))})"
        problems.append(_problem(found.place(MEMBERSHIPS, "role", row), "organisation.block_head",
                                 f"block {block!r} {message} in {year}; it needs exactly one.",
                                 f"khối {block!r} năm {year} {vi}; mỗi khối mỗi năm có đúng một Trưởng khối."))
    return problems


def _seats(found: OrganisationSheets, units: set[str]) -> list[Problem]:
    """A seat's unit is known, its term ends after it begins, and one person's term is listed once."""
    problems: list[Problem] = []
    first: dict[tuple[str, object], int] = {}
    for seat in found.seats:
        if seat.unit_code and seat.unit_code not in units:
            problems.append(_problem(found.place(COUNCIL, "unit_code", seat.row), "organisation.unknown_unit",
                                     f"no unit has the code {seat.unit_code!r} (sheet {UNITS!r} or the registry).",
                                     f"không có đơn vị mã {seat.unit_code!r} (trang {UNITS!r} hoặc danh sách đã có)."))
        if seat.serves_from and seat.serves_until and seat.serves_until < seat.serves_from:
            problems.append(_problem(found.place(COUNCIL, "serves_until", seat.row), "organisation.date_order",
                                     "the term ends before it begins.", "ngày kết thúc nhiệm kỳ trước ngày bắt đầu."))
        key = (loose_key(seat.full_name), seat.serves_from)
        if seat.full_name and key in first:
            problems.append(_problem(found.place(COUNCIL, "full_name", seat.row), "organisation.duplicate_seat",
                                     f"{seat.full_name!r} from the same day is already in row {first[key]}.",
                                     f"{seat.full_name!r} với cùng ngày bắt đầu đã có ở dòng {first[key]}."))
        first.setdefault(key, seat.row)
    return problems


def _households(found: OrganisationSheets, units: set[str]) -> list[Problem]:
    """A household is listed once: the same commune, head of household and address is the same household."""
    problems: list[Problem] = []
    first: dict[tuple[str, str, str], int] = {}
    for h in found.households:
        key = (h.unit_code, loose_key(h.head_name), loose_key(h.address))
        if h.head_name and key in first:
            problems.append(_problem(found.place(HOUSEHOLDS, "head_name", h.row), "organisation.duplicate_household",
                                     f"the same household (commune, head and address) as row {first[key]}.",
                                     f"trùng hộ gia đình ở dòng {first[key]} (cùng xã, chủ hộ và địa chỉ)."))
        first.setdefault(key, h.row)
    return problems


USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")  # as models.tables.accounts.USERNAME_PATTERN


def _accounts(found: OrganisationSheets, blocks: set[str], units: set[str]) -> list[Problem]:
    """A login name as the accounts take it, one full name per account, a block head's block and year (and no
    block for a role of the whole province), and each role listed once."""
    problems: list[Problem] = []
    names: dict[str, tuple[str, int]] = {}
    seen: dict[tuple[str, object, str, int | None, str], int] = {}
    for a in found.accounts:
        place = partial(_account_place, found, a.row)
        if a.username and not USERNAME.fullmatch(a.username):
            problems.append(_problem(place("username"), "organisation.username",
                                     f"{a.username!r}: 3-64 lower-case letters, digits, '.', '_' or '-'.",
                                     f"{a.username!r} không hợp lệ: 3–64 ký tự gồm chữ thường không dấu, chữ số, "
                                     "dấu chấm, gạch dưới hoặc gạch ngang."))
        name, row = names.setdefault(a.username, (a.full_name, a.row))
        if a.full_name and loose_key(name) != loose_key(a.full_name):
            problems.append(_problem(place("full_name"), "organisation.account_name",
                                     f"{a.username!r} is named {name!r} in row {row}.",
                                     f"tài khoản {a.username!r} đã ghi họ tên {name!r} ở dòng {row}."))
        problems += _account_scope(a, blocks, place) + _account_unit(a, units, place)
        key = (a.username, a.role, a.block_code, a.year, a.unit_code)
        if key in seen:
            problems.append(_problem(place("role"), "organisation.duplicate_account",
                                     f"the same account and role as row {seen[key]}.",
                                     f"trùng tài khoản và vai trò ở dòng {seen[key]}."))
        seen.setdefault(key, a.row)
    return problems


def _account_place(found: OrganisationSheets, row: int, key: str) -> str:
    return found.place(ACCOUNTS, key, row)


def _account_scope(a: AccountRecord, blocks: set[str], place: Callable[[str], str]) -> list[Problem]:
    if a.role in BLOCK_SCOPED and (not a.block_code or a.year is None):
        return [_problem(place("block_code"), "organisation.grant_block",
                         "a block head's role names the block and the year.",
                         "vai trò Trưởng Khối thi đua phải ghi rõ Mã khối và Năm.")]
    if a.role not in BLOCK_SCOPED and (a.block_code or a.year is not None):
        return [_problem(place("block_code"), "organisation.grant_province",
                         "this role covers the whole province: leave the block and year empty.",
                         "vai trò này áp dụng cho toàn tỉnh: để trống Mã khối và Năm.")]
    if a.block_code and a.block_code not in blocks:
        return [_problem(place("block_code"), "organisation.unknown_block",
                         f"no block has the code {a.block_code!r} (sheet {BLOCKS!r} or the registry).",
                         f"không có khối mã {a.block_code!r} (trang {BLOCKS!r} hoặc danh sách đã có).")]
    return []


def _account_unit(a: AccountRecord, units: set[str], place: Callable[[str], str]) -> list[Problem]:
    """A member unit's role names the unit it speaks for; no other role names one."""
    if a.role in UNIT_SCOPED and not a.unit_code:
        return [_problem(place("unit_code"), "organisation.grant_unit",
                         "a member unit's role names its unit.",
                         "vai trò Đơn vị thành viên Khối thi đua phải ghi rõ Mã đơn vị.")]
    if a.role not in UNIT_SCOPED and a.unit_code:
        return [_problem(place("unit_code"), "organisation.grant_unit",
                         "only a member unit's role names a unit: leave it empty.",
                         "chỉ vai trò Đơn vị thành viên Khối thi đua mới ghi Mã đơn vị: để trống ô này.")]
    if a.unit_code and a.unit_code not in units:
        return [_problem(place("unit_code"), "organisation.unknown_unit",
                         f"no unit has the code {a.unit_code!r} (sheet {UNITS!r} or the registry).",
                         f"không có đơn vị mã {a.unit_code!r} (trang {UNITS!r} hoặc danh sách đã có).")]
    return []


def _in_sheet_order(problem: Problem) -> tuple[int, int, str]:
    sheet, _, cell = problem.field.partition("!")
    order = [UNITS, BLOCKS, PEOPLE, MEMBERSHIPS, COUNCIL, HOUSEHOLDS, ACCOUNTS]
    row = int("".join(c for c in cell if c.isdigit()) or 0)
    return (order.index(sheet) if sheet in order else -1, row, problem.field)
