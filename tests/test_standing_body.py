"""The standing body's route (Thường trực Hội đồng): TTLĐXS and the Chairman's Bằng khen are appraised by the
council's standing members, without a vote, and reported straight to the Chairman; the other awards keep the
full council's vote. Through the API, with the real flows and the printed Tờ trình read back."""

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from tests.decree30 import check_header, check_keeps_together, check_page, check_title, texts
from tests.demo import DemoProvince
from tests.docx_read import body_texts, open_docx, paragraphs, rows_of, table_rows
from tests.test_bad_input import refused
from tests.year import (
    CHAIRMAN_OFFICE,
    COUNCIL_HELD_ON,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    hold_meeting,
    ok,
    run_year,
    submit_and_screen,
)

STANDING_BODY = "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh"


async def document(http: httpx.AsyncClient, report: dict[str, Any]) -> bytes:
    [issued] = [d for d in report["documents"] if d["kind"] == "office_appraisal"]
    return (await http.get(issued["download_url"])).content


async def test_a_ttldxs_appraised_by_the_standing_body_is_awarded_and_its_to_trinh_names_that_route(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await run_year(client, demo)
    ttldxs = year.candidates["ttldxs_stc"]
    assert (await client.get(f"/nominations/{ttldxs}")).json()["nomination"]["state"] == "recommended"
    secretary = await as_user(client, SECRETARY)
    draft = ok(await client.post("/decisions", headers=secretary, json={
        "council_session_id": year.standing_id, "award_code": "TAP_THE_LAO_DONG_XUAT_SAC"}))
    signed = ok(await client.post(f"/decisions/{draft['id']}/sign", headers=await as_user(client, CHAIRMAN_OFFICE),
                                  json={"signed_on": "2027-01-06", "signer_title": "CHỦ TỊCH",
                                        "signer_name": "Nguyễn Văn Thành"}))
    assert (await client.get(f"/nominations/{ttldxs}")).json()["nomination"]["state"] == "awarded"
    [decision] = [d for d in signed["documents"] if d["kind"] == "decision"]
    printed = " ".join(paragraphs((await client.get(decision["download_url"])).content))
    assert "Tờ trình số 02/TTr-SNV ngày 03 tháng 01 năm 2027" in printed, "it cites the standing body's Tờ trình"

    standing = await document(client, year.responses["standing"])
    text = paragraphs(standing)
    assert any("Số: 02/TTr-SNV" in p for p in text)
    [meeting] = [p for p in text if p.startswith("Ngày 03 tháng 01 năm 2027, tại Phòng họp số 2")]
    assert f"{STANDING_BODY} đã họp xét hồ sơ đề nghị tặng" in meeting
    assert "không đưa ra Hội đồng bỏ phiếu (QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 5" in meeting
    assert "Dự họp có: Nguyễn Văn Thành, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng;" in meeting
    assert f"Căn cứ kết quả họp xét của {STANDING_BODY} ngày 03 tháng 01 năm 2027." in text
    assert not any("Số phiếu" in p or "Kết quả bỏ phiếu" in p or "Tỷ lệ" in p for p in text), "no vote counts"
    rows = [r for r in table_rows(standing) if r and r[0].isdigit()]
    assert [(r[1].split(",")[0], r[3]) for r in rows] == [
        ("Sở Nông nghiệp và Môi trường", "Đồng ý"), ("Sở Xây dựng", "Đồng ý"), ("Nguyễn Thị Hồng Nhung", "Đồng ý"),
        ("Sở Tài chính", "Đồng ý")]
    assert "Trên cơ sở kết quả xét của Thường trực Hội đồng, Sở Nội vụ đề nghị Chủ tịch Ủy ban nhân dân tỉnh " \
           "xem xét, tặng:" in text

    await check_standing_minutes(client, year)
    council = paragraphs(await document(client, year.responses["council"]))
    assert any("Hội đồng Thi đua - Khen thưởng tỉnh đã họp xét" in p and "Kết quả bỏ phiếu như sau:" in p
               for p in council)
    assert not any(STANDING_BODY in p for p in council)
    voted = [r[1].split(",")[0] for r in table_rows(await document(client, year.responses["council"]))
             if r and r[0].isdigit()]
    assert voted == ["Sở Công Thương", "Lê Văn Đức"], "only the awards routed to the full council are voted on"


async def check_standing_minutes(client: httpx.AsyncClient, year: Year) -> None:
    """The standing body's own minutes: numbered in its own series (the catalogue's [standing_body]), its standing
    members present, its appraisal of each dossier without votes, its conclusion, signed for it by its chair."""
    [issued] = [d for d in year.responses["standing"]["documents"] if d["kind"] == "standing_minutes"]
    content = (await client.get(issued["download_url"])).content
    if folder := os.environ.get("TDKT_PAPERS_DIR"):  # to look at it as a picture (soffice, pdftoppm)
        (Path(folder) / issued["filename"]).write_bytes(content)
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"], "01/BB-TTHĐTĐKT")
    check_title(doc, "BIÊN BẢN", f"Phiên họp {STANDING_BODY} xét, thẩm định hồ sơ khen thưởng năm 2026")
    standing = [s for s in await roster(client) if s["standing_body"]]
    body = body_texts(doc)
    present = body.index(f"Thành phần: {len(standing)}/{len(standing)} thành viên {STANDING_BODY} có mặt:")
    assert body[present + 1:present + 1 + len(standing)] == [
        f"- {s['full_name']}, {s['position']}{'.' if i == len(standing) - 1 else ';'}" for i, s in enumerate(standing)]
    assert any(t.startswith(f"{STANDING_BODY} đã xem xét, thẩm định từng hồ sơ") and "không đưa ra Hội đồng bỏ phiếu"
               in t and t.endswith("Kết quả thẩm định như sau:") for t in body)
    assert [r[1:4] for r in rows_of(doc.tables[1])] == [
        ["Tên tập thể, cá nhân", "Hình thức khen thưởng", "Kết quả thẩm định"],
        ["Sở Nông nghiệp và Môi trường", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Đồng ý"],
        ["Sở Xây dựng", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Đồng ý"],
        ["Nguyễn Thị Hồng Nhung, Trưởng phòng Quản lý thương mại, Sở Công Thương",
         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Đồng ý"],
        ["Sở Tài chính", "Tập thể lao động xuất sắc", "Đồng ý"]]
    conclusion = body.index(f"Kết luận: {STANDING_BODY} thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, "
                            "tặng:")
    assert body[conclusion + 1:conclusion + 3] == ["- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể;",
                                                   "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 cá nhân;"]
    left, right = (texts(cell.paragraphs) for cell in doc.tables[-1].rows[0].cells)
    assert [p.text for p in right] == ["TM. THƯỜNG TRỰC HỘI ĐỒNG", "CHỦ TỊCH", standing[0]["full_name"]]
    assert [p.text for p in left][-1] == standing[1]["full_name"]
    check_keeps_together(doc.tables[-1])
    register = ok(await client.get("/numbers", params={"year": 2027}), 200)
    assert {n["number"] for n in register} >= {"01/BB-HĐTĐKT", "01/BB-TTHĐTĐKT"}, "a series for each body"


async def eligible_year(client: httpx.AsyncClient, demo: DemoProvince) -> Year:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    return year


async def open_session(client: httpx.AsyncClient, body: str, present: list[int]) -> int:
    session = ok(await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "body": body, "held_on": COUNCIL_HELD_ON, "location": "UBND tỉnh",
        "present_seat_ids": present}))
    return int(session["session"]["id"])


async def roster(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get("/council/roster", params={"on": COUNCIL_HELD_ON})
    return list(ok(response, 200))


async def test_each_award_goes_only_the_way_the_catalogue_routes_it(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await eligible_year(client, demo)
    seats = await roster(client)
    standing_seats = [s["id"] for s in seats if s["standing_body"]]
    standing = await open_session(client, "standing_body", standing_seats)
    flag = {"results": [{"nomination_id": year.candidates["flag_sct"], "agreed": True}]}
    problem = await refused(client, f"/council-sessions/{standing}/appraisals", flag, 422,
                            "results.0.nomination_id", "appraisal.route", user=SECRETARY)
    [error] = problem["errors"]
    assert error["message_vi"].startswith(f"Hồ sơ mã số {year.candidates['flag_sct']} đề nghị tặng Cờ thi đua của "
                                          "Ủy ban nhân dân tỉnh: hình thức này do Hội đồng Thi đua - Khen thưởng tỉnh "
                                          "họp xét, bỏ phiếu (QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 5")
    council = await open_session(client, "council", [s["id"] for s in seats][:9])
    ttldxs = {"votes": [{"nomination_id": year.candidates["ttldxs_stc"], "votes_for": 8, "votes_against": 0}]}
    problem = await refused(client, f"/council-sessions/{council}/votes", ttldxs, 422, "votes.0.nomination_id",
                            "appraisal.route", user=SECRETARY)
    assert f"không do {STANDING_BODY}" not in problem["errors"][0]["message_vi"]
    assert "do Thường trực Hội đồng Thi đua - Khen thưởng tỉnh xét, thẩm định" in problem["errors"][0]["message_vi"]
    # Each body records what it does, and only that.
    await refused(client, f"/council-sessions/{standing}/votes", ttldxs, 422, "session_id",
                  "council.standing_body_appraises", user=SECRETARY)
    await refused(client, f"/council-sessions/{council}/appraisals",
                  {"results": [{"nomination_id": year.candidates["ttldxs_stc"], "agreed": True}]}, 422,
                  "session_id", "council.council_votes", user=SECRETARY)
    not_agreed = {"results": [{"nomination_id": year.candidates["ttldxs_stc"], "agreed": False, "reason": " "}]}
    await refused(client, f"/council-sessions/{standing}/appraisals", not_agreed, 422, "results.0.reason",
                  "standing.reason_required", user=SECRETARY)
    outsider = next(s["id"] for s in seats if not s["standing_body"])  # at another session, the next day
    response = await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "body": "standing_body", "held_on": "2027-01-04", "location": "UBND tỉnh",
        "present_seat_ids": [*standing_seats, outsider]})
    assert response.status_code == 422 and response.json()["errors"][0]["rule"] == "council.seat_not_standing"
    assert "không thuộc Thường trực Hội đồng" in response.json()["errors"][0]["message_vi"]
    states = {label: (await client.get(f"/nominations/{year.candidates[label]}")).json()["nomination"]["state"]
              for label in ("flag_sct", "ttldxs_stc")}
    assert states == {"flag_sct": "eligible", "ttldxs_stc": "eligible"}, "nothing moved"


async def test_two_identical_standing_appraisals_at_once_record_one(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await eligible_year(client, demo)
    standing = await open_session(client, "standing_body", [s["id"] for s in await roster(client)
                                                            if s["standing_body"]])
    body = {"results": [{"nomination_id": year.candidates["ttldxs_stc"], "agreed": True},
                        {"nomination_id": year.candidates["bk_sxd"], "agreed": False,
                         "reason": "Đơn vị chưa hoàn thành chỉ tiêu thu ngân sách"}]}
    headers = await as_user(client, SECRETARY)
    responses = await asyncio.gather(*(client.post(f"/council-sessions/{standing}/appraisals", headers=headers,
                                                   json=body) for _ in range(4)))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 3}
    assert {r.json()["errors"][0]["rule"] for r in responses if r.status_code == 409} == {"stage.already_recorded"}
    history = (await client.get(f"/nominations/{year.candidates['bk_sxd']}")).json()["history"]
    assert [t["to_state"] for t in history].count("not_recommended") == 1
    assert history[-1]["rule"] == "standing.not_agreed"
    assert history[-1]["evidence"]["reason"] == "Đơn vị chưa hoàn thành chỉ tiêu thu ngân sách"
    detail = (await client.get(f"/council-sessions/{standing}")).json()
    assert detail["session"]["body"] == "standing_body" and detail["session"]["appraisal_number"] == "01/TTr-SNV"
    assert [m["full_name"] for m in detail["members"]] == ["Nguyễn Văn Thành", "Trần Thị Minh Hằng", "Lê Quang Huy"]
    assert detail["stages"][0]["kind"] == "standing_appraisal" and detail["stages"][0]["flow_run_id"]
