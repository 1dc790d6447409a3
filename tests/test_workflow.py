"""The state machine without a database: every allowed move, every refused pair, and why."""

from itertools import product

import pytest

from models.domain.enums import StageKind, State
from models.domain.standing_body import StandingAppraisal
from models.domain.votes import SIMPLE_MAJORITY, Tally, count_votes
from models.domain.workflow import (
    MOVES,
    OPEN_STATES,
    Move,
    MoveContext,
    check_move,
    choose_move,
    find_move,
    is_terminal,
)

PASSED = count_votes(Tally(5, 2), 7, SIMPLE_MAJORITY)
FAILED = count_votes(Tally(3, 4), 7, SIMPLE_MAJORITY)


def satisfying_context(source: State, target: State) -> MoveContext:
    """Facts under which the declared move from source to target is allowed."""
    if source == State.ON_HOLD:
        return MoveContext(held_from=target, reason="investigation closed")
    if target == State.ENDORSED or target == State.RECOMMENDED:
        return MoveContext(vote=PASSED)
    if target in (State.NOT_ENDORSED, State.NOT_RECOMMENDED):
        return MoveContext(vote=FAILED)
    if target == State.SUBMITTED:
        return MoveContext(proposal_id=1)
    if target == State.ELIGIBLE:
        return MoveContext(screening_passed=True)
    if target == State.RETURNED:
        return MoveContext(screening_passed=False, reason="missing report")
    if target == State.FORWARDED:
        return MoveContext(forwarding_id=1, decided_above_province=True)
    if source == State.FORWARDED and target in (State.AWARDED, State.DECLINED):
        struck = target == State.DECLINED
        return MoveContext(central_decision_id=1, struck=struck, reason="Không được khen thưởng" if struck else "")
    if target == State.AWARDED:
        return MoveContext(decision_id=1)
    if target == State.DECLINED:
        return MoveContext(decision_id=1, struck=True, reason="struck by the signer")
    return MoveContext(reason="asked by the unit")


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}->{m.target}")
def test_every_declared_move_is_allowed_when_its_facts_hold(move: object) -> None:
    source, target = move.source, move.target  # type: ignore[attr-defined]
    verdict = check_move(source, target, satisfying_context(source, target))
    assert verdict.allowed, verdict
    assert verdict.rule and verdict.reason


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}->{m.target}")
def test_every_declared_move_is_refused_without_its_facts(move: object) -> None:
    verdict = check_move(move.source, move.target, MoveContext())  # type: ignore[attr-defined]
    assert not verdict.allowed
    assert verdict.reason, "a refusal always says why"


UNDECLARED = [(s, t) for s, t in product(State, State) if find_move(s, t) is None]


@pytest.mark.parametrize(("source", "target"), UNDECLARED, ids=lambda s: s.value)
def test_every_undeclared_pair_is_refused_by_name(source: State, target: State) -> None:
    verdict = check_move(source, target, satisfying_context(source, target))
    assert not verdict.allowed
    assert verdict.rule == "workflow.no_such_move"
    assert source.value in verdict.reason and target.value in verdict.reason


def test_the_table_covers_all_pairs() -> None:
    assert len(MOVES) + len(UNDECLARED) == len(State) ** 2


def test_guards_say_why_a_move_is_refused() -> None:
    assert check_move(State.NOMINATED, State.ENDORSED, MoveContext(vote=FAILED)).reason == (
        "3 of 7 members voted for, 4 needed: the vote did not pass")
    assert check_move(State.NOMINATED, State.NOT_ENDORSED, MoveContext(vote=PASSED)).rule == "vote.passed"
    returned = check_move(State.SUBMITTED, State.RETURNED, MoveContext(screening_passed=False))
    assert returned.rule == "screening.reason_required"
    assert check_move(State.SUBMITTED, State.ELIGIBLE, MoveContext(screening_passed=False)).rule == "screening.mismatch"
    declined = check_move(State.RECOMMENDED, State.DECLINED, MoveContext(decision_id=3, struck=True))
    assert declined.rule == "decision.reason_required"
    assert check_move(State.RECOMMENDED, State.AWARDED, MoveContext(decision_id=3, struck=True)).rule == (
        "decision.mismatch")
    assert check_move(State.ELIGIBLE, State.WITHDRAWN, MoveContext(reason="  ")).rule == "withdrawal.reason_required"


