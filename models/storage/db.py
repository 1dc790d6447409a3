"""Engines and sessions. Callers own the transaction: nothing is committed unless they commit."""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Table, event, insert
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel import SQLModel, create_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from models.settings import get_settings
from models.storage.sqlite_turns import take_turns_to_write

BUSY_TIMEOUT_SECONDS = 30  # how long a writer waits for SQLite's lock, or for its turn, before "database is locked"


def sync_url(url: str) -> str:
    """The URL for synchronous tools (Alembic): drop an async driver if one was named."""
    parsed = make_url(url)
    if parsed.drivername == "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite")
    if parsed.drivername in ("postgresql", "postgresql+asyncpg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def async_url(url: str) -> str:
    """The URL for the application's async engine: aiosqlite for SQLite, psycopg 3 for PostgreSQL."""
    parsed = make_url(sync_url(url))
    if parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _tune_sqlite(dbapi_connection: Any, _record: object) -> None:
    # WAL lets readers go on while a stage flow writes; the busy timeout makes writers wait, not fail.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_async_engine(url: str) -> AsyncEngine:
    if is_sqlite(url):
        engine = create_async_engine(async_url(url), connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
        take_turns_to_write(engine, BUSY_TIMEOUT_SECONDS)
        return engine
    return create_async_engine(async_url(url), pool_pre_ping=True, pool_size=10, max_overflow=10)


def make_sync_engine(url: str) -> Engine:
    engine = create_engine(sync_url(url))
    if is_sqlite(url):
        event.listen(engine, "connect", _tune_sqlite)
    return engine


_engine: AsyncEngine | None = None


def get_engine() -> AsyncEngine:
    global _engine
    if _engine is None:
        _engine = make_async_engine(get_settings().database_url)
    return _engine


def use_engine(engine: AsyncEngine | None) -> None:
    """Point every session of this process at another database (tests, the CLI's --database)."""
    global _engine
    _engine = engine


@asynccontextmanager
async def open_session() -> AsyncIterator[AsyncSession]:
    """A session whose uncommitted work is rolled back when it closes; rows it read stay readable after."""
    async with AsyncSession(get_engine(), expire_on_commit=False) as session:
        yield session


async def insert_rows(session: AsyncSession, rows: Sequence[SQLModel]) -> None:
    """Append new rows of one table whose ids nobody reads back, in one executemany: added as objects, SQLite
    would get one INSERT each (it cannot return a batch's new ids in order)."""
    if not rows:
        return
    core: Table = type(rows[0]).__table__  # type: ignore[attr-defined]
    await (await session.connection()).execute(
        insert(core), [row.model_dump(exclude={"id"}) for row in rows])
