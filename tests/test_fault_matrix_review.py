"""Kill -9 of the API process at every boundary of the office's screening and the council's vote:
nothing lost, nothing left behind. The cell is tests/fault_cell.py; the meeting's and the proposal's
cells are in test_fault_matrix.py.
"""

from pathlib import Path

import httpx
import pytest

from models.domain.enums import StageKind
from tests.demo import DemoProvince
from tests.fault_cell import cell_id, cells_of, kill_and_recover

REVIEW_CELLS = cells_of(StageKind.SCREENING, StageKind.COUNCIL_REVIEW)


@pytest.mark.parametrize(("kind", "point"), REVIEW_CELLS, ids=[cell_id(c) for c in REVIEW_CELLS])
async def test_a_kill_at_any_boundary_of_the_screening_or_the_council_vote_loses_nothing(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, sqlite_template: Path, tmp_path: Path,
    kind: StageKind, point: str,
) -> None:
    await kill_and_recover(client, demo, database_url, sqlite_template, tmp_path, kind, point)
