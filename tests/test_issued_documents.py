"""Every document of the chain, from a real year through the API and its flows, read back as a clerk checks it:
Decree 30 layout, the office's Tờ trình after the council, the decision's citations and each signature variant,
numbers taken by two signatures at once, and the hash of every document beside the transitions of its stage."""

import asyncio
import hashlib
import os
import re
from pathlib import Path
from typing import Any

import httpx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from sqlmodel import select

from docx_templates.number_words import money_words
from models.storage.db import open_session
from models.storage.demo import demo_data
from models.tables.organisation import Unit
from tests.decree30 import (
    check_bases,
    check_header,
    check_keeps_together,
    check_page,
    check_receivers_and_signature,
    check_title,
    look,
    texts,
)
from tests.demo import DemoProvince
from tests.docx_read import open_docx, table_rows
from tests.test_bad_input import refused
from tests.year import (
    CHAIRMAN_OFFICE,
    SECRETARY,
    Year,
    as_user,
    council_review,
    hold_meeting,
    ok,
    session_for,
    submit_and_screen,
)

CHAIRMAN = {"signer_prefix": "", "signer_title": "CHỦ TỊCH", "signer_name": "Nguyễn Văn Thành"}
FOR_THE_COMMITTEE = {"signer_prefix": "TM. ỦY BAN NHÂN DÂN", "signer_title": "CHỦ TỊCH",
                     "signer_name": "Nguyễn Văn Thành"}
FOR_THE_CHAIRMAN = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
                    "signer_name": "Trần Thị Minh Hằng"}
PROPOSAL_CITED = "Tờ trình số 01/TTr-SCT ngày 16 tháng 12 năm 2026"
PROPOSER = "Sở Công Thương (đơn vị Trưởng Khối thi đua các sở quản lý kinh tế)"
APPRAISAL_CITED = "Tờ trình số 01/TTr-SNV ngày 04 tháng 01 năm 2027"
STANDING_CITED = "Tờ trình số 02/TTr-SNV ngày 04 tháng 01 năm 2027"  # the standing body's route (Bằng khen)


async def draft(http: httpx.AsyncClient, year: Year, award_code: str) -> int:
    body = {"council_session_id": session_for(year, award_code), "award_code": award_code}
    return int(ok(await http.post("/decisions", headers=await as_user(http, SECRETARY), json=body))["id"])


async def sign(http: httpx.AsyncClient, decision_id: int, signer: dict[str, str]) -> dict[str, Any]:
    body = {"signed_on": "2027-01-05", **signer, "declined": []}
    response = await http.post(f"/decisions/{decision_id}/sign", headers=await as_user(http, CHAIRMAN_OFFICE),
                               json=body)
    return dict(ok(response))


async def download(http: httpx.AsyncClient, report: dict[str, Any], kind: str = "") -> bytes:
    """The stage's own document: the first it issues (a signed decision's certificates and notice follow it), or
    the one of `kind`."""
    document = next(d for d in report["documents"] if d["kind"] == kind) if kind else report["documents"][0]
    content = (await http.get(document["download_url"])).content
    assert hashlib.sha256(content).hexdigest() == document["sha256"]
    if folder := os.environ.get("TDKT_PAPERS_DIR"):  # to look at them as pictures (soffice, pdftoppm)
        (Path(folder) / document["filename"]).write_bytes(content)
    return content


