"""The desk in a real headless Chromium (Debian's package, driven by Playwright) against `tdkt serve` in its own
process: the council secretary signs in, screens a proposal (a return without a reason is refused beside the
field, in the API's own words), and reads the returned dossier's timeline. Screenshots of the main pages are kept
in TDKT_DESK_SHOTS_DIR (a temporary folder when unset)."""

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from models.domain.enums import State
from models.domain.vietnamese import STATE_VI
from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.desk import proposed_year
from tests.service import start_service
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    SECRETARY,
    Year,
    as_user,
    council_review,
    ok,
    open_meeting,
    results_body,
    submit_and_screen,
)

CHROMIUM = "/usr/bin/chromium"
# A form that records a stage answers once the stage's flow has run in the service; on a loaded machine (the first
# flow of a process most of all) that takes far longer than Playwright's default of 5 s.
FLOW_SECONDS = 120  # the system's browser: a browser downloaded by Playwright is not reachable here


@pytest.fixture
async def service(database_url: str, demo: DemoProvince, tmp_path: Path) -> AsyncIterator[str]:
    process, base = start_service(database_url, "", tmp_path / "serve.log")
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        # Chromium's sandbox needs user namespaces, which a root CI shell does not give it.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield launched
        await launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TDKT_DESK_SHOTS_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def sign_in(page: Page, base: str, username: str) -> None:
    await page.goto(f"{base}/desk")
    await page.get_by_label("Tên đăng nhập").fill(username)
    await page.get_by_label("Mật khẩu").fill(demo_data()["accounts"]["password"])
    await page.get_by_role("button", name="Đăng nhập").click()
    await expect(page.get_by_role("heading", name="Việc cần làm")).to_be_visible()


async def test_secretary_screens_a_proposal_in_the_browser(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
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


async def test_a_year_shared_between_the_desk_and_the_api(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    """The block head records the ballots at the desk, the API carries the year on to a draft decision, and the
    Chairman's office signs it at the desk."""
    year = Year()
    async with httpx.AsyncClient(base_url=service, timeout=120) as api:
        await open_meeting(api, demo, year)
        head = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        await sign_in(head, service, BLOCK_HEAD)
        await head.get_by_role("link", name="Ghi kết quả bỏ phiếu").click()
        await expect(head.get_by_text("ít nhất 4 phiếu đồng ý")).to_be_visible()
        body = results_body(demo, year)
        for tally in body["tallies"]:
            row = head.locator(f"#tally-{tally['nomination_id']}")
            await row.get_by_label("Đồng ý", exact=False).first.fill(str(tally["votes_for"]))
            await row.get_by_label("Không đồng ý", exact=False).fill(str(tally["votes_against"]))
        await head.get_by_label("Đơn vị Trưởng Khối năm sau").select_option(str(body["next_head_unit_id"]))
        await head.get_by_label("Đơn vị Phó Trưởng Khối năm sau").select_option(str(body["next_head_unit_id"]))
        await head.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
        # Head and deputy must differ: the refusal stands beside the deputy's field, where the rule names it.
        deputy_error = head.locator(".field", has=head.get_by_label("Đơn vị Phó Trưởng Khối năm sau")).locator(
            ".field-error")
        await expect(deputy_error).to_be_visible()
        await head.screenshot(path=shots / "ballots-refused.png", full_page=True)
        await head.get_by_label("Đơn vị Phó Trưởng Khối năm sau").select_option(str(body["next_deputy_unit_id"]))
        await head.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
        await expect(head.get_by_text("Đã ghi kết quả bỏ phiếu")).to_be_visible(timeout=FLOW_SECONDS * 1000)

        await submit_and_screen(api, year)
        await council_review(api, year)
        draft = ok(await api.post("/decisions", headers=await as_user(api, SECRETARY), json={
            "council_session_id": year.council_id, "award_code": "BANG_KHEN_CT_TAP_THE"}))
        chairman = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        await sign_in(chairman, service, CHAIRMAN_OFFICE)
        await chairman.get_by_role("link", name="Ký Quyết định").click()
        struck = chairman.locator(f"#row-{year.candidates['bk_sxd']}")
        await struck.get_by_label("Gạch tên").check()
        await struck.get_by_role("textbox").fill("Đơn vị đang có đơn khiếu nại chưa giải quyết xong")
        await chairman.get_by_label("Họ và tên người ký").fill("Trần Thị Minh Hằng")
        # The date offered is today's, before the council met (03/01/2027): refused beside the date, in Vietnamese.
        await chairman.get_by_role("button", name="Ký và ban hành").click()
        date_error = chairman.locator(".field", has=chairman.get_by_label("Ngày ký")).locator(".field-error")
        await expect(date_error).to_contain_text("Hội đồng")
        await chairman.screenshot(path=shots / "signing-refused.png", full_page=True)
        await chairman.get_by_label("Ngày ký").fill("2027-01-05")
        await chairman.get_by_role("button", name="Ký và ban hành").click()
        await expect(chairman.get_by_text("Đã ký Quyết định số 01/QĐ-UBND")).to_be_visible(timeout=FLOW_SECONDS * 1000)
        decision = ok(await api.get(f"/decisions/{draft['id']}", headers=await as_user(api, SECRETARY)), 200)
        assert decision["decision"]["status"] == "signed"
