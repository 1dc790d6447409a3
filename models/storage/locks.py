"""The one order in which recording functions lock, so that two requests can never wait on each other.

A recording function that checks what is there before it writes (a quota place, a nomination not yet
proposed, a draft not yet signed) first serializes on the row it acts on, before it reads or writes anything
else; it allocates document numbers last, and `allocate_number` holds the counter row until commit. Every
writer therefore takes: (1) its subject row, (2) the number counters. Two writers on one subject queue at (1);
writers on different subjects meet only at (2), which nothing holds while waiting for (1).

Why the subject first: inserting a row that references another takes a share lock on the referenced row in
PostgreSQL, so a FOR UPDATE taken after an insert can wait on a concurrent insert's share lock while that
transaction waits on our number counter — the deadlock CI met. The lock here is FOR NO KEY UPDATE, which
referencing inserts do not conflict with, and it is taken before any insert.
"""

from sqlalchemy import update
from sqlmodel import SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.errors import not_found
from models.domain.vietnamese import object_vi


async def serialize_on(session: AsyncSession, model: type[SQLModel], row_id: int, field: str) -> None:
    """Queue behind any other transaction acting on this row until it commits; 404 if there is no such row.

    PostgreSQL locks the row. SQLite has one writer at a time and begins a transaction only at the first
    write, so a no-op write makes this transaction the writer now, and what it reads next is current.
    """
    table = model.__table__  # type: ignore[attr-defined]
    key = table.c.id
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        result = await session.exec(update(table).where(key == row_id).values(id=key))
        found = result.rowcount > 0
    else:
        locked = select(key).where(key == row_id).with_for_update(key_share=True)
        found = (await session.exec(locked)).first() is not None
    if not found:
        raise not_found(field, model.__name__.lower(), row_id, what_vi=object_vi(model.__name__))
