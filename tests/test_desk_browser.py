"""The desk in a real headless Chromium (Debian's package, driven by Playwright) against `tdkt serve` in its own
process: a whole year runs through the desk as the four roles (tests/test_desk_browser_api.py crosses between the
desk and the API, both ways, with the fixtures and steps of this module). Screenshots of the
main pages are kept in TDKT_DESK_SHOTS_DIR (a temporary folder when unset)."""

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from models.domain.enums import State
from models.domain.vietnamese import FACT_VI, STATE_VI
from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.service import start_service
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    COUNCIL_HELD_ON,
    SECRETARY,
    YEAR,
    as_user,
    import_past_titles,
    ok,
)

CHROMIUM = "/usr/bin/chromium"
ADMIN = "admin"
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


async def test_a_whole_year_through_the_desk_as_the_four_roles(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    """The block head opens the meeting (with the dry run), records its ballots and sends the proposal; the
    secretary screens it, holds the council session and records its votes, holds the standing body's session and
    records its appraisal of the Bằng khen, and prepares the draft; the Chairman's
    office signs it; the administrator finds nothing unfinished. Three candidates keep it short."""
    async with httpx.AsyncClient(base_url=service, timeout=120) as api:
        await import_past_titles(api)  # the award history the province brought with it (registry data)
    u, people = demo.units, demo.people
    head = await open_page(browser, service, BLOCK_HEAD)
    await head.screenshot(path=shots / "inbox-block-head.png", full_page=True)
    await head.get_by_role("link", name="Mở hội nghị tổng kết Khối").click()
    await open_the_meeting(head, [
        (f"unit:{u['SCT']}", "CO_THI_DUA_UBND_TINH", {FACT_VI["leads_block"]: "true"}),
        (f"unit:{u['SNNMT']}", "BANG_KHEN_CT_TAP_THE", {FACT_VI["rating"]: "htxsnv",
                                                   FACT_VI["rating_previous_year"]: "htxsnv"}),
        (f"person:{people['Nguyễn Thị Hồng Nhung']}", "BANG_KHEN_CT_CA_NHAN", {}),
    ])
    await expect(head.locator("#check-0")).to_contain_text("Kết quả kiểm tra điều kiện: Đạt")
    await head.screenshot(path=shots / "meeting-open.png", full_page=True)
    await head.get_by_label("Ngày họp", exact=True).fill("2028-06-01")  # not in the year under review: refused
    await head.get_by_role("button", name="Mở hội nghị").click()
    held_on = head.locator(".field", has=head.get_by_label("Ngày họp", exact=True))
    await expect(held_on.locator(".field-error")).to_be_visible()
    await expect(head.locator("#candidate-2").get_by_label("Tập thể hoặc cá nhân")).to_have_value(
        f"person:{people['Nguyễn Thị Hồng Nhung']}")  # what was chosen is kept
    await head.screenshot(path=shots / "meeting-refused.png", full_page=True)
    await head.get_by_label("Ngày họp", exact=True).fill("2026-12-15")
    await head.get_by_role("button", name="Mở hội nghị").click()
    await expect(head.get_by_text("Đã mở hội nghị")).to_be_visible()
    await record_ballots(head, u["STC"], u["SNNMT"], shots)
    await head.goto(f"{service}/desk")
    await head.get_by_role("link", name="Gửi Tờ trình đề nghị khen thưởng").click()
    await head.get_by_label("Ngày ban hành").fill("2026-12-16")
    await head.get_by_role("button", name="Gửi Tờ trình").click()
    await expect(head.get_by_text("Đã gửi Tờ trình số 01/TTr-SCT")).to_be_visible(timeout=FLOW_SECONDS * 1000)

    secretary = await open_page(browser, service, SECRETARY)
    await secretary.get_by_role("link", name="Thẩm định hồ sơ").click()
    await secretary.get_by_role("button", name="Ghi kết quả thẩm định").click()
    await expect(secretary.get_by_text("Đã ghi kết quả thẩm định")).to_be_visible(timeout=FLOW_SECONDS * 1000)
    await secretary.goto(f"{service}/desk")
    await secretary.get_by_role("link", name="Đưa ra phiên họp Hội đồng").first.click()
    await hold_the_council(secretary, shots)
    await secretary.goto(f"{service}/desk")  # the Bằng khen go to the standing body (catalogue: appraised_by)
    await secretary.screenshot(path=shots / "inbox-secretary.png", full_page=True)
    await secretary.get_by_role("link", name="Đưa ra phiên họp Thường trực Hội đồng").click()
    await hold_the_standing_body(secretary, shots)
    await secretary.get_by_role("link", name="Soạn dự thảo Quyết định từ phiên họp này").click()
    await secretary.get_by_label("Hình thức khen thưởng").select_option("BANG_KHEN_CT_TAP_THE")
    await expect(secretary.locator("#annex tbody tr")).to_have_count(1)
    await secretary.screenshot(path=shots / "decision-draft.png", full_page=True)
    await secretary.get_by_role("button", name="Tạo dự thảo Quyết định").click()
    await expect(secretary.get_by_text("Đã tạo dự thảo Quyết định")).to_be_visible()

    chairman = await open_page(browser, service, CHAIRMAN_OFFICE)
    await chairman.get_by_role("link", name="Ký Quyết định").click()
    await chairman.get_by_label("Họ và tên người ký").fill("Trần Thị Minh Hằng")
    # The date offered is today's, before the council met (03/01/2027): refused beside the date, in Vietnamese.
    await chairman.get_by_role("button", name="Ký và ban hành").click()
    date_error = chairman.locator(".field", has=chairman.get_by_label("Ngày ký")).locator(".field-error")
    await expect(date_error).to_contain_text("Hội đồng")
    await chairman.screenshot(path=shots / "signing-refused.png", full_page=True)
    await chairman.get_by_label("Ngày ký").fill("2027-01-05")
    await chairman.get_by_role("button", name="Ký và ban hành").click()
    await expect(chairman.get_by_text("Đã ký Quyết định số 01/QĐ-UBND")).to_be_visible(timeout=FLOW_SECONDS * 1000)
    await chairman.get_by_role("link", name="Sở Nông nghiệp và Môi trường").click()
    await expect(chairman.locator(".timeline").get_by_text(STATE_VI[State.AWARDED])).to_be_visible()
    await expect(chairman.locator(".timeline").get_by_text("Được đề cử tại hội nghị tổng kết của Khối")).to_be_visible()
    await chairman.screenshot(path=shots / "nomination-awarded.png", full_page=True)

    admin = await open_page(browser, service, ADMIN)
    await expect(admin.locator('[data-role="administrator"]')).to_contain_text("Không có việc nào đang chờ")
    async with httpx.AsyncClient(base_url=service, timeout=120) as api:  # the API sees the year the desk ran
        listed = ok(await api.get("/nominations", params={"year": YEAR},
                                  headers=await as_user(api, SECRETARY)), 200)
    states = sorted(n["state"] for n in listed)
    assert states == ["awarded", "recommended", "recommended"]


async def open_page(browser: Browser, base: str, username: str) -> Page:
    page = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    await sign_in(page, base, username)
    return page


async def open_the_meeting(page: Page, candidates: list[tuple[str, str, dict[str, str]]]) -> None:
    await page.get_by_label("Ngày họp", exact=True).fill("2026-12-15")
    await page.get_by_label("Địa điểm", exact=True).fill("Hội trường Sở Công Thương")
    await page.get_by_label("Chủ trì", exact=True).fill("Nguyễn Hữu Phước")
    await page.get_by_label("Chức vụ người chủ trì").fill("Giám đốc Sở Công Thương, Trưởng Khối")
    await page.get_by_label("Thư ký", exact=True).fill("Lê Văn Đức")
    await page.get_by_label("Chức vụ thư ký").fill("Phó Chánh Văn phòng Sở Công Thương")
    await page.get_by_role("checkbox", name="Thống kê tỉnh").uncheck()  # absent
    for row, (recipient, award, facts) in enumerate(candidates):
        box = page.locator(f"#candidate-{row}")
        await box.get_by_label("Tập thể hoặc cá nhân").select_option(recipient)
        await box.get_by_label("Hình thức khen thưởng").select_option(award)
        if facts:
            await box.get_by_text("Số liệu kê khai").click()
            for label, value in facts.items():
                await box.get_by_label(label, exact=True).select_option(value)
        await box.get_by_role("button", name="Kiểm tra điều kiện").click()
        await expect(box.locator(f"#check-{row}")).to_contain_text("Kết quả kiểm tra điều kiện")


async def record_ballots(page: Page, head_unit: int, deputy_unit: int, shots: Path) -> None:
    for row in await page.locator("tr[id^=tally-]").all():
        await row.get_by_label("Đồng ý", exact=False).first.fill("6")
        await row.get_by_label("Không đồng ý", exact=False).fill("0")
    await page.get_by_label("Đơn vị Trưởng Khối năm sau").select_option(str(head_unit))
    await page.get_by_label("Đơn vị Phó Trưởng Khối năm sau").select_option(str(head_unit))
    await page.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
    # Head and deputy must differ: the refusal stands beside the deputy's field, where the rule names it.
    deputy = page.get_by_label("Đơn vị Phó Trưởng Khối năm sau")
    await expect(page.locator(".field", has=deputy).locator(".field-error")).to_be_visible()
    await page.screenshot(path=shots / "ballots-refused.png", full_page=True)
    await deputy.select_option(str(deputy_unit))
    await page.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
    await expect(page.get_by_text("Đã ghi kết quả bỏ phiếu")).to_be_visible(timeout=FLOW_SECONDS * 1000)


async def hold_the_council(page: Page, shots: Path, dossiers: int = 1) -> None:
    """The session of 03/01/2027 with the roster of that day: the 9th member writes in, the 10th is absent; each of
    the `dossiers` routed to the full council is recommended by 9 of its 10 members."""
    await page.get_by_label("Ngày họp", exact=True).fill(COUNCIL_HELD_ON)
    await page.get_by_label("Ngày họp", exact=True).dispatch_event("change")  # the roster of that day replaces the list
    await page.get_by_label("Địa điểm", exact=True).fill("Phòng họp số 1, UBND tỉnh")
    seats = page.locator("#roster tbody tr")
    await expect(seats).to_have_count(10)
    await seats.nth(8).get_by_label("Vắng, có ý kiến bằng văn bản", exact=False).check()
    await seats.nth(9).get_by_label("Vắng:", exact=False).check()
    await page.screenshot(path=shots / "council-session.png", full_page=True)
    await page.get_by_role("button", name="Mở phiên họp").click()
    await expect(page.get_by_role("heading", name="Ghi kết quả biểu quyết của Hội đồng")).to_be_visible()
    await expect(page.locator("tr[id^=vote-]")).to_have_count(dossiers)  # the Bằng khen are not voted
    for row in await page.locator("tr[id^=vote-]").all():
        await row.get_by_label("Đồng ý", exact=False).first.fill("9")
        await row.get_by_label("Không đồng ý", exact=False).fill("0")
    await page.screenshot(path=shots / "council-votes.png", full_page=True)
    await page.get_by_role("button", name="Ghi kết quả biểu quyết").click()
    await expect(page.get_by_text("Đã ghi kết quả biểu quyết")).to_be_visible(timeout=FLOW_SECONDS * 1000)


async def hold_the_standing_body(page: Page, shots: Path) -> None:
    """The standing body's session that day, its 3 standing seats present; it agrees on both Bằng khen, after a
    "Không đồng ý" without a reason is refused beside that dossier's reason."""
    await expect(page.get_by_label("Thường trực Hội đồng", exact=False)).to_be_checked()
    await page.get_by_label("Ngày họp", exact=True).fill(COUNCIL_HELD_ON)
    await page.get_by_label("Ngày họp", exact=True).dispatch_event("change")
    await page.get_by_label("Địa điểm", exact=True).fill("Phòng họp số 2, UBND tỉnh")
    await expect(page.locator("#roster tbody tr")).to_have_count(3)
    await page.screenshot(path=shots / "standing-session.png", full_page=True)
    await page.get_by_role("button", name="Mở phiên họp").click()
    heading = page.get_by_role("heading", name="Ghi kết quả xét, thẩm định của Thường trực Hội đồng")
    await expect(heading).to_be_visible()
    dossiers = page.locator("fieldset[id^=appraisal-]")
    await expect(dossiers).to_have_count(2)
    await dossiers.first.get_by_label("Không đồng ý", exact=True).check()
    await page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    await expect(dossiers.first.locator(".field-error")).to_contain_text("phải ghi rõ lý do")
    await page.screenshot(path=shots / "standing-appraisal-refused.png", full_page=True)
    await dossiers.first.get_by_label("Đồng ý", exact=True).check()
    await page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    await expect(page.get_by_text("Đã ghi kết quả xét, thẩm định")).to_be_visible(timeout=FLOW_SECONDS * 1000)
    await page.screenshot(path=shots / "standing-appraisal.png", full_page=True)
