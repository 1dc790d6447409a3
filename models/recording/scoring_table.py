"""The block's consolidated table (bảng tổng hợp điểm): every member's scores, totals, rating and rank, read in a
fixed handful of queries however many members and criteria the block has."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import BlockRole
from models.domain.errors import Problem
from models.domain.scoring import Breakdown, breakdown, leader_problem, rank
from models.recording.common import members_of
from models.tables.movement import Registration
from models.tables.movement_scoring import BlockScoring, CriteriaSet, ScoreAdjustment, ScoreEntry
from models.tables.organisation import Unit


@dataclass(frozen=True)
class EntryView:
    entry: ScoreEntry
    adjustments: tuple[ScoreAdjustment, ...]  # oldest first; the last one counts

    @property
    def effective(self) -> Decimal:
        return self.adjustments[-1].points if self.adjustments else self.entry.self_points


@dataclass(frozen=True)
class TableRow:
    unit_id: int
    unit_name: str
    block_role: BlockRole
    rank: int
    tied: bool
    result: Breakdown
    registered_award_code: str | None
    registered: bool
    entries: list[EntryView] = field(default_factory=list)


@dataclass(frozen=True)
class ScoringTable:
    rows: list[TableRow]
    leader_unit_id: int | None
    leader_problem: Problem | None


async def _entries(session: AsyncSession, scoring_id: int) -> dict[int, list[EntryView]]:
    entries = (await session.exec(select(ScoreEntry).where(ScoreEntry.scoring_id == scoring_id)
                                  .order_by(col(ScoreEntry.id)))).all()
    adjustments: defaultdict[int, list[ScoreAdjustment]] = defaultdict(list)
    for a in (await session.exec(select(ScoreAdjustment).where(ScoreAdjustment.scoring_id == scoring_id)
                                 .order_by(col(ScoreAdjustment.id)))).all():
        adjustments[a.entry_id].append(a)
    by_unit: defaultdict[int, list[EntryView]] = defaultdict(list)
    for e in entries:
        by_unit[e.unit_id].append(EntryView(e, tuple(adjustments[e.id])))
    return by_unit


async def scoring_table(
    session: AsyncSession, scoring: BlockScoring, criteria_set: CriteriaSet, vote_order: Sequence[int] | None = None
) -> ScoringTable:
    definition = criteria_set.parsed()
    members = await members_of(session, scoring.block_id, scoring.year)
    names = {u.id: u.name for u in (await session.exec(select(Unit).where(
        col(Unit.id).in_([m.unit_id for m in members])))).all()}
    registrations: dict[int, Registration] = {}
    if scoring.movement_id is not None:
        registrations = {r.unit_id: r for r in (await session.exec(select(Registration).where(
            Registration.movement_id == scoring.movement_id, Registration.year == scoring.year))).all()}
    entries = await _entries(session, scoring.id)
    results = [breakdown(definition, m.unit_id, {v.entry.criterion_code: v.effective for v in entries[m.unit_id]})
               for m in members]
    order = list(vote_order if vote_order is not None else scoring.result.get("vote_order", []))
    ranked = rank(definition, results, order)
    roles = {m.unit_id: m.role for m in members}
    rows = [TableRow(r.result.unit_id, names[r.result.unit_id], roles[r.result.unit_id], r.rank, r.tied, r.result,
                     reg.award_code if (reg := registrations.get(r.result.unit_id)) else None,
                     r.result.unit_id in registrations, entries[r.result.unit_id])
            for r in ranked]
    problem = leader_problem(definition, ranked)
    return ScoringTable(rows, None if problem else rows[0].unit_id, problem)


def closed_result(
    scoring: BlockScoring, criteria_set: CriteriaSet, table: ScoringTable, vote_order: Sequence[int]
) -> dict[str, Any]:
    """What closing freezes, and what the year-end meeting's facts cite: the set and version, and each rank."""
    return {
        "criteria_set_id": criteria_set.id, "criteria_set_code": criteria_set.code,
        "criteria_set_version": criteria_set.version, "round": scoring.round.value,
        "vote_order": list(vote_order),
        "leader_unit_id": table.leader_unit_id,
        "leader_problem_vi": table.leader_problem.vi if table.leader_problem else None,
        "rows": [{"unit_id": r.unit_id, "rank": r.rank, "tied": r.tied, "total": float(r.result.total),
                  "groups": {k: float(v) for k, v in r.result.groups.items()}, "bonus": float(r.result.bonus),
                  "penalty": float(r.result.penalty), "rating": r.result.rating} for r in table.rows],
    }
