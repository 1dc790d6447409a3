"""Prefect's server as tdkt serve runs it: two writers to its SQLite database wait for each other instead of one
failing with "database is locked" (a 503, and a client asleep for 2 s: PrefectHQ/prefect#18934); a 503 it still
answers says retry in a quarter of a second; other answers pass untouched; its clients load a CA file of one
certificate. The wrapped app itself is started by `tdkt serve` in tests/test_serve_process.py."""

import ssl
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from prefect.server.database.configurations import AioSqliteConfiguration
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
from sqlalchemy import text

from api.prefect_app import ShortRetryAfter, begin_transactions_immediately
from api.prefect_server import lean_client_settings, one_certificate_file
from flows.common import stage_flow


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



async def read_then_write(config: AioSqliteConfiguration, who: str, after_reading: anyio.Event | None = None,
                          go_on: anyio.Event | None = None) -> None:
    """As Prefect's server sets a flow run's state: read in a transaction, then write in the same one."""
    session = await config.session(await config.engine())
    async with session, config.begin_transaction(session):
        await session.execute(text("SELECT count(*) FROM run"))
        if after_reading is not None and go_on is not None:
            after_reading.set()
            with anyio.move_on_after(0.5):  # the other writer, if it can, writes meanwhile
                await go_on.wait()
        await session.execute(text("INSERT INTO run (who) VALUES (:who)"), {"who": who})


async def test_two_writers_that_read_first_both_write_in_the_embedded_servers_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AioSqliteConfiguration, "begin_transaction", AioSqliteConfiguration.begin_transaction)
    begin_transactions_immediately()  # as api.prefect_app.create_app does in the server's process; undone after
    config = AioSqliteConfiguration(connection_url=f"sqlite+aiosqlite:///{tmp_path / 'prefect.db'}")
    async with (await config.engine()).begin() as connection:
        await connection.execute(text("CREATE TABLE run (who TEXT)"))
    first_has_read, second_done = anyio.Event(), anyio.Event()

    async def second() -> None:
        await first_has_read.wait()
        await read_then_write(config, "second")
        second_done.set()

    async with anyio.create_task_group() as both:
        both.start_soon(second)
        # With Prefect's DEFERRED transactions the second writes while the first holds only a read, and the
        # first's write then fails at once: "database is locked".
        await read_then_write(config, "first", first_has_read, second_done)
    async with (await config.engine()).connect() as connection:
        assert sorted((await connection.execute(text("SELECT who FROM run"))).scalars()) == ["first", "second"]


def test_the_embedded_servers_clients_load_one_certificate_not_the_whole_bundle(tmp_path: Path) -> None:
    home = tmp_path / "prefect"
    context = ssl.create_default_context(cafile=str(one_certificate_file(home)))
    assert context.cert_store_stats()["x509_ca"] == 1
    assert one_certificate_file(home) == home / "embedded-server-ca.pem" and len(list(home.iterdir())) == 1


@stage_flow("request-count", "request-count-{n}")
async def a_stage_flow(n: int) -> list[dict[str, Any]]:
    return [{"n": n}]


async def test_a_stage_flow_run_asks_the_server_only_for_what_it_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the settings `tdkt serve` gives its clients, a stage flow run asks nothing about result storage (the
    flow keeps no result) and no CSRF token (the server has no CSRF protection): with the heartbeat, which goes by
    the events websocket, three of a flow run's costs (54 → 42 ms a run). If a Prefect upgrade brings them back,
    this says so."""
    paths: list[str] = []
    send_async, send_sync = httpx.AsyncClient.send, httpx.Client.send

    async def noting_async(client: httpx.AsyncClient, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        paths.append(request.url.path)
        return await send_async(client, request, **kwargs)

    def noting_sync(client: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        paths.append(request.url.path)
        return send_sync(client, request, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "send", noting_async)
    monkeypatch.setattr(httpx.Client, "send", noting_sync)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    with temporary_settings(updates=lean_client_settings()):
        assert await a_stage_flow(7) == [{"n": 7}]
    assert any(path.endswith("/flow_runs/") for path in paths), paths  # the run was recorded on the server
    assert not [p for p in paths if p.endswith(("/admin/storage", "/csrf-token"))], paths
    assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() is not None, "the settings are the service's only"
