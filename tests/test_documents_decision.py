"""The Chủ tịch's Quyết định: issuer, preamble and articles, receivers beside the signature, and its annex."""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from docx_templates import DocumentKind, render_document
from tests.documents_fixtures import BASES, decision_context
from tests.docx_read import body_texts, is_bold, is_italic, open_docx, paragraph_starting, rows_of


def test_decision_issuer_without_parent_agency() -> None:
    doc = open_docx(render_document(DocumentKind.DECISION, decision_context()))
    agency = [p for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert [p.text for p in agency] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]
    assert all(is_bold(p) for p in agency)


def test_decision_title_preamble_and_articles() -> None:
    doc = open_docx(render_document(DocumentKind.DECISION, decision_context()))
    assert is_bold(paragraph_starting(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"))
    bases = [p for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert [p.text for p in bases] == [f"Căn cứ {text};" for text in BASES]
    assert all(is_italic(p) for p in bases)
    consideration = paragraph_starting(doc, "Xét đề nghị của Trưởng Khối")
    assert is_italic(consideration) and consideration.text.endswith("ngày 25 tháng 12 năm 2026.")
    assert is_bold(paragraph_starting(doc, "QUYẾT ĐỊNH:"))
    article = paragraph_starting(doc, "Điều 1.")
    assert article.runs[0].text == "Điều 1." and article.runs[0].bold
    assert not article.runs[1].bold and article.runs[1].text.startswith(" Tặng Cờ thi đua")
    assert paragraph_starting(doc, "Điều 2.").text == "Điều 2. Mỗi tập thể được thưởng 18.720.000 đồng."


def test_decision_last_basis_ends_with_full_stop_when_nothing_follows() -> None:
    context = decision_context()
    context["considerations"] = []
    doc = open_docx(render_document(DocumentKind.DECISION, context))
    bases = [p.text for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases[-1] == f"Căn cứ {BASES[-1]}." and bases[0].endswith(";")


def test_decision_receivers_beside_signature() -> None:
    doc = open_docx(render_document(DocumentKind.DECISION, decision_context()))
    receivers, signature = (cell.paragraphs for cell in doc.tables[1].rows[0].cells)
    assert receivers[0].text == "Nơi nhận:" and is_bold(receivers[0]) and is_italic(receivers[0])
    assert receivers[0].runs[0].font.size is not None and receivers[0].runs[0].font.size.pt == 12
    assert [p.text for p in receivers[1:]] == ["- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- Lưu: VT, SNV."]
    assert receivers[1].style is not None and receivers[1].style.font.size is not None
    assert receivers[1].style.font.size.pt == 11
    lines = [p.text for p in signature if p.text]
    assert lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Thanh Hương"]
    assert all(is_bold(p) for p in signature)


def test_decision_annex_on_its_own_page_in_given_order() -> None:
    context = decision_context(collectives=["Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Tài chính"])
    doc = open_docx(render_document(DocumentKind.DECISION, context))
    title = paragraph_starting(doc, "DANH SÁCH")
    assert is_bold(title)
    # The annex is a section of its own: it starts a new page and numbers its pages from 1.
    annex = doc.sections[1]
    assert annex.start_type == WD_SECTION.NEW_PAGE and annex.different_first_page_header_footer
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert is_bold(paragraph_starting(doc, "Tập thể, cá nhân được tặng Cờ thi đua"))
    assert is_italic(paragraph_starting(doc, "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026"))
    texts = body_texts(doc)
    assert texts.index("I. TẬP THỂ") < texts.index("II. CÁ NHÂN")
    collectives, individuals = doc.tables[2], doc.tables[3]
    assert rows_of(collectives) == [
        ["STT", "Tên tập thể"],
        ["1", "Sở Xây dựng"],
        ["2", "Sở Nông nghiệp và Môi trường"],
        ["3", "Sở Tài chính"],
    ]
    assert rows_of(individuals)[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"]
    assert rows_of(individuals)[1:] == [
        ["1", "Nguyễn Thị Hồng Nhung", "Phó Giám đốc Sở Tài chính"],
        ["2", "Lê Văn Đức", "Trưởng phòng Kế hoạch, Sở Công Thương"],
    ]


def test_decision_annex_with_150_rows() -> None:
    doc = open_docx(render_document(DocumentKind.DECISION, decision_context(annex_rows=148)))
    rows = rows_of(doc.tables[3])
    assert len(rows) == 1 + 150
    assert rows[-1] == ["150", "Phạm Minh Tuấn 147", "Chuyên viên Sở Xây dựng"]