async def test_the_chain_prints_each_document_in_decree_30_format(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    # The office's Tờ trình goes out the day after the council, signed by a deputy director.
    await council_review(client, year, appraisal_signed_on="2027-01-04",
                         appraisal_signer_prefix="KT. Giám đốc", appraisal_signer_title="Phó Giám đốc",
                         appraisal_signer_name="Nguyễn Thị Lan")
    # One decision gives one form: a flag and a Bằng khen are two decisions; one award is named one way, not both.
    standing = year.standing_id
    problem = await refused(client, "/decisions", {"council_session_id": standing, "award_codes": [
        "BANG_KHEN_CT_TAP_THE", "TAP_THE_LAO_DONG_XUAT_SAC"]}, 422, "award_codes.1", "decision.one_form",
                            user=SECRETARY)
    assert "chỉ tặng một hình thức khen thưởng" in problem["errors"][0]["message_vi"]
    await refused(client, "/decisions", {"council_session_id": standing, "award_code": "BANG_KHEN_CT_TAP_THE",
                                         "award_codes": ["BANG_KHEN_CT_CA_NHAN"]}, 422, "award_codes",
                  "decision.award_field", user=SECRETARY)
    await refused(client, "/decisions", {"council_session_id": standing}, 422, "award_code",
                  "decision.award_required", user=SECRETARY)
    flag = await draft(client, year, "CO_THI_DUA_UBND_TINH")
    # One decision gives the Chairman's Bằng khen to the collectives and to the individual: one number, its annex in
    # "I. TẬP THỂ", "II. CÁ NHÂN" (asked in either order), each with the prize of its own award.
    bang_khen = int(ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.standing_id, "award_codes": ["BANG_KHEN_CT_CA_NHAN", "BANG_KHEN_CT_TAP_THE"]}))[
        "id"])
    ttldxs = await draft(client, year, "TAP_THE_LAO_DONG_XUAT_SAC")
    signed_flag = await sign(client, flag, CHAIRMAN)
    # Two signatures at the same moment: each takes its own number, one after the other.
    signed = await asyncio.gather(sign(client, bang_khen, FOR_THE_COMMITTEE), sign(client, ttldxs, FOR_THE_CHAIRMAN))
    decisions = {d: (await client.get(f"/decisions/{d}")).json()["decision"] for d in (bang_khen, ttldxs)}
    assert {d["number"] for d in decisions.values()} == {"02/QĐ-UBND", "03/QĐ-UBND"}
    assert (decisions[bang_khen]["award_code"], decisions[bang_khen]["award_codes"]) == (
        "BANG_KHEN_CT_TAP_THE", ["BANG_KHEN_CT_TAP_THE", "BANG_KHEN_CT_CA_NHAN"])
    assert [(i["candidate_name"], i["golden_book_no"]) for i in decisions[bang_khen]["items"]] == [
        ("Sở Nông nghiệp và Môi trường", 1), ("Sở Xây dựng", 2), ("Nguyễn Thị Hồng Nhung", 3)]

    check_minutes(await download(client, year.responses["results"]))
    check_proposal(await download(client, year.responses["proposal"]))
    check_reports(await download(client, year.responses["proposal"], "achievement_reports"))
    check_appraisal(await download(client, year.responses["council"]))
    check_decision(await download(client, signed_flag), "01/QĐ-UBND", ["CHỦ TỊCH", "Nguyễn Văn Thành"],
                   [["STT", "Tên tập thể"], ["1", "Sở Công Thương"]])
    content = await download(client, signed[0])
    check_decision(content, decisions[bang_khen]["number"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thành"],
                   [["STT", "Tên tập thể"], ["1", "Sở Nông nghiệp và Môi trường"], ["2", "Sở Xây dựng"],
                    ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
                    ["3", "Nguyễn Thị Hồng Nhung", "Trưởng phòng Quản lý thương mại, Sở Công Thương"]],
                   STANDING_CITED, ["I. TẬP THỂ", "II. CÁ NHÂN"])
    check_both_kinds(content)
    check_decision(await download(client, signed[1]), decisions[ttldxs]["number"],
                   ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Minh Hằng"],
                   [["STT", "Tên tập thể"], ["1", "Sở Tài chính"]], STANDING_CITED)
    await check_register(client)
    await check_history(client, year)


def check_minutes(content: bytes) -> None:
    doc = open_docx(content)
    check_page(doc)
    # The block's long name broken at a word group, not where Word would wrap it.
    # Numbered in the block's own Biên bản series (its code's initials: KHOI-KINH-TE).
    check_header(doc, "UBND TỈNH BẮC NINH", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"], "01/BB-KKT")
    check_title(doc, "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2026")
    body = [p.text for p in doc.paragraphs]
    for line in ("Thời gian bắt đầu: 08 giờ 00 phút, ngày 15 tháng 12 năm 2026.",
                 "Địa điểm: Hội trường Sở Công Thương.",
                 "Thành phần tham dự: 6/7 đơn vị thành viên của Khối có mặt:", "- Sở Công Thương;",
                 "- Ban Quản lý các khu công nghiệp tỉnh.", "Vắng mặt:", "- Thống kê tỉnh (không rõ lý do).",
                 "Chủ trì: Nguyễn Hữu Phước, Giám đốc Sở Công Thương, Trưởng Khối.",
                 "Thư ký: Lê Văn Đức, Phó Chánh Văn phòng Sở Công Thương.",
                 "Hội nghị thống nhất bầu Sở Tài chính làm Trưởng Khối năm 2027.",
                 "Hội nghị thống nhất bầu Sở Nông nghiệp và Môi trường làm Phó Trưởng Khối năm 2027."):
        assert line in body, line
    assert any("bằng hình thức bỏ phiếu kín" in text for text in body)
    votes = table_rows(content)[2:11]
    # A secret ballot keeps or strikes each name: no abstention column, spoilt lines instead.
    assert votes[0][3:] == ["Đồng ý", "Không đồng ý", "Phiếu không hợp lệ", "Tỷ lệ", "Kết quả"]
    assert [r[0] for r in votes[1:]] == [str(i) for i in range(1, 9)]
    assert votes[1][1:] == ["Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "6", "0", "0", "85,71%",
                            "Đề nghị"]
    assert votes[2][3:] == ["2", "4", "0", "28,57%", "Không đề nghị"]
    secretary, chair = (texts(cell.paragraphs) for cell in doc.tables[-1].rows[0].cells)
    assert [p.text for p in secretary] == ["THƯ KÝ", "Lê Văn Đức"] and [p.text for p in chair] == ["CHỦ TRÌ",
                                                                                                   "Nguyễn Hữu Phước"]
    check_keeps_together(doc.tables[-1])


def check_proposal(content: bytes) -> None:
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["SỞ CÔNG THƯƠNG"], "01/TTr-SCT")
    check_title(doc, "TỜ TRÌNH", "Đề nghị tặng thưởng danh hiệu thi đua")
    check_bases(doc)
    check_receivers_and_signature(doc, doc.tables[-1], ["GIÁM ĐỐC", "Nguyễn Hữu Phước"])
    # The block head's unit code after "Lưu: VT", and only the papers the system issued announced as attached.
    assert texts(doc.tables[-1].rows[0].cells[0].paragraphs)[-1].text == "- Lưu: VT, SCT."
    body = [p.text for p in doc.paragraphs]
    assert ("(Danh sách tại Tờ trình này; kèm theo: Biên bản họp bình xét số 01/BB-KKT và báo cáo thành tích của 04 "
            "tập thể và 05 cá nhân). Sở Công Thương kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết "
            "định./.") in body
    # No achievement cell is left empty: each says what the system holds of the year, the block's words first.
    rows = {r[1]: r[-1] for r in table_rows(content) if len(r) in (4, 5) and r[0].isdigit()}
    assert len(rows) == 9 and all(rows.values())
    assert rows["Sở Công Thương"] == "Dẫn đầu Khối thi đua các sở quản lý kinh tế năm 2026"  # said once
    assert rows["Sở Tài chính"] == ("Năm 2026: hoàn thành xuất sắc nhiệm vụ; Tập thể có 24 thành viên, 20 thành viên "
                                    "đạt Lao động tiên tiến, 03 thành viên đạt Chiến sĩ thi đua cơ sở")
    assert rows["Lê Văn Đức"].endswith("; Chiến sĩ thi đua cơ sở các năm 2024, 2025, 2026")
    assert rows["Hoàng Văn Dũng"] == "Chưa kê khai thành tích; xem Báo cáo thành tích kèm theo"


def check_reports(content: bytes) -> None:
    """One Báo cáo thành tích per nomination of the Tờ trình, in its order, each a section of its own."""
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["SỞ CÔNG THƯƠNG"], "")
    check_title(doc, "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026")
    assert len(doc.sections) == 9
    body = [p.text for p in doc.paragraphs]
    assert [t for t in body if t.startswith("Đề nghị tặng ")][:2] == [
        "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026", "Đề nghị tặng Tập thể lao động xuất sắc năm 2026"]
    duc = body[body.index("- Họ và tên: Lê Văn Đức;"):]
    assert duc[duc.index("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN") + 1:][:3] == [
        "- Năm 2024: Chiến sĩ thi đua cơ sở (Quyết định số 34/QĐ-SCT);",
        "- Năm 2025: Chiến sĩ thi đua cơ sở (Quyết định số 35/QĐ-SCT);",
        "- Năm 2026: Chiến sĩ thi đua cơ sở (Quyết định số 36/QĐ-SCT)."]
    # The block head's agency confirms each collective's report; the person signs their own.
    signatures = doc.tables[1::2]
    assert [p.text for p in texts(signatures[0].rows[0].cells[0].paragraphs)] == [
        "XÁC NHẬN CỦA TRƯỞNG KHỐI", "GIÁM ĐỐC", "Nguyễn Hữu Phước"]
    assert [p.text for p in texts(signatures[5].rows[0].cells[1].paragraphs)] == [
        "NGƯỜI BÁO CÁO THÀNH TÍCH", "PHÓ CHÁNH VĂN PHÒNG", "Lê Văn Đức"]
    for table in signatures:
        check_keeps_together(table)


