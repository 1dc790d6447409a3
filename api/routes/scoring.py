"""A block's scoring rounds: open under a criteria set, self-scores, the head's adjustments, the table, closing."""

from urllib.parse import quote

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel, col, select

from api.deps import CurrentPrincipal, PathId, QueryId, QueryYear, SessionDep
from api.routes.scoring_public import (
    AdjustmentPublic,
    EntryPublic,
    ReopeningPublic,
    RowPublic,
    ScoringPublic,
    ScoringSummary,
)
from api.scope import block_years_read, in_scored_blocks
from docx_templates import DocumentKind
from flows.documents.rendering import render_off_loop
from flows.documents.scoring_table import build_scoring_table
from models.domain.errors import Conflict, Problem
from models.domain.movements import ScoringStatus
from models.domain.permissions import Action
from models.domain.vietnamese import RATING_VI, SCORING_ROUND_VI, SCORING_STATUS_VI
from models.recording.common import get_or_404
from models.recording.scoring import adjust_score, close_scoring, open_scoring, submit_self_scores
from models.recording.scoring_reopen import reopen_scoring
from models.recording.scoring_table import EntryView, TableRow, scoring_table
from models.storage.statistics_years import rating_counts
from models.tables.movement_scoring import (
    AdjustmentCreate,
    BlockScoring,
    BlockScoringCreate,
    CriteriaSet,
    ScoringClose,
    ScoringReopen,
    ScoringReopening,
    SelfScoresSubmit,
)

