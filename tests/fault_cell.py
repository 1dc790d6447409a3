"""One cell of the fault matrix: kill -9 of a service process at one point of one stage, then the reconciler.

The matrix is split over several test files, a pair of stage kinds each, so that pytest-xdist (`--dist loadfile`)
shares its cells between the cores; the cell itself is written once, here.
"""

import signal
from pathlib import Path

import httpx
from sqlmodel import select

from flows.reconciler import reconcile_stages
from models.domain.enums import StageKind, StageStatus
from models.storage.db import open_session
from models.tables.stage import Stage
from tests.demo import DemoProvince
from tests.fault import CELLS, run_until, snapshot, undisturbed
from tests.service import start_service


def cells_of(*kinds: StageKind) -> list[tuple[StageKind, str]]:
    return [(kind, point) for kind, point in CELLS if kind in kinds]


def cell_id(cell: tuple[StageKind, str]) -> str:
    return f"{cell[0].value}.{cell[1]}"


async def kill_and_recover(client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path,
                           tmp_path: Path, kind: StageKind, point: str) -> None:
    """The service dies at `point` of `kind`; the reconciler then ends with the rows of a run never disturbed."""
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
