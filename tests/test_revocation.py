"""Revoking an award (Law Điều 93), through the API on a real year: the history keeps the award and its revocation,
a revoked CSTĐCS flags the later CSTĐ tỉnh whose chain it broke (and no nomination whose chain still holds), the
province's own revoking decision is numbered once and printed in the Decree 30 layout, and refusals change nothing."""

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from docx_templates.formatting import vn_money
from docx_templates.number_words import money_words
from tests.decree30 import check_bases, check_header, check_page, check_receivers_and_signature, check_title
from tests.demo import DemoProvince
from tests.docx_read import open_docx, paragraph_starting
from tests.year import (
    CHAIRMAN_OFFICE,
    COUNCIL_HELD_ON,
    CSTDCS,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    hold_meeting,
    ok,
    submit_and_screen,
)

DUC = "Lê Văn Đức"  # CSTĐCS 2024–2026 in tests/year.py; this module adds 2023
SIGNER = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"}
SCT_HEAD = {"signed_on": "2027-02-10", "decided_by": "Giám đốc Sở Công Thương"}


async def a_year_with_awards(http: httpx.AsyncClient, demo: DemoProvince) -> Year:
    """The block's year up to the council, then the flag for Sở Công Thương and the CSTĐ tỉnh for Lê Văn Đức signed
    (01 and 02/QĐ-UBND); Đức's CSTĐCS of 2023 is imported beside the file tests/year.py brings."""
    secretary = await as_user(http, SECRETARY)
    row = f"2023,{CSTDCS},SCT,{DUC},33/QĐ-SCT"
    ok(await http.post("/award-history/import", headers=secretary, files={
        "file": ("cstdcs-2023.csv", f"year,award_code,unit_code,person_name,decision_number\n{row}".encode())}))
    year = Year()
    await hold_meeting(http, demo, year)
    await submit_and_screen(http, year)
    seats = [s["id"] for s in ok(await http.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                                                headers=secretary), 200)]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
        "present_seat_ids": seats[:8], "written_opinion_seat_ids": seats[8:9]}))
    year.council_id = council["session"]["id"]
    votes = [{"nomination_id": year.candidates[label], "votes_for": 9, "votes_against": 0}
             for label in ("flag_sct", "cstd_duc")]
    ok(await http.post(f"/council-sessions/{year.council_id}/votes", headers=secretary, json={"votes": votes}))
    for label, award_code in (("flag", "CO_THI_DUA_UBND_TINH"), ("cstd", "CHIEN_SI_THI_DUA_TINH")):
        draft = ok(await http.post("/decisions", headers=secretary, json={
            "council_session_id": year.council_id, "award_code": award_code}))
        year.decisions[label] = draft["id"]
        ok(await http.post(f"/decisions/{draft['id']}/sign", headers=await as_user(http, CHAIRMAN_OFFICE),
                           json={"signed_on": "2027-01-05", **SIGNER}))
    return year


async def history(http: httpx.AsyncClient, headers: dict[str, str] | None = None,
                  **filters: int) -> list[dict[str, Any]]:
    return list(ok(await http.get("/award-history", params=filters, headers=headers), 200))


async def cstdcs_counted(http: httpx.AsyncClient) -> dict[int, int]:
    """The CSTĐCS the award statistics count per year, over the province."""
    counts = ok(await http.get("/statistics/awards"), 200)
    return {c["year"]: c["count"] for c in counts if c["award_code"] == CSTDCS and c["block_id"] is None}


async def refused(response: httpx.Response, status: int, field: str, rule: str) -> None:
    assert response.status_code == status, response.text
    [error] = response.json()["errors"]
    assert (error["field"], error["rule"]) == (field, rule) and error["message_vi"], error


