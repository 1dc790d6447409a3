"""From a nomination to the Prefect runs that processed it, and from a run back to its nominations."""

import logging
import shutil
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
from prefect.logging.handlers import APILogHandler

from models.storage.db import get_engine, make_async_engine, use_engine
from tests.demo import DemoProvince, load_demo
from tests.year import Year, hold_meeting


async def the_same_year_in_another_database(http: httpx.AsyncClient, template: Path, folder: Path) -> None:
    """Another installation sharing this Prefect: its meeting and runs carry the same ids and tags as ours."""
    ours = get_engine()
    copy = folder / "another-installation.db"
    shutil.copy(template, copy)
    theirs = make_async_engine(f"sqlite:///{copy}")
    use_engine(theirs)
    try:
        await hold_meeting(http, await load_demo(), Year())
    finally:
        use_engine(ours)
        await theirs.dispose()


async def test_a_nomination_leads_to_its_own_flow_runs_and_a_run_leads_back(
    client: httpx.AsyncClient, demo: DemoProvince, sqlite_template: Path, tmp_path: Path
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await the_same_year_in_another_database(client, sqlite_template, tmp_path)
    nid = year.candidates["flag_sct"]
    detail = (await client.get(f"/nominations/{nid}")).json()
    [run_id] = detail["flow_run_ids"]
    runs = {r["id"]: r for r in (await client.get(f"/nominations/{nid}/flow-runs")).json()}
    assert list(runs) == [run_id], "only this installation's runs, though the other's carry the same stage tags"
    run = runs[run_id]
    assert (run["name"], run["state"]) == (f"tally-meeting-{year.meeting_id}", "Completed")
    assert {"tdkt", "year:2026", "block:KHOI-KINH-TE", f"meeting_tally:{year.meeting_id}"} <= set(run["flow_run_tags"])
    back = (await client.get("/nominations", params={"flow_run_id": run_id})).json()
    assert sorted(n["id"] for n in back) == sorted(year.candidates.values())


async def test_a_stage_flow_runs_log_says_what_each_step_did(
    client: httpx.AsyncClient, demo: DemoProvince, caplog: pytest.LogCaptureFixture
) -> None:
    """The steps are not task runs, so the flow run's log is where Prefect's UI shows them, in Vietnamese."""
    caplog.set_level(logging.INFO, logger="prefect.flow_runs")  # the suite runs Prefect at WARNING
    year = Year()
    await hold_meeting(client, demo, year)
    [run_id] = (await client.get(f"/nominations/{year.candidates['flag_sct']}")).json()["flow_run_ids"]
    await APILogHandler.aflush()
    async with get_client() as prefect:
        logs = await prefect.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[UUID(run_id)])))
    steps = [entry.message for entry in logs if entry.message.startswith("Kiểm phiếu hội nghị Khối: ")]
    assert steps[0].endswith(f"{len(year.candidates)} hồ sơ chuyển trạng thái, 0 hồ sơ giữ nguyên"), steps
    assert any("đã lưu văn bản" in step and "SHA-256" in step for step in steps), steps
    assert steps[-1] == "Kiểm phiếu hội nghị Khối: hoàn tất", steps