def check_appraisal(content: bytes) -> None:
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["SỞ NỘI VỤ"], "01/TTr-SNV")
    assert texts(doc.tables[0].rows[1].cells[1].paragraphs)[0].text == "Bắc Ninh, ngày 04 tháng 01 năm 2027"
    # The full council's Tờ trình: the awards routed to its vote (TTLĐXS and Bằng khen went to the standing body).
    check_title(doc, "TỜ TRÌNH", "Về việc đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026 cho 01 tập thể "
                "thuộc Khối thi đua các sở quản lý kinh tế")
    body = [p.text for p in doc.paragraphs]
    # What the office's appraisal found, from what its screening recorded: before the council's vote.
    lead = body.index("Qua thẩm định hồ sơ đề nghị khen thưởng kèm theo các Tờ trình nêu trên, kết quả như sau:")
    assert body[lead + 1:lead + 4] == [
        "- Tiếp nhận 09 hồ sơ đề nghị khen thưởng kèm theo 01 Tờ trình nêu trên;",
        "- 07 hồ sơ đủ thành phần, thủ tục và đạt tiêu chuẩn của danh hiệu, hình thức đề nghị, đã được đối chiếu với "
        "lịch sử khen thưởng do Sở Nội vụ lưu trữ;",
        "- 02 hồ sơ chưa đủ điều kiện, tiêu chuẩn, đã trả lại (Thông báo số 01/TB-SNV ngày 16 tháng 12 năm 2026);"]
    assert body[lead + 4].startswith("- Hoàng Văn Dũng (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh): Thiếu báo cáo")
    assert body[lead + 5].startswith("- Trương Thị Mai (Chiến sĩ thi đua cấp tỉnh): Chưa đạt tiêu chuẩn theo Điều 22")
    assert "Kính gửi:\tChủ tịch Ủy ban nhân dân tỉnh." in body
    bases = check_bases(doc)
    # Issued by the head's agency, under its number, then the block's minutes it rests on.
    assert f"Căn cứ {PROPOSAL_CITED} của {PROPOSER};" in bases
    assert ("Căn cứ Biên bản họp bình xét thi đua, khen thưởng năm 2026 của Khối thi đua các sở quản lý kinh tế "
            "ngày 15 tháng 12 năm 2026;") in bases
    assert bases[-1] == "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 03 tháng 01 năm 2027."
    assert any("Hội đồng có 10 thành viên; 08 thành viên dự họp, 01 thành viên vắng mặt có ý kiến bằng văn bản, "
               "01 thành viên vắng mặt." in text for text in body)
    # As the votes were counted: over all 10 members; by the route and the share in force on the session's day.
    assert any("Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng. Các hình thức khen thưởng này do Hội "
               "đồng họp xét, bỏ phiếu (QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 5: Hội đồng Thi đua - Khen thưởng tỉnh "
               "họp xét, bỏ phiếu, báo cáo Ủy ban nhân dân tỉnh); tỷ lệ phiếu đồng ý cần đạt: Cờ thi đua của Ủy ban "
               "nhân dân tỉnh theo Nghị định 152/2025/NĐ-CP (giữ tỷ lệ 80% như Nghị định 98/2023/NĐ-CP, chưa đối "
               "chiếu điều khoản); Chiến sĩ thi đua cấp tỉnh theo Nghị định 152/2025/NĐ-CP (giữ tỷ lệ 90% như Nghị "
               "định 98/2023/NĐ-CP, chưa đối chiếu điều khoản). Kết quả bỏ phiếu như sau:" in text for text in body)
    votes = [[r[0], r[1].split(",")[0], *r[2:]] for r in table_rows(content)[2:5]]
    assert votes == [
        ["STT", "Tên tập thể", "Hình thức khen thưởng", "Số phiếu đồng ý / tổng số thành viên", "Tỷ lệ", "Kết quả"],
        ["1", "Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "9/10", "90,00%", "Đề nghị"],
        ["2", "Lê Văn Đức", "Chiến sĩ thi đua cấp tỉnh", "8/10", "80,00%", "Không đề nghị"],  # 90 % needed
    ]
    assert body[body.index(next(t for t in body if t.startswith("Trên cơ sở kết quả bỏ phiếu"))) + 1:][:2] == [
        "- Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể.",
        "(Có dự thảo Quyết định và hồ sơ kèm theo). Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, "
        "quyết định./.",
    ]
    check_receivers_and_signature(doc, doc.tables[-1], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Lan"])
    assert texts(doc.tables[-1].rows[0].cells[0].paragraphs)[-1].text == "- Lưu: VT, TĐKT."


def check_decision(content: bytes, number: str, signature: list[str], annex: list[list[str]],
                   appraisal_cited: str = APPRAISAL_CITED, sections: tuple[str, ...] | list[str] = ()) -> None:
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], number)
    check_title(doc, "QUYẾT ĐỊNH", "Về việc tặng ")
    collective = signature[0].startswith("TM.")
    authority = "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" if collective else "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    body = {p.text: p for p in doc.paragraphs}
    assert look(body[authority]).bold
    check_bases(doc)
    consideration = body[f"Xét đề nghị của {PROPOSER} tại {PROPOSAL_CITED} và của "
                         f"Giám đốc Sở Nội vụ tại {appraisal_cited}."]
    assert look(consideration).italic
    assert look(body["QUYẾT ĐỊNH:"]).bold
    article = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    assert article.runs[0].bold and not article.runs[1].bold
    if "Cờ thi đua" in article.text:  # a flag names the block its unit led
        assert article.text.endswith("dẫn đầu phong trào thi đua Khối thi đua các sở quản lý kinh tế năm 2026.")
    prize = next(p.text for p in doc.paragraphs if p.text.startswith("Điều 2."))
    # Each amount in figures, then the same amount in words.
    figures = re.findall(r"là ([\d.]+) đồng \(bằng chữ: ([^)]+)\)", prize)
    assert figures and all(words == money_words(int(n.replace(".", ""))) for n, words in figures), prize
    assert texts(doc.tables[1].rows[0].cells[0].paragraphs)[-1].text == "- Lưu: VT, SNV."
    check_receivers_and_signature(doc, doc.tables[1], signature)
    # The annex: a section of its own, on a new page, numbered from 1, rows in số sổ vàng order.
    assert len(doc.sections) == 2 and doc.sections[1].start_type == WD_SECTION.NEW_PAGE
    assert doc.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    reference = next(p for p in doc.paragraphs if p.text.startswith("(Kèm theo"))
    assert reference.text == (f"(Kèm theo Quyết định số {number} ngày 05 tháng 01 năm 2027 của "
                              f"{'' if collective else 'Chủ tịch '}UBND tỉnh)") and look(reference).italic
    assert [[c.text for c in row.cells] for table in doc.tables[2:] for row in table.rows] == annex
    # "I. TẬP THỂ", "II. CÁ NHÂN" head the tables only when both are there: never a lone "I.".
    assert [p.text for p in doc.paragraphs if re.match(r"[IV]+\. ", p.text)] == list(sections)


