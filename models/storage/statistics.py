"""A year's figures counted by the database: one GROUP BY over the year's nominations, one over the units that
received a collective form, one over the blocks' members. The number of queries does not grow with the number of
nominations; models/domain/statistics.py folds the groups into tables."""

from collections.abc import Collection

from sqlalchemy import distinct, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import RecipientKind, State
from models.domain.statistics import Names, Tally, YearFigures, year_figures
from models.tables.award import Award
from models.tables.nomination import Nomination
from models.tables.organisation import BlockMembership, EmulationBlock


async def figures_of_year(session: AsyncSession, year: int, blocks: Collection[int] | None) -> YearFigures:
    """The year's figures over the nominations of `blocks` (every block when None: the province's roles)."""
    tallies = await _tallies(session, year, blocks)
    awarded = select(Nomination.block_id, Nomination.award_id, func.count(distinct(col(Nomination.unit_id)))).where(
        Nomination.year == year, Nomination.state == State.AWARDED,
        Nomination.recipient_kind == RecipientKind.COLLECTIVE, col(Nomination.unit_id).is_not(None)).group_by(
        col(Nomination.block_id), col(Nomination.award_id))
    sizes = select(BlockMembership.block_id, func.count()).where(BlockMembership.year == year).group_by(
        col(BlockMembership.block_id))
    if blocks is not None:
        awarded = awarded.where(col(Nomination.block_id).in_(blocks))
        sizes = sizes.where(col(BlockMembership.block_id).in_(blocks))
    units_awarded = {(b, a): n for b, a, n in (await session.exec(awarded)).all()}
    block_sizes: dict[int, int] = {b: n for b, n in (await session.exec(sizes)).all()}
    return year_figures(year, tallies, await _names(session, {t.block_id for t in tallies}), units_awarded,
                        block_sizes)


async def _tallies(session: AsyncSession, year: int, blocks: Collection[int] | None) -> list[Tally]:
    keys = (col(Nomination.award_id), col(Nomination.block_id), col(Nomination.recipient_kind), col(Nomination.state))
    query = select(*keys).add_columns(func.count()).where(col(Nomination.year) == year).group_by(*keys)
    if blocks is not None:
        query = query.where(col(Nomination.block_id).in_(blocks))
    return [Tally(award, block, RecipientKind(kind), State(state), count)
            for award, block, kind, state, count in (await (await session.connection()).execute(query)).all()]


async def _names(session: AsyncSession, block_ids: Collection[int]) -> Names:
    awards = (await session.exec(select(Award.id, Award.code, Award.name, Award.recipient_kind))).all()
    blocks = (await session.exec(select(EmulationBlock.id, EmulationBlock.name).where(
        col(EmulationBlock.id).in_(block_ids)))).all()
    return Names(awards={i: (code, name, RecipientKind(kind)) for i, code, name, kind in awards}, blocks=dict(blocks))


async def latest_year(session: AsyncSession, blocks: Collection[int] | None) -> int | None:
    """The latest emulation year with nominations the caller sees (what the statistics page opens on)."""
    query = select(func.max(Nomination.year))
    if blocks is not None:
        query = query.where(col(Nomination.block_id).in_(blocks))
    return (await session.exec(query)).one()
