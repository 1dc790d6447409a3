"""The desk and the API agree, both ways, in a real Chromium. A year started in the desk (the block head opens the
meeting and records its ballots) is finished through the HTTP API (proposal, screening, council session and votes,
decision), and the desk then shows the final state, the whole timeline and every document of it. A year started
through the API (meeting, ballots, proposal) is finished in the desk (screening, council, the decision drafted and
signed), and the API then reads its states and the signed decision, which the block's head also downloads."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, Page, expect

from models.domain.enums import State
from models.domain.vietnamese import DOCUMENT_KIND_VI, FACT_VI, STATE_VI
from tests.demo import DemoProvince
from tests.desk import proposed_year
from tests.docx_read import paragraphs, table_rows
from tests.test_desk_browser import (
    FLOW_SECONDS,
    browser,
    hold_the_council,
    open_page,
    open_the_meeting,
    record_ballots,
    service,
    shots,
    sign_in,
)
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    COUNCIL_HELD_ON,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    import_past_titles,
    ok,
)

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


async def test_a_year_the_api_started_is_screened_and_finished_in_the_browser(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    """The API holds the block's meeting and sends its proposal; the secretary screens it at the desk (a return
    without a reason refused beside the field), holds the council and drafts the flag's decision, and the Chairman's
    office signs it there (tests/test_desk_browser_api.py goes the other way)."""
    async with httpx.AsyncClient(base_url=service, timeout=120) as api:
        year = await proposed_year(api, demo)
        await as_user(api, SECRETARY)
    dung = year.candidates["bk_dung"]
    page = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    await sign_in(page, service, SECRETARY)
    task = page.get_by_role("link", name="Thẩm định hồ sơ")
    await expect(task).to_be_visible()
    await page.screenshot(path=shots / "inbox.png", full_page=True)

    await task.click()
    dossier = page.locator(f"#dossier-{dung}")
    await dossier.get_by_label("Trả lại", exact=True).check()
    await page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    # htmx swaps the refused form (422) in place: the message stands beside that dossier's reason box.
    refusal = page.locator(f"#dossier-{dung} .field-error")
    await expect(refusal).to_be_visible()
    assert (await refusal.inner_text()).strip()
    await page.screenshot(path=shots / "screening-refused.png", full_page=True)

    await page.locator(f"#dossier-{dung}").get_by_label("Lý do trả lại").fill("Thiếu báo cáo thành tích có xác nhận")
    # Trương Thị Mai fails a rule, so her dossier is offered as returned too: it needs its reason as well.
    await page.locator(f"#dossier-{year.candidates['cstd_mai']}").get_by_label("Lý do trả lại").fill(
        "Chưa đủ 3 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở")
    await page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    await expect(page.get_by_text("Đã ghi kết quả thẩm định")).to_be_visible(timeout=FLOW_SECONDS * 1000)

    await page.get_by_role("link", name="Hồ sơ đề nghị").click()
    await expect(page.get_by_role("heading", name="Hồ sơ đề nghị khen thưởng")).to_be_visible()
    await page.screenshot(path=shots / "nominations.png", full_page=True)

    await page.goto(f"{service}/desk/nominations/{dung}")
    timeline = page.locator(".timeline")
    await expect(timeline.get_by_text(STATE_VI[State.RETURNED]).last).to_be_visible()
    await expect(timeline.get_by_text("Lý do: Thiếu báo cáo thành tích có xác nhận")).to_be_visible()
    # The screening's notice returning the dossier, named for what it is, beside its file.
    await expect(timeline.get_by_text("Thông báo trả lại hồ sơ:")).to_be_visible()
    await page.screenshot(path=shots / "nomination.png", full_page=True)
    await finish_in_the_desk(page, await open_page(browser, service, CHAIRMAN_OFFICE), service, shots)
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        await the_api_reads_what_the_desk_finished(api, year, await open_page(browser, service, BLOCK_HEAD),
                                                   service, shots)


async def finish_in_the_desk(secretary: Page, chairman: Page, service: str, shots: Path) -> None:
    """The full council recommends the flag and the CSTĐ tỉnh; the secretary drafts the flag's decision from that
    session, and the Chairman's office signs it."""
    await secretary.goto(f"{service}/desk")
    await secretary.get_by_role("link", name="Đưa ra phiên họp Hội đồng").first.click()
    await hold_the_council(secretary, shots, dossiers=2)
    await secretary.get_by_role("link", name="Soạn dự thảo Quyết định từ phiên họp này").click()
    await secretary.get_by_label("Hình thức khen thưởng").select_option(FLAG)
    rows = secretary.locator("#annex tbody tr")  # the CSTĐ tỉnh's row is replaced by the flag's once the list loads
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Sở Công Thương")
    await secretary.get_by_role("button", name="Tạo dự thảo Quyết định").click()
    await expect(secretary.get_by_text("Đã tạo dự thảo Quyết định")).to_be_visible()
    await chairman.goto(f"{service}/desk")
    await chairman.get_by_role("link", name="Ký Quyết định").click()
    await chairman.get_by_label("Họ và tên người ký").fill("Trần Thị Minh Hằng")
    await chairman.get_by_label("Ngày ký").fill("2027-01-05")
    await chairman.get_by_role("button", name="Ký và ban hành").click()
    await expect(chairman.get_by_text("Đã ký Quyết định số 01/QĐ-UBND")).to_be_visible(timeout=FLOW_SECONDS * 1000)


async def the_api_reads_what_the_desk_finished(api: httpx.AsyncClient, year: Year, head: Page, service: str,
                                               shots: Path) -> None:
    """The API reads the states the desk left and the signed decision; the block's head finds it on the flag's
    page at the desk, and nothing there of the council's own papers."""
    headers = await as_user(api, BLOCK_HEAD)
    listed = {n["id"]: n["state"] for n in ok(await api.get("/nominations", params={"year": YEAR}, headers=headers),
                                              200)}
    c = year.candidates
    assert [listed[c[label]] for label in ("flag_sct", "cstd_duc", "bk_dung", "cstd_mai")] == [
        "awarded", "recommended", "returned", "returned"]
    flag = ok(await api.get(f"/nominations/{c['flag_sct']}", headers=headers), 200)
    [decision] = [d for t in flag["history"] for d in t["documents"] if d["kind"] == "decision"]
    issued = await api.get(decision["download_url"], headers=headers)
    assert issued.status_code == 200
    assert "Số: 01/QĐ-UBND" in paragraphs(issued.content)
    assert [r[:2] for r in table_rows(issued.content) if r and r[0].isdigit()] == [["1", "Sở Công Thương"]], "annex"

    await head.goto(f"{service}/desk/nominations/{c['flag_sct']}")
    await expect(head.locator(".state").first).to_have_text(STATE_VI[State.AWARDED])
    documents = head.locator(".timeline .documents li")
    await expect(documents.filter(has_text=DOCUMENT_KIND_VI["decision"])).to_have_count(1)
    await expect(documents.filter(has_text=DOCUMENT_KIND_VI["council_minutes"])).to_have_count(0)
    await head.screenshot(path=shots / "nomination-finished-in-desk.png", full_page=True)
