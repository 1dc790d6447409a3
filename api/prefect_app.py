"""Prefect's server as `tdkt serve` runs it: its own app, with a short Retry-After on the 503s it answers while its
SQLite database is locked by another write.

Without a Retry-After, Prefect's client waits 2 s before retrying, then 4 s (PrefectHQ/prefect#18934); measured on
a 5-block year, a third of the stage requests took 2–3 s where their work took 0.4 s. The lock is held for
milliseconds, so a retry a quarter of a second later nearly always gets through; the client honours the header.
"""

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from prefect.server.api.server import create_app as create_prefect_app

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


def create_app() -> ShortRetryAfter:
    return ShortRetryAfter(create_prefect_app())
