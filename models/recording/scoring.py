"""A block's scoring round: opened under a criteria set, members' self-scores, the head's adjustments with reasons,
then closed, which freezes the ranking the year-end meeting reads."""

from datetime import UTC, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, DomainError, Problem, refuse
from models.domain.movements import ScoringStatus
from models.domain.scoring import score_problem
from models.domain.vietnamese import SCORING_ROUND_VI
from models.recording.common import get_or_404, members_of, require_unique
from models.recording.movements import require_taking_part
from models.recording.scoring_table import closed_result, scoring_table
from models.storage.locks import serialize_on
from models.tables.movement import Movement
from models.tables.movement_scoring import (
    AdjustmentCreate,
    BlockScoring,
    BlockScoringCreate,
    CriteriaSet,
    ScoreAdjustment,
    ScoreEntry,
    ScoringClose,
    SelfScoresSubmit,
)
from models.tables.organisation import EmulationBlock


async def open_scoring(session: AsyncSession, data: BlockScoringCreate, actor: Actor) -> BlockScoring:
    await serialize_on(session, EmulationBlock, data.block_id, "block_id")  # opened twice at once: once
    criteria_set = await get_or_404(session, CriteriaSet, data.criteria_set_id, "criteria_set_id")
    if criteria_set.year != data.year or criteria_set.block_id not in (None, data.block_id):
        raise refuse("criteria_set_id", "scoring.criteria_set",
                     "The criteria set must be the province's or this block's own, for this year.",
                     vi=f"Bảng tiêu chí «{criteria_set.name}» (năm {criteria_set.year}) không dùng được: phải là "
                        f"bảng tiêu chí chung của tỉnh hoặc của chính Khối này, cho năm {data.year}.")
    if data.movement_id is not None:
        movement = await get_or_404(session, Movement, data.movement_id, "movement_id")
        await require_taking_part(session, movement, data.block_id, data.year, "block_id")
    if not await members_of(session, data.block_id, data.year):
        raise refuse("year", "block.members", f"Block {data.block_id} has no members in {data.year}.",
                     vi=f"Khối thi đua mã số {data.block_id} không có đơn vị thành viên nào trong năm {data.year}.")
    held = (await session.exec(select(BlockScoring.id).where(
        BlockScoring.block_id == data.block_id, BlockScoring.year == data.year,
        BlockScoring.round == data.round))).first()
    if held is not None:
        raise Conflict(Problem("round", "scoring.once", f"This round is already open (scoring {held}).",
                               vi=f"Khối đã mở đợt chấm điểm «{SCORING_ROUND_VI[data.round]}» năm {data.year} "
                                  f"(mã số {held})."))
    scoring = BlockScoring(**data.model_dump(), created_by=actor.username)
    session.add(scoring)
    await session.flush()
    return scoring


async def _open_for_change(session: AsyncSession, scoring_id: int) -> tuple[BlockScoring, CriteriaSet]:
    await serialize_on(session, BlockScoring, scoring_id, "scoring_id")
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    if scoring.status != ScoringStatus.OPEN:
        raise Conflict(Problem("scoring_id", "scoring.closed", "This scoring is closed; its ranking is final.",
                               vi="Đợt chấm điểm này đã chốt kết quả; không sửa, không điều chỉnh được điểm nữa. "
                                  "Muốn sửa, Trưởng Khối hoặc Thư ký Hội đồng mở lại đợt chấm điểm và ghi rõ lý do."))
    return scoring, await get_or_404(session, CriteriaSet, scoring.criteria_set_id, "criteria_set_id")


async def _member_ids(session: AsyncSession, scoring: BlockScoring) -> set[int]:
    return {m.unit_id for m in await members_of(session, scoring.block_id, scoring.year)}


def _require_member(members: set[int], scoring: BlockScoring, unit_id: int, field: str) -> None:
    if unit_id not in members:
        raise refuse(field, "block.member", f"Unit {unit_id} is not a member of this block in {scoring.year}.",
                     vi=f"Đơn vị mã số {unit_id} không phải thành viên của Khối thi đua này năm {scoring.year}.")


