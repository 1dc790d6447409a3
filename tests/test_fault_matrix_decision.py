"""Kill -9 of the API process at every boundary of the standing body's appraisal and the signing of the decision:
nothing lost, nothing left behind. The cell is tests/fault_cell.py; the meeting's and the proposal's
cells are in test_fault_matrix.py.
"""

from pathlib import Path

import httpx
import pytest

from models.domain.enums import StageKind
from tests.demo import DemoProvince
from tests.fault_cell import cell_id, cells_of, kill_and_recover

DECISION_CELLS = cells_of(StageKind.STANDING_APPRAISAL, StageKind.DECISION_ISSUE)


@pytest.mark.parametrize(("kind", "point"), DECISION_CELLS, ids=[cell_id(c) for c in DECISION_CELLS])
async def test_a_kill_at_any_boundary_of_the_standing_appraisal_or_the_signing_loses_nothing(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path,
    kind: StageKind, point: str,
) -> None:
    await kill_and_recover(client, demo, database_url, sqlite_template, tmp_path, kind, point)
