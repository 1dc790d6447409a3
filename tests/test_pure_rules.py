"""Who may act, which nominations take a quota place, and when a dossier passes screening: pure rules, checked
without a database."""

from decimal import Decimal

import pytest

from models.domain.eligibility import Outcome, RuleResult
from models.domain.eligibility_rules import screening_verdict
from models.domain.enums import State
from models.domain.permissions import Action, Grant, Role, may
from models.domain.quotas import Placed, Quota, QuotaScope, SizeStep, quota_problem, quota_use

HEAD_OF_BLOCK_3_IN_2026 = Grant(Role.BLOCK_HEAD, block_id=3, year=2026)


@pytest.mark.parametrize(("block_id", "year", "allowed", "rule"), [
    (3, 2026, True, "auth.granted"),
    (3, None, True, "auth.granted"),  # a read that names no year: the block is theirs
    (3, 2027, False, "auth.scope"),  # next year's head is elected, not granted yet
    (4, 2026, False, "auth.scope"),  # another block
    (None, 2026, False, "auth.scope"),  # the province as a whole
])
def test_a_block_head_acts_for_their_own_block_and_year_only(
    block_id: int | None, year: int | None, allowed: bool, rule: str
) -> None:
    verdict = may([HEAD_OF_BLOCK_3_IN_2026], Action.SUBMIT_PROPOSAL, block_id, year)
    assert (verdict.allowed, verdict.rule) == (allowed, rule)


def test_a_province_role_is_not_limited_to_a_block_but_only_does_its_own_work() -> None:
    secretary = [Grant(Role.COUNCIL_SECRETARY)]
    assert may(secretary, Action.SCREEN, block_id=7, year=2026).allowed
    refused = may(secretary, Action.SIGN_DECISION)
    assert (refused.allowed, refused.rule) == (False, "auth.role")
    assert "chairman_office" in refused.reason


def test_no_grant_refuses_every_action_by_role() -> None:
    assert {may([], action).rule for action in Action} == {"auth.role"}


def test_one_covering_grant_among_several_is_enough() -> None:
    grants = [Grant(Role.BLOCK_HEAD, block_id=1, year=2025), HEAD_OF_BLOCK_3_IN_2026]
    assert may(grants, Action.RECORD_BALLOTS, block_id=3, year=2026).allowed


FLAG = Quota("CO_THI_DUA_UBND_TINH", "Quy chế của tỉnh, Điều 9", per_block=1)


@pytest.mark.parametrize(("placed", "holds"), [
    (Placed(State.SUBMITTED), True),
    (Placed(State.ELIGIBLE), True),
    (Placed(State.AWARDED), True),
    (Placed(State.ENDORSED), False),  # voted by the block, not yet proposed
    (Placed(State.ENDORSED, in_pending_proposal=True), True),  # its proposal is being sent right now
    (Placed(State.RETURNED, in_pending_proposal=True), True),  # corrected and sent again
    (Placed(State.RETURNED), False),
    (Placed(State.ON_HOLD, held_from=State.ELIGIBLE), True),  # lifting the hold resumes a placed state
    (Placed(State.ON_HOLD, held_from=State.ENDORSED), False),
])
def test_which_nominations_take_a_place(placed: Placed, holds: bool) -> None:
    assert placed.holds_place is holds


def test_a_proposal_over_the_quota_is_refused_with_the_count_and_the_basis() -> None:
    use = quota_use(FLAG, "Cờ thi đua của UBND tỉnh", QuotaScope.BLOCK, 1,
                    [Placed(State.SUBMITTED), Placed(State.ENDORSED)])
    assert (use.used, use.remaining) == (1, 0)
    problem = quota_problem(use, adding=1, field="nomination_ids")
    assert problem is not None and problem.rule == "quota.exceeded" and problem.field == "nomination_ids"
    assert "at most 1" in problem.message and "Quy chế của tỉnh, Điều 9" in problem.message
    assert quota_problem(quota_use(FLAG, "Cờ", QuotaScope.BLOCK, 1, []), adding=1, field="nomination_ids") is None


