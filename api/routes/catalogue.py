"""Reference data: the award catalogue, blocks with their members, units and people."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import col, select

from api.deps import CurrentPrincipal, QueryId, SessionDep
from api.scope import visible_people, visible_units
from models.domain.enums import CouncilBody
from models.tables.award import Award, AwardPublic
from models.tables.organisation import (
    BlockMemberPublic,
    BlockMembership,
    EmulationBlock,
    EmulationBlockPublic,
    Person,
    PersonPublic,
    Unit,
    UnitPublic,
)

router = APIRouter(tags=["catalogue"])


@router.get("/awards")
async def list_awards(session: SessionDep, _: CurrentPrincipal) -> list[AwardPublic]:
    """The catalogue's awards, each with who appraises it: the full council (by vote) or its standing body."""
    return [AwardPublic.model_validate(a, update={
        "appraised_by": CouncilBody.COUNCIL if a.council_vote_required else CouncilBody.STANDING_BODY})
        for a in (await session.exec(select(Award).order_by(col(Award.id)))).all()]


@router.get("/blocks")
async def list_blocks(
    session: SessionDep, _: CurrentPrincipal, year: Annotated[int, Query(ge=1945, le=2100)]
) -> list[EmulationBlockPublic]:
    rows = (await session.exec(select(BlockMembership, Unit, EmulationBlock).join(
        Unit, col(Unit.id) == BlockMembership.unit_id).join(EmulationBlock).where(
        BlockMembership.year == year).order_by(col(EmulationBlock.id), col(Unit.id)))).all()
    blocks: dict[int, EmulationBlockPublic] = {}
    for membership, unit, block in rows:
        public = blocks.setdefault(block.id, EmulationBlockPublic(id=block.id, code=block.code, name=block.name,
                                                                  kind=block.kind, year=year, members=[]))
        public.members.append(BlockMemberPublic(unit_id=unit.id, unit_name=unit.name, role=membership.role))
    return list(blocks.values())


@router.get("/units")
async def list_units(session: SessionDep, principal: CurrentPrincipal) -> list[UnitPublic]:
    """Every unit for the province's roles; for a block head, the member units of the blocks they head."""
    query = visible_units(principal, select(Unit).order_by(col(Unit.id)))
    return [UnitPublic.model_validate(u) for u in (await session.exec(query)).all()]


@router.get("/people")
async def list_people(session: SessionDep, principal: CurrentPrincipal, unit_id: QueryId = None) -> list[PersonPublic]:
    """Staff who can be nominated; a block head sees the staff of the member units of the blocks they head."""
    query = visible_people(principal, select(Person).order_by(col(Person.id)))
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    return [PersonPublic.model_validate(p) for p in (await session.exec(query)).all()]
