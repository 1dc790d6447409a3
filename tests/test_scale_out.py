"""Scale-out, for real: a Prefect server on PostgreSQL; the deployments of prefect.yaml with a process worker, and a
stage worker; by turns they finish a stage of every kind (tests/every_kind.py), and in the end the database holds the
same rows, states and document bytes as the embedded run of the same steps."""

import time
from pathlib import Path
from typing import Any

import anyio
import httpx
from sqlmodel import select

from flows.registry import STAGE_FLOWS
from models.domain.enums import StageKind, StageStatus
from models.storage.db import open_session
from models.tables.stage import Stage
from tests.conftest import postgresql_only
from tests.demo import DemoProvince
from tests.every_kind import EVERY_KIND, embedded
from tests.fault import snapshot
from tests.scale_out import ScaleOut, scale_out
from tests.year import Year, open_meeting

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


async def finished_by_worker(kind: StageKind, installation: ScaleOut, seconds: float = 180) -> None:
    """The request answered 202; wait until the worker's flow run has completed the stage."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        async with open_session() as session:
            statuses = {s.status for s in (await session.exec(select(Stage).where(Stage.kind == kind))).all()}
        if statuses == {StageStatus.COMPLETED}:
            return
        assert StageStatus.FAILED not in statuses, worker_logs(installation)
        await anyio.sleep(0.5)
    raise AssertionError(f"{kind.value} was not finished:\n{worker_logs(installation)}")


async def task_runs_outside_flows(installation: ScaleOut) -> list[dict[str, Any]]:
    async with httpx.AsyncClient(base_url=installation.prefect_api) as prefect:
        response = await prefect.post("/task_runs/filter", json={"sort": "EXPECTED_START_TIME_ASC"})
        assert response.status_code == 200, response.text
        return [run for run in response.json() if run["flow_run_id"] is None]


def worker_logs(installation: ScaleOut) -> str:
    return "\n".join(log.read_text()[-5000:] for log in (installation.worker_log, installation.stage_worker_log))


async def flow_runs_settled(installation: ScaleOut, seconds: float = 60) -> list[dict[str, Any]]:
    """The flow runs once each has reached a final state: a run reports its end just after the stage's last write."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=installation.prefect_api) as prefect:
        while True:
            response = await prefect.post("/flow_runs/filter", json={"sort": "START_TIME_ASC"})
            assert response.status_code == 200, response.text
            runs: list[dict[str, Any]] = response.json()
            if all(run["state_type"] in FINAL for run in runs) or time.monotonic() > deadline:
                return runs
            await anyio.sleep(0.5)


@postgresql_only
async def test_a_worker_finishes_every_kind_of_stage_as_the_embedded_run_does(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    with scale_out(database_url, tmp_path) as installation:
        async with (httpx.AsyncClient(base_url=installation.service, timeout=120) as service_http,
                    httpx.AsyncClient(base_url=installation.task_service, timeout=120) as task_http):
            year = Year(stage_answer=202)  # recorded; a worker will finish it
            await open_meeting(client, demo, year)
            for number, (kind, step) in enumerate(EVERY_KIND):
                # By turns: the process worker through a deployment, then the stage worker.
                await step(client, task_http if number % 2 else service_http, demo, year)
                await finished_by_worker(kind, installation)
        runs = await flow_runs_settled(installation)
        background_task_runs = await task_runs_outside_flows(installation)

    assert {kind for kind, _ in EVERY_KIND} == set(STAGE_FLOWS), "a stage of every kind"
    assert [run["state_type"] for run in runs] == ["COMPLETED"] * len(EVERY_KIND), runs
    by_process_worker, by_stage_worker = runs[0::2], runs[1::2]
    assert all(run["deployment_id"] and run["work_pool_name"] == "tdkt" for run in by_process_worker), runs
    assert all(run["deployment_id"] is None and run["work_pool_name"] is None for run in by_stage_worker), runs
    # A stage worker ran each of those flows inside a background task run of its own, named after the stage.
    assert [(run["name"].split("-")[0], run["state_type"]) for run in background_task_runs] == [
        (kind.value, "COMPLETED") for kind, _ in EVERY_KIND[1::2]]
    stage_tags = [next(tag for tag in run["tags"] if tag.split(":")[0] in StageKind.__members__.values())
                  for run in runs]
    assert [tag.split(":")[0] for tag in stage_tags] == [kind.value for kind, _ in EVERY_KIND]
    assert await snapshot() == await embedded(client, sqlite_template, tmp_path)
