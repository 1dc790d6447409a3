"""The emulation block's Tờ trình: recipients, bases, the collectives and individuals proposed, signature."""

from __future__ import annotations

from docx_templates import DocumentKind, render_document
from tests.documents_fixtures import proposal_context
from tests.docx_read import body_texts, cell_paragraphs, open_docx, paragraph_starting, rows_of


def test_proposal_layout() -> None:
    doc = open_docx(render_document(DocumentKind.BLOCK_PROPOSAL, proposal_context()))
    assert rows_of(doc.tables[0])[0][0].split("\n")[:2] == ["UBND TỈNH BẮC NINH", "SỞ CÔNG THƯƠNG"]
    parent = next(p for p in cell_paragraphs(doc.tables[0]) if p.text == "UBND TỈNH BẮC NINH")
    assert not any(run.bold for run in parent.runs)
    assert paragraph_starting(doc, "Kính gửi:").text == "Kính gửi:\t- Chủ tịch Ủy ban nhân dân tỉnh;"
    assert "\t- Sở Nội vụ." in body_texts(doc)
    bases = [p.text for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases[-1] == "Căn cứ Biên bản họp bình xét ngày 15 tháng 12 năm 2026 của Khối thi đua."
    texts = body_texts(doc)
    assert texts.index("I. TẬP THỂ") < texts.index("II. CÁ NHÂN")
    assert rows_of(doc.tables[1])[1] == [
        "1",
        "Sở Nông nghiệp và Môi trường",
        "Cờ thi đua của UBND tỉnh",
        "Dẫn đầu Khối thi đua năm 2026",
    ]
    assert rows_of(doc.tables[2])[1][:3] == ["1", "Nguyễn Thị Hồng Nhung", "Phó Giám đốc Sở Tài chính"]
    receivers, signature = doc.tables[3].rows[0].cells
    assert [p.text for p in receivers.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [p.text for p in signature.paragraphs if p.text] == ["GIÁM ĐỐC", "Nguyễn Văn An"]


def test_proposal_single_recipient_and_no_collectives() -> None:
    context = proposal_context()
    context["recipients"] = ["Chủ tịch Ủy ban nhân dân tỉnh"]
    context["collectives"] = []
    doc = open_docx(render_document(DocumentKind.BLOCK_PROPOSAL, context))
    texts = body_texts(doc)
    assert "Kính gửi:\tChủ tịch Ủy ban nhân dân tỉnh." in texts
    assert "I. CÁ NHÂN" in texts and "I. TẬP THỂ" not in texts
    assert len(doc.tables) == 3  # header, individuals, signature
