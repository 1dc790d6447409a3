"""From a nomination to the Prefect runs that processed it, and from a run back to its nominations."""

import httpx

from tests.demo import DemoProvince
from tests.year import Year, hold_meeting


async def test_a_nomination_leads_to_its_flow_runs_and_a_run_leads_back(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    nid = year.candidates["flag_sct"]
    detail = (await client.get(f"/nominations/{nid}")).json()
    [run_id] = detail["flow_run_ids"]
    # The test harness's Prefect outlives each test's database, so runs of earlier tests share these tags.
    runs = {r["id"]: r for r in (await client.get(f"/nominations/{nid}/flow-runs")).json()}
    run = runs[run_id]
    assert (run["name"], run["state"]) == (f"tally-meeting-{year.meeting_id}", "Completed")
    assert {"tdkt", "year:2026", "block:KHOI-KINH-TE", f"meeting_tally:{year.meeting_id}"} <= set(run["flow_run_tags"])
    back = (await client.get("/nominations", params={"flow_run_id": run_id})).json()
    assert sorted(n["id"] for n in back) == sorted(year.candidates.values())
