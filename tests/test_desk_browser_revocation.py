"""Revoking an award at the desk, in a real headless Chromium against `tdkt serve`: the secretary's revoke form
refuses a missing reason beside its box, then prepares the draft; the Chairman's office signs it on the same page;
a revoked CSTĐCS puts the CSTĐ tỉnh that relied on it in the secretary's inbox. Screenshots in TDKT_DESK_SHOTS_DIR."""

from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.demo import DemoProvince
from tests.test_desk_browser import FLOW_SECONDS, browser, service, shots, sign_in
from tests.test_revocation import DUC, SCT_HEAD, a_year_with_awards, history
from tests.year import AUDITOR, CHAIRMAN_OFFICE, CSTDCS, SECRETARY, as_user, ok

__all__ = ["browser", "service", "shots"]  # the fixtures, shared with tests/test_desk_browser.py


async def test_revoking_an_award_at_the_desk(service: str, demo: DemoProvince, browser: Browser, shots: Path) -> None:
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        year = await a_year_with_awards(api, demo)
        api.headers.update(await as_user(api, AUDITOR))
        flag, cstd_tinh = year.candidates["flag_sct"], year.candidates["cstd_duc"]

        page = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        await sign_in(page, service, SECRETARY)
        await page.goto(f"{service}/desk/nominations/{flag}")
        form = page.locator("#huy-bo")
        await form.get_by_label("Căn cứ hủy bỏ").select_option("unlawful_appraisal")
        await form.get_by_role("button", name="Soạn dự thảo Quyết định hủy bỏ").click()
        await expect(page.locator("#huy-bo .field-error")).to_have_text(
            "Phải ghi lý do hủy bỏ khen thưởng: nội dung gian dối, giả mạo hoặc trái pháp luật.")
        await page.locator("#huy-bo").screenshot(path=shots / "revocation-reason-missing.png")
        assert all(r["revoked"] is None for r in await history(api, unit_id=demo.units["SCT"]))
        await page.locator("#huy-bo").get_by_label("Lý do hủy bỏ").fill(
            "Kết quả chấm điểm thi đua của Khối được xác nhận sai quy định")
        await page.locator("#huy-bo").get_by_role("button", name="Soạn dự thảo Quyết định hủy bỏ").click()
        await expect(page.locator("#huy-bo")).to_contain_text("chờ Văn phòng Chủ tịch ký")

        office = await browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        await sign_in(office, service, CHAIRMAN_OFFICE)
        await office.get_by_role("link", name="Ký Quyết định hủy bỏ khen thưởng").click()
        signing = office.locator("#huy-bo")
        await signing.get_by_label("Ngày ký").fill("2027-03-02")
        await signing.get_by_label("Họ và tên người ký").fill("Trần Thị Minh Hằng")
        await signing.get_by_role("button", name="Ký Quyết định hủy bỏ").click()
        await expect(office.locator("#huy-bo")).to_contain_text("03/QĐ-UBND", timeout=FLOW_SECONDS * 1000)
        await expect(office.locator("#huy-bo").get_by_role("link", name="quyet-dinh-huy-bo-03-QĐ-UBND.docx")
                     ).to_be_visible()
        await office.screenshot(path=shots / "revocation-signed.png", full_page=True)

        # A unit head's CSTĐCS revoked, recorded through the API: the CSTĐ tỉnh that relied on it is flagged.
        [cstdcs_2025] = [r for r in await history(api, person_id=demo.people[DUC])
                         if r["award_code"] == CSTDCS and r["year"] == 2025]
        ok(await api.post("/revocations", headers=await as_user(api, SECRETARY), json={
            "award_record_id": cstdcs_2025["id"], "ground": "forged_dossier",
            "reason": "Giấy xác nhận sáng kiến năm 2025 là giả mạo",
            "authority_decision": {"number": "08/QĐ-SCT", **SCT_HEAD}}))
    await page.goto(f"{service}/desk")
    task = page.get_by_role("link", name="Xem lại hồ sơ có khen thưởng làm căn cứ đã bị hủy bỏ")
    await expect(task).to_have_count(1)
    await page.screenshot(path=shots / "revocation-inbox.png", full_page=True)
    await task.click()
    await expect(page.locator("#canh-bao")).to_contain_text("03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở")
    assert page.url.split("#")[0].endswith(f"/desk/nominations/{cstd_tinh}")
    await page.screenshot(path=shots / "revocation-flagged-nomination.png")

    # Acting on it: the CSTĐ tỉnh itself is revoked; the flag stays on its page and leaves the inbox.
    await page.locator("#huy-bo").get_by_label("Lý do hủy bỏ").fill("Không còn đủ 03 năm liên tục đạt CSTĐCS")
    await page.locator("#huy-bo").get_by_role("button", name="Soạn dự thảo Quyết định hủy bỏ").click()
    await expect(page.locator("#huy-bo")).to_contain_text("chờ Văn phòng Chủ tịch ký")
    async with httpx.AsyncClient(base_url=service, timeout=FLOW_SECONDS) as api:
        [cstd_record] = [r for r in await history(api, person_id=demo.people[DUC], headers=await as_user(api, AUDITOR))
                   if r["award_code"] == "CHIEN_SI_THI_DUA_TINH"]
        read = ok(await api.get(f"/nominations/{cstd_tinh}", headers=await as_user(api, AUDITOR)), 200)
        assert read["revocations"] == [] and cstd_record["revoked"] is None, "a draft revokes nothing yet"
        revocation_id = int(await page.locator("#huy-bo").get_attribute("data-revocation-id") or 0)
        ok(await api.post(f"/revocations/{revocation_id}/sign", headers=await as_user(api, CHAIRMAN_OFFICE),
                          json={"signed_on": "2027-03-03", "signer_name": "Trần Thị Minh Hằng"}))
    await page.goto(f"{service}/desk")
    await expect(task).to_have_count(0)
    await page.goto(f"{service}/desk/nominations/{cstd_tinh}")
    await expect(page.locator("#canh-bao")).to_be_visible()
    await expect(page.locator("#huy-bo")).to_contain_text("04/QĐ-UBND")
