"""The public comment page in a real headless Chromium against `tdkt serve`: a citizen, not signed in, reads the list
open for comment and sends a comment; the secretary sees it on the list's desk page and puts the dossier on hold.
Screenshots kept in TDKT_DESK_SHOTS_DIR."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from models.recording.deadlines import today_in_vietnam
from tests.demo import DemoProvince
from tests.public_comment_year import state_level_year
from tests.test_desk_browser import FLOW_SECONDS, browser, service, shots, sign_in
from tests.year import SECRETARY, YEAR, as_user, ok

__all__ = ["browser", "service", "shots"]  # the fixtures, shared with tests/test_desk_browser.py


async def test_a_citizen_comments_on_the_public_page_and_the_secretary_holds_the_dossier(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    async with httpx.AsyncClient(base_url=service, timeout=120) as api:
        ids = await state_level_year(api, demo)
        opened = ok(await api.post("/comment-windows", headers=await as_user(api, SECRETARY), json={
            "year": YEAR, "opens_on": today_in_vietnam().isoformat(),
            "nomination_ids": [ids["cp_sct"], ids["bk_ttg_skhcn"]]}))
    window_id = opened["stage"]["subject_id"]
    citizen = await browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    await citizen.goto(f"{service}/lay-y-kien")
    listed = citizen.locator(f"#danh-sach-{window_id}")
    await expect(listed.get_by_role("cell", name="Sở Khoa học và Công nghệ")).to_be_visible()
    await expect(listed.get_by_role("cell", name="Bằng khen của Thủ tướng Chính phủ")).to_be_visible()
    await citizen.screenshot(path=str(shots / "public-comment-page.png"), full_page=True)
    await listed.get_by_label("Hồ sơ góp ý").select_option(str(ids["cp_sct"]))
    await listed.get_by_label("Họ và tên người góp ý").fill("Trần Văn Bình")
    await listed.get_by_label("Địa chỉ, điện thoại hoặc thư điện tử").fill("0912 345 678")
    await listed.get_by_label("Nội dung ý kiến").fill("Đơn vị còn vụ việc khiếu nại chưa giải quyết xong.")
    await listed.get_by_role("button", name="Gửi ý kiến").click()
    await expect(citizen.get_by_role("status")).to_contain_text("Đã nhận ý kiến số")
    await citizen.screenshot(path=str(shots / "public-comment-sent.png"), full_page=True)

    desk = await browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    await sign_in(desk, service, SECRETARY)
    await desk.get_by_role("link", name="Xử lý ý kiến nhân dân").click()
    await expect(desk.get_by_text("Trần Văn Bình (0912 345 678)")).to_be_visible()
    await desk.get_by_label("Nội dung trả lời, hoặc lý do tạm dừng xét hồ sơ").fill("Tạm dừng để xác minh khiếu nại")
    await desk.get_by_role("button", name="Tạm dừng xét hồ sơ vì ý kiến này").click()
    await expect(desk.get_by_text("Đã tạm dừng xét hồ sơ")).to_be_visible(timeout=FLOW_SECONDS * 1000)
    await desk.screenshot(path=str(shots / "public-comment-desk.png"), full_page=True)
