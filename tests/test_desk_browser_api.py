"""The desk and the API agree: a year started in the desk (the block head opens the meeting and records its ballots
in a real Chromium) is finished through the HTTP API (proposal, screening, council session and votes, decision),
and the desk then shows the final state, the whole timeline and every document of it."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from models.domain.enums import State
from models.domain.vietnamese import DOCUMENT_KIND_VI, FACT_VI, STATE_VI
from tests.demo import DemoProvince
from tests.test_desk_browser import FLOW_SECONDS, browser, open_page, open_the_meeting, record_ballots, service, shots
from tests.year import BLOCK_HEAD, CHAIRMAN_OFFICE, COUNCIL_HELD_ON, SECRETARY, YEAR, as_user, import_past_titles, ok

__all__ = ["browser", "service", "shots"]  # the fixtures, shared with tests/test_desk_browser.py
FLAG = "CO_THI_DUA_UBND_TINH"


async def finish_through_the_api(api: httpx.AsyncClient, flag_id: int) -> int:
    """What the block's own software and the office's scripts send once the ballots are in; the decision's id."""
    head, secretary = await as_user(api, BLOCK_HEAD), await as_user(api, SECRETARY)
    nomination = ok(await api.get(f"/nominations/{flag_id}", headers=head), 200)["nomination"]
    proposal = ok(await api.post("/proposals", headers=head, json={
        "meeting_id": nomination["meeting_id"], "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    proposal_id = proposal["stage"]["subject_id"]
    ok(await api.post(f"/proposals/{proposal_id}/screening", headers=secretary, json={"results": [
        {"nomination_id": n["id"], "eligible": True} for n in proposal["nominations"]]}))
    seats = [s["id"] for s in ok(await api.get("/council/roster", params={"on": COUNCIL_HELD_ON}, headers=secretary),
                                 200)]
    council = ok(await api.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
        "present_seat_ids": seats[:8], "written_opinion_seat_ids": seats[8:9]}))
    session_id = council["session"]["id"]
    ok(await api.post(f"/council-sessions/{session_id}/votes", headers=secretary, json={
        "votes": [{"nomination_id": flag_id, "votes_for": 9, "votes_against": 0}]}))
    draft = ok(await api.post("/decisions", headers=secretary, json={"council_session_id": session_id,
                                                                     "award_code": FLAG}))
    ok(await api.post(f"/decisions/{draft['id']}/sign", headers=await as_user(api, CHAIRMAN_OFFICE), json={
        "signed_on": "2027-01-05", "signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Trần Thị Minh Hằng", "declined": []}))
    return int(draft["id"])


async def test_a_year_started_in_the_desk_is_finished_through_the_api(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    u, people = demo.units, demo.people
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        await import_past_titles(api)
    head = await open_page(browser, service, BLOCK_HEAD)
    await head.get_by_role("link", name="Mở hội nghị tổng kết Khối").click()
    await open_the_meeting(head, [
        (f"unit:{u['SCT']}", FLAG, {FACT_VI["leads_block"]: "true"}),
        (f"unit:{u['SNNMT']}", "BANG_KHEN_CT_TAP_THE", {FACT_VI["rating"]: "htxsnv",
                                                   FACT_VI["rating_previous_year"]: "htxsnv"}),
        (f"person:{people['Nguyễn Thị Hồng Nhung']}", "BANG_KHEN_CT_CA_NHAN", {}),
    ])
    await head.get_by_role("button", name="Mở hội nghị").click()
    await expect(head.get_by_text("Đã mở hội nghị")).to_be_visible()
    await record_ballots(head, u["STC"], u["SNNMT"], shots)

    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        listed = ok(await api.get("/nominations", params={"year": YEAR}, headers=await as_user(api, BLOCK_HEAD)), 200)
        assert sorted(n["state"] for n in listed) == ["endorsed"] * 3  # the desk's ballots, as the API reads them
        flag_id = next(n["id"] for n in listed if n["unit_id"] == u["SCT"])
        decision_id = await finish_through_the_api(api, flag_id)
        detail = ok(await api.get(f"/decisions/{decision_id}", headers=await as_user(api, SECRETARY)), 200)
        decision = detail["decision"]

    await head.goto(f"{service}/desk")  # the proposal went through the API: nothing left to send at the desk
    await expect(head.get_by_role("link", name="Gửi Tờ trình đề nghị khen thưởng")).to_have_count(0)
    # The secretary reads the dossier's page: the decision's file is the province's, read by its roles.
    secretary = await open_page(browser, service, SECRETARY)
    await secretary.goto(f"{service}/desk/nominations/{flag_id}")
    await expect(secretary.locator(".state").first).to_have_text(STATE_VI[State.AWARDED])
    timeline = secretary.locator(".timeline > li")
    await expect(timeline).to_have_count(6)  # created, endorsed, submitted, eligible, recommended, awarded
    moves = [State.NOMINATED, State.ENDORSED, State.SUBMITTED, State.ELIGIBLE, State.RECOMMENDED, State.AWARDED]
    for line, state in zip(await timeline.all(), moves, strict=True):
        await expect(line.locator(".state").last).to_have_text(STATE_VI[state])
    await expect(timeline.last).to_contain_text(f"Có tên trong Quyết định mã số {decision_id}")
    documents = secretary.locator(".timeline .documents li")
    for kind in ("meeting_minutes", "block_proposal", "decision"):
        await expect(documents.filter(has_text=DOCUMENT_KIND_VI[kind]).first).to_be_visible()
    link = documents.filter(has_text=DOCUMENT_KIND_VI["decision"]).first.get_by_role("link").first
    download = await secretary.request.get(f"{service}{await link.get_attribute('href')}")
    assert download.ok and (await download.body())[:2] == b"PK"  # the signed decision's .docx, as issued
    assert decision["number"] in (await secretary.locator(".timeline").inner_text())
    await secretary.screenshot(path=shots / "nomination-finished-through-api.png", full_page=True)
