"""The registry's change log written and read: one multi-row INSERT per batch of changes, whoever made them.

The per-item API (models.recording.registry) and the workbook import (models.recording.organisation) both write
through `record_changes`, so an object's history reads the same whichever way it was changed.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.registry_changes import OBJECT_TYPES, Change, change_of, state
from models.tables.base import utc_now
from models.tables.registry import RegistryChange


def object_type(model: type[SQLModel]) -> str:
    return OBJECT_TYPES[model.__name__]


def row_state(row: SQLModel) -> dict[str, Any]:
    return state(row.model_dump())


async def record_changes(session: AsyncSession, changes: Sequence[Change], actor: Actor,
                         import_id: int | None = None) -> None:
    """Append the changes, all stamped with one time and actor."""
    if not changes:
        return
    at = utc_now()
    core: Table = RegistryChange.__table__  # type: ignore[attr-defined]
    await (await session.connection()).execute(insert(core), [
        {"object_type": c.object_type, "object_id": c.object_id, "action": c.action.value, "before": c.before,
         "after": c.after, "changed_by": actor.username, "on_behalf_of": actor.on_behalf_of,
         "client_address": actor.client_address, "import_id": import_id, "at": at} for c in changes])


async def record_change(session: AsyncSession, model: type[SQLModel], object_id: int,
                        before: dict[str, Any] | None, after: dict[str, Any] | None, actor: Actor) -> bool:
    """Append one object's change, if it changed; whether it did."""
    change = change_of(object_type(model), object_id, before, after)
    if change is not None:
        await record_changes(session, [change], actor)
    return change is not None


async def history_of(session: AsyncSession, kind: str, object_id: int) -> list[RegistryChange]:
    query = select(RegistryChange).where(RegistryChange.object_type == kind, RegistryChange.object_id == object_id)
    return list((await session.exec(query.order_by(col(RegistryChange.id)))).all())
