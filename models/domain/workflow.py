"""The nomination state machine, pure: every allowed move in one table, each with a guard that says why."""

from collections.abc import Callable
from dataclasses import dataclass

from models.domain.enums import StageKind, State
from models.domain.standing_body import StandingAppraisal
from models.domain.verdict import Verdict as Verdict  # re-exported: callers have imported it from here
from models.domain.vietnamese import STATE_VI
from models.domain.votes import VoteOutcome


@dataclass(frozen=True)
class MoveContext:
    """What the caller knows when it asks for a move; each guard reads only what it needs."""

    reason: str = ""
    # The reason in Vietnamese when the engine wrote it (a screening's failed rules); a person's words need none.
    reason_vi: str = ""
    vote: VoteOutcome | None = None
    appraisal: StandingAppraisal | None = None  # the standing body's, for the awards routed to it
    proposal_id: int | None = None
    screening_passed: bool | None = None
    decision_id: int | None = None
    struck: bool = False  # struck from the decision by the signer (declined) rather than awarded
    forwarding_id: int | None = None  # the Chairman's Tờ trình to the Prime Minister that lists it
    decided_above_province: bool = False  # the catalogue's word for its award: the Prime Minister decides it
    central_decision_id: int | None = None  # the central decision recorded for it (struck: not awarded)
    held_from: State | None = None


Guard = Callable[[MoveContext], Verdict]


@dataclass(frozen=True)
class Move:
    source: State
    target: State
    name: str
    guard: Guard
    # The stages whose facts choose this move; none: a person's request (withdraw, hold).
    stages: frozenset[StageKind] = frozenset()


def _vote(should_pass: bool) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if context.vote is None:
            return Verdict(False, "vote.missing", "No vote has been recorded for this nomination.",
                           reason_vi="Chưa có kết quả bỏ phiếu cho hồ sơ này.")
        outcome = "vote.passed" if context.vote.passed else "vote.failed"
        return Verdict(context.vote.passed == should_pass, outcome, context.vote.describe(),
                       reason_vi=context.vote.describe_vi())

    return guard


def _recommendation(should_pass: bool) -> Guard:
    """The council's vote recommends, or its standing body's appraisal does, for the awards routed to it."""
    vote = _vote(should_pass)

    def guard(context: MoveContext) -> Verdict:
        if context.appraisal is None:
            return vote(context)
        rule = "standing.agreed" if context.appraisal.agreed else "standing.not_agreed"
        return Verdict(context.appraisal.agreed == should_pass, rule, context.appraisal.describe(),
                       reason_vi=context.appraisal.describe_vi())

    return guard


def _reason_given(rule: str) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if not context.reason.strip():
            return Verdict(False, f"{rule}.reason_required", "A reason must be given for this move.",
                           reason_vi="Cần ghi rõ lý do chuyển trạng thái hồ sơ.")
        # The reason is the person's own words, so it stands in both languages.
        return Verdict(True, rule, context.reason, reason_vi=context.reason)

    return guard


def _in_proposal(context: MoveContext) -> Verdict:
    if context.proposal_id is None:
        return Verdict(False, "proposal.missing", "Only a proposal (Tờ trình) can submit a nomination.",
                       reason_vi="Hồ sơ chỉ được trình lên qua Tờ trình của Khối.")
    return Verdict(True, "proposal.submitted", f"Listed in proposal {context.proposal_id}.",
                   reason_vi=f"Có tên trong Tờ trình mã số {context.proposal_id}.")


def _screening(should_pass: bool) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if context.screening_passed is None:
            return Verdict(False, "screening.missing", "No screening result has been recorded.",
                           reason_vi="Chưa có kết quả thẩm định hồ sơ.")
        if context.screening_passed != should_pass:
            verdict = "eligible" if context.screening_passed else "not eligible"
            verdict_vi = "đủ điều kiện" if context.screening_passed else "chưa đủ điều kiện"
            return Verdict(False, "screening.mismatch", f"Screening found the nomination {verdict}.",
                           reason_vi=f"Kết quả thẩm định: hồ sơ {verdict_vi}.")
        if not should_pass and not context.reason.strip():
            return Verdict(False, "screening.reason_required", "A returned dossier needs the reason why.",
                           reason_vi="Trả lại hồ sơ thì phải ghi rõ lý do.")
        return Verdict(True, "screening.result", context.reason or "Meets the conditions checked at screening.",
                       reason_vi=context.reason or "Đáp ứng các điều kiện đã thẩm định.")

    return guard


