"""Writers to the SQLite file take turns in the order they came (models/storage/sqlite_turns.py)."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from api.database_errors import is_transient
from models.storage.db import make_async_engine
from models.storage.sqlite_turns import take_turns_to_write


async def _with_table(engine: AsyncEngine) -> AsyncEngine:
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE arrival (n INTEGER PRIMARY KEY, seq INTEGER NOT NULL)"))
    return engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """The application's own SQLite engine, as the service makes it."""
    made = await _with_table(make_async_engine(f"sqlite:///{tmp_path / 'turns.db'}"))
    yield made
    await made.dispose()


async def _append(engine: AsyncEngine, n: int) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO arrival (n, seq) SELECT :n, count(*) FROM arrival"), {"n": n})


async def test_writers_kept_waiting_write_in_the_order_they_came(engine: AsyncEngine) -> None:
    """SQLite alone lets whoever polls at the right moment write next, so a writer can starve; here the ones who
    asked first write first."""
    async with engine.connect() as holder:
        await holder.execute(text("INSERT INTO arrival (n, seq) VALUES (0, 0)"))  # holds the write lock
        waiting = []
        for n in range(1, 7):
            waiting.append(asyncio.create_task(_append(engine, n)))
            await asyncio.sleep(0.02)  # each asks for its turn before the next comes
        await holder.commit()
    await asyncio.gather(*waiting)
    async with engine.connect() as connection:
        order = (await connection.execute(text("SELECT n FROM arrival ORDER BY seq"))).scalars().all()
    assert order == [0, 1, 2, 3, 4, 5, 6]


async def test_a_writer_whose_turn_never_comes_fails_as_a_busy_database_and_changes_nothing(tmp_path: Path) -> None:
    engine = await _with_table(create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'wait.db'}"))
    take_turns_to_write(engine, timeout_seconds=0.3)
    try:
        async with engine.connect() as holder:
            await holder.execute(text("INSERT INTO arrival (n, seq) VALUES (1, 0)"))
            with pytest.raises(OperationalError) as refused:
                await _append(engine, 2)
            assert is_transient(refused.value), "the API answers it 503, to be retried"
            await holder.commit()
        await _append(engine, 3)  # the turn came back with the holder's commit
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT n FROM arrival ORDER BY n"))).scalars().all()
        assert rows == [1, 3]
    finally:
        await engine.dispose()


async def test_a_failed_write_gives_its_turn_back(engine: AsyncEngine) -> None:
    await _append(engine, 1)
    with pytest.raises(IntegrityError):
        await _append(engine, 1)  # the same key again: rolled back
    async with engine.connect() as abandoned:
        await abandoned.execute(text("INSERT INTO arrival (n, seq) VALUES (5, 5)"))
        # closed without commit or rollback: the pool rolls it back and the turn comes back with it
    await asyncio.wait_for(_append(engine, 2), timeout=5)
    async with engine.connect() as connection:
        rows = (await connection.execute(text("SELECT n FROM arrival ORDER BY n"))).scalars().all()
    assert rows == [1, 2]
