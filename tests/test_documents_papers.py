"""The papers that follow screening and signing, from a real year through the API and its flows, read back from
the stored .docx as a clerk checks them: the office's notice returning ineligible dossiers with their reasons, the
certificates of each decision with its number, date and số sổ vàng, and the notice of results per block."""

import hashlib
import os
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table
from sqlmodel import select

from docx_templates import DocumentKind, render_document
from docx_templates.formatting import vn_place_date
from docx_templates.text_width import text_width_mm
from flows.documents.registry import BUILDERS
from models.recording.deadlines import VIETNAM
from models.storage.db import open_session
from models.tables.stage import Document as StoredDocument
from models.tables.stage import Stage
from tests.decree30 import (
    PLACE_DATE,
    QUOC_HIEU,
    TIEU_NGU,
    check_header,
    check_keeps_together,
    check_page,
    check_receivers_and_signature,
    check_title,
    has_rule,
    look,
    rule_width_mm,
    texts,
)
from tests.demo import DemoProvince
from tests.desk import SignIn
from tests.docx_read import open_docx, paragraphs, table_rows
from tests.year import BLOCK_HEAD, SECRETARY, Year, as_user, hold_meeting, ok, run_year

OFFICE_HEAD = ["GIÁM ĐỐC", "Lê Quang Huy"]  # the demo registry's head of Sở Nội vụ
OFFICE = ("UBND TỈNH BẮC NINH", ["SỞ NỘI VỤ"])


async def paper(http: httpx.AsyncClient, report: dict[str, Any], kind: DocumentKind) -> bytes:
    [document] = [d for d in report["documents"] if d["kind"] == kind.value]
    content = (await http.get(document["download_url"])).content
    assert hashlib.sha256(content).hexdigest() == document["sha256"]
    if folder := os.environ.get("TDKT_PAPERS_DIR"):  # to look at them as pictures (soffice, pdftoppm)
        (Path(folder) / document["filename"]).write_bytes(content)
    return content


def signature_table(doc: Document) -> Table:
    return next(t for t in doc.tables if any(p.text == "Nơi nhận:" for p in t.rows[0].cells[0].paragraphs))


async def test_screening_returns_each_ineligible_dossier_by_a_numbered_notice_with_its_reasons(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    year = await run_year(client, demo)
    content = await paper(client, year.responses["screening"], DocumentKind.RETURN_NOTICE)
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, *OFFICE, "01/TB-SNV")
    check_title(doc, "THÔNG BÁO", "Về việc trả lại hồ sơ đề nghị khen thưởng năm 2026 của Khối thi đua các sở "
                "quản lý kinh tế")
    check_receivers_and_signature(doc, signature_table(doc), OFFICE_HEAD)
    text = paragraphs(content)
    assert "Kính gửi:\tSở Công Thương." in [p.text for p in doc.paragraphs]
    assert any("kèm theo Tờ trình số 01/TTr-SCT ngày 16 tháng 12 năm 2026 của Sở Công Thương (đơn vị Trưởng Khối "
               "thi đua các sở quản lý kinh tế). Qua thẩm định, 02 hồ sơ chưa đủ điều kiện" in p for p in text), text
    rows = [r for r in table_rows(content) if r and r[0].isdigit()]
    assert rows == [
        ["1", "Hoàng Văn Dũng, Chi cục trưởng Chi cục Thủy lợi, Sở Nông nghiệp và Môi trường",
         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
         # The office's own words, then what the award's rules still miss, named as the dossier form names them.
         "Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị. Hồ sơ còn thiếu: số sáng kiến, đề tài được "
         "công nhận năm xét; số sáng kiến, đề tài được công nhận năm liền trước; xếp loại năm xét; xếp loại năm "
         "liền trước."],
        # Found complete by the office, refused by a rule: the text it applies and the year missing.
        ["2", "Trương Thị Mai, Chuyên viên chính phòng Quy hoạch, Sở Xây dựng", "Chiến sĩ thi đua cấp tỉnh",
         "Chưa đạt tiêu chuẩn theo Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15: có 3 lần liên tục đạt danh "
         "hiệu Chiến sĩ thi đua cơ sở (còn thiếu năm 2024)."]]
    # Dated the day the screening was recorded (never before the Tờ trình), numbered in the office's TB series.
    async with open_session() as session:
        stage = (await session.exec(select(Stage).where(Stage.kind == "screening"))).one()
    day = max(stage.recorded_at.astimezone(VIETNAM).date(), date(2026, 12, 16))
    assert texts(doc.tables[0].rows[1].cells[1].paragraphs)[0].text == vn_place_date("Bắc Ninh", day)
    register = [(n["number"], n["issued_for"].split(":")[0]) for n in (await client.get(
        "/numbers", params={"issuer_code": "SNV", "type_code": "TB", "year": day.year})).json()]
    assert ("01/TB-SNV", "return_notice") in register
    # The nominee's page lists the notice under the screening that returned it.
    history = (await client.get(f"/nominations/{year.candidates['bk_dung']}")).json()["history"]
    returned = next(t for t in history if t["to_state"] == "returned")
    assert [d["kind"] for d in returned["documents"]] == ["return_notice"]
    desk = await signed_in(SECRETARY)  # and the desk names it in Vietnamese beside its file
    page = (await desk.get(f"/desk/nominations/{year.candidates['bk_dung']}")).text
    assert f"Thông báo trả lại hồ sơ: <a href=\"/desk/documents/{returned['documents'][0]['id']}\"" in page
    await check_same_bytes_again()


