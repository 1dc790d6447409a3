"""The papers of the block meeting and of the council session, from a real year through the API and its flows,
read back from the stored .docx as a clerk checks them: the minutes' number, the delegates present and absent with
their reasons, the scoring table the meeting rests on, the counting committee and its count, the vote on next
year's head; the Biên bản kiểm phiếu of each body; the council's minutes with the absent members' written
opinions. Refusals of a count that cannot be right change nothing."""

import hashlib
import os
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import select

from docx_templates import DocumentKind, render_document
from flows.documents.registry import BUILDERS
from models.storage.db import open_session
from models.tables.stage import Document as StoredDocument
from models.tables.stage import Stage
from tests.decree30 import check_header, check_keeps_together, check_page, check_title, texts
from tests.demo import DemoProvince
from tests.docx_read import body_texts, open_docx, rows_of
from tests.scoring_year import score_the_block
from tests.year import (
    BLOCK_HEAD,
    COUNCIL_HELD_ON,
    COUNCIL_VOTES,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    candidates,
    import_past_titles,
    meeting_body,
    ok,
    open_meeting,
    results_body,
    submit_and_screen,
)

BLOCK_HEADER = ("UBND TỈNH BẮC NINH", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"])
COUNCIL_HEADER = ("UBND TỈNH BẮC NINH", ["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"])
COMMITTEE = ["Lê Văn Đức", "Phạm Thu Hà", "Đỗ Minh Khoa"]
COUNT = {"ballots_issued": 6, "ballots_returned": 6, "ballots_invalid": 0, "counting_committee": COMMITTEE}
OPINION = "Đồng ý đề nghị tặng Cờ thi đua cho Sở Công Thương; đề nghị làm rõ sáng kiến của ông Lê Văn Đức"


async def paper(http: httpx.AsyncClient, report: dict[str, Any], kind: DocumentKind) -> bytes:
    [document] = [d for d in report["documents"] if d["kind"] == kind.value]
    content = (await http.get(document["download_url"])).content
    assert hashlib.sha256(content).hexdigest() == document["sha256"]
    if folder := os.environ.get("TDKT_PAPERS_DIR"):  # to look at them as pictures (soffice, pdftoppm)
        (Path(folder) / document["filename"]).write_bytes(content)
    return content


async def hold_counted_meeting(http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    """The block scored its year, opened its meeting (Thống kê tỉnh absent, with its reason), and records the
    counting committee's count with the ballots and the votes for next year's head and deputy."""
    await score_the_block(http, demo)
    await import_past_titles(http)
    head = await as_user(http, BLOCK_HEAD)
    body = meeting_body(demo) | {"absences": [{"unit_id": demo.units["CTK"], "reason": "đi công tác tại Hà Nội"}]}
    meeting = ok(await http.post("/meetings", json=body, headers=head))
    year.meeting_id = meeting["meeting"]["id"]
    year.candidates = {label: n["id"] for label, n in zip(_labels(demo), meeting["nominations"], strict=True)}
    year.responses["results"] = ok(await http.post(
        f"/meetings/{year.meeting_id}/results", headers=head,
        json=results_body(demo, year) | COUNT | {"next_head_votes": 6, "next_deputy_votes": 5}))


def _labels(demo: DemoProvince) -> list[str]:
    return [label for label, _, _ in candidates(demo)]


async def test_the_block_meeting_s_minutes_and_ballot_count_say_what_a_clerk_checks(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_counted_meeting(client, demo, year)
    minutes = open_docx(await paper(client, year.responses["results"], DocumentKind.MEETING_MINUTES))
    check_page(minutes)
    check_header(minutes, *BLOCK_HEADER, "01/BB-KKT")  # the block's own Biên bản series
    check_title(minutes, "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2026")
    body = body_texts(minutes)
    present = body.index("Thành phần tham dự: 6/7 đơn vị thành viên của Khối có mặt:")
    assert body[present + 1] == "- Sở Công Thương;" and body[present + 6] == "- Ban Quản lý các khu công nghiệp tỉnh."
    assert body[present + 7:present + 9] == ["Vắng mặt:", "- Thống kê tỉnh (lý do: đi công tác tại Hà Nội)."]
    [scoring] = [t for t in body if t.startswith("Căn cứ Bảng tổng hợp điểm")]
    assert "bộ tiêu chí mã 4-TOT, phiên bản 1" in scoring
    assert scoring.endswith("Sở Công Thương xếp thứ 1 với 98 điểm, là đơn vị dẫn đầu Khối.")
    committee = body.index("Ban kiểm phiếu gồm:")
    assert body[committee + 1:committee + 4] == ["- Lê Văn Đức, Trưởng ban;", "- Phạm Thu Hà, Thành viên;",
                                                 "- Đỗ Minh Khoa, Thành viên."]
    count = body.index("Kết quả kiểm phiếu (có Biên bản kiểm phiếu kèm theo):")
    assert body[count + 1:count + 5] == ["- Số phiếu phát ra: 06 phiếu;", "- Số phiếu thu về: 06 phiếu;",
                                         "- Số phiếu hợp lệ: 06 phiếu;", "- Số phiếu không hợp lệ: 00 phiếu."]
    assert ("Hội nghị bầu Sở Tài chính làm Trưởng Khối năm 2027 với 6/7 phiếu đồng ý (85,71% tổng số thành viên "
            "của Khối).") in body
    assert ("Hội nghị bầu Sở Nông nghiệp và Môi trường làm Phó Trưởng Khối năm 2027 với 5/7 phiếu đồng ý (71,43% "
            "tổng số thành viên của Khối).") in body
    votes = rows_of(minutes.tables[1])
    assert votes[0][3:6] == ["Đồng ý", "Không đồng ý", "Phiếu không hợp lệ"]  # a secret ballot: no abstention
    assert ["6", "Nguyễn Thị Hồng Nhung, Trưởng phòng Quản lý thương mại, Sở Công Thương",
            "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "6", "0", "0", "85,71%", "Đề nghị"] in votes
    check_keeps_together(minutes.tables[-1])

    counted = open_docx(await paper(client, year.responses["results"], DocumentKind.BLOCK_BALLOT_COUNT))
    check_page(counted)
    check_header(counted, *BLOCK_HEADER, "")
    check_title(counted, "BIÊN BẢN KIỂM PHIẾU", "Bình xét thi đua, khen thưởng năm 2026 của Khối thi đua các sở")
    sections = [t for t in body_texts(counted) if t[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert sections[0] == "1. Cờ thi đua của Ủy ban nhân dân tỉnh"
    flag = rows_of(counted.tables[1])
    assert flag == [["STT", "Tên tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Phiếu không hợp lệ", "Tỷ lệ đồng ý"],
                    ["1", "Sở Công Thương", "6", "0", "0", "85,71%"], ["2", "Sở Xây dựng", "2", "4", "0", "28,57%"]]
    assert "Tỷ lệ đồng ý tính trên tổng số 7 thành viên của Khối." in body_texts(counted)
    members, head = (texts(cell.paragraphs) for cell in counted.tables[-1].rows[0].cells)
    assert [p.text for p in members] == ["THÀNH VIÊN BAN KIỂM PHIẾU", "Phạm Thu Hà", "Đỗ Minh Khoa"]
    assert [p.text for p in head] == ["TRƯỞNG BAN KIỂM PHIẾU", "Lê Văn Đức"]
    check_keeps_together(counted.tables[-1])
    register = (await client.get("/numbers", params={"type_code": "BB", "year": 2026})).json()
    assert [(n["number"], n["issued_for"]) for n in register] == [("01/BB-KKT", f"minutes:meeting:{year.meeting_id}")]

    await council_with_written_opinion(client, year)
    await same_bytes_again()


async def council_with_written_opinion(http: httpx.AsyncClient, year: Year) -> None:
    """The council meets: 8 seats present, the 9th writes its opinion, the 10th is absent; the counting committee
    counts 8 ballots, the written opinion counted beside them."""
    await submit_and_screen(http, year)
    secretary = await as_user(http, SECRETARY)
    seats = ok(await http.get("/council/roster", params={"on": COUNCIL_HELD_ON}, headers=secretary), 200)
    ids = [s["id"] for s in seats]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
        "present_seat_ids": ids[:8], "written_opinion_seat_ids": ids[8:9],
        "written_opinions": [{"seat_id": ids[8], "text": OPINION}]}))
    votes = [{"nomination_id": year.candidates[label], "votes_for": v, "votes_against": against}
             for label, (v, against) in COUNCIL_VOTES.items()]
    report = ok(await http.post(f"/council-sessions/{council['session']['id']}/votes", headers=secretary, json={
        "votes": votes, "ballots_issued": 8, "ballots_returned": 8, "ballots_invalid": 0,
        "counting_committee": ["Lê Quang Huy", "Nguyễn Thị Lan"]}))
    minutes = open_docx(await paper(http, report, DocumentKind.COUNCIL_MINUTES))
    check_page(minutes)
    check_header(minutes, *COUNCIL_HEADER, "01/BB-HĐTĐKT")  # the council's own series
    check_title(minutes, "BIÊN BẢN", "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng năm 2026")
    body = body_texts(minutes)
    present = body.index("Thành phần: 8/10 thành viên Hội đồng có mặt:")
    written = body.index("Thành viên vắng mặt có ý kiến bằng văn bản:")
    assert written == present + 9
    assert body[written + 1] == f"- {seats[8]['full_name']}, {seats[8]['position']}: {OPINION}."
    assert body[written + 2:written + 4] == ["Thành viên vắng mặt không có ý kiến:",
                                             f"- {seats[9]['full_name']}, {seats[9]['position']}."]
    assert any(t.endswith("Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết theo Quy chế "
                          "hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh (QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh). Kết "
                          "quả như sau:") for t in body)
    results = rows_of(minutes.tables[1])
    assert results[1][1:] == ["Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "9/10", "90,00%", "Đề nghị"]
    # Lê Văn Đức's 8 of 10 falls short of the CSTĐ's threshold: the flag alone is proposed.
    assert results[2][1:] == ["Lê Văn Đức, Phó Chánh Văn phòng, Sở Công Thương", "Chiến sĩ thi đua cấp tỉnh",
                              "8/10", "80,00%", "Không đề nghị"]
    conclusion = body.index("Kết luận: Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng:")
    assert body[conclusion + 1] == "- Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể."
    secretary_cell, chair_cell = (texts(cell.paragraphs) for cell in minutes.tables[-1].rows[0].cells)
    # The roster's chair signs for the council, its secretary (seat 8 of the demo's roster, present) beside.
    assert [p.text for p in chair_cell] == ["TM. HỘI ĐỒNG", "CHỦ TỊCH", "Nguyễn Văn Thành"]
    assert [p.text for p in secretary_cell] == ["THƯ KÝ", "Bùi Thị Ngọc Hà"]
    assert ("Chủ trì: Nguyễn Văn Thành, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng." in body
            and "Thư ký: Bùi Thị Ngọc Hà, Trưởng phòng Thi đua, khen thưởng Sở Nội vụ, Thư ký Hội đồng." in body)
    check_keeps_together(minutes.tables[-1])

    counted = open_docx(await paper(http, report, DocumentKind.COUNCIL_BALLOT_COUNT))
    check_header(counted, *COUNCIL_HEADER, "")
    assert "- Số ý kiến bằng văn bản của thành viên vắng mặt: 01." in body_texts(counted)
    assert rows_of(counted.tables[1])[0][2:5] == ["Đồng ý", "Không đồng ý", "Không biểu quyết"]
    assert rows_of(counted.tables[1])[1] == ["1", "Sở Công Thương", "9", "0", "0", "90,00%"]


async def same_bytes_again() -> None:
    """Every paper of these stages renders again, from what was stored, to the same bytes."""
    kinds = {DocumentKind.MEETING_MINUTES, DocumentKind.BLOCK_BALLOT_COUNT, DocumentKind.COUNCIL_MINUTES,
             DocumentKind.COUNCIL_BALLOT_COUNT}
    async with open_session() as session:
        stored = (await session.exec(select(StoredDocument, Stage).join(Stage))).all()
        checked = set()
        for document, stage in stored:
            if document.kind in kinds:
                kind = DocumentKind(document.kind)
                context, filename = await BUILDERS[kind](session, stage.subject_id)
                assert render_document(kind, context) == document.content and filename == document.filename
                checked.add(kind)
        assert checked == kinds


async def test_a_count_that_cannot_be_right_is_refused_and_records_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    head = await as_user(client, BLOCK_HEAD)
    reason_for_present = await client.post("/meetings", headers=head, json=meeting_body(demo) | {
        "absences": [{"unit_id": demo.units["SCT"], "reason": "ốm"}]})
    assert reason_for_present.status_code == 422, reason_for_present.text
    [problem] = reason_for_present.json()["errors"]
    assert (problem["field"], problem["rule"]) == ("absences.0.unit_id", "meeting.absence_of_absent")
    assert problem["message_vi"].endswith("chỉ ghi lý do vắng cho đơn vị vắng mặt.")
    year = Year()
    await open_meeting(client, demo, year)  # the refused opening left nothing behind: this one is the first
    url = f"/meetings/{year.meeting_id}/results"
    body = results_body(demo, year)
    body["tallies"][0]["abstain"] = 1  # a secret ballot has no abstention
    refused = await client.post(url, headers=head, json=body | {
        "ballots_issued": 7, "ballots_returned": 7, "ballots_invalid": 0, "counting_committee": COMMITTEE,
        "next_head_votes": 9})
    assert refused.status_code == 422, refused.text
    problems = {(p["field"], p["rule"]): p["message_vi"] for p in refused.json()["errors"]}
    assert problems == {
        ("tallies.0", "vote.ballots_exceed_voters"):
            "Tổng số phiếu đồng ý, không đồng ý, không biểu quyết và không hợp lệ là 7, vượt quá số thành viên được "
            "biểu quyết (6).",
        ("tallies.0.abstain", "vote.secret_ballot_no_abstain"):
            "Bỏ phiếu kín chỉ có phiếu đồng ý, không đồng ý và phiếu không hợp lệ; dòng để trống được tính là "
            "không hợp lệ.",
        ("ballots_issued", "ballots.issued_exceed_voters"): "Số phiếu phát ra (7) vượt quá số thành viên được bỏ "
                                                            "phiếu (6).",
        ("next_head_votes", "ballots.election_exceeds_voters"): "Số phiếu bầu (9) vượt quá số thành viên được bỏ "
                                                                "phiếu (7).",
    }
    no_committee = await client.post(url, headers=head, json=results_body(demo, year) | {
        "ballots_issued": 6, "ballots_returned": 6, "ballots_invalid": 0})
    assert [(p["field"], p["rule"]) for p in no_committee.json()["errors"]] == [
        ("counting_committee", "ballots.committee")]
    more_back = await client.post(url, headers=head, json=results_body(demo, year) | COUNT | {"ballots_returned": 7})
    assert [(p["field"], p["rule"]) for p in more_back.json()["errors"]] == [
        ("ballots_returned", "ballots.returned_exceed_issued")]
    # Nothing was recorded: the candidates still wait for their vote, and no number was taken.
    flag = ok(await client.get(f"/nominations/{year.candidates['flag_sct']}"), 200)
    assert flag["nomination"]["state"] == "nominated"
    assert (await client.get("/numbers", params={"type_code": "BB"})).json() == []
