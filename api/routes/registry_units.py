"""Units one by one: listed with filters and pages, created, read, updated, ended, deleted when nothing points to
them, and their history of changes."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlmodel import col, or_, select

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, QueryId, QueryYear, SessionDep
from api.registry_items import (
    ActiveOn,
    IfMatch,
    Limit,
    Offset,
    Page,
    Search,
    active_on,
    history,
    name_like,
    page_of,
    sees_unit,
    tagged,
)
from api.scope import visible_units
from models.domain.enums import UnitKind
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.registry import create_row, delete_row, end_row, update_row
from models.recording.registry_checks import check_unit
from models.tables.organisation import BlockMembership, Unit, UnitPublic
from models.tables.registry import RegistryChangePublic
from models.tables.registry_schemas import Ending, UnitCreate, UnitUpdate, changes

router = APIRouter(prefix="/registry/units", tags=["registry"])


async def readable(session: SessionDep, principal: Principal, unit_id: int) -> Unit:
    unit = await get_or_404(session, Unit, unit_id, "unit_id")
    principal.require_to_see(await sees_unit(session, principal, unit_id), "unit_id")
    return unit


@router.get("")
async def list_units(
    session: SessionDep, principal: CurrentPrincipal, q: Search = None,
    kind: UnitKind | None = None, block_id: QueryId = None,
    year: Annotated[QueryYear, Query(description="With block_id: members that year; alone: in any block that year")
                    ] = None,
    active: ActiveOn = None, limit: Limit = 100, offset: Offset = 0,
) -> Page[UnitPublic]:
    """Units the caller may read that match every filter given, with the total."""
    query = active_on(visible_units(principal, select(Unit)), Unit, active)
    if q:
        query = query.where(or_(name_like(Unit.name, q), name_like(Unit.code, q)))
    if kind is not None:
        query = query.where(Unit.kind == kind)
    if block_id is not None or year is not None:
        members = select(BlockMembership.unit_id)
        if block_id is not None:
            members = members.where(BlockMembership.block_id == block_id)
        if year is not None:
            members = members.where(BlockMembership.year == year)
        query = query.where(col(Unit.id).in_(members))
    return await page_of(session, query, col(Unit.id), limit, offset, UnitPublic.model_validate)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: UnitCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
                 ) -> UnitPublic:
    principal.require(Action.MANAGE_REGISTRY)
    unit = await create_row(session, Unit(**data.model_dump()), principal.actor, check_unit)
    await session.commit()
    tagged(response, unit)
    return UnitPublic.model_validate(unit)


@router.get("/{unit_id}")
async def read(unit_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response) -> UnitPublic:
    unit = await readable(session, principal, unit_id)
    tagged(response, unit)
    return UnitPublic.model_validate(unit)


@router.patch("/{unit_id}")
async def update(unit_id: PathId, data: UnitUpdate, session: SessionDep, principal: CurrentPrincipal,
                 response: Response, if_match: IfMatch = None) -> UnitPublic:
    """Change the fields sent; the change is logged with the unit's state before and after."""
    await readable(session, principal, unit_id)
    principal.require(Action.MANAGE_REGISTRY)
    unit = await update_row(session, Unit, unit_id, "unit_id", changes(data), principal.actor, check_unit, if_match)
    await session.commit()
    tagged(response, unit)
    return UnitPublic.model_validate(unit)


@router.post("/{unit_id}/end")
async def end(unit_id: PathId, data: Ending, session: SessionDep, principal: CurrentPrincipal,
              response: Response) -> UnitPublic:
    """The unit stops (merged, renamed, dissolved) after `active_until`; it keeps its history and past awards."""
    await readable(session, principal, unit_id)
    principal.require(Action.MANAGE_REGISTRY)
    unit = await end_row(session, Unit, unit_id, "unit_id", data.active_until, principal.actor, check_unit)
    await session.commit()
    tagged(response, unit)
    return UnitPublic.model_validate(unit)


@router.delete("/{unit_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(unit_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> None:
    """Only a unit entered by mistake, that nothing points to; otherwise 409: end it instead."""
    await readable(session, principal, unit_id)
    principal.require(Action.MANAGE_REGISTRY)
    await delete_row(session, Unit, unit_id, "unit_id", principal.actor)
    await session.commit()


@router.get("/{unit_id}/history")
async def unit_history(unit_id: PathId, session: SessionDep, principal: CurrentPrincipal
                       ) -> list[RegistryChangePublic]:
    """Every change to the unit, oldest first: who, when, its state before and after, the import that made it."""
    await readable(session, principal, unit_id)
    return await history(session, Unit, unit_id)
