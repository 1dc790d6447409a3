"""Figures across years, counted by the database: units per rating from the closed year-end scorings, and awards
by form and recipient kind from the award records (decisions signed here and past years imported), each with the
block its recipient (or the person's unit) belonged to that year. One query each, however many rows; a workbook
of both for the year-end report."""

from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.award_statistics import AwardCount, award_statistics
from models.domain.enums import RecipientKind
from models.domain.movements import ScoringRound, ScoringStatus
from models.domain.scoring import RATING_ORDER
from models.domain.scoring_statistics import RatingCount, rating_statistics
from models.domain.vietnamese import RATING_VI, RECIPIENT_VI
from models.storage.organisation_workbook import write_workbook
from models.storage.queries import not_revoked
from models.tables.award import Award
from models.tables.movement_scoring import BlockScoring
from models.tables.nomination import AwardRecord
from models.tables.organisation import BlockMembership, EmulationBlock, Person

BlockYears = Collection[tuple[int, int]] | None  # the (block, year) pairs a caller reads; None: the province


async def rating_counts(session: AsyncSession, from_year: int | None, until_year: int | None,
                        block_years: BlockYears) -> list[RatingCount]:
    query = select(BlockScoring).where(BlockScoring.round == ScoringRound.FINAL,
                                       BlockScoring.status == ScoringStatus.CLOSED)
    if from_year is not None:
        query = query.where(col(BlockScoring.year) >= from_year)
    if until_year is not None:
        query = query.where(col(BlockScoring.year) <= until_year)
    if block_years is not None:
        query = query.where(_within(block_years, col(BlockScoring.block_id), col(BlockScoring.year)))
    return rating_statistics((s.year, s.block_id, [r["rating"] for r in s.result["rows"]])
                             for s in (await session.exec(query)).all())


async def award_counts(session: AsyncSession, from_year: int | None, until_year: int | None,
                       block_years: BlockYears) -> list[AwardCount]:
    """A block reader counts the awards of its blocks' members (and their people) in the years it reads."""
    unit = func.coalesce(col(AwardRecord.unit_id), col(Person.unit_id))
    query = (select(AwardRecord.year, BlockMembership.block_id, Award.code, AwardRecord.recipient_kind)
             .add_columns(func.count())
             .join(Award, col(Award.id) == col(AwardRecord.award_id))
             .outerjoin(Person, col(Person.id) == col(AwardRecord.person_id))
             .outerjoin(BlockMembership, and_(col(BlockMembership.unit_id) == unit,
                                              col(BlockMembership.year) == col(AwardRecord.year)))
             .where(not_revoked())  # a revoked award was not received (Law Điều 93)
             .group_by(col(AwardRecord.year), col(BlockMembership.block_id), col(Award.code),
                       col(AwardRecord.recipient_kind)))
    if from_year is not None:
        query = query.where(col(AwardRecord.year) >= from_year)
    if until_year is not None:
        query = query.where(col(AwardRecord.year) <= until_year)
    if block_years is not None:
        query = query.where(_within(block_years, col(BlockMembership.block_id), col(AwardRecord.year)))
    rows = (await (await session.connection()).execute(query)).all()
    return award_statistics((year, block, code, RecipientKind(kind), n) for year, block, code, kind, n in rows)


def _within(block_years: Collection[tuple[int, int]], block_id: Any, year: Any) -> ColumnElement[bool]:
    return or_(false(), *(and_(block_id == b, year == y) for b, y in sorted(block_years)))


async def years_workbook(session: AsyncSession, ratings: list[RatingCount], awards: list[AwardCount]) -> bytes:
    """Two sheets with Vietnamese headers: units per rating (count and share) and awards by form and kind."""
    blocks = dict((await session.exec(select(EmulationBlock.id, EmulationBlock.name))).all())
    names = dict((await session.exec(select(Award.code, Award.name))).all())
    everyone = "Toàn tỉnh (các Khối)"
    order = list(reversed(RATING_ORDER))
    rating_sheet: list[list[object]] = [
        ["Năm", "Khối thi đua", "Số đơn vị", *[f"{RATING_VI[r]} (số đơn vị)" for r in order],
         *[f"{RATING_VI[r]} (%)" for r in order]],
        *[[r.year, blocks.get(r.block_id, "") if r.block_id else everyone, r.units,
           *[r.counts[k] for k in order], *[float(r.percents[k]) for k in order]] for r in ratings]]
    award_sheet: list[list[object]] = [
        ["Năm", "Khối thi đua", "Hình thức khen thưởng", "Đối tượng", "Số lượng"],
        *[[a.year, blocks.get(a.block_id, "") if a.block_id else "Toàn tỉnh", names.get(a.award_code, a.award_code),
           RECIPIENT_VI[a.recipient_kind], a.count] for a in awards]]
    return write_workbook({"Xếp loại đơn vị": rating_sheet, "Số lượng khen thưởng": award_sheet})
