"""People (staff who can be nominated) one by one: listed with filters and pages, created, read, updated, ended,
deleted when nothing points to them, and their history of changes."""

from fastapi import APIRouter, Response, status
from sqlmodel import col, select

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
from api.scope import visible_people
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.registry import create_row, delete_row, end_row, update_row
from models.recording.registry_checks import check_person
from models.tables.organisation import BlockMembership, Person, PersonPublic
from models.tables.registry import RegistryChangePublic
from models.tables.registry_schemas import Ending, PersonCreate, PersonUpdate, changes

router = APIRouter(prefix="/registry/people", tags=["registry"])


async def readable(session: SessionDep, principal: Principal, person_id: int) -> Person:
    person = await get_or_404(session, Person, person_id, "person_id")
    principal.require_to_see(await sees_unit(session, principal, person.unit_id), "person_id")
    return person


@router.get("")
async def list_people(
    session: SessionDep, principal: CurrentPrincipal, q: Search = None, unit_id: QueryId = None,
    block_id: QueryId = None, year: QueryYear = None, active: ActiveOn = None, limit: Limit = 100,
    offset: Offset = 0,
) -> Page[PersonPublic]:
    """People the caller may read that match every filter given (block and year: of their units), with the
    total."""
    query = active_on(visible_people(principal, select(Person)), Person, active)
    if q:
        query = query.where(name_like(Person.full_name, q))
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    if block_id is not None or year is not None:
        members = select(BlockMembership.unit_id)
        if block_id is not None:
            members = members.where(BlockMembership.block_id == block_id)
        if year is not None:
            members = members.where(BlockMembership.year == year)
        query = query.where(col(Person.unit_id).in_(members))
    return await page_of(session, query, col(Person.id), limit, offset, PersonPublic.model_validate)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: PersonCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
                 ) -> PersonPublic:
    principal.require(Action.MANAGE_REGISTRY)
    person = await create_row(session, Person(**data.model_dump()), principal.actor, check_person)
    await session.commit()
    tagged(response, person)
    return PersonPublic.model_validate(person)


@router.get("/{person_id}")
async def read(person_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response
               ) -> PersonPublic:
    person = await readable(session, principal, person_id)
    tagged(response, person)
    return PersonPublic.model_validate(person)


@router.patch("/{person_id}")
async def update(person_id: PathId, data: PersonUpdate, session: SessionDep, principal: CurrentPrincipal,
                 response: Response, if_match: IfMatch = None) -> PersonPublic:
    """Change the fields sent (a move to another unit too); logged with the state before and after."""
    await readable(session, principal, person_id)
    principal.require(Action.MANAGE_REGISTRY)
    person = await update_row(session, Person, person_id, "person_id", changes(data), principal.actor,
                              check_person, if_match)
    await session.commit()
    tagged(response, person)
    return PersonPublic.model_validate(person)


@router.post("/{person_id}/end")
async def end(person_id: PathId, data: Ending, session: SessionDep, principal: CurrentPrincipal,
              response: Response) -> PersonPublic:
    """The person left the unit after `active_until`; they keep their history and past awards."""
    await readable(session, principal, person_id)
    principal.require(Action.MANAGE_REGISTRY)
    person = await end_row(session, Person, person_id, "person_id", data.active_until, principal.actor,
                           check_person)
    await session.commit()
    tagged(response, person)
    return PersonPublic.model_validate(person)


@router.delete("/{person_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(person_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> None:
    """Only a person entered by mistake, that nothing points to; otherwise 409: end them instead."""
    await readable(session, principal, person_id)
    principal.require(Action.MANAGE_REGISTRY)
    await delete_row(session, Person, person_id, "person_id", principal.actor)
    await session.commit()


@router.get("/{person_id}/history")
async def person_history(person_id: PathId, session: SessionDep, principal: CurrentPrincipal
                         ) -> list[RegistryChangePublic]:
    await readable(session, principal, person_id)
    return await history(session, Person, person_id)