@pytest.mark.parametrize(("quota", "members", "limit"), [
    (Quota("FLAG", "x", per_block=1), 14, 1),
    # Larger blocks may propose two flags: the largest step the block reaches.
    (Quota("FLAG", "x", by_block_size=(SizeStep(1, 1), SizeStep(10, 2))), 9, 1),
    (Quota("FLAG", "x", by_block_size=(SizeStep(1, 1), SizeStep(10, 2))), 10, 2),
    (Quota("FLAG", "x", by_block_size=(SizeStep(5, 1),)), 4, 0),
    # A share of the member units, rounded down: 20 % of 14 is 2.8, so 2.
    (Quota("BK", "x", share_percent=Decimal(20)), 14, 2),
    (Quota("BK", "x", province_total=30), 14, None),  # only the province's total limits it
])
def test_a_blocks_limit_as_the_province_writes_it(quota: Quota, members: int, limit: int | None) -> None:
    assert quota.block_limit(members) == limit


def test_the_provinces_total_refuses_in_the_provinces_words() -> None:
    total = Quota("BK", "Kế hoạch của tỉnh", province_total=3)
    use = quota_use(total, "Bằng khen", QuotaScope.PROVINCE, 3, [Placed(State.SUBMITTED)] * 3)
    problem = quota_problem(use, adding=1, field="nomination_ids")
    assert problem is not None and "the province's blocks together may propose at most 3" in problem.message
    assert "các Khối trong tỉnh chỉ được đề nghị tối đa 3" in problem.vi


PASSED = RuleResult("flag.rated_excellent", "Luật TĐKT Điều 26", Outcome.PASS, "Hoàn thành xuất sắc nhiệm vụ.")
FAILED = RuleResult("flag.leading_unit", "Luật TĐKT Điều 26", Outcome.FAIL, "Not the block's leading unit.")
UNKNOWN = RuleResult("flag.no_discipline", "Luật TĐKT Điều 26", Outcome.UNKNOWN, "Not declared.",
                     missing=("disciplined_members",))


@pytest.mark.parametrize(("office", "results", "eligible"), [
    (True, [PASSED], True),
    (False, [PASSED], False),  # the office found the dossier incomplete
    (True, [PASSED, FAILED], False),  # a rule of the award fails
    (True, [PASSED, UNKNOWN], False),  # a fact the rule needs was not declared
])
def test_a_dossier_is_eligible_only_when_the_office_and_every_rule_agree(
    office: bool, results: list[RuleResult], eligible: bool
) -> None:
    assert screening_verdict(office, "", results).eligible is eligible


def test_a_returned_dossier_says_the_office_s_reason_then_each_failed_rule_and_what_is_missing() -> None:
    verdict = screening_verdict(True, "Thiếu báo cáo thành tích.", [PASSED, FAILED, UNKNOWN])
    assert verdict.reason == ("Thiếu báo cáo thành tích. Not the block's leading unit. (flag.leading_unit; "
                              "Luật TĐKT Điều 26) Please provide: disciplined_members.")


def test_a_returned_dossier_s_reason_reads_in_vietnamese_by_the_rule_s_name_and_the_fact_s_label() -> None:
    """What the desk's timeline shows: the rule's Vietnamese name, not its English message or id."""
    failed = RuleResult("cstd_tinh.three_years_cstdcs", "Luật TĐKT Điều 23", Outcome.FAIL, "Needs CSTĐCS 3 years.")
    unknown = RuleResult("ttldxs.rated_excellent", "Luật TĐKT Điều 27", Outcome.UNKNOWN, "Not declared.",
                         missing=("rating",))
    verdict = screening_verdict(True, "Thiếu báo cáo thành tích.", [PASSED, failed, unknown])
    assert verdict.reason_vi == ("Thiếu báo cáo thành tích. Không đạt tiêu chuẩn «03 năm liên tục đạt danh hiệu "
                                 "Chiến sĩ thi đua cơ sở» (Luật TĐKT Điều 23). Đề nghị bổ sung thông tin: "
                                 "Xếp loại năm xét.")