def check_both_kinds(content: bytes) -> None:
    """A decision over both kinds counts both in Điều 1 and gives each kind its own award's prize in Điều 2."""
    body = [p.text for p in open_docx(content).paragraphs]
    assert ("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 01 cá nhân (có danh sách "
            "kèm theo), đã có thành tích xuất sắc trong công tác năm 2026.") in body
    prize = next(p for p in body if p.startswith("Điều 2."))
    assert prize.startswith("Điều 2. Mỗi tập thể được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh kèm theo mức "
                            "tiền thưởng bằng 3,0 lần mức lương cơ sở")
    assert "; mỗi cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh kèm theo mức tiền thưởng bằng 1,0 " \
           "lần mức lương cơ sở" in prize
    assert "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026" in body


async def check_register(http: httpx.AsyncClient) -> None:
    register = (await http.get("/numbers", params={"year": 2027})).json()
    # Each signed decision's notice of results takes the next number of the office's Thông báo series.
    assert sorted((n["number"], n["issued_for"].split(":")[0]) for n in register) == [
        ("01/BB-HĐTĐKT", "minutes"),  # the council session's minutes, in the council's own series
        ("01/BB-TTHĐTĐKT", "minutes"),  # the standing body's, in its own
        ("01/QĐ-UBND", "decision"), ("01/TB-SNV", "results_notice"), ("01/TTr-SNV", "council_session"),
        ("02/QĐ-UBND", "decision"), ("02/TB-SNV", "results_notice"), ("02/TTr-SNV", "council_session"),
        ("03/QĐ-UBND", "decision"), ("03/TB-SNV", "results_notice")]


