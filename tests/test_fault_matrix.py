"""Kill -9 of the API process at every boundary of every stage: the reconciler ends with the same rows as a run
that was never disturbed, and no stage is left behind.

Each cell drives the year through the API up to one stage, sends that stage's request to a separate service
process told to kill itself at one point, then lets the reconciler finish. The undisturbed run of the same steps,
in a database of its own, is the reference: same rows, states, versions and document bytes.
"""

import signal
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from flows.reconciler import reconcile_stages
from models.domain.enums import StageKind, StageStatus
from models.storage.db import open_session
from models.tables.stage import Stage
from tests.demo import DemoProvince
from tests.fault import CELLS, run_until, snapshot, undisturbed
from tests.service import free_port, start_service
from tests.year import BLOCK_HEAD, Year, as_user, open_meeting, results_body


@pytest.mark.parametrize(("kind", "point"), CELLS, ids=[f"{k.value}.{p}" for k, p in CELLS])
async def test_a_kill_at_any_stage_boundary_loses_nothing_and_leaves_nothing_behind(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path,
    kind: StageKind, point: str,
) -> None:
    service, base = start_service(database_url, f"{kind.value}.{point}", tmp_path / "service.log")
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120) as service_http:
            await run_until(client, demo, kind, service_http)
        assert service.wait(timeout=30) == -signal.SIGKILL, (tmp_path / "service.log").read_text()
    finally:
        service.kill()
    async with open_session() as session:
        [left] = (await session.exec(select(Stage).where(Stage.kind == kind))).all()
    assert left.status == StageStatus.RECORDED, "the person's input is kept, its flow unfinished"

    finished = await reconcile_stages(grace_seconds=0)
    assert [(r["kind"], r["status"]) for r in finished] == [(kind.value, "completed")], finished
    assert await snapshot() == await undisturbed(client, kind, sqlite_template, tmp_path)
    assert await reconcile_stages(grace_seconds=0) == [], "no stage left behind"


async def test_with_prefect_unreachable_the_stage_is_kept_and_finished_later(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    """Every stage is launched by the same code (flows/launch.py), so one kind stands for all."""
    unreachable = f"http://127.0.0.1:{free_port()}/api"  # nothing listens there
    service, base = start_service(database_url, "", tmp_path / "service.log", prefect_api_url=unreachable)
    try:
        year = Year()
        await open_meeting(client, demo, year)
        async with httpx.AsyncClient(base_url=base, timeout=120) as service_http:
            response = await service_http.post(f"/meetings/{year.meeting_id}/results", json=results_body(demo, year),
                                               headers=await as_user(client, BLOCK_HEAD))
    finally:
        service.kill()
    assert response.status_code == 202, response.text
    assert response.json()["stage"]["status"] == "recorded" and response.json()["stage"]["last_error"]
    finished = await reconcile_stages(grace_seconds=0)
    assert [(r["kind"], r["status"]) for r in finished] == [("meeting_tally", "completed")]
    assert await snapshot() == await undisturbed(client, StageKind.MEETING_TALLY, sqlite_template, tmp_path)