async def submit_self_scores(
    session: AsyncSession, scoring_id: int, unit_id: int, data: SelfScoresSubmit, actor: Actor
) -> None:
    """A member's self-scores with their evidence; a criterion the head has already reviewed stays as reviewed."""
    scoring, criteria_set = await _open_for_change(session, scoring_id)
    _require_member(await _member_ids(session, scoring), scoring, unit_id, "unit_id")
    definition = criteria_set.parsed()
    codes = [s.criterion_code for s in data.scores]
    if len(set(codes)) != len(codes):
        raise refuse("scores", "scoring.criterion_once", "A criterion is scored twice in one request.",
                     vi="Một tiêu chí được chấm hai lần trong cùng một lần gửi điểm.")
    problems = [p for i, s in enumerate(data.scores)
                if (p := score_problem(definition, s.criterion_code, s.points, f"scores.{i}")) is not None]
    if problems:
        raise DomainError(*problems)
    existing = {e.criterion_code: e for e in (await session.exec(select(ScoreEntry).where(
        ScoreEntry.scoring_id == scoring_id, ScoreEntry.unit_id == unit_id))).all()}
    reviewed = set((await session.exec(select(ScoreEntry.criterion_code).join(
        ScoreAdjustment, col(ScoreAdjustment.entry_id) == col(ScoreEntry.id)).where(
        ScoreEntry.scoring_id == scoring_id, ScoreEntry.unit_id == unit_id))).all())
    locked = [Problem(f"scores.{i}.criterion_code", "scoring.reviewed",
                      f"The block head has reviewed {s.criterion_code}; its self-score stays as it was.",
                      vi=f"Trưởng Khối đã thẩm định tiêu chí «{s.criterion_code}»; không sửa được điểm tự chấm.")
              for i, s in enumerate(data.scores) if s.criterion_code in reviewed]
    if locked:
        raise Conflict(*locked)
    now = datetime.now(UTC)
    for s in data.scores:
        entry = existing.get(s.criterion_code) or ScoreEntry(
            scoring_id=scoring_id, unit_id=unit_id, criterion_code=s.criterion_code, self_points=s.points,
            submitted_by=actor.username)
        entry.self_points, entry.evidence = s.points, s.evidence
        entry.submitted_by, entry.submitted_at = actor.username, now
        session.add(entry)
    await session.flush()


async def adjust_score(session: AsyncSession, scoring_id: int, data: AdjustmentCreate, actor: Actor) -> bool:
    """The head's score for one member's criterion, with the reason; the self-score is kept beside it. The same
    score and reason as the last adjustment (a retry, a double click, two requests at once: they queue on the
    round's lock) adds nothing; returns whether a new adjustment was kept."""
    scoring, criteria_set = await _open_for_change(session, scoring_id)
    _require_member(await _member_ids(session, scoring), scoring, data.unit_id, "unit_id")
    if not data.reason.strip():  # spaces only: as good as no reason, and the table must explain each change
        raise refuse("reason", "scoring.reason_required", "Say why the self-score is changed.",
                     vi="Trưởng Khối ghi rõ lý do điều chỉnh điểm tự chấm của đơn vị.")
    if (problem := score_problem(criteria_set.parsed(), data.criterion_code, data.points, "")) is not None:
        raise DomainError(Problem(problem.field.lstrip("."), problem.rule, problem.message, vi=problem.vi))
    entry = (await session.exec(select(ScoreEntry).where(
        ScoreEntry.scoring_id == scoring_id, ScoreEntry.unit_id == data.unit_id,
        ScoreEntry.criterion_code == data.criterion_code))).first()
    if entry is None:
        raise refuse("criterion_code", "scoring.no_self_score",
                     "The member has not scored this criterion itself yet.",
                     vi=f"Đơn vị chưa tự chấm tiêu chí «{data.criterion_code}»; Trưởng Khối thẩm định sau khi "
                        "đơn vị gửi điểm tự chấm.")
    last = (await session.exec(select(ScoreAdjustment).where(ScoreAdjustment.entry_id == entry.id)
                               .order_by(col(ScoreAdjustment.id).desc()))).first()
    if last is not None and last.points == data.points and last.reason.strip() == data.reason.strip():
        return False
    session.add(ScoreAdjustment(entry_id=entry.id, scoring_id=scoring_id, points=data.points,
                                reason=data.reason.strip(), adjusted_by=actor.username))
    await session.flush()
    return True


async def close_scoring(session: AsyncSession, scoring_id: int, data: ScoringClose, actor: Actor) -> BlockScoring:
    """Freeze the ranking: every member scored on every criterion, the first place settled."""
    scoring, criteria_set = await _open_for_change(session, scoring_id)
    require_unique(data.vote_order, "vote_order")
    members = await _member_ids(session, scoring)
    for i, unit_id in enumerate(data.vote_order):
        _require_member(members, scoring, unit_id, f"vote_order.{i}")
    table = await scoring_table(session, scoring, criteria_set, data.vote_order)
    incomplete = [Problem(f"units.{r.unit_id}", "scoring.incomplete",
                          f"Unit {r.unit_id} has not scored {', '.join(r.result.unscored)}.",
                          vi=f"{r.unit_name} chưa chấm các tiêu chí: {', '.join(r.result.unscored)}.")
                  for r in table.rows if r.result.unscored]
    if incomplete:
        raise DomainError(*incomplete)
    if table.leader_problem is not None and table.leader_problem.rule == "scoring.tie_for_first":
        raise DomainError(table.leader_problem)
    scoring.result = closed_result(scoring, criteria_set, table, data.vote_order)
    scoring.status = ScoringStatus.CLOSED
    scoring.closed_by, scoring.closed_at = actor.username, datetime.now(UTC)
    session.add(scoring)
    await session.flush()
    return scoring
