"""The meeting's papers at the desk in a real headless Chromium: the block head types why an absent unit is absent
beside its box, and the ballots form asks for the counting committee, its count and the votes for next year's
head, with no abstention column for a secret ballot. Screenshots go to TDKT_DESK_SHOTS_DIR."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.demo import DemoProvince
from tests.test_desk_browser import browser, open_page, service, shots
from tests.year import BLOCK, YEAR, Year, open_meeting

__all__ = ["browser", "service", "shots"]  # the fixtures this module's test uses


async def test_the_head_types_absence_reasons_and_the_ballot_count(
    client: httpx.AsyncClient, demo: DemoProvince, service: str, browser: Browser, shots: Path
) -> None:
    page = await open_page(browser, service, "truongkhoi.kinhte")
    await page.goto(f"{service}/desk/blocks/{demo.blocks[BLOCK]}/years/{YEAR}/meeting")
    await page.get_by_role("checkbox", name="Thống kê tỉnh").uncheck()
    reason = page.get_by_label("Lý do vắng: Thống kê tỉnh")
    await reason.fill("Dự hội nghị của Tổng cục Thống kê")
    await expect(reason).to_have_value("Dự hội nghị của Tổng cục Thống kê")
    await page.locator("#attendance").screenshot(path=shots / "meeting-attendance-reasons.png")

    year = Year()
    await open_meeting(client, demo, year)  # through the API: the ballots form is the block head's next step
    await page.goto(f"{service}/desk/meetings/{year.meeting_id}/results")
    await expect(page.get_by_label("Thành viên Ban kiểm phiếu", exact=False)).to_be_visible()
    for label in ("Số phiếu phát ra", "Số phiếu thu về", "Số phiếu không hợp lệ", "Số phiếu bầu Trưởng Khối",
                  "Số phiếu bầu Phó Trưởng Khối"):
        await expect(page.get_by_label(label, exact=True)).to_be_visible()
    await expect(page.locator("table.ballots thead")).not_to_contain_text("Không biểu quyết")
    await page.screenshot(path=shots / "ballots-counting-committee.png", full_page=True)