async def test_a_screening_that_returns_nothing_issues_no_notice_and_takes_no_number(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    proposal = ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD), json={
        "meeting_id": year.meeting_id, "nomination_ids": [year.candidates["flag_sct"]], "issued_on": "2026-12-16",
        "signer_name": "Nguyễn Hữu Phước", "signer_title": "Giám đốc"}))
    screened = ok(await client.post(f"/proposals/{proposal['stage']['subject_id']}/screening",
                                    headers=await as_user(client, SECRETARY), json={"results": [
                                        {"nomination_id": year.candidates["flag_sct"], "eligible": True}]}))
    assert screened["stage"]["status"] == "completed" and screened["documents"] == []
    assert (await client.get("/numbers", params={"type_code": "TB"})).json() == []


async def test_each_signed_decision_prints_a_certificate_per_recipient_and_a_notice_of_results(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await run_year(client, demo)
    flag = await paper(client, year.responses["sign_flag"], DocumentKind.CERTIFICATES)
    check_certificates(open_docx(flag), [("GIẤY CHỨNG NHẬN", "Sở Công Thương", "01")], "01/QĐ-UBND")
    assert ("Đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác, dẫn đầu phong trào thi đua Khối thi đua các sở "
            "quản lý kinh tế năm 2026") in paragraphs(flag)
    assert "Tặng Cờ thi đua của Ủy ban nhân dân tỉnh" in paragraphs(flag)
    # The struck unit gets no certificate; the individual's shows position and unit under the name.
    collective = await paper(client, year.responses["sign_bk_collective"], DocumentKind.CERTIFICATES)
    check_certificates(open_docx(collective), [("BẰNG KHEN", "Sở Nông nghiệp và Môi trường", "01")], "02/QĐ-UBND")
    individual = await paper(client, year.responses["sign_bk_individual"], DocumentKind.CERTIFICATES)
    check_certificates(open_docx(individual), [("BẰNG KHEN", "Nguyễn Thị Hồng Nhung", "01")], "03/QĐ-UBND")
    assert "Trưởng phòng Quản lý thương mại, Sở Công Thương" in paragraphs(individual)

    notice = await paper(client, year.responses["sign_bk_collective"], DocumentKind.RESULTS_NOTICE)
    doc = open_docx(notice)
    check_page(doc)
    check_header(doc, *OFFICE, "02/TB-SNV")  # 2027: 01 announced the flag; the 2026 series numbered the return
    check_title(doc, "THÔNG BÁO", "Kết quả khen thưởng năm 2026 theo Quyết định số 02/QĐ-UBND")
    check_receivers_and_signature(doc, signature_table(doc), OFFICE_HEAD)
    text = paragraphs(notice)
    assert any(p.startswith("Thực hiện Quyết định số 02/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch Ủy ban nhân "
                            "dân tỉnh về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026") and
               "01 tập thể, cá nhân được khen thưởng, 01 tập thể, cá nhân không được khen thưởng" in p for p in text)
    assert "1. Khối thi đua các sở quản lý kinh tế" in text
    assert [r for r in table_rows(notice) if r and r[0].isdigit()] == [
        ["1", "Sở Nông nghiệp và Môi trường", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Số sổ vàng: 01"],
        ["2", "Sở Xây dựng", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
         "Không khen thưởng: Đơn vị đang có đơn khiếu nại chưa giải quyết xong"]]
    # The decision's transition lists its three papers; each downloads as the bytes of its hash.
    history = (await client.get(f"/nominations/{year.candidates['flag_sct']}")).json()["history"]
    assert [d["kind"] for d in history[-1]["documents"]] == ["decision", "certificates", "results_notice"]
    await check_same_bytes_again()


def check_certificates(doc: Document, expected: list[tuple[str, str, str]], decision: str) -> None:
    """One page per certificate: the motto and its rule, the form, the recipient; at the bottom left the decision's
    number and date and the số sổ vàng, at the right the place, date and the signature, which never splits."""
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and round(section.page_width.mm) == 297  # type: ignore[union-attr]
    body = [p for p in doc.paragraphs if p.text.strip()]
    breaks = doc.element.body.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']")
    assert len(breaks) == len(expected) - 1
    assert [p.text for p in body if p.text == QUOC_HIEU] == [QUOC_HIEU] * len(expected)
    motto = next(p for p in body if p.text == TIEU_NGU)
    assert look(motto).bold and 13 <= look(motto).size <= 14 and has_rule(list(doc.paragraphs))
    # The rule under the Tiêu ngữ is as long as the Tiêu ngữ (Decree 30, Annex I), on a 252 mm wide line.
    rules = [p for p in doc.paragraphs if has_rule([p])]
    assert len(rules) == len(expected)
    assert abs(rule_width_mm(rules[:1], 252) - text_width_mm(TIEU_NGU, 14)) <= 4
    for (form, name, golden_book_no), table in zip(expected, doc.tables, strict=True):
        assert form in [p.text for p in body] and name in [p.text for p in body]
        left, right = (texts(cell.paragraphs) for cell in table.rows[0].cells)
        assert [p.text for p in left] == [f"Quyết định số {decision}", "ngày 05 tháng 01 năm 2027",
                                          f"Số sổ vàng: {golden_book_no}"]
        assert PLACE_DATE.match(right[0].text) and look(right[0]).italic
        assert [p.text for p in right[1:]] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Minh Hằng"]
        assert all(look(p).bold for p in right[1:])
        check_keeps_together(table)


async def check_same_bytes_again() -> None:
    """Every paper stored renders again, from the stored evidence, to the same bytes."""
    async with open_session() as session:
        stored = (await session.exec(select(StoredDocument, Stage).join(Stage))).all()
        kinds = {DocumentKind.RETURN_NOTICE, DocumentKind.CERTIFICATES, DocumentKind.RESULTS_NOTICE}
        for document, stage in stored:
            if document.kind in kinds:
                kind = DocumentKind(document.kind)
                context, filename = await BUILDERS[kind](session, stage.subject_id)
                assert render_document(kind, context) == document.content and filename == document.filename