def test_a_hold_is_lifted_only_back_to_where_it_was_placed() -> None:
    wrong = check_move(State.ON_HOLD, State.RECOMMENDED, MoveContext(held_from=State.ELIGIBLE, reason="cleared"))
    assert not wrong.allowed and wrong.rule == "hold.resume_state"
    assert check_move(State.ON_HOLD, State.ELIGIBLE, MoveContext(held_from=State.ELIGIBLE, reason="cleared")).allowed


def test_finished_nominations_cannot_move_and_open_ones_can_be_withdrawn_or_held() -> None:
    assert {s for s in State if is_terminal(s)} == {
        State.NOT_ENDORSED, State.NOT_RECOMMENDED, State.AWARDED, State.DECLINED, State.WITHDRAWN}
    for state in OPEN_STATES:
        assert find_move(state, State.WITHDRAWN) and find_move(state, State.ON_HOLD)
    assert find_move(State.AWARDED, State.WITHDRAWN) is None


STAGE_MOVES = [(m, stage) for m in MOVES for stage in sorted(m.stages)]


@pytest.mark.parametrize(("move", "stage"), STAGE_MOVES, ids=lambda m: f"{m.source}->{m.target}"
                         if isinstance(m, Move) else str(m))
def test_a_stages_facts_choose_exactly_its_move(move: Move, stage: StageKind) -> None:
    chosen = choose_move(stage, move.source, satisfying_context(move.source, move.target))
    assert chosen is not None and chosen.target == move.target


@pytest.mark.parametrize(("agreed", "target", "rule"), [(True, State.RECOMMENDED, "standing.agreed"),
                                                        (False, State.NOT_RECOMMENDED, "standing.not_agreed")])
def test_the_standing_bodys_appraisal_chooses_the_move_without_a_vote(agreed: bool, target: State, rule: str) -> None:
    context = MoveContext(appraisal=StandingAppraisal(agreed, "" if agreed else "Chưa đủ thành tích"))
    chosen = choose_move(StageKind.STANDING_APPRAISAL, State.ELIGIBLE, context)
    assert chosen is not None and chosen.target == target
    verdict = check_move(State.ELIGIBLE, target, context)
    assert verdict.allowed and verdict.rule == rule and "Thường trực Hội đồng" in verdict.reason_vi
    assert not check_move(State.ELIGIBLE, State.RECOMMENDED if not agreed else State.NOT_RECOMMENDED,
                          context).allowed
    assert choose_move(StageKind.STANDING_APPRAISAL, State.SUBMITTED, context) is None, "screening comes first"


def test_facts_that_fit_no_move_of_the_stage_choose_none() -> None:
    assert choose_move(StageKind.SCREENING, State.SUBMITTED, MoveContext()) is None  # no screening result yet
    assert choose_move(StageKind.DECISION_ISSUE, State.AWARDED, MoveContext(decision_id=1)) is None  # terminal
    struck_without_reason = MoveContext(decision_id=1, struck=True)
    assert choose_move(StageKind.DECISION_ISSUE, State.RECOMMENDED, struck_without_reason) is None
    passed = satisfying_context(State.ELIGIBLE, State.RECOMMENDED)
    assert choose_move(StageKind.COUNCIL_REVIEW, State.NOMINATED, passed) is None, "a council vote is no block vote"
    assert choose_move(StageKind.COUNCIL_REVIEW, State.ON_HOLD, passed) is None, "a hold is lifted by hand only"