def _signed_decision(struck: bool) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if context.decision_id is None:
            return Verdict(False, "decision.missing", "Only a signed decision can award or decline.",
                           reason_vi="Chỉ Quyết định đã ký mới khen thưởng hoặc không khen thưởng hồ sơ.")
        if context.struck != struck:
            verdict = "struck from" if context.struck else "awarded by"
            verdict_vi = "bị loại khỏi" if context.struck else "được khen thưởng theo"
            return Verdict(False, "decision.mismatch", f"The nomination was {verdict} decision {context.decision_id}.",
                           reason_vi=f"Hồ sơ đã {verdict_vi} Quyết định mã số {context.decision_id}.")
        if struck and not context.reason.strip():
            return Verdict(False, "decision.reason_required", "Striking a nomination needs the reason why.",
                           reason_vi="Loại hồ sơ khỏi Quyết định thì phải ghi rõ lý do.")
        return Verdict(True, "decision.signed", context.reason or f"Listed in decision {context.decision_id}.",
                       reason_vi=context.reason or f"Có tên trong Quyết định mã số {context.decision_id}.")

    return guard


def _forwarded(context: MoveContext) -> Verdict:
    if context.forwarding_id is None:
        return Verdict(False, "forwarding.missing", "Only the Chairman's signed Tờ trình forwards a nomination.",
                       reason_vi="Hồ sơ chỉ được trình Thủ tướng Chính phủ bằng Tờ trình đã ký của Chủ tịch UBND tỉnh.")
    if not context.decided_above_province:
        return Verdict(False, "forwarding.provincial_award",
                       "The province decides this award itself: it goes into the Chairman's decision.",
                       reason_vi="Hình thức khen thưởng này do Chủ tịch UBND tỉnh quyết định, không trình Thủ tướng "
                                 "Chính phủ.")
    return Verdict(True, "forwarding.sent", f"Listed in the Chairman's Tờ trình {context.forwarding_id}.",
                   reason_vi=f"Có tên trong Tờ trình đề nghị Thủ tướng Chính phủ mã số {context.forwarding_id}.")


def _central_decision(struck: bool) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if context.central_decision_id is None:
            return Verdict(False, "central_decision.missing", "No central decision has been recorded.",
                           reason_vi="Chưa ghi nhận Quyết định khen thưởng của Trung ương cho hồ sơ này.")
        if context.struck != struck:
            return Verdict(False, "central_decision.mismatch", "The central decision said otherwise.",
                           reason_vi="Quyết định của Trung ương có kết quả khác.")
        if struck and not context.reason.strip():
            return Verdict(False, "central_decision.reason_required", "Not awarded centrally: say why.",
                           reason_vi="Trung ương không khen thưởng thì phải ghi rõ lý do.")
        return Verdict(True, "central_decision.recorded",
                       context.reason or f"Awarded by central decision {context.central_decision_id}.",
                       reason_vi=context.reason or
                       f"Được khen thưởng theo Quyết định của Trung ương mã số {context.central_decision_id}.")

    return guard


def _release_hold(target: State) -> Guard:
    def guard(context: MoveContext) -> Verdict:
        if context.held_from != target:
            held = context.held_from.value if context.held_from else "unknown"
            held_vi = f"«{STATE_VI[context.held_from]}»" if context.held_from else "không rõ"
            return Verdict(False, "hold.resume_state", f"A hold resumes the state it was put on: {held}.",
                           reason_vi=f"Hết tạm dừng, hồ sơ chỉ trở lại trạng thái trước khi tạm dừng: {held_vi}.")
        return _reason_given("hold.lifted")(context)

    return guard


