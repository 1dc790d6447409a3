"""Prefect's server as tdkt serve runs it answers its 503s with a short Retry-After, so the client retries a
quarter of a second later instead of sleeping 2 s (PrefectHQ/prefect#18934); other answers pass untouched. The
wrapped app itself is started by `tdkt serve` in tests/test_serve_process.py."""

from collections.abc import MutableMapping
from typing import Any

import httpx

from api.prefect_app import ShortRetryAfter


def answering(status: int, headers: list[tuple[bytes, bytes]]) -> Any:
    async def app(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"{}"})
    return app


async def get(app: Any) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://prefect") as client:
        return await client.get("/api/flow_runs")


async def test_a_locked_database_503_says_retry_in_a_quarter_second() -> None:
    assert (await get(ShortRetryAfter(answering(503, [])))).headers["retry-after"] == "0.25"


async def test_a_503_that_names_its_own_wait_and_other_answers_are_left_alone() -> None:
    assert (await get(ShortRetryAfter(answering(503, [(b"retry-after", b"30")])))).headers["retry-after"] == "30"
    assert "retry-after" not in (await get(ShortRetryAfter(answering(200, [])))).headers

