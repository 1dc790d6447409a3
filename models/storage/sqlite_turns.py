"""Writers to one SQLite file take turns in this process, in the order they asked, instead of polling for the lock.

SQLite lets one connection write at a time. A connection that finds the lock taken sleeps and tries again, in
growing steps up to 100 ms each (the busy timeout's handler), and whoever tries at the right moment gets it next,
not whoever waited longest. With eight block heads at once, measured here: writers waited up to 1.2 s in 100 ms
steps for transactions that held the lock for a few milliseconds, and a trivial request took 1.1 s.

So each write transaction of this process first waits for its turn on an asyncio lock (first come, first served),
taken at its first writing statement, which is where SQLite would take its own lock, and given back once the
transaction has committed, rolled back or its connection closed. A turn not given within the busy timeout fails as
SQLite would, "database is locked", which the API answers as it always has. Other processes on the same file
still meet SQLite's own lock and its busy timeout.
"""

import asyncio
import sqlite3
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, ExecutionContext
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.util import await_only

# Statements that take SQLite's write lock. The application writes no other way (no writing CTE, no raw SQL); a
# write that began another way would hold SQLite's lock without a turn, and a writer holding a turn would then meet
# it through the busy timeout, as before.
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


class WriteTurns:
    """One engine's turns: a lock per event loop (tests and the CLI run several loops one after another)."""

    def __init__(self, timeout_seconds: float) -> None:
        self.timeout_seconds = timeout_seconds
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()
        self._held: dict[int, asyncio.Lock] = {}  # id of the DBAPI connection in a write transaction → its turn

    def take(self, dbapi_connection: Any, statement: str) -> None:
        """Wait for this connection's turn (runs in SQLAlchemy's greenlet, on the event loop's thread)."""
        if _key(dbapi_connection) in self._held:
            return
        loop = asyncio.get_running_loop()
        lock = self._locks.setdefault(loop, asyncio.Lock())
        try:
            await_only(asyncio.wait_for(lock.acquire(), self.timeout_seconds))
        except TimeoutError as error:
            raise OperationalError(statement, None, sqlite3.OperationalError("database is locked")) from error
        self._held[_key(dbapi_connection)] = lock

    def give_back(self, dbapi_connection: Any) -> None:
        lock = self._held.pop(_key(dbapi_connection), None)
        if lock is not None:
            lock.release()


def _key(connection: Any) -> int:
    """The DBAPI connection's identity: SQLAlchemy hands the dialect either it or the pool's proxy around it."""
    if isinstance(connection, PoolProxiedConnection):
        connection = connection.dbapi_connection
    return id(connection)


def take_turns_to_write(engine: AsyncEngine, timeout_seconds: float) -> WriteTurns:
    turns = WriteTurns(timeout_seconds)

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def wait_for_turn(conn: Connection, _cursor: Any, statement: str, _parameters: Any,
                      _context: ExecutionContext | None, _executemany: bool) -> None:
        if statement.lstrip()[:7].upper().startswith(WRITES):
            turns.take(conn.connection, statement)

    dialect = engine.sync_engine.dialect
    for name in ("do_commit", "do_rollback", "do_close", "do_terminate"):
        setattr(dialect, name, _then_give_back(getattr(dialect, name), turns))
    return turns


def _then_give_back(end: Callable[[Any], None], turns: WriteTurns) -> Callable[[Any], None]:
    """The dialect's own commit, rollback, close or termination, then the turn given back, even when it failed."""

    def ending(dbapi_connection: Any) -> None:
        try:
            end(dbapi_connection)
        finally:
            turns.give_back(dbapi_connection)

    return ending
