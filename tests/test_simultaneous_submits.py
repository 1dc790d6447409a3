"""Fifty people pressing the same button of every stage at once: one record, one official number, no 500.

Each stage's request is sent 50 times concurrently. Exactly one is recorded and the others are told it was done
already; the number register holds one number per document issued, so no official number is wasted.
"""

import asyncio
from collections import Counter
from typing import Any

import httpx

from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    COUNCIL_VOTES,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    open_meeting,
    results_body,
)

AT_ONCE = 50


async def pressed_at_once(http: httpx.AsyncClient, user: str, path: str, body: dict[str, Any]) -> Any:
    """Send the same request AT_ONCE times concurrently; exactly one succeeds and its answer is returned."""
    headers = await as_user(http, user)
    responses = await asyncio.gather(*(http.post(path, headers=headers, json=body) for _ in range(AT_ONCE)))
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {201: 1, 409: AT_ONCE - 1}, (path, statuses, [r.text for r in responses if r.status_code
                                                                       not in (201, 409)][:3])
    rules = Counter(r.json()["errors"][0]["rule"] for r in responses if r.status_code == 409)
    assert set(rules) <= {"stage.already_recorded", "proposal.once", "decision.once", "decision.signed_once"}, rules
    return next(r.json() for r in responses if r.status_code == 201)


async def numbers_given(http: httpx.AsyncClient) -> list[str]:
    response = await http.get("/numbers", params={"year": YEAR}, headers=await as_user(http, SECRETARY))
    later = await http.get("/numbers", params={"year": YEAR + 1}, headers=await as_user(http, SECRETARY))
    return [n["number"] for n in response.json() + later.json()]


async def test_every_stage_pressed_fifty_times_at_once_is_recorded_once(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    await pressed_at_once(client, BLOCK_HEAD, f"/meetings/{year.meeting_id}/results", results_body(demo, year))

    proposal = await pressed_at_once(client, BLOCK_HEAD, "/proposals", {
        "meeting_id": year.meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"})
    assert sorted(await numbers_given(client)) == ["01/BB-KKT", "01/TTr-SCT"]  # the minutes, once, and the Tờ trình
    proposal_id = proposal["stage"]["subject_id"]
    results = [{"nomination_id": n["id"], "eligible": True} for n in proposal["nominations"]]
    await pressed_at_once(client, SECRETARY, f"/proposals/{proposal_id}/screening", {"results": results})

    units = {u["code"]: u["id"] for u in (await client.get("/units", headers=await as_user(client, SECRETARY))).json()}
    roster = [{"full_name": m["full_name"], "position": m["position"], "unit_id": units.get(m.get("unit", "")),
               "present": True} for m in demo_data()["council"]]
    council = (await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "held_on": "2027-01-03", "location": "Phòng họp số 1, UBND tỉnh", "members": roster})).json()
    session_id = council["session"]["id"]
    votes = [{"nomination_id": year.candidates[label], "votes_for": len(roster) - 1, "votes_against": 0}
             for label in COUNCIL_VOTES]
    await pressed_at_once(client, SECRETARY, f"/council-sessions/{session_id}/votes", {"votes": votes})

    draft = await pressed_at_once(client, SECRETARY, "/decisions", {
        "council_session_id": session_id, "award_code": "CO_THI_DUA_UBND_TINH"})
    signed = await pressed_at_once(client, CHAIRMAN_OFFICE, f"/decisions/{draft['id']}/sign", {
        "signed_on": "2027-01-05", "signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Trần Thị Minh Hằng"})
    assert signed["stage"]["status"] == "completed"
    # the notices: 01/TB-SNV returning dossiers (2026) and 01/TB-SNV of results (2027), each year numbered from 1;
    # the block's minutes and the council session's, each in its own Biên bản series
    assert sorted(await numbers_given(client)) == ["01/BB-HĐTĐKT", "01/BB-KKT", "01/QĐ-UBND", "01/TB-SNV",
                                                   "01/TB-SNV", "01/TTr-SCT", "01/TTr-SNV"]
    flag = (await client.get(f"/nominations/{year.candidates['flag_sct']}")).json()
    assert [t["to_state"] for t in flag["history"]] == [
        "nominated", "endorsed", "submitted", "eligible", "recommended", "awarded"]
