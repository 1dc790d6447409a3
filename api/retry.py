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

from api.problems import problem_response
from models.errors import Problem

log = logging.getLogger(__name__)

# PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and may be retried.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


def is_transient(error: BaseException) -> bool:
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)  # SQLite: another writer held the file past the busy timeout


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
        busy = problem_response(503, [Problem("body", "database.busy",
                                              "Others are changing the same records right now; nothing was "
                                              "changed by this request. Please try again in a moment.")],
                                headers={"Retry-After": "1"})
        await busy(scope, receive, send)
