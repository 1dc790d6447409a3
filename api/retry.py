"""A request that meets a deadlock or a serialization failure runs again, a few times, instead of failing.

The database rolled the whole transaction back, so running the request again from the start is safe; it is
done only while nothing of the response has been sent. If every attempt meets one, the client is told to retry
(503 with Retry-After), never a 500.
"""

import asyncio
import logging
import random

from sqlalchemy.exc import OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.database_errors import is_transient, is_unavailable
from api.problems import database_busy, database_unavailable

log = logging.getLogger(__name__)

class _Attempt:
    """One run of the request: the body read so far is replayed first, and whether a response began is noted."""

    def __init__(self, receive: Receive, send: Send, received: list[Message]) -> None:
        self._receive, self._send, self._received = receive, send, received
        self._replay = list(received)
        self.started = False

    async def receive(self) -> Message:
        if self._replay:
            return self._replay.pop(0)
        message = await self._receive()
        self._received.append(message)
        return message

    async def send(self, message: Message) -> None:
        self.started = True
        await self._send(message)


class RetryTransientConflicts:
    def __init__(self, app: ASGIApp, attempts: int = 4) -> None:
        self.app, self.attempts = app, attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received: list[Message] = []  # the body as the first attempt read it, replayed to the next ones
        for attempt in range(1, self.attempts + 1):
            run = _Attempt(receive, send, received)
            try:
                await self.app(scope, run.receive, run.send)
                return
            except OperationalError as error:
                if run.started or not is_transient(error):
                    raise
                log.warning("%s %s met a transient conflict (attempt %s of %s): %s", scope["method"],
                            scope["path"], attempt, self.attempts, error.orig)
            await asyncio.sleep(random.uniform(0.02, 0.1) * attempt)  # let the other transaction finish first
        await database_busy()(scope, receive, send)


class AnswerWhileDatabaseAway:
    """Outermost: a database error that no retry cured, met anywhere (an idempotency claim, authentication, a
    route), is answered 503 with Retry-After, once, instead of a 500 and a traceback per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        run = _Attempt(receive, send, [])
        try:
            await self.app(scope, run.receive, run.send)
        except OperationalError as error:
            if run.started or not (is_unavailable(error) or is_transient(error)):
                raise
            log.warning("%s %s: the database is away: %s", scope["method"], scope["path"], error.orig)
            answer = database_unavailable() if is_unavailable(error) else database_busy()
            await answer(scope, receive, send)
