"""A process killed between "the API recorded the stage" and "the flow completed" loses nothing."""

import signal
from pathlib import Path

import httpx
import pytest
from sqlmodel import func, select

from flows.meeting_tally import tally_block_meeting
from flows.reconciler import reconcile_stages
from models.domain.enums import StageKind, StageStatus
from models.storage.db import open_session
from models.storage.queries import stage_of
from models.tables.nomination import Transition
from models.tables.stage import Document
from tests.demo import DemoProvince
from tests.service import start_service
from tests.year import BLOCK_HEAD, Year, as_user, open_meeting, results_body


async def counts(meeting_id: int) -> tuple[int, int]:
    async with open_session() as session:
        stage = await stage_of(session, StageKind.MEETING_TALLY, meeting_id)
        assert stage is not None
        moves = (await session.exec(select(func.count()).select_from(Transition).where(
            Transition.stage_id == stage.id))).one()
        documents = (await session.exec(select(func.count()).select_from(Document).where(
            Document.stage_id == stage.id))).one()
    return int(moves), int(documents)


async def test_reconciler_finishes_a_stage_whose_process_was_killed(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, tmp_path: Path
) -> None:
    year = Year()
    # The meeting and its candidates are recorded in this process; the ballots go to a separate service process.
    await open_meeting(client, demo, year)
    service, base = start_service(database_url, "meeting_tally.after_moves", tmp_path / "service.log")
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120) as service_client:
            with pytest.raises(httpx.TransportError):
                headers = await as_user(client, BLOCK_HEAD)
                await service_client.post(f"/meetings/{year.meeting_id}/results", headers=headers,
                                          json=results_body(demo, year))
        assert service.wait(timeout=30) == -signal.SIGKILL
    finally:
        service.kill()

    async with open_session() as session:
        stage = await stage_of(session, StageKind.MEETING_TALLY, year.meeting_id)
        assert stage is not None and stage.status == StageStatus.RECORDED, "the ballots are kept"
    assert await counts(year.meeting_id) == (len(year.candidates), 0), "killed after the moves, before the minutes"

    finished = await reconcile_stages(grace_seconds=0)
    assert [(r["kind"], r["subject"], r["status"]) for r in finished] == [
        ("meeting_tally", year.meeting_id, "completed")]
    assert await counts(year.meeting_id) == (len(year.candidates), 1), "nothing duplicated, minutes written"

    detail = (await client.get(f"/meetings/{year.meeting_id}")).json()
    assert {n["state"] for n in detail["nominations"]} == {"endorsed", "not_endorsed"}
    assert detail["stages"][0]["status"] == "completed" and detail["stages"][0]["attempts"] == 2
    assert await reconcile_stages(grace_seconds=0) == []
    await tally_block_meeting(year.meeting_id)
    assert await counts(year.meeting_id) == (len(year.candidates), 1)
