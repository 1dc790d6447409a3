"""What every award document shares: Decree 30 page and font, the national header and title, deterministic
bytes, and templates that read only their context."""

from __future__ import annotations

import io
import zipfile

import jinja2
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docx_templates import DocumentKind, render_document, template_variables
from tests.documents_fixtures import (
    CONTEXT_KEYS,
    FULL_CONTEXTS,
    LANDSCAPE,
    PLACE_DATE,
    QUOC_HIEU,
    TIEU_NGU,
    decision_context,
)
from tests.docx_read import cell_paragraphs, is_bold, is_italic, open_docx, paragraph_starting, rows_of


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_page_is_a4_portrait_with_decree_30_margins(kind: DocumentKind) -> None:
    section = open_docx(render_document(kind, FULL_CONTEXTS[kind]())).sections[0]
    # Word stores twentieths of a point: millimetres come back rounded to 0.02 mm.
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    page = [297, 210] if kind in LANDSCAPE else [210, 297]
    assert [round(size.mm) if size is not None else None for size in sizes] == [*page, 20, 20, 30, 15]
    assert section.different_first_page_header_footer  # no page number on page 1


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_normal_style_is_times_new_roman_14_for_every_script(kind: DocumentKind) -> None:
    normal = open_docx(render_document(kind, FULL_CONTEXTS[kind]())).styles["Normal"]
    assert normal.font.size is not None and normal.font.size.pt == 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_template_reads_only_context_keys(kind: DocumentKind) -> None:
    keys = set(FULL_CONTEXTS[kind]())
    assert keys == CONTEXT_KEYS[kind]  # the test context is complete
    assert template_variables(kind) <= keys


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_same_context_gives_same_bytes(kind: DocumentKind) -> None:
    assert render_document(kind, FULL_CONTEXTS[kind]()) == render_document(kind, FULL_CONTEXTS[kind]())


def test_different_context_gives_different_bytes() -> None:
    other = decision_context(collectives=["Sở Xây dựng"])
    assert render_document(DocumentKind.DECISION, decision_context()) != render_document(DocumentKind.DECISION, other)


def test_package_carries_no_time_of_rendering() -> None:
    data = render_document(DocumentKind.DECISION, decision_context())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
    properties = open_docx(data).core_properties
    assert properties.author == "tdkt"
    assert properties.created is not None and properties.created.year == 2000
    assert properties.modified is not None and properties.modified.year == 2000
    assert properties.revision == 1


def test_missing_key_is_an_error_not_a_blank() -> None:
    context = dict(decision_context())
    del context["authority"]
    with pytest.raises(jinja2.UndefinedError):
        render_document(DocumentKind.DECISION, context)


@pytest.mark.parametrize(
    ("kind", "number_line", "document_type", "subject"),
    [
        (DocumentKind.MEETING_MINUTES, "Số: 01/BB-KKT", "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2026"),
        (DocumentKind.BLOCK_BALLOT_COUNT, "", "BIÊN BẢN KIỂM PHIẾU", "Bình xét thi đua, khen thưởng năm 2026"),
        (DocumentKind.COUNCIL_MINUTES, "Số: 01/BB-HĐTĐKT", "BIÊN BẢN", "Phiên họp Hội đồng Thi đua - Khen thưởng"),
        (DocumentKind.STANDING_MINUTES, "Số: 01/BB-TTHĐTĐKT", "BIÊN BẢN", "Phiên họp Thường trực Hội đồng"),
        (DocumentKind.BLOCK_PROPOSAL, "Số: 12/TTr-SCT", "TỜ TRÌNH", "Đề nghị tặng thưởng danh hiệu thi đua"),
        (DocumentKind.DECISION, "Số: 05/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc tặng Cờ thi đua"),
        (DocumentKind.OFFICE_APPRAISAL, "Số: 01/TTr-SNV", "TỜ TRÌNH", "Đề nghị tặng thưởng danh hiệu"),
        (DocumentKind.SCORING_TABLE, "", "BẢNG TỔNG HỢP ĐIỂM", "Tổng hợp kết quả chấm điểm"),
        (DocumentKind.RETURN_NOTICE, "Số: 01/TB-SNV", "THÔNG BÁO", "Về việc trả lại hồ sơ đề nghị khen thưởng"),
        (DocumentKind.RESULTS_NOTICE, "Số: 02/TB-SNV", "THÔNG BÁO", "Kết quả khen thưởng năm 2026 theo Quyết định"),
    ],
)
def test_header_and_title(kind: DocumentKind, number_line: str, document_type: str, subject: str) -> None:
    doc = open_docx(render_document(kind, FULL_CONTEXTS[kind]()))
    rows = rows_of(doc.tables[0])
    assert rows[0][1].split("\n")[:2] == [QUOC_HIEU, TIEU_NGU]
    assert rows[1] == [number_line, PLACE_DATE]  # "Số" level with the place and date
    header_paragraphs = {p.text: p for p in cell_paragraphs(doc.tables[0])}
    assert is_bold(header_paragraphs[QUOC_HIEU]) and is_bold(header_paragraphs[TIEU_NGU])
    assert is_italic(header_paragraphs[PLACE_DATE])
    assert is_bold(paragraph_starting(doc, document_type)) and is_bold(paragraph_starting(doc, subject))
    assert paragraph_starting(doc, document_type).alignment == WD_ALIGN_PARAGRAPH.CENTER
