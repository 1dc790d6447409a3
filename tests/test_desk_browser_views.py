"""Statistics and the registry's workbook import in a real headless Chromium against `tdkt serve`: the secretary
opens the year's figures (charts and their tables), previews a workbook (nothing changes yet) and applies it.
Screenshots at 1366×768 are kept in TDKT_DESK_SHOTS_DIR (a temporary folder when unset)."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.demo import DemoProvince
from tests.organisation_workbook import province, xlsx
from tests.test_desk_browser import FLOW_SECONDS, browser, service, shots, sign_in
from tests.year import SECRETARY, YEAR, run_year

__all__ = ["browser", "service", "shots"]  # the fixtures, shared with tests/test_desk_browser.py


async def test_statistics_and_the_workbook_import_in_the_browser(
    service: str, demo: DemoProvince, browser: Browser, shots: Path, tmp_path: Path
) -> None:
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        await run_year(api, demo)
    page = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    await sign_in(page, service, SECRETARY)
    await page.get_by_role("link", name="Thống kê").click()
    await expect(page.get_by_role("heading", name=f"Thống kê thi đua, khen thưởng năm {YEAR}")).to_be_visible()
    await expect(page.get_by_role("img", name="Số hồ sơ theo hình thức khen thưởng: biểu đồ, số liệu ở bảng dưới")
                 ).to_be_visible()
    awarded = page.get_by_role("table", name="Số hồ sơ theo trạng thái").get_by_role("row", name="Đã được khen thưởng")
    await expect(awarded).to_contain_text("3")
    await page.screenshot(path=shots / "statistics.png")
    await page.screenshot(path=shots / "statistics-full.png", full_page=True)

    workbook = tmp_path / "to-chuc-2027.xlsx"
    workbook.write_bytes(xlsx(province()))
    await page.get_by_role("link", name="Danh mục").click()
    await page.get_by_role("link", name="Nhập từ Excel").click()
    await page.get_by_label("Tệp Excel (.xlsx)").set_input_files(workbook)
    await page.get_by_role("button", name="Xem trước thay đổi").click()
    await expect(page.get_by_text("Đơn vị: sẽ thêm 9, sẽ sửa 0, giữ nguyên 0")).to_be_visible()
    await page.screenshot(path=shots / "registry-import-preview.png", full_page=True)
    await page.get_by_role("button", name="Áp dụng các thay đổi này").click()
    await expect(page.get_by_text("Đã áp dụng tệp «to-chuc-2027.xlsx»")).to_be_visible()
    await page.screenshot(path=shots / "registry-import-applied.png")

    await page.get_by_role("link", name="Khối thi đua", exact=True).click()
    await page.get_by_label("Năm").select_option("2027")
    await page.get_by_role("button", name="Xem").click()
    await expect(page.get_by_role("heading", name="Cụm thi đua các xã phía Nam")).to_be_visible()
    await page.screenshot(path=shots / "registry-blocks.png")
    for name, path in (("registry-units", "/desk/registry/units"),
                       ("registry-people", "/desk/registry/people?q=nguy%E1%BB%85n"),
                       ("registry-council", "/desk/registry/council")):
        await page.goto(f"{service}{path}")
        await expect(page.locator(".tabs")).to_be_visible()
        await page.screenshot(path=shots / f"{name}.png")
    admin = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    await sign_in(admin, service, "admin")
    await admin.goto(f"{service}/desk/registry/accounts")
    await expect(admin.get_by_role("heading", name="Tài khoản người dùng")).to_be_visible()
    await admin.screenshot(path=shots / "registry-accounts.png")
