"""Quotas read from the database: a block's use of each quota, and the check made when it submits a proposal."""

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import State
from models.domain.errors import Conflict
from models.domain.quotas import Placed, Quota, QuotaScope, QuotaUse, quota_problem, quota_use
from models.recording.common import members_of
from models.storage.catalogue_file import catalogue
from models.storage.queries import in_unfinished_proposals
from models.tables.award import Award
from models.tables.nomination import Nomination, Transition


async def block_quotas(
    session: AsyncSession, block_id: int, year: int, leave_out: Sequence[int] = ()
) -> list[tuple[Award, QuotaUse]]:
    """Each quota of the catalogue with its use in that year (not counting `leave_out`): the block's own limit,
    worked out from its number of member units, and the province's total where the catalogue sets one."""
    members = len(await members_of(session, block_id, year))
    awards = {a.code: a for a in (await session.exec(select(Award))).all()}
    uses = []
    for quota in catalogue_quotas():
        award = awards.get(quota.award_code)
        if award is None:  # a province's catalogue may limit an award it has not loaded yet
            continue
        if (limit := quota.block_limit(members)) is not None:
            placed = await _placed(session, award.id, block_id, year, leave_out)
            uses.append((award, quota_use(quota, award.name, QuotaScope.BLOCK, limit, placed)))
        if quota.province_total is not None:
            placed = await _placed(session, award.id, None, year, leave_out)
            uses.append((award, quota_use(quota, award.name, QuotaScope.PROVINCE, quota.province_total, placed)))
    return uses


async def require_quota(session: AsyncSession, block_id: int, year: int, proposed: Sequence[Nomination]) -> None:
    """Refuse (409) a proposal that would take a block past the quota of an award for the year.

    The caller holds the block's lock (`serialize_on`), so two proposals cannot both take the last place.
    """
    ids = [n.id for n in proposed]
    for award, use in await block_quotas(session, block_id, year, leave_out=ids):
        adding = sum(1 for n in proposed if n.award_id == award.id)
        if adding and (problem := quota_problem(use, adding, "nomination_ids")) is not None:
            raise Conflict(problem)


async def _placed(
    session: AsyncSession, award_id: int, block_id: int | None, year: int, leave_out: Sequence[int]
) -> list[Placed]:
    """The nominations of an award and year that may hold a place: the block's, or (None) every block's."""
    query = select(Nomination).where(Nomination.award_id == award_id, Nomination.year == year,
                                     col(Nomination.id).not_in(leave_out))
    if block_id is not None:
        query = query.where(Nomination.block_id == block_id)
    nominations = (await session.exec(query)).all()
    ids = [n.id for n in nominations]
    pending = await in_unfinished_proposals(session, ids)
    held_from = await _held_from(session, [n.id for n in nominations if n.state == State.ON_HOLD])
    return [Placed(n.state, held_from.get(n.id), n.id in pending) for n in nominations]


async def _held_from(session: AsyncSession, ids: Sequence[int]) -> dict[int, State | None]:
    """For nominations on hold, the state they were in when the hold was put on (the last move's source)."""
    held: dict[int, State | None] = {}
    query = select(Transition).where(col(Transition.nomination_id).in_(ids)).order_by(col(Transition.id))
    for transition in (await session.exec(query)).all():
        held[transition.nomination_id] = transition.from_state
    return held


def catalogue_quotas() -> list[Quota]:
    return [entry.quota(code) for code, entry in catalogue().quotas.items()]
