"""Quotas read from the database: a block's use of each quota, and the check made when it submits a proposal."""

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import State
from models.domain.errors import Conflict
from models.domain.quotas import Placed, Quota, QuotaUse, quota_problem, quota_use
from models.storage.catalogue_file import catalogue
from models.storage.queries import in_unfinished_proposals
from models.tables.award import Award
from models.tables.nomination import Nomination, Transition


async def block_quotas(
    session: AsyncSession, block_id: int, year: int, leave_out: Sequence[int] = ()
) -> list[tuple[Award, QuotaUse]]:
    """Each quota of the catalogue with the block's use of it in that year (not counting `leave_out`)."""
    uses = []
    for quota in catalogue_quotas():
        award = (await session.exec(select(Award).where(Award.code == quota.award_code))).first()
        if award is not None:  # a province's catalogue may limit an award it has not loaded yet
            placed = await _placed(session, award.id, block_id, year, leave_out)
            uses.append((award, quota_use(quota, award.name, placed)))
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
    session: AsyncSession, award_id: int, block_id: int, year: int, leave_out: Sequence[int]
) -> list[Placed]:
    nominations = (await session.exec(select(Nomination).where(
        Nomination.award_id == award_id, Nomination.block_id == block_id, Nomination.year == year,
        col(Nomination.id).not_in(leave_out)))).all()
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
    return [Quota(code, rule.per_block_per_year, rule.basis) for code, rule in catalogue().quotas.items()]
