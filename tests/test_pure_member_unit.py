"""Pure rules of this round: a member unit's grant (its unit, its block, its year, and the few actions it holds),
the accounts sheet's member-unit rows, and the award counts folded per block and year."""

from models.domain.award_statistics import AwardCount, award_statistics
from models.domain.enums import RecipientKind
from models.domain.organisation_rules import read_organisation
from models.domain.permissions import Action, Grant, Role, may
from models.domain.scope import ReadScope
from tests.organisation_workbook import YEAR, province

MEMBER = Grant(Role.MEMBER_UNIT, block_id=1, year=2026, unit_id=2)


def test_a_member_unit_acts_for_its_own_unit_of_its_block_and_year_only() -> None:
    assert may([MEMBER], Action.SUBMIT_SELF_SCORES, 1, 2026, unit_id=2).allowed
    assert may([MEMBER], Action.REGISTER_TARGETS, 1, 2026, unit_id=2).allowed
    assert may([MEMBER], Action.READ_SCORING, 1, 2026).allowed
    for block, year, unit in ((1, 2026, 3), (2, 2026, 2), (1, 2027, 2)):
        verdict = may([MEMBER], Action.SUBMIT_SELF_SCORES, block, year, unit_id=unit)
        assert (verdict.allowed, verdict.rule) == (False, "auth.scope")
    for action in (Action.SCORE_BLOCK, Action.REOPEN_SCORING, Action.READ_BLOCK, Action.RECORD_PLEDGES):
        verdict = may([MEMBER], action, 1, 2026)
        assert (verdict.allowed, verdict.rule) == (False, "auth.role")
        assert verdict.reason_vi.startswith("Chỉ tài khoản có vai trò")
    head = Grant(Role.BLOCK_HEAD, block_id=1, year=2026)
    assert may([head], Action.SUBMIT_SELF_SCORES, 1, 2026, unit_id=3).allowed  # a unit that has no account
    assert ReadScope.of([MEMBER]).reads_nothing  # no nominations, meetings or documents
    assert ReadScope.of([MEMBER], Action.READ_SCORING).block_years == frozenset({(1, 2026)})


def test_the_accounts_sheet_takes_a_member_unit_with_its_unit_and_names_a_wrong_row() -> None:
    sheets = province()
    sheets["Tài khoản"] = [
        ["Tên đăng nhập", "Họ và tên", "Vai trò", "Mã khối", "Năm", "Mã đơn vị"],
        ["donvi.stc", "Văn phòng Sở Tài chính", "Đơn vị thành viên Khối thi đua", "HN-KHOI-KT", YEAR, "HN-STC"],
        ["donvi.thieu", "Thiếu mã đơn vị", "Đơn vị thành viên Khối thi đua", "HN-KHOI-KT", YEAR, ""],
        ["donvi.la", "Đơn vị lạ", "Đơn vị thành viên Khối thi đua", "HN-KHOI-KT", YEAR, "HN-KHONG-CO"],
        ["truongkhoi.kt", "Trưởng khối", "Trưởng Khối thi đua", "HN-KHOI-KT", YEAR, "HN-STC"],
    ]
    found = read_organisation(sheets)
    assert (found.accounts[0].role, found.accounts[0].unit_code) == (Role.MEMBER_UNIT, "HN-STC")
    assert [(p.field, p.rule) for p in found.problems] == [
        ("Tài khoản!F3", "organisation.grant_unit"), ("Tài khoản!F4", "organisation.unknown_unit"),
        ("Tài khoản!F5", "organisation.grant_unit")]
    assert all(p.vi.startswith("Tài khoản!F") for p in found.problems)


def test_award_counts_are_kept_per_block_and_year_and_totalled_per_year_over_every_recipient() -> None:
    flag, bk = "CO_THI_DUA_UBND_TINH", "BANG_KHEN_CT_CA_NHAN"
    one, many = RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL
    counted = award_statistics([(2026, 2, bk, many, 3), (2026, 1, bk, many, 2), (2026, 1, flag, one, 1),
                                (2025, None, bk, many, 4), (2026, None, bk, many, 1)])
    assert counted == [AwardCount(2025, None, bk, RecipientKind.INDIVIDUAL, 4),
                       AwardCount(2026, 1, bk, RecipientKind.INDIVIDUAL, 2),
                       AwardCount(2026, 1, flag, RecipientKind.COLLECTIVE, 1),
                       AwardCount(2026, 2, bk, RecipientKind.INDIVIDUAL, 3),
                       AwardCount(2026, None, bk, RecipientKind.INDIVIDUAL, 6),  # 2 + 3 + one of no block
                       AwardCount(2026, None, flag, RecipientKind.COLLECTIVE, 1)]
