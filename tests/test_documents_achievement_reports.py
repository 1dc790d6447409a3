"""The Báo cáo thành tích: each nomination's report in its own section with the Decree 30 header, title and rules,
its three parts, and two signature blocks that never split; and the short summary the block's Tờ trình prints."""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from docx_templates import DocumentKind, render_document
from models.domain.achievement import SUMMARY_CHARS, AchievementFacts, PastAward, Ranking, summary
from models.domain.facts import DossierFacts
from tests.decree30 import check_keeps_together, check_page, check_title, look, texts
from tests.docx_read import open_docx
from tests.report_context import achievement_reports_context


def test_each_report_is_its_own_section_numbered_from_one() -> None:
    doc = open_docx(render_document(DocumentKind.ACHIEVEMENT_REPORTS, achievement_reports_context()))
    check_page(doc)
    assert len(doc.sections) == 2
    for section in doc.sections:
        assert section.start_type == WD_SECTION.NEW_PAGE and section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    check_title(doc, "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026")
    body = [p.text for p in doc.paragraphs]
    assert body.count("BÁO CÁO THÀNH TÍCH") == 2
    # A collective's report (ND 152/2025): đặc điểm, tình hình; thành tích; khen thưởng đã ghi nhận.
    first = body[:body.index("I. SƠ LƯỢC LÝ LỊCH")]
    assert [t for t in first if t[:3] in ("I. ", "II.", "III")] == [
        "I. ĐẶC ĐIỂM, TÌNH HÌNH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"]
    assert "- Năm 2026: hoàn thành xuất sắc nhiệm vụ." in first
    assert "- Năm 2025: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (Quyết định số 12/QĐ-UBND)." in first
    # An individual's: sơ lược lý lịch; an empty history says so rather than leaving the part blank.
    second = body[body.index("I. SƠ LƯỢC LÝ LỊCH"):]
    assert "- Họ và tên: Nguyễn Thị Hồng Nhung;" in second
    assert "Chưa có hình thức khen thưởng nào được ghi nhận." in second
    assert all(look(p).bold for p in doc.paragraphs if p.text.startswith(("I. ", "II. ", "III. ")))


def test_each_report_has_its_header_and_both_signatures_kept_together() -> None:
    doc = open_docx(render_document(DocumentKind.ACHIEVEMENT_REPORTS, achievement_reports_context()))
    # Per report: its header table, then its signature table.
    headers, signatures = doc.tables[0::2], doc.tables[1::2]
    assert all(t.rows[0].cells[1].paragraphs[0].text.startswith("CỘNG HÒA") for t in headers)
    assert [texts(t.rows[0].cells[0].paragraphs)[-1].text for t in headers] == ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                                                                                "SỞ TÀI CHÍNH"]
    assert all(not texts(t.rows[1].cells[0].paragraphs) for t in headers), "a report carries no number"
    assert [[[p.text for p in texts(c.paragraphs)] for c in t.rows[0].cells] for t in signatures] == [
        [["XÁC NHẬN CỦA TRƯỞNG KHỐI", "GIÁM ĐỐC", "Nguyễn Văn An"], ["THỦ TRƯỞNG ĐƠN VỊ", "GIÁM ĐỐC", "Trần Văn Bình"]],
        [["XÁC NHẬN CỦA ĐƠN VỊ", "GIÁM ĐỐC", "Lê Thị Thu"],
         ["NGƯỜI BÁO CÁO THÀNH TÍCH", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hồng Nhung"]]]
    for table in signatures:
        check_keeps_together(table)


def _facts(stated: str = "", **declared: object) -> AchievementFacts:
    return AchievementFacts(year=2026, collective=False, stated=stated, facts=DossierFacts.model_validate(declared),
                            ranking=None, past=(PastAward(2025, "CHIEN_SI_THI_DUA_CO_SO", "Chiến sĩ thi đua cơ sở",
                                                          "35/QĐ-SCT"),))


def test_summary_states_the_facts_held_and_is_never_blank() -> None:
    assert summary(_facts(rating="htxsnv", initiatives=2)) == (
        "Năm 2026: hoàn thành xuất sắc nhiệm vụ; 02 sáng kiến, đề tài được công nhận trong năm; "
        "Chiến sĩ thi đua cơ sở các năm 2025")
    bare = AchievementFacts(year=2026, collective=True, stated="", facts=DossierFacts(), ranking=None, past=())
    assert summary(bare) == "Chưa kê khai thành tích; xem Báo cáo thành tích kèm theo"
    ranked = AchievementFacts(year=2026, collective=True, stated="", facts=DossierFacts(), past=(),
                              ranking=Ranking(rank=1, ranked=7, points="98", leads=True))
    assert summary(ranked) == "Xếp thứ 1/7 trong Bảng tổng hợp điểm thi đua của Khối với 98 điểm, dẫn đầu Khối"


def test_summary_clips_the_blocks_words_and_does_not_repeat_them() -> None:
    long = "Hoàn thành vượt mức chỉ tiêu " * 40
    clipped = summary(_facts(long)).split("; ")[0]
    assert len(clipped) <= SUMMARY_CHARS + 2 and clipped.endswith(" …") and long.startswith(clipped[:-2])
    # The block already says it leads: the fact is not printed a second time.
    said = AchievementFacts(year=2026, collective=True, stated="Dẫn đầu Khối thi đua các sở năm 2026",
                            facts=DossierFacts(leads_block=True), ranking=None, past=())
    assert summary(said) == "Dẫn đầu Khối thi đua các sở năm 2026"
