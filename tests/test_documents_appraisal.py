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
    assert not any(text.startswith("- ") for text in texts)
