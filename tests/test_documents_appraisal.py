"""The TĐKT office's Tờ trình: the council's vote table, then the awards it proposes."""

from __future__ import annotations

from docx_templates import DocumentKind, render_document
from tests.appraisal_context import appraisal_context
from tests.docx_read import body_texts, open_docx, rows_of


def test_appraisal_lists_the_vote_table_then_the_awards_proposed() -> None:
    doc = open_docx(render_document(DocumentKind.OFFICE_APPRAISAL, appraisal_context()))
    assert "Kính gửi:\tChủ tịch Ủy ban nhân dân tỉnh." in body_texts(doc)
    assert rows_of(doc.tables[1])[1] == ["1", "Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "9/10",
                                       "90,00%", "Đề nghị"]
    assert "- Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể." in body_texts(doc)
    signature = doc.tables[2].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs if p.text] == ["GIÁM ĐỐC", "Lê Quang Huy"]


def test_appraisal_without_a_recommendation_proposes_nothing() -> None:
    texts = body_texts(open_docx(render_document(DocumentKind.OFFICE_APPRAISAL, appraisal_context(recommended=False))))
    assert "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý." in texts
    # The appraisal's findings are listed; after the proposal, no award is.
    after = texts[texts.index("Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý."):]
    assert not any(text.startswith("- ") for text in after)


def test_appraisal_gives_the_findings_of_the_office_before_the_vote() -> None:
    texts = body_texts(open_docx(render_document(DocumentKind.OFFICE_APPRAISAL, appraisal_context())))
    lead = texts.index("Qua thẩm định hồ sơ đề nghị khen thưởng kèm theo các Tờ trình nêu trên, kết quả như sau:")
    assert texts[lead + 1:lead + 4] == [
        "- Tiếp nhận 03 hồ sơ đề nghị khen thưởng kèm theo 01 Tờ trình nêu trên;",
        "- 02 hồ sơ đủ thành phần, thủ tục và đạt tiêu chuẩn của danh hiệu, hình thức đề nghị;",
        "- 01 hồ sơ chưa đủ điều kiện, tiêu chuẩn, đã trả lại (Thông báo số 01/TB-SNV)."]
    assert texts[lead + 4].startswith("Ngày 03 tháng 01 năm 2027, Hội đồng")
