"""What the registry's routes share: a page of a list, who may read one object, its ETag, and its history.

A block head reads the units of the blocks and years they head, those units' people and households, those
blocks and their memberships; anything else answers 404, as if it did not exist. Writing needs the province's
registry role (403 otherwise), checked after reading, so another block's object still answers 404.
"""

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Header, Query, Response
from pydantic import BaseModel
from sqlalchemy import or_
from sqlmodel import SQLModel, col
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import Principal
from api.scope import headed_member_units
from models.domain.enums import ChangeAction
from models.domain.registry_changes import version_tag
from models.domain.vietnamese import CHANGE_VI
from models.storage.queries import count_rows
from models.storage.registry_log import history_of, object_type
from models.tables.organisation import BlockMembership
from models.tables.registry import RegistryChange, RegistryChangePublic

T = TypeVar("T")
Row = TypeVar("Row", bound=SQLModel)
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first")]
Search = Annotated[str | None, Query(max_length=100, description="Part of the name (or code), any case")]
ActiveOn = Annotated[date | None, Query(description="Only those active on this day (from/until include it)")]
IfMatch = Annotated[str | None, Header(description='The ETag you read: refused (409) if it changed since')]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


async def page_of(session: AsyncSession, query: SelectOfScalar[Row], order: Any, limit: int, offset: int,
                  public: Callable[[Row], T]) -> Page[T]:
    total = await count_rows(session, query)
    rows = (await session.exec(query.order_by(order).offset(offset).limit(limit))).all()
    return Page[T](items=[public(r) for r in rows], total=total, limit=limit, offset=offset)


def active_on(query: SelectOfScalar[Row], model: Any, day: date | None) -> SelectOfScalar[Row]:
    if day is None:
        return query
    return query.where(or_(col(model.active_from).is_(None), col(model.active_from) <= day),
                       or_(col(model.active_until).is_(None), col(model.active_until) >= day))


def name_like(column: Any, text: str | None) -> Any:
    escaped = (text or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col(column).ilike(f"%{escaped}%", escape="\\")


async def sees_unit(session: AsyncSession, principal: Principal, unit_id: int) -> bool:
    members = headed_member_units(principal)
    if members is None:
        return True
    return (await session.exec(members.where(BlockMembership.unit_id == unit_id).limit(1))).first() is not None


def sees_block(principal: Principal, block_id: int) -> bool:
    scope = principal.scope
    return scope.whole_province or any(b == block_id for b, _ in scope.block_years)


def tagged(response: Response, row: SQLModel) -> None:
    """The object's ETag: send it back as If-Match to update only the state you read."""
    response.headers["ETag"] = f'"{version_tag(row.model_dump())}"'


def change_public(change: RegistryChange) -> RegistryChangePublic:
    return RegistryChangePublic.model_validate(change, update={"action_vi": CHANGE_VI[ChangeAction(change.action)]})


async def history(session: AsyncSession, model: type[SQLModel], object_id: int) -> list[RegistryChangePublic]:
    return [change_public(c) for c in await history_of(session, object_type(model), object_id)]