router = APIRouter(prefix="/scorings", tags=["movements and scoring"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _entry(v: EntryView) -> EntryPublic:
    return EntryPublic(criterion_code=v.entry.criterion_code, self_points=float(v.entry.self_points),
                       evidence=v.entry.evidence, submitted_by=v.entry.submitted_by,
                       submitted_at=v.entry.submitted_at, points=float(v.effective),
                       adjustments=[AdjustmentPublic(points=float(a.points), reason=a.reason,
                                                     adjusted_by=a.adjusted_by, adjusted_at=a.adjusted_at)
                                    for a in v.adjustments])


def _row(r: TableRow) -> RowPublic:
    b = r.result
    return RowPublic(unit_id=r.unit_id, unit_name=r.unit_name, block_role=r.block_role, rank=r.rank, tied=r.tied,
                     groups={k: float(v) for k, v in b.groups.items()}, bonus=float(b.bonus),
                     penalty=float(b.penalty), total=float(b.total), rating=b.rating, rating_vi=RATING_VI[b.rating],
                     unscored=list(b.unscored), registered=r.registered,
                     registered_award_code=r.registered_award_code, entries=[_entry(e) for e in r.entries])


async def scoring_public(session: SessionDep, scoring: BlockScoring) -> ScoringPublic:
    criteria_set = await get_or_404(session, CriteriaSet, scoring.criteria_set_id, "criteria_set_id")
    table = await scoring_table(session, scoring, criteria_set)
    return ScoringPublic(
        **scoring.model_dump(exclude={"result"}), round_vi=SCORING_ROUND_VI[scoring.round],
        status_vi=SCORING_STATUS_VI[scoring.status], criteria_set_code=criteria_set.code,
        criteria_set_version=criteria_set.version, vote_order=scoring.result.get("vote_order", []),
        leader_unit_id=table.leader_unit_id,
        leader_problem_vi=table.leader_problem.vi if table.leader_problem else None,
        rows=[_row(r) for r in table.rows],
        reopenings=[ReopeningPublic(reason=r.reason, reopened_by=r.reopened_by, reopened_at=r.reopened_at,
                                    previous_closed_at=r.previous_closed_at,
                                    previous_leader_unit_id=r.previous_result.get("leader_unit_id"))
                    for r in (await session.exec(select(ScoringReopening).where(
                        ScoringReopening.scoring_id == scoring.id).order_by(col(ScoringReopening.id)))).all()])


async def _for_change(session: SessionDep, principal: CurrentPrincipal, scoring_id: int) -> BlockScoring:
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    principal.require(Action.SCORE_BLOCK, scoring.block_id, scoring.year, field="scoring_id")
    return scoring


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: BlockScoringCreate, session: SessionDep, principal: CurrentPrincipal) -> ScoringPublic:
    """Open the block's scoring round (mid_year: sơ kết, final: tổng kết) under a criteria set of the year."""
    principal.require(Action.SCORE_BLOCK, data.block_id, data.year, field="block_id")
    scoring = await open_scoring(session, data, principal.actor)
    await session.commit()
    return await scoring_public(session, scoring)


@router.get("")
async def list_scorings(session: SessionDep, principal: CurrentPrincipal, year: QueryYear = None,
                        block_id: QueryId = None) -> list[ScoringSummary]:
    """The rounds the caller reads (one query; GET /scorings/{id} gives a round's table)."""
    query = select(BlockScoring).order_by(col(BlockScoring.year), col(BlockScoring.block_id), col(BlockScoring.id))
    if year is not None:
        query = query.where(BlockScoring.year == year)
    if block_id is not None:
        query = query.where(BlockScoring.block_id == block_id)
    headed = in_scored_blocks(principal, col(BlockScoring.block_id), col(BlockScoring.year))
    if headed is not None:
        query = query.where(headed)
    return [ScoringSummary.model_validate(s, update={"leader_unit_id": s.result.get("leader_unit_id")})
            for s in (await session.exec(query)).all()]


class RatingCountPublic(SQLModel):
    year: int
    block_id: int | None
    units: int
    counts: dict[str, int]
    percents: dict[str, float]


@router.get("/statistics")
async def statistics(session: SessionDep, principal: CurrentPrincipal, from_year: QueryYear = None,
                     until_year: QueryYear = None) -> list[RatingCountPublic]:
    """Units per rating and their shares, per block and year and for all blocks, from closed year-end rounds."""
    rows = await rating_counts(session, from_year, until_year, block_years_read(principal))
    return [RatingCountPublic(year=r.year, block_id=r.block_id, units=r.units,
                              counts={k: v for k, v in r.counts.items()},
                              percents={k: float(v) for k, v in r.percents.items()}) for r in rows]


@router.get("/{scoring_id}")
async def read(scoring_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> ScoringPublic:
    """The block's consolidated table: each member's self-scores and the head's adjustments, totals, rating, rank."""
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    principal.require(Action.READ_SCORING, scoring.block_id, scoring.year, field="scoring_id")
    return await scoring_public(session, scoring)


@router.get("/{scoring_id}/table.docx", response_class=Response,
            responses={200: {"content": {DOCX: {}}, "description": "The block's consolidated scoring table"}})
async def table_docx(scoring_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> Response:
    """Bảng tổng hợp điểm of a closed round, in the Decree 30 layout, dated the day it closed."""
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    principal.require(Action.READ_SCORING, scoring.block_id, scoring.year, field="scoring_id")
    if scoring.status != ScoringStatus.CLOSED:
        raise Conflict(Problem("scoring_id", "scoring.not_closed", "The table is printed once the round is closed.",
                               vi="Bảng tổng hợp điểm chỉ được in sau khi đợt chấm điểm đã chốt kết quả."))
    context, filename = await build_scoring_table(session, scoring)
    content = await render_off_loop(DocumentKind.SCORING_TABLE, context)
    return Response(content, media_type=DOCX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


@router.put("/{scoring_id}/units/{unit_id}/self-scores")
async def self_scores(scoring_id: PathId, unit_id: PathId, data: SelfScoresSubmit, session: SessionDep,
                      principal: CurrentPrincipal) -> ScoringPublic:
    """A member's self-scores (bảng tự chấm điểm) with their evidence; sent again, they replace its earlier ones.
    The member unit's own account sends them (its block head may, for a unit that has no account)."""
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    # Another block's round is not acknowledged (scoring_id); in its own block, a member unit sends its own sheet only.
    principal.require(Action.SUBMIT_SELF_SCORES, scoring.block_id, scoring.year, field="scoring_id")
    principal.require(Action.SUBMIT_SELF_SCORES, scoring.block_id, scoring.year, field="unit_id", unit_id=unit_id)
    await submit_self_scores(session, scoring_id, unit_id, data, principal.actor)
    await session.commit()
    return await scoring_public(session, scoring)


@router.post("/{scoring_id}/adjustments", status_code=status.HTTP_201_CREATED,
             responses={200: {"description": "The same score and reason as the last adjustment: nothing added"}})
async def adjustment(scoring_id: PathId, data: AdjustmentCreate, session: SessionDep, principal: CurrentPrincipal,
                     response: Response) -> ScoringPublic:
    """The head's score for a member's criterion, with the reason; the self-score is kept beside it. Sent again
    unchanged (twice, or twice at once), it is kept once: 200 instead of 201."""
    scoring = await _for_change(session, principal, scoring_id)
    if not await adjust_score(session, scoring_id, data, principal.actor):
        response.status_code = status.HTTP_200_OK
    await session.commit()
    return await scoring_public(session, scoring)


@router.post("/{scoring_id}/reopen")
async def reopen(scoring_id: PathId, data: ScoringReopen, session: SessionDep,
                 principal: CurrentPrincipal) -> ScoringPublic:
    """Open a closed round again, with the reason (logged beside the ranking it had); closing ranks anew. Refused
    once the block's year-end meeting has opened from the ranking."""
    scoring = await get_or_404(session, BlockScoring, scoring_id, "scoring_id")
    principal.require(Action.REOPEN_SCORING, scoring.block_id, scoring.year, field="scoring_id")
    scoring = await reopen_scoring(session, scoring_id, data, principal.actor)
    await session.commit()
    return await scoring_public(session, scoring)


@router.post("/{scoring_id}/close", status_code=status.HTTP_201_CREATED)
async def close(scoring_id: PathId, data: ScoringClose, session: SessionDep,
                principal: CurrentPrincipal) -> ScoringPublic:
    """Freeze the ranking; a closed final round gives the year-end meeting its leads_block and rating facts."""
    scoring = await _for_change(session, principal, scoring_id)
    scoring = await close_scoring(session, scoring_id, data, principal.actor)
    await session.commit()
    return await scoring_public(session, scoring)
