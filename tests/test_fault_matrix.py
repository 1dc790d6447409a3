"""Kill -9 of the API process at every boundary of every stage: the reconciler ends with the same rows as a run
that was never disturbed, and no stage is left behind. This file holds the meeting's and the proposal's cells;
test_fault_matrix_review.py and test_fault_matrix_decision.py the others (see tests/fault_cell.py).

Each cell drives the year through the API up to one stage, sends that stage's request to a separate service
process told to kill itself at one point, then lets the reconciler finish. The undisturbed run of the same steps,
in a database of its own, is the reference: same rows, states, versions and document bytes.
"""

from pathlib import Path

import httpx
import pytest

from flows.reconciler import reconcile_stages
from models.domain.enums import StageKind
from tests.demo import DemoProvince
from tests.fault import CELLS, snapshot, undisturbed
from tests.fault_cell import cell_id, cells_of, kill_and_recover
from tests.service import free_port, start_service
from tests.test_fault_matrix_decision import DECISION_CELLS
from tests.test_fault_matrix_review import REVIEW_CELLS
from tests.year import BLOCK_HEAD, Year, as_user, open_meeting, results_body

MEETING_CELLS = cells_of(StageKind.MEETING_TALLY, StageKind.PROPOSAL_SUBMISSION)


@pytest.mark.parametrize(("kind", "point"), MEETING_CELLS, ids=[cell_id(c) for c in MEETING_CELLS])
async def test_a_kill_at_any_boundary_of_the_meeting_or_the_proposal_loses_nothing(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path,
    kind: StageKind, point: str,
) -> None:
    await kill_and_recover(client, demo, database_url, sqlite_template, tmp_path, kind, point)


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


def test_the_three_matrix_files_hold_every_cell_once() -> None:
    """A stage kind added to the year's steps must be placed in one of the files, or its cells would never run."""
    assert sorted(MEETING_CELLS + REVIEW_CELLS + DECISION_CELLS) == sorted(CELLS)
