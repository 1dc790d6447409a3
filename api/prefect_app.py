"""Prefect's server as `tdkt serve` runs it: its own app, whose SQLite transactions all begin IMMEDIATE, with a
short Retry-After on any 503 it still answers.

Prefect's server begins most transactions DEFERRED: a transaction that reads, then writes, cannot upgrade its lock
when another connection (the server's own event and task-run recorders) wrote in between, and SQLite answers
"database is locked" at once, without the busy timeout's wait; the server turns that into a 503 and the client
sleeps 2 s, then 4 s (PrefectHQ/prefect#18934). Measured here, a flow with five task runs took 2.2–3.2 s where a
flow without any took 0.08 s. BEGIN IMMEDIATE takes the write lock first, so a second writer waits its turn (the
busy timeout) instead of failing: the same flow takes 0.13 s and no 503 is answered. Readers lose nothing that
matters here: one API and its UI share the server.

Without a Retry-After, a 503's retry waits 2 s; the lock is held for milliseconds, so a quarter of a second is
enough, and the client honours the header.
"""

from collections.abc import AsyncGenerator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from prefect.server.api.server import create_app as create_prefect_app
from prefect.server.database.configurations import SQLITE_BEGIN_MODE, AioSqliteConfiguration
from sqlalchemy.ext.asyncio import AsyncSession, AsyncSessionTransaction

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

RETRY_AFTER_SECONDS = b"0.25"


class ShortRetryAfter:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan and the events websocket pass untouched
            await self.app(scope, receive, send)
            return

        async def send_with_retry_after(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 503:
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"retry-after" for name, _ in headers):
                    message = {**message, "headers": [*headers, (b"retry-after", RETRY_AFTER_SECONDS)]}
            await send(message)

        await self.app(scope, receive, send_with_retry_after)


@asynccontextmanager
async def _begin_immediate(
    self: AioSqliteConfiguration, session: AsyncSession, with_for_update: bool = False
) -> AsyncGenerator[AsyncSessionTransaction, None]:
    """Prefect's own begin_transaction, with IMMEDIATE where it chooses DEFERRED for transactions not 'for update'."""
    token = SQLITE_BEGIN_MODE.set("IMMEDIATE")
    try:
        async with session.begin() as transaction:
            yield transaction
    finally:
        SQLITE_BEGIN_MODE.reset(token)


def begin_transactions_immediately() -> None:
    """Only in the embedded server's own process (create_app below): a Prefect server elsewhere is left as it is."""
    AioSqliteConfiguration.begin_transaction = _begin_immediate  # type: ignore[method-assign]


def create_app() -> ShortRetryAfter:
    begin_transactions_immediately()
    return ShortRetryAfter(create_prefect_app())
