"""PostgreSQL restarted under load, in the middle of a stage: every answer meanwhile is 503 with Retry-After (never
a 500), the service recovers by itself once the database is back, and the interrupted stage is finished by the
reconciler with the same rows as an undisturbed run.

The restart is what the service sees of one: every connection to its database is cut and new ones are refused for
a while. SQLite is a file in the service's own process, so it has no such outage; this runs on PostgreSQL only.
"""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
import httpx
from sqlalchemy import make_url, text
from sqlmodel import select

from flows.reconciler import reconcile_stages
from models.domain.enums import StageKind, StageStatus
from models.storage.db import make_sync_engine, open_session
from models.tables.stage import Stage
from tests.conftest import POSTGRES_URL, postgresql_only
from tests.demo import DemoProvince
from tests.fault import snapshot, undisturbed
from tests.service import start_service
from tests.year import BLOCK_HEAD, YEAR, Year, as_user, open_meeting, results_body


@contextmanager
def database_down(url: str) -> Iterator[None]:
    """Cut every connection to the database and refuse new ones until the block ends."""
    name = make_url(url).database
    admin = make_sync_engine(POSTGRES_URL)  # the server's own database, which stays up
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                               {"name": name})
            try:
                yield
            finally:
                connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
    finally:
        admin.dispose()


async def load(http: httpx.AsyncClient, reader: dict[str, str]) -> list[httpx.Response]:
    """What other people do meanwhile: read lists, and log in."""
    paths = ["/nominations", "/stages", "/awards", f"/blocks?year={YEAR}"] * 5
    reads = [http.get(path, headers=reader) for path in paths]
    logins = [http.post("/login/access-token", data={"username": BLOCK_HEAD, "password": "wrong"})]
    return list(await asyncio.gather(*reads, *logins))


async def wait_for(path: Path) -> None:
    for _ in range(1200):
        if await anyio.Path(path).exists():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the stage never reached its pause ({path})")


@postgresql_only
async def test_a_database_restart_in_the_middle_of_a_stage_loses_nothing_and_needs_no_restart_of_the_service(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    paused = tmp_path / "paused-after-moves"
    service, base = start_service(database_url, f"meeting_tally.after_moves@{paused}", tmp_path / "service.log")
    reader = dict(client.headers)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            tally = asyncio.create_task(http.post(f"/meetings/{year.meeting_id}/results",
                                                  headers=await as_user(client, BLOCK_HEAD),
                                                  json=results_body(demo, year)))
            await wait_for(paused)  # the ballots are recorded and the nominations moved; no document yet
            with database_down(database_url):
                during = await load(http, reader)
                paused.unlink()  # the stage goes on, and meets the missing database
                interrupted = await tally
            after = await load(http, reader)
        assert service.poll() is None, "the service kept running"
    finally:
        service.kill()

    for response in [*during, interrupted]:
        assert response.status_code == 503, response.text
        assert response.headers["Retry-After"] and response.json()["errors"][0]["rule"] == "database.unavailable"
    assert sorted({r.status_code for r in after}) == [200, 401], "back without restarting the service"

    async with open_session() as session:
        [left] = (await session.exec(select(Stage).where(Stage.kind == StageKind.MEETING_TALLY))).all()
    assert left.status == StageStatus.RECORDED, "the ballots are kept, the flow unfinished"
    finished = await reconcile_stages(grace_seconds=0)
    assert [(r["kind"], r["status"]) for r in finished] == [("meeting_tally", "completed")], finished
    assert await snapshot() == await undisturbed(client, StageKind.MEETING_TALLY, sqlite_template, tmp_path)
