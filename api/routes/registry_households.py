"""Households (hộ gia đình: for Gia đình văn hóa and the household Bằng khen) one by one: listed with filters
and pages, created, read, updated, ended, deleted when nothing points to them, and their history of changes."""

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
    active_on,
    history,
    name_like,
    page_of,
    sees_unit,
    tagged,
)
from api.scope import headed_member_units
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.registry import create_row, delete_row, end_row, update_row
from models.recording.registry_checks import check_household
from models.tables.organisation import BlockMembership
from models.tables.registry import Household, HouseholdPublic, RegistryChangePublic
from models.tables.registry_schemas import Ending, HouseholdCreate, HouseholdUpdate, changes

router = APIRouter(prefix="/registry/households", tags=["registry"])


async def readable(session: SessionDep, principal: Principal, household_id: int) -> Household:
    household = await get_or_404(session, Household, household_id, "household_id")
    principal.require_to_see(await sees_unit(session, principal, household.commune_id), "household_id")
    return household


@router.get("")
async def list_households(
    session: SessionDep, principal: CurrentPrincipal,
    q: Annotated[str | None, Query(max_length=100, description="Part of the head's name or the address")] = None,
    commune_id: QueryId = None, block_id: QueryId = None, year: QueryYear = None, active: ActiveOn = None,
    limit: Limit = 100, offset: Offset = 0,
) -> Page[HouseholdPublic]:
    """Households the caller may read (a block head: of the communes of their blocks) that match every filter
    given (block and year: of their commune), with the total."""
    query = active_on(select(Household), Household, active)
    if (visible := headed_member_units(principal)) is not None:
        query = query.where(col(Household.commune_id).in_(visible))
    if q:
        query = query.where(or_(name_like(Household.head_name, q), name_like(Household.address, q)))
    if commune_id is not None:
        query = query.where(Household.commune_id == commune_id)
    if block_id is not None or year is not None:
        members = select(BlockMembership.unit_id)
        if block_id is not None:
            members = members.where(BlockMembership.block_id == block_id)
        if year is not None:
            members = members.where(BlockMembership.year == year)
        query = query.where(col(Household.commune_id).in_(members))
    return await page_of(session, query, col(Household.id), limit, offset, HouseholdPublic.model_validate)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: HouseholdCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
                 ) -> HouseholdPublic:
    principal.require(Action.MANAGE_REGISTRY)
    household = await create_row(session, Household(**data.model_dump()), principal.actor, check_household)
    await session.commit()
    tagged(response, household)
    return HouseholdPublic.model_validate(household)


@router.get("/{household_id}")
async def read(household_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response
               ) -> HouseholdPublic:
    household = await readable(session, principal, household_id)
    tagged(response, household)
    return HouseholdPublic.model_validate(household)


@router.patch("/{household_id}")
async def update(household_id: PathId, data: HouseholdUpdate, session: SessionDep, principal: CurrentPrincipal,
                 response: Response, if_match: IfMatch = None) -> HouseholdPublic:
    """Change the fields sent (a move to another commune too); logged with the state before and after."""
    await readable(session, principal, household_id)
    principal.require(Action.MANAGE_REGISTRY)
    household = await update_row(session, Household, household_id, "household_id", changes(data), principal.actor,
                              check_household, if_match)
    await session.commit()
    tagged(response, household)
    return HouseholdPublic.model_validate(household)


@router.post("/{household_id}/end")
async def end(household_id: PathId, data: Ending, session: SessionDep, principal: CurrentPrincipal,
              response: Response) -> HouseholdPublic:
    """The household stops (moved away, split, merged) after `active_until`; it keeps its history."""
    await readable(session, principal, household_id)
    principal.require(Action.MANAGE_REGISTRY)
    household = await end_row(session, Household, household_id, "household_id", data.active_until, principal.actor,
                           check_household)
    await session.commit()
    tagged(response, household)
    return HouseholdPublic.model_validate(household)


@router.delete("/{household_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(household_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> None:
    """Only a household entered by mistake, that nothing points to; otherwise 409: end it instead."""
    await readable(session, principal, household_id)
    principal.require(Action.MANAGE_REGISTRY)
    await delete_row(session, Household, household_id, "household_id", principal.actor)
    await session.commit()


@router.get("/{household_id}/history")
async def household_history(household_id: PathId, session: SessionDep, principal: CurrentPrincipal
                         ) -> list[RegistryChangePublic]:
    await readable(session, principal, household_id)
    return await history(session, Household, household_id)