# States from which a nomination can still move forward; withdrawal and holds apply only to these.
OPEN_STATES = (
    State.NOMINATED,
    State.ENDORSED,
    State.SUBMITTED,
    State.RETURNED,
    State.ELIGIBLE,
    State.RECOMMENDED,
    State.FORWARDED,  # a complaint may still arrive while the central level considers it
)

TALLY, PROPOSAL = frozenset({StageKind.MEETING_TALLY}), frozenset({StageKind.PROPOSAL_SUBMISSION})
SCREENING, DECISION = frozenset({StageKind.SCREENING}), frozenset({StageKind.DECISION_ISSUE})
FORWARDING, CENTRAL = frozenset({StageKind.FORWARDING}), frozenset({StageKind.CENTRAL_DECISION})
APPRAISED = frozenset({StageKind.COUNCIL_REVIEW, StageKind.STANDING_APPRAISAL})  # either body recommends

MOVES: tuple[Move, ...] = (
    Move(State.NOMINATED, State.ENDORSED, "block vote passed", _vote(True), TALLY),
    Move(State.NOMINATED, State.NOT_ENDORSED, "block vote failed", _vote(False), TALLY),
    Move(State.ENDORSED, State.SUBMITTED, "proposal submitted", _in_proposal, PROPOSAL),
    Move(State.RETURNED, State.SUBMITTED, "corrected dossier resubmitted", _in_proposal, PROPOSAL),
    Move(State.SUBMITTED, State.ELIGIBLE, "screening passed", _screening(True), SCREENING),
    Move(State.SUBMITTED, State.RETURNED, "returned for correction", _screening(False), SCREENING),
    Move(State.ELIGIBLE, State.RECOMMENDED, "recommended", _recommendation(True), APPRAISED),
    Move(State.ELIGIBLE, State.NOT_RECOMMENDED, "not recommended", _recommendation(False), APPRAISED),
    Move(State.RECOMMENDED, State.AWARDED, "decision signed", _signed_decision(struck=False), DECISION),
    Move(State.RECOMMENDED, State.DECLINED, "struck from the decision", _signed_decision(struck=True), DECISION),
    Move(State.RECOMMENDED, State.FORWARDED, "forwarded to the Prime Minister", _forwarded, FORWARDING),
    Move(State.FORWARDED, State.AWARDED, "awarded by the central decision", _central_decision(False), CENTRAL),
    Move(State.FORWARDED, State.DECLINED, "not awarded centrally", _central_decision(True), CENTRAL),
    *(Move(s, State.WITHDRAWN, "withdrawn", _reason_given("withdrawal")) for s in OPEN_STATES),
    *(Move(s, State.ON_HOLD, "put on hold", _reason_given("hold.placed")) for s in OPEN_STATES),
    *(Move(State.ON_HOLD, s, "hold lifted", _release_hold(s)) for s in OPEN_STATES),
)

_BY_PAIR: dict[tuple[State, State], Move] = {(m.source, m.target): m for m in MOVES}


def find_move(source: State, target: State) -> Move | None:
    return _BY_PAIR.get((source, target))


def check_move(source: State, target: State, context: MoveContext) -> Verdict:
    """Whether a nomination in `source` may become `target`, and why (not)."""
    move = find_move(source, target)
    if move is None:
        return Verdict(
            False, "workflow.no_such_move", f"A nomination that is {source.value} cannot become {target.value}.",
            reason_vi=f"Hồ sơ đang ở trạng thái «{STATE_VI[source]}», không thể chuyển sang "
                      f"«{STATE_VI[target]}».",
        )
    return move.guard(context)


def choose_move(stage: StageKind, source: State, context: MoveContext) -> Move | None:
    """The move a stage's facts choose for a nomination in `source`: the stage's one move whose guard allows it
    (they exclude each other: a vote passed or failed, a dossier found eligible or not, awarded or struck).
    None when the stage moves no nomination on from `source` (say, withdrawn or on hold meanwhile)."""
    chosen = [m for m in MOVES if stage in m.stages and m.source == source and m.guard(context).allowed]
    assert len(chosen) <= 1, f"the guards from {source.value} overlap: {[m.name for m in chosen]}"
    return chosen[0] if chosen else None


def is_terminal(state: State) -> bool:
    return not any(m.source == state for m in MOVES)