async def test_revocations_on_one_year(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    """One year (the costly part) serves both: the unit head's revoked CSTĐCS, the province's revoked flag."""
    year = await a_year_with_awards(client, demo)
    await revoked_cstdcs_flags_the_cstd_tinh_whose_chain_it_broke(client, demo, year)
    await the_province_revokes_its_own_award_by_one_numbered_printed_decision(client, demo, year)


async def revoked_cstdcs_flags_the_cstd_tinh_whose_chain_it_broke(
    client: httpx.AsyncClient, demo: DemoProvince, year: Year
) -> None:
    secretary = await as_user(client, SECRETARY)
    duc = demo.people[DUC]
    cstdcs = {r["year"]: r for r in await history(client, person_id=duc) if r["award_code"] == CSTDCS}
    assert sorted(cstdcs) == [2023, 2024, 2025, 2026]
    cstd_tinh = year.candidates["cstd_duc"]
    assert ok(await client.get(f"/nominations/{cstd_tinh}"), 200)["nomination"]["state"] == "awarded"

    # A unit head's CSTĐCS is revoked by that head: the province records the head's decision, it does not issue one.
    first = {"award_record_id": cstdcs[2023]["id"], "ground": "false_declaration",
             "reason": "Kê khai sáng kiến năm 2023 không đúng sự thật"}
    await refused(await client.post("/revocations", headers=secretary, json=first), 422,
                  "authority_decision", "revocation.authority")
    # Its 2023 title lay outside the 2024–2026 chain: nothing relied on it, nothing is flagged.
    outside = ok(await client.post("/revocations", headers=secretary, json={
        **first, "authority_decision": {"number": "07/QĐ-SCT", **SCT_HEAD}}))
    assert outside["revocation"]["status"] == "signed" and outside["flags"] == []
    assert outside["documents"] == [], "the head's decision is recorded, not printed here"

    before = await cstdcs_counted(client)
    broke = ok(await client.post("/revocations", headers=secretary, json={
        "award_record_id": cstdcs[2025]["id"], "ground": "forged_dossier",
        "reason": "Giấy xác nhận sáng kiến năm 2025 là giả mạo",
        "authority_decision": {"number": "08/QĐ-SCT", **SCT_HEAD}}))
    [flag] = broke["flags"]
    assert (flag["nomination_id"], flag["rule"]) == (cstd_tinh, "cstd_tinh.three_years_cstdcs")
    assert "08/QĐ-SCT" in flag["message_vi"] and "03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở" in flag[
        "message_vi"]

    # The signed award is not changed: it is flagged for a person to act on, on its read and in the list.
    read = ok(await client.get(f"/nominations/{cstd_tinh}"), 200)
    assert read["nomination"]["state"] == "awarded"
    assert [(f["rule"], f["revocation_number"]) for f in read["revocation_flags"]] == [
        ("cstd_tinh.three_years_cstdcs", "08/QĐ-SCT")]
    assert [f["nomination_id"] for f in ok(await client.get("/revocations/flags"), 200)] == [cstd_tinh]
    # Trương Thị Mai's CSTĐ tỉnh (2025–2026 only) failed before; another person's revocation flags nothing of hers.
    assert ok(await client.get(f"/nominations/{year.candidates['cstd_mai']}"), 200)["revocation_flags"] == []

    # The history keeps every award, the revoked ones with their revoking decision.
    kept = {r["year"]: r for r in await history(client, person_id=duc) if r["award_code"] == CSTDCS}
    assert sorted(kept) == [2023, 2024, 2025, 2026]
    assert (kept[2025]["revoked"]["number"], kept[2025]["revoked"]["reason"]) == (
        "08/QĐ-SCT", "Giấy xác nhận sáng kiến năm 2025 là giả mạo")
    assert kept[2024]["revoked"] is None and kept[2026]["revoked"] is None
    # And a revoked title counts toward nothing: the same eligibility check now fails the chain.
    check = ok(await client.post("/eligibility/check", headers=secretary, json={
        "award_code": "CHIEN_SI_THI_DUA_TINH", "year": YEAR, "person_id": duc,
        "facts": {"province_wide_initiative": True}}), 200)
    assert {r["rule"]: r["outcome"] for r in check["results"]}["cstd_tinh.three_years_cstdcs"] == "fail"
    # Nor is it counted among the awards the province reports for that year.
    assert await cstdcs_counted(client) == {**before, 2025: before[2025] - 1}


async def the_province_revokes_its_own_award_by_one_numbered_printed_decision(
    client: httpx.AsyncClient, demo: DemoProvince, year: Year
) -> None:
    secretary, chairman = await as_user(client, SECRETARY), await as_user(client, CHAIRMAN_OFFICE)
    [flag] = [r for r in await history(client, unit_id=demo.units["SCT"]) if r["award_code"] == "CO_THI_DUA_UBND_TINH"]
    body = {"award_record_id": flag["id"], "ground": "unlawful_appraisal",
            "reason": "Kết quả chấm điểm thi đua của Khối được xác nhận sai quy định"}

    # Refusals name the field and the rule in Vietnamese, and change nothing.
    await refused(await client.post("/revocations", headers=secretary, json={**body, "award_record_id": 999_999}),
                  404, "award_record_id", "exists")
    await refused(await client.post("/revocations", headers=secretary, json={**body, "reason": "  "}), 422,
                  "reason", "revocation.reason_required")
    await refused(await client.post("/revocations", headers=secretary, json={
        **body, "authority_decision": {"number": "09/QĐ-SCT", **SCT_HEAD}}), 422,
        "authority_decision", "revocation.authority")
    assert (await client.post("/revocations", headers=chairman, json=body)).status_code == 403
    revoked_before = [r["id"] for r in await history(client, unit_id=demo.units["SCT"]) if r["revoked"]]
    assert flag["id"] not in revoked_before and len(revoked_before) == 2  # Đức's two CSTĐCS, revoked above

    # Prepared twice at once: one draft. Signed twice at once: one number.
    drafts = await asyncio.gather(*(client.post("/revocations", headers=secretary, json=body) for _ in range(5)))
    assert Counter(r.status_code for r in drafts) == {201: 1, 409: 4}
    [draft] = [r.json()["revocation"] for r in drafts if r.status_code == 201]
    assert {r.json()["errors"][0]["rule"] for r in drafts if r.status_code == 409} == {"revocation.once"}
    assert draft["status"] == "draft" and draft["number"] is None
    early = await client.post(f"/revocations/{draft['id']}/sign", headers=chairman,
                              json={"signed_on": "2027-01-04", **SIGNER})
    await refused(early, 422, "signed_on", "revocation.after_award")
    signed = await asyncio.gather(*(client.post(f"/revocations/{draft['id']}/sign", headers=chairman,
                                                json={"signed_on": "2027-03-02", **SIGNER}) for _ in range(5)))
    assert Counter(r.status_code for r in signed) == {201: 1, 409: 4}
    numbers = ok(await client.get("/numbers", params={"issuer_code": "UBND", "type_code": "QĐ", "year": 2027}), 200)
    assert [n["issued_for"] for n in numbers] == [f"decision:{year.decisions['flag']}",
                                                  f"decision:{year.decisions['cstd']}", f"revocation:{draft['id']}"]
    await refused(await client.post("/revocations", headers=secretary, json=body), 409,
                  "award_record_id", "revocation.once")

    detail = ok(await client.get(f"/revocations/{draft['id']}"), 200)
    assert (detail["revocation"]["number"], detail["revocation"]["status"]) == ("03/QĐ-UBND", "signed")
    [revoked] = [r for r in await history(client, unit_id=demo.units["SCT"]) if r["id"] == flag["id"]]
    assert revoked["revoked"]["number"] == "03/QĐ-UBND" and revoked["decision_number"] == "01/QĐ-UBND"
    [document] = detail["documents"]
    content = (await client.get(document["download_url"])).content
    if folder := os.environ.get("TDKT_PAPERS_DIR"):  # to look at it as a picture (soffice, pdftoppm)
        (Path(folder) / document["filename"]).write_bytes(content)
    await check_revoking_decision(content, detail["revocation"]["prize"]["prize_amount"])


async def check_revoking_decision(content: bytes, prize: int) -> None:
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], "03/QĐ-UBND")
    check_title(doc, "QUYẾT ĐỊNH", "Về việc hủy bỏ Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026 "
                                   "đối với Sở Công Thương")
    bases = check_bases(doc)
    assert any("Điều 93 Luật Thi đua, khen thưởng" in b for b in bases)
    assert bases[-1].startswith("Căn cứ Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027")
    assert "xác nhận sai quy định" in paragraph_starting(doc, "Xét việc Sở Công Thương").text
    assert "Hủy bỏ việc tặng Cờ thi đua" in paragraph_starting(doc, "Điều 1.").text
    recovery = paragraph_starting(doc, "Điều 2.").text
    assert f"{vn_money(prize)} (bằng chữ: {money_words(prize)})" in recovery and "Thu hồi Giấy chứng nhận" in recovery
    check_receivers_and_signature(doc, doc.tables[-1], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Minh Hằng"])
