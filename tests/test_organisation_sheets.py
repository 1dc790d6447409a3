"""The organisation workbook read without a database: typed rows from what an office types, and every mistake
named by sheet, cell, rule and in Vietnamese."""

from datetime import date
from typing import Any

from models.domain.enums import BlockKind, BlockRole, Gender, UnitKind
from models.domain.organisation_cells import Formula
from models.domain.organisation_rules import read_organisation
from tests.organisation_workbook import AGENCY, YEAR, province


def test_a_province_as_typed_reads_into_typed_rows() -> None:
    sheets = province()
    # Headers as people type them: another case, no accents, extra spaces, columns in another order.
    sheets["Khối"] = [["ten khoi", "  MÃ   KHỐI ", "loai"], *[[name, code, kind] for code, name, kind in
                                                            sheets["Khối"][1:]]]
    found = read_organisation({"don vi": sheets["Đơn vị"], "Cá nhân": sheets["Cá nhân"], "Khối": sheets["Khối"],
                               "Thành viên khối": sheets["Thành viên khối"]})
    assert found.problems == []
    assert [u.code for u in found.units][:3] == ["HN-SCT", "HN-STC", "HN-SXD"]
    sct, stc = found.units[0], found.units[1]
    assert (sct.kind, sct.active_from, stc.active_from) == (UnitKind.DEPARTMENT, date(2025, 7, 1), date(2025, 7, 1))
    assert found.units[5].kind == UnitKind.ASSOCIATION  # "hoi, doan the"
    assert [(p.full_name, p.gender, p.birth_date) for p in found.people[:3]] == [
        ("Nguyễn Thị Lan", Gender.FEMALE, date(1985, 3, 12)), ("Trần Minh Khoa", Gender.MALE, date(1990, 11, 24)),
        ("Lê Văn Mạnh", Gender.MALE, None)]
    assert [(b.code, b.kind) for b in found.blocks] == [
        ("HN-KHOI-KT", BlockKind.BLOCK), ("HN-KHOI-DT", BlockKind.BLOCK), ("HN-CUM-XA", BlockKind.CLUSTER)]
    assert [(m.year, m.unit_code, m.role) for m in found.memberships][-1] == (YEAR, "HN-XDN", BlockRole.MEMBER)


def test_text_that_looks_like_a_formula_is_kept_as_text_but_a_formula_cell_is_refused() -> None:
    sheets = province()
    sheets["Cá nhân"][1][3] = "=Trưởng phòng"  # a value typed with a stray "=": stored as typed
    sheets["Cá nhân"][2][3] = Formula("=CONCAT(A1,B1)")  # a cell the workbook computes
    sheets["Cá nhân"][3][1] = Formula('=IF(TRUE,"Nam")')  # also in a column of choices: refused once
    found = read_organisation(sheets)
    assert found.people[0].position == "=Trưởng phòng"
    assert [(p.field, p.rule) for p in found.problems] == [("Cá nhân!D3", "organisation.formula"),
                                                           ("Cá nhân!B4", "organisation.formula")]


def test_codes_in_the_registry_already_count_as_known() -> None:
    sheets = province()
    sheets["Cá nhân"].append(["Mai Văn Tú", "Nam", None, "Chuyên viên", "SCT"])
    assert [p.rule for p in read_organisation(sheets).problems] == ["organisation.unknown_unit"]
    assert read_organisation(sheets, known_units={"SCT"}).problems == []


def bad_province() -> dict[str, list[list[Any]]]:
    """Twelve different mistakes, one per cell noted."""
    sheets = province()
    units, people, blocks, members = (sheets[s] for s in ("Đơn vị", "Cá nhân", "Khối", "Thành viên khối"))
    units.append(["HN-SXD", "Sở Xây dựng (trùng)", AGENCY, "", "", "", None, None])  # Đơn vị!A11: code twice
    units[3][1] = "  "  # Đơn vị!B4: no name
    units[4][3] = "Hợp tác xã"  # Đơn vị!D5: not a kind
    units[5][6], units[5][7] = "01/01/2026", "31/12/2025"  # Đơn vị!H6: ends before it starts
    units[6][6] = "31/02/2025"  # Đơn vị!G7: no such day
    people[1][2] = "năm 1985"  # Cá nhân!C2: not a date
    people[2][4] = "HN-SKHCN"  # Cá nhân!E3: unknown unit
    people[3][1] = "Khác"  # Cá nhân!B4: not a gender
    blocks[3][2] = "Nhóm"  # Khối!C4: neither khối nor cụm
    members[2][3] = "Trưởng khối"  # Thành viên khối!D3: a second head for HN-KHOI-KT
    members[9][1] = "HN-KHOI-XX"  # Thành viên khối!B10: unknown block
    members.append([YEAR, "HN-KHOI-DT", "HN-SCT", "Thành viên"])  # Thành viên khối!C11: in two blocks
    members.append(["2O27", "HN-KHOI-DT", "HN-XDN", "Thành viên"])  # Thành viên khối!A12: not a year
    return sheets


def test_a_wrong_workbook_names_every_mistake_by_cell_and_rule_in_english_and_vietnamese() -> None:
    found = read_organisation(bad_province())
    assert [(p.field, p.rule) for p in found.problems] == [
        ("Đơn vị!B4", "organisation.required"),
        ("Đơn vị!D5", "organisation.choice"),
        ("Đơn vị!H6", "organisation.date_order"),
        ("Đơn vị!G7", "organisation.date"),
        ("Đơn vị!A11", "organisation.duplicate_code"),
        ("Khối!C4", "organisation.choice"),
        ("Cá nhân!C2", "organisation.date"),
        ("Cá nhân!E3", "organisation.unknown_unit"),
        ("Cá nhân!B4", "organisation.choice"),
        ("Thành viên khối!D3", "organisation.block_head"),
        ("Thành viên khối!B10", "organisation.unknown_block"),
        ("Thành viên khối!C11", "organisation.unit_in_two_blocks"),
        ("Thành viên khối!A12", "organisation.year"),
    ]
    assert all(p.vi.startswith(p.field) and not p.vi.isascii() for p in found.problems)
    date_problem = next(p for p in found.problems if p.field == "Cá nhân!C2")
    assert date_problem.vi == ("Cá nhân!C2 (Ngày sinh): 'năm 1985' không phải là ngày; hãy ghi theo dạng "
                               "ngày/tháng/năm (dd/mm/yyyy).")


def test_a_missing_sheet_a_missing_column_and_an_unknown_column_are_named() -> None:
    sheets = province()
    del sheets["Khối"]
    sheets["Cá nhân"] = [["Họ và tên", "Giới tính", "Ngày sinhh", "Chức vụ"], ["Lê Văn A", "Nam", None, ""]]
    found = read_organisation(sheets)
    assert [(p.field, p.rule) for p in found.problems] == [
        ("Khối", "organisation.sheet_missing"),
        ("Cá nhân!1", "organisation.column_missing"),
        ("Cá nhân!C1", "organisation.column_unknown"),
        # The memberships now name blocks nobody registered.
        *[(f"Thành viên khối!B{row}", "organisation.unknown_block") for row in range(2, 11)],
    ]


def test_a_block_year_without_a_head_is_refused() -> None:
    sheets = province()
    sheets["Thành viên khối"][7][3] = "Thành viên"  # the cluster's head becomes a member
    assert [(p.field, p.rule) for p in read_organisation(sheets).problems] == [
        ("Thành viên khối!D8", "organisation.block_head")]
