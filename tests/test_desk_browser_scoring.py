"""Block scoring in a real headless Chromium against `tdkt serve`: the head opens the round, types one member's sheet
(a score over its maximum is refused beside the box), adjusts another member's score with a reason (refused
without one), and closes the round to its leader. The other members' sheets go through the API, to keep it lean.
Screenshots at 1366×768 are kept in TDKT_DESK_SHOTS_DIR (a temporary folder when unset)."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.demo import DemoProvince
from tests.desk_scoring import criteria_set
from tests.scoring_year import ADJUSTMENT, SELF_SCORES, Scored, launch_and_pledge, self_scores
from tests.test_desk_browser import FLOW_SECONDS, browser, service, shots, sign_in
from tests.year import BLOCK_HEAD, as_user, ok

__all__ = ["browser", "service", "shots"]  # the fixtures, shared with tests/test_desk_browser.py


async def test_the_head_scores_the_block_to_its_leader_in_the_browser(
    service: str, demo: DemoProvince, browser: Browser, shots: Path
) -> None:
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        await launch_and_pledge(api, demo, Scored())
        await criteria_set(api, demo)
        page = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        await sign_in(page, service, BLOCK_HEAD)
        await page.get_by_role("link", name="Thi đua", exact=True).click()
        await expect(page.get_by_role("heading", name="Phong trào thi đua")).to_be_visible()
        await page.screenshot(path=shots / "movements.png")
        await page.get_by_role("link", name="Chấm điểm thi đua của Khối").click()
        await page.get_by_label("Bảng tiêu chí chấm điểm").select_option(index=1)
        await page.get_by_label("Phong trào thi đua").select_option(index=1)
        await page.get_by_role("button", name="Mở đợt chấm điểm").click()
        await expect(page.get_by_role("heading", name="Chấm điểm thi đua: Khối thi đua các sở quản lý kinh tế")
                     ).to_be_visible()
        scoring_id = int(page.url.rsplit("/", 1)[-1])
        head = await as_user(api, BLOCK_HEAD)
        for code in SELF_SCORES:
            if code != "SCT":
                ok(await api.put(f"/scorings/{scoring_id}/units/{demo.units[code]}/self-scores", headers=head,
                                 json=self_scores(code)), 200)
        await page.goto(f"{service}/desk")
        await page.screenshot(path=shots / "inbox-scoring.png")
        await page.get_by_role("link", name="Hoàn tất chấm điểm thi đua").click()
        await page.screenshot(path=shots / "scoring-open.png", full_page=True)

        await page.get_by_role("row", name="Sở Công Thương").get_by_role("link", name="Chấm điểm").click()
        for score in self_scores("SCT")["scores"]:
            code = score["criterion_code"]
            await page.get_by_label(f"Điểm tự chấm {code} ", exact=False).fill(str(score["points"]))
            await page.get_by_label(f"Minh chứng {code}", exact=True).fill(score["evidence"])
        await page.get_by_label("Điểm tự chấm CT2 ", exact=False).fill("16")
        await page.get_by_role("button", name="Ghi điểm tự chấm").click()
        ct2 = page.locator("#c-CT2")
        await expect(ct2.get_by_role("alert")).to_contain_text("vượt quá điểm tối đa (15 điểm)")
        await ct2.scroll_into_view_if_needed()
        await page.screenshot(path=shots / "scoring-sheet-refused.png")
        await page.get_by_label("Điểm tự chấm CT2 ", exact=False).fill("15")
        await page.get_by_role("button", name="Ghi điểm tự chấm").click()
        await expect(page.get_by_text("Đã ghi điểm tự chấm của Sở Công Thương")).to_be_visible()

        await page.goto(f"{service}/desk/scorings/{scoring_id}/units/{demo.units['SXD']}")
        await page.get_by_label("Điểm thẩm định CT2").fill("5")
        await page.locator("#c-CT2").get_by_role("button", name="Điều chỉnh").click()  # without a reason
        await expect(page.locator("#c-CT2").get_by_role("alert")).to_have_text(
            "Trường «Lý do điều chỉnh» phải có ít nhất 1 ký tự.")
        await expect(page.get_by_label("Điểm thẩm định CT2")).to_have_value("5")  # what was typed stays
        await page.screenshot(path=shots / "scoring-adjustment-refused.png")
        await page.get_by_label("Lý do điều chỉnh CT2").fill(str(ADJUSTMENT["reason"]))
        await page.locator("#c-CT2").get_by_role("button", name="Điều chỉnh").click()
        await expect(page.locator("#c-CT2 del").first).to_have_text("15")
        await page.screenshot(path=shots / "scoring-sheet-adjusted.png")

        await page.get_by_role("link", name="Bảng tổng hợp điểm của Khối").click()
        await page.get_by_role("button", name="Chốt kết quả chấm điểm").click()
        await expect(page.locator("#leader")).to_contain_text("Đơn vị dẫn đầu Khối: Sở Công Thương")
        await expect(page.get_by_role("link", name="Tải Bảng tổng hợp điểm (.docx)")).to_be_visible()
        await page.screenshot(path=shots / "scoring-closed.png")
        await page.screenshot(path=shots / "scoring-closed-full.png", full_page=True)
        pdf = await page.request.get(f"{service}/desk/scorings/{scoring_id}/table.pdf")
        assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
        (shots / "bang-tong-hop-diem.pdf").write_bytes(await pdf.body())
