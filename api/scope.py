"""How far a caller reads in lists: the pure `ReadScope` (models/domain/scope.py) as a query condition.

Objects read one by one are checked with the same scope (`Principal.require_to_see`), so the nominations, units,
people and award-history lists and the single reads cannot drift apart and leak another block's data.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import Principal
from models.domain.permissions import Action
from models.storage.queries import blocks_sent_to
from models.tables.nomination import AwardRecord, Nomination
from models.tables.organisation import BlockMembership, Person, Unit
from models.tables.stage import Document, Stage


def in_headed_blocks(principal: Principal, block_id: Any, year: Any) -> ColumnElement[bool] | None:
    """None when the caller reads the whole province; else "this row's block and year is one they head".

    An account with no role that reads the province or a block is refused (403)."""
    scope = principal.scope
    if scope.whole_province:
        return None
    if scope.reads_nothing:
        principal.require(Action.READ_BLOCK)  # names the roles that may read a block
    return or_(false(), *(and_(block_id == b, year == y) for b, y in sorted(scope.block_years)))


def in_scored_blocks(principal: Principal, block_id: Any, year: Any) -> ColumnElement[bool] | None:
    """As `in_headed_blocks`, for the blocks' scoring, movements and registrations: a member unit reads its own
    block's and year's too."""
    scope = principal.scoring_scope
    if scope.whole_province:
        return None
    require_scoring_reader(principal)
    return or_(false(), *(and_(block_id == b, year == y) for b, y in sorted(scope.block_years)))


def require_scoring_reader(principal: Principal) -> None:
    """Refuse (403) an account with no role that reads a block's scoring or the province."""
    if principal.scoring_scope.reads_nothing:
        principal.require(Action.READ_SCORING)


def headed_member_units(principal: Principal) -> SelectOfScalar[int] | None:
    """None when the caller reads the whole province; else the ids of the member units they may read."""
    headed = in_headed_blocks(principal, col(BlockMembership.block_id), col(BlockMembership.year))
    return None if headed is None else select(BlockMembership.unit_id).where(headed)


def visible_nominations(principal: Principal, query: SelectOfScalar[Nomination]) -> SelectOfScalar[Nomination]:
    """A block head sees the nominations of the blocks and years they head; the province's roles see all."""
    headed = in_headed_blocks(principal, col(Nomination.block_id), col(Nomination.year))
    return query if headed is None else query.where(headed)


def visible_units(principal: Principal, query: SelectOfScalar[Unit]) -> SelectOfScalar[Unit]:
    """Every unit for the province's roles; for a block head, the member units of the blocks they head."""
    members = headed_member_units(principal)
    return query if members is None else query.where(col(Unit.id).in_(members))


def visible_people(principal: Principal, query: SelectOfScalar[Person]) -> SelectOfScalar[Person]:
    """Staff of the units the caller sees."""
    members = headed_member_units(principal)
    return query if members is None else query.where(col(Person.unit_id).in_(members))


def visible_award_records(principal: Principal, query: SelectOfScalar[AwardRecord]) -> SelectOfScalar[AwardRecord]:
    """The province's roles read every record; a block head, the records of the member units (and their
    people) of the blocks and years they head."""
    members = headed_member_units(principal)
    if members is None:
        return query
    people = select(Person.id).where(col(Person.unit_id).in_(members))
    return query.where(or_(col(AwardRecord.unit_id).in_(members), col(AwardRecord.person_id).in_(people)))


def block_years_read(principal: Principal) -> frozenset[tuple[int, int]] | None:
    """None when the caller reads the whole province; else the (block, year) pairs they head (figures across years
    are counted over these only). An account that reads no block is refused (403)."""
    scope = principal.scope
    if scope.whole_province:
        return None
    if scope.reads_nothing:
        principal.require(Action.READ_BLOCK)
    return scope.block_years


def blocks_of_year(principal: Principal, year: int) -> frozenset[int] | None:
    """None when the caller reads the whole province; else the blocks they head in `year` (figures and lists
    of one year are counted over these only)."""
    scope = principal.scope
    if scope.whole_province:
        return None
    if scope.reads_nothing:
        principal.require(Action.READ_BLOCK)
    return frozenset(b for b, y in scope.block_years if y == year)


async def readable_documents(session: AsyncSession, principal: Principal,
                             documents: Sequence[Document]) -> list[Document]:
    """The documents this caller may download, and so the only ones a page links: a block's papers for its head,
    the province's papers once they are sent to a block they head (two queries, whatever the number)."""
    scope = principal.scope
    if scope.whole_province or not documents:
        return list(documents)
    stages = {s.id: s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_({d.stage_id for d in documents})))).all()}
    sent = await blocks_sent_to(session, [d.id for d in documents if stages[d.stage_id].block_id is None])
    return [d for d in documents if scope.sees_document(stages[d.stage_id].block_id, stages[d.stage_id].year,
                                                        sent.get(d.id, ()))]