async def check_history(http: httpx.AsyncClient, year: Year) -> None:
    """Each transition lists the documents its stage issued, with the SHA-256 of the bytes one downloads."""
    history = (await http.get(f"/nominations/{year.candidates['flag_sct']}")).json()["history"]
    kinds = [[d["kind"] for d in t["documents"]] for t in history]
    # The screening returned two of the proposal's other dossiers: its notice is a paper of that stage too.
    assert kinds == [[], ["meeting_minutes"], ["block_proposal", "achievement_reports"], ["return_notice"],
                     ["office_appraisal", "council_minutes"], ["decision", "certificates", "results_notice"]]
    for transition in history[1:]:
        for document in transition["documents"]:
            content = (await http.get(document["download_url"])).content
            assert hashlib.sha256(content).hexdigest() == document["sha256"] and document["version"] == 1


async def test_the_office_tờ_trình_is_signed_after_the_council_by_someone_named(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    secretary = await as_user(client, SECRETARY)
    roster = [{"full_name": m["full_name"], "position": m["position"], "present": True}
              for m in demo_data()["council"]]
    session = ok(await client.post("/council-sessions", headers=secretary, json={
        "year": 2026, "held_on": "2027-01-03", "location": "Phòng họp số 1", "members": roster}))["session"]
    votes = {"votes": [{"nomination_id": 999, "votes_for": 1, "votes_against": 0}]}
    early = await client.post(f"/council-sessions/{session['id']}/votes", headers=secretary,
                              json={**votes, "appraisal_signed_on": "2027-01-02"})
    assert early.status_code == 422 and early.json()["errors"][0]["rule"] == "appraisal.after_council"
    async with open_session() as db:  # a province whose office is not among the units
        office = (await db.exec(select(Unit).where(Unit.code == "SNV"))).one()
        office.code = "SNV-OLD"
        db.add(office)
        await db.commit()
    unsigned = await client.post(f"/council-sessions/{session['id']}/votes", headers=secretary, json=votes)
    assert unsigned.status_code == 422 and unsigned.json()["errors"][0] == {
        "field": "appraisal_signer_name", "rule": "appraisal.signer_required",
        "message": "No head of Sở Nội vụ is recorded: name who signs the Tờ trình.",
        "message_vi": "Chưa có thông tin người đứng đầu Sở Nội vụ: đề nghị ghi tên người ký Tờ trình."}
    named = await client.post(f"/council-sessions/{session['id']}/votes", headers=secretary,
                              json={**votes, "appraisal_signer_name": "Lê Quang Huy"})
    assert named.json()["errors"][0]["field"] == "votes.0", "then only the unknown nomination is wrong"
    assert (await client.get("/numbers", params={"issuer_code": "SNV"})).json() == [], "no number was taken"
