"""Criteria sets uploaded by the province or a block, each upload a new version of its code for its year."""

from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.scoring_criteria import CriteriaSetDefinition, require_consistent
from models.storage.locks import serialize_on
from models.tables.movement_scoring import CriteriaSet
from models.tables.organisation import EmulationBlock


async def upload_criteria_set(
    session: AsyncSession, definition: CriteriaSetDefinition, block_id: int | None, actor: Actor
) -> CriteriaSet:
    """Store the set as the next version of its code, year and owner (the province, or the block)."""
    require_consistent(definition)
    if block_id is not None:
        await serialize_on(session, EmulationBlock, block_id, "block_id")  # two uploads of one block queue here
    owner_key = block_id or 0
    latest = (await session.exec(select(func.max(CriteriaSet.version)).where(
        CriteriaSet.code == definition.code, CriteriaSet.year == definition.year,
        CriteriaSet.owner_key == owner_key))).one()
    criteria_set = CriteriaSet(code=definition.code, year=definition.year, version=(latest or 0) + 1,
                               block_id=block_id, owner_key=owner_key, name=definition.name,
                               definition=definition.model_dump(mode="json"), created_by=actor.username)
    session.add(criteria_set)
    await session.flush()
    return criteria_set
