"""The three award documents, read back with python-docx as a clerk would check them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import date, time
from decimal import Decimal

import docx
import jinja2
import pytest
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from docx_templates import DocumentKind, render_document, template_variables
from docx_templates.contexts import (
    AnnexRow,
    AppraisalContext,
    DecisionContext,
    Header,
    MinutesContext,
    ProposalContext,
    Signer,
)
from docx_templates.formatting import (
    document_number,
    vn_date,
    vn_decimal,
    vn_money,
    vn_percent,
    vn_place_date,
    vn_time,
)
from tests.appraisal_context import appraisal_context

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE = "Bắc Ninh, ngày 05 tháng 01 năm 2026"
BASES = [
    "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
]
RECEIVERS = ["Như Điều 3", "Bộ Nội vụ (b/c)", "Lưu: VT, SNV"]


def _header(number: str, issuer: list[str], parent: str = "UBND TỈNH BẮC NINH") -> Header:
    return {"parent_agency": parent, "issuer_lines": issuer, "number": number, "place_date": PLACE_DATE}


def _signer(prefix: str, title: str, name: str) -> Signer:
    return {"prefix": prefix, "title": title, "name": name}


def minutes_context(absentees: list[str] | None = None, next_deputy: str = "Sở Tài chính") -> MinutesContext:
    return {
        "header": _header("", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"]),
        "subject": "Họp bình xét thi đua, khen thưởng năm 2026 của Khối thi đua các sở quản lý kinh tế",
        "opened_at": "08 giờ 00 phút, ngày 15 tháng 12 năm 2026",
        "location": "Hội trường Sở Công Thương, số 10 đường Lý Thái Tổ, phường Kinh Bắc",
        "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở Công Thương, Trưởng Khối"},
        "secretary": {"name": "Trần Thị Bích Ngọc", "title": "Chánh Văn phòng Sở Công Thương"},
        "members_total": 7,
        "members_present": 6 if absentees is None else 7 - len(absentees),
        "absentees": ["Sở Xây dựng"] if absentees is None else absentees,
        "method": "bỏ phiếu kín",
        "threshold": "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)",
        "candidates": [
            {
                "stt": 1,
                "name": "Sở Nông nghiệp và Môi trường",
                "award": "Cờ thi đua của UBND tỉnh",
                "votes_for": 6,
                "votes_against": 1,
                "abstain": 0,
                "invalid": 0,
                "percent": vn_percent(6, 7),
                "result": "Đề nghị",
            },
            {
                "stt": 2,
                "name": "Nguyễn Thị Hồng Nhung",
                "award": "Bằng khen của Chủ tịch UBND tỉnh",
                "votes_for": 3,
                "votes_against": 2,
                "abstain": 1,
                "invalid": 1,
                "percent": vn_percent(3, 7),
                "result": "Không đề nghị",
            },
        ],
        "next_head": "Sở Nông nghiệp và Môi trường",
        "next_deputy": next_deputy,
        "next_year": 2027,
        "closed_at": "11 giờ 00 phút cùng ngày",
        "signers": [
            _signer("", "THƯ KÝ", "Trần Thị Bích Ngọc"),
            _signer("", "CHỦ TRÌ", "Nguyễn Văn An"),
        ],
    }


def proposal_context(achievement: str = "Hoàn thành xuất sắc nhiệm vụ năm 2026") -> ProposalContext:
    return {
        "header": _header("12/TTr-SCT", ["SỞ CÔNG THƯƠNG"]),
        "subject": "Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm 2026",
        "recipients": ["Chủ tịch Ủy ban nhân dân tỉnh", "Sở Nội vụ"],
        "bases": [*BASES, "Biên bản họp bình xét ngày 15 tháng 12 năm 2026 của Khối thi đua"],
        "body": "Khối thi đua các sở quản lý kinh tế đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng"
        " Cờ thi đua cho 01 tập thể và Bằng khen cho 01 cá nhân.",
        "collectives": [
            {
                "stt": 1,
                "name": "Sở Nông nghiệp và Môi trường",
                "detail": "",
                "award": "Cờ thi đua của UBND tỉnh",
                "achievement": "Dẫn đầu Khối thi đua năm 2026",
            },
        ],
        "individuals": [
            {
                "stt": 1,
                "name": "Nguyễn Thị Hồng Nhung",
                "detail": "Phó Giám đốc Sở Tài chính",
                "award": "Bằng khen của Chủ tịch UBND tỉnh",
                "achievement": achievement,
            },
        ],
        "closing": "Trưởng Khối thi đua các sở quản lý kinh tế kính đề nghị Chủ tịch Ủy ban nhân dân"
        " tỉnh xem xét, quyết định./.",
        "receivers": ["Như trên", "Lưu: VT"],
        "signer": _signer("", "GIÁM ĐỐC", "Nguyễn Văn An"),
    }


def decision_context(collectives: list[str] | None = None, annex_rows: int = 0) -> DecisionContext:
    names = collectives or ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"]
    individuals: list[AnnexRow] = [
        {"stt": 1, "name": "Nguyễn Thị Hồng Nhung", "detail": "Phó Giám đốc Sở Tài chính"},
        {"stt": 2, "name": "Lê Văn Đức", "detail": "Trưởng phòng Kế hoạch, Sở Công Thương"},
    ]
    individuals += [
        {"stt": 3 + i, "name": f"Phạm Minh Tuấn {i}", "detail": "Chuyên viên Sở Xây dựng"} for i in range(annex_rows)
    ]
    return {
        "header": _header("05/QĐ-UBND", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], parent=""),
        "subject": "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "bases": BASES,
        "considerations": [
            "Xét đề nghị của Trưởng Khối thi đua các sở quản lý kinh tế tại Tờ trình số 12/TTr-SCT"
            " ngày 16 tháng 12 năm 2026 và của Giám đốc Sở Nội vụ tại Tờ trình số 30/TTr-SNV"
            " ngày 25 tháng 12 năm 2026",
        ],
        "articles": [
            {
                "title": "Điều 1.",
                "text": "Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể (có danh"
                " sách kèm theo), đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác năm 2026.",
            },
            {"title": "Điều 2.", "text": f"Mỗi tập thể được thưởng {vn_money(18_720_000)}."},
            {
                "title": "Điều 3.",
                "text": "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các tập thể,"
                " cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            },
        ],
        "receivers": RECEIVERS,
        "signer": _signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Thanh Hương"),
        "annex_title": "DANH SÁCH",
        "annex_subject": "Tập thể, cá nhân được tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026",
        "annex_reference": "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch UBND tỉnh)",
        "annex_sections": [
            {
                "heading": "I. TẬP THỂ",
                "name_heading": "Tên tập thể",
                "detail_heading": "",
                "rows": [{"stt": i, "name": name, "detail": ""} for i, name in enumerate(names, start=1)],
            },
            {"heading": "II. CÁ NHÂN", "name_heading": "Họ và tên", "detail_heading": "Chức vụ, đơn vị công tác",
             "rows": individuals},
        ],
    }


FULL_CONTEXTS: dict[DocumentKind, Callable[[], Mapping[str, object]]] = {
    DocumentKind.MEETING_MINUTES: minutes_context,
    DocumentKind.BLOCK_PROPOSAL: proposal_context,
    DocumentKind.DECISION: decision_context,
    DocumentKind.OFFICE_APPRAISAL: appraisal_context,
}
CONTEXT_KEYS: dict[DocumentKind, frozenset[str]] = {
    DocumentKind.MEETING_MINUTES: MinutesContext.__required_keys__,
    DocumentKind.BLOCK_PROPOSAL: ProposalContext.__required_keys__,
    DocumentKind.DECISION: DecisionContext.__required_keys__,
    DocumentKind.OFFICE_APPRAISAL: AppraisalContext.__required_keys__,
}


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _paragraph(doc: Document, text: str) -> Paragraph:
    """The body paragraph whose text starts with `text`."""
    found = [p for p in doc.paragraphs if p.text.startswith(text)]
    assert found, f"no paragraph starts with {text!r}"
    return found[0]


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _cell_paragraphs(table: Table) -> list[Paragraph]:
    return [p for row in table.rows for cell in row.cells for p in cell.paragraphs]


def _is_bold(paragraph: Paragraph) -> bool:
    return all(run.bold for run in paragraph.runs if run.text.strip())


def _is_italic(paragraph: Paragraph) -> bool:
    return all(run.italic for run in paragraph.runs if run.text.strip())


# --- every kind -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_page_is_a4_portrait_with_decree_30_margins(kind: DocumentKind) -> None:
    section = _open(render_document(kind, FULL_CONTEXTS[kind]())).sections[0]
    # Word stores twentieths of a point: millimetres come back rounded to 0.02 mm.
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(size.mm) if size is not None else None for size in sizes] == [210, 297, 20, 20, 30, 15]
    assert section.different_first_page_header_footer  # no page number on page 1


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_normal_style_is_times_new_roman_14_for_every_script(kind: DocumentKind) -> None:
    normal = _open(render_document(kind, FULL_CONTEXTS[kind]())).styles["Normal"]
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
    properties = _open(data).core_properties
    assert properties.author == "tdkt"
    assert properties.created is not None and properties.created.year == 2000
    assert properties.modified is not None and properties.modified.year == 2000
    assert properties.revision == 1


def test_missing_key_is_an_error_not_a_blank() -> None:
    context = dict(decision_context())
    del context["authority"]
    with pytest.raises(jinja2.UndefinedError):
        render_document(DocumentKind.DECISION, context)


# --- decision -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "number_line", "document_type", "subject"),
    [
        (DocumentKind.MEETING_MINUTES, "", "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2026"),
        (DocumentKind.BLOCK_PROPOSAL, "Số: 12/TTr-SCT", "TỜ TRÌNH", "Đề nghị tặng thưởng danh hiệu thi đua"),
        (DocumentKind.DECISION, "Số: 05/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc tặng Cờ thi đua"),
        (DocumentKind.OFFICE_APPRAISAL, "Số: 01/TTr-SNV", "TỜ TRÌNH", "Đề nghị tặng thưởng danh hiệu"),
    ],
)
def test_header_and_title(kind: DocumentKind, number_line: str, document_type: str, subject: str) -> None:
    doc = _open(render_document(kind, FULL_CONTEXTS[kind]()))
    rows = _rows(doc.tables[0])
    assert rows[0][1].split("\n")[:2] == [QUOC_HIEU, TIEU_NGU]
    assert rows[1] == [number_line, PLACE_DATE]  # "Số" level with the place and date
    header_paragraphs = {p.text: p for p in _cell_paragraphs(doc.tables[0])}
    assert _is_bold(header_paragraphs[QUOC_HIEU]) and _is_bold(header_paragraphs[TIEU_NGU])
    assert _is_italic(header_paragraphs[PLACE_DATE])
    assert _is_bold(_paragraph(doc, document_type)) and _is_bold(_paragraph(doc, subject))
    assert _paragraph(doc, document_type).alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_decision_issuer_without_parent_agency() -> None:
    doc = _open(render_document(DocumentKind.DECISION, decision_context()))
    agency = [p for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert [p.text for p in agency] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]
    assert all(_is_bold(p) for p in agency)


def test_decision_title_preamble_and_articles() -> None:
    doc = _open(render_document(DocumentKind.DECISION, decision_context()))
    assert _is_bold(_paragraph(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"))
    bases = [p for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert [p.text for p in bases] == [f"Căn cứ {text};" for text in BASES]
    assert all(_is_italic(p) for p in bases)
    consideration = _paragraph(doc, "Xét đề nghị của Trưởng Khối")
    assert _is_italic(consideration) and consideration.text.endswith("ngày 25 tháng 12 năm 2026.")
    assert _is_bold(_paragraph(doc, "QUYẾT ĐỊNH:"))
    article = _paragraph(doc, "Điều 1.")
    assert article.runs[0].text == "Điều 1." and article.runs[0].bold
    assert not article.runs[1].bold and article.runs[1].text.startswith(" Tặng Cờ thi đua")
    assert _paragraph(doc, "Điều 2.").text == "Điều 2. Mỗi tập thể được thưởng 18.720.000 đồng."


def test_decision_last_basis_ends_with_full_stop_when_nothing_follows() -> None:
    context = decision_context()
    context["considerations"] = []
    doc = _open(render_document(DocumentKind.DECISION, context))
    bases = [p.text for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases[-1] == f"Căn cứ {BASES[-1]}." and bases[0].endswith(";")


def test_decision_receivers_beside_signature() -> None:
    doc = _open(render_document(DocumentKind.DECISION, decision_context()))
    receivers, signature = (cell.paragraphs for cell in doc.tables[1].rows[0].cells)
    assert receivers[0].text == "Nơi nhận:" and _is_bold(receivers[0]) and _is_italic(receivers[0])
    assert receivers[0].runs[0].font.size is not None and receivers[0].runs[0].font.size.pt == 12
    assert [p.text for p in receivers[1:]] == ["- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- Lưu: VT, SNV."]
    assert receivers[1].style is not None and receivers[1].style.font.size is not None
    assert receivers[1].style.font.size.pt == 11
    lines = [p.text for p in signature if p.text]
    assert lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Thanh Hương"]
    assert all(_is_bold(p) for p in signature)


def test_decision_annex_on_its_own_page_in_given_order() -> None:
    context = decision_context(collectives=["Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Tài chính"])
    doc = _open(render_document(DocumentKind.DECISION, context))
    title = _paragraph(doc, "DANH SÁCH")
    assert _is_bold(title)
    # The annex is a section of its own: it starts a new page and numbers its pages from 1.
    annex = doc.sections[1]
    assert annex.start_type == WD_SECTION.NEW_PAGE and annex.different_first_page_header_footer
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert _is_bold(_paragraph(doc, "Tập thể, cá nhân được tặng Cờ thi đua"))
    assert _is_italic(_paragraph(doc, "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026"))
    texts = _texts(doc)
    assert texts.index("I. TẬP THỂ") < texts.index("II. CÁ NHÂN")
    collectives, individuals = doc.tables[2], doc.tables[3]
    assert _rows(collectives) == [
        ["STT", "Tên tập thể"],
        ["1", "Sở Xây dựng"],
        ["2", "Sở Nông nghiệp và Môi trường"],
        ["3", "Sở Tài chính"],
    ]
    assert _rows(individuals)[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"]
    assert _rows(individuals)[1:] == [
        ["1", "Nguyễn Thị Hồng Nhung", "Phó Giám đốc Sở Tài chính"],
        ["2", "Lê Văn Đức", "Trưởng phòng Kế hoạch, Sở Công Thương"],
    ]


def test_decision_annex_with_150_rows() -> None:
    doc = _open(render_document(DocumentKind.DECISION, decision_context(annex_rows=148)))
    rows = _rows(doc.tables[3])
    assert len(rows) == 1 + 150
    assert rows[-1] == ["150", "Phạm Minh Tuấn 147", "Chuyên viên Sở Xây dựng"]


# --- the office's Tờ trình ----------------------------------------------------------------------


def test_appraisal_lists_the_vote_table_then_the_awards_proposed() -> None:
    doc = _open(render_document(DocumentKind.OFFICE_APPRAISAL, appraisal_context()))
    assert "Kính gửi:\tChủ tịch Ủy ban nhân dân tỉnh." in _texts(doc)
    assert _rows(doc.tables[1])[1] == ["1", "Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "9/10",
                                       "90,00%", "Đề nghị"]
    assert "- Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể." in _texts(doc)
    signature = doc.tables[2].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs if p.text] == ["GIÁM ĐỐC", "Lê Quang Huy"]


def test_appraisal_without_a_recommendation_proposes_nothing() -> None:
    texts = _texts(_open(render_document(DocumentKind.OFFICE_APPRAISAL, appraisal_context(recommended=False))))
    assert "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý." in texts
    assert not any(text.startswith("- ") for text in texts)


# --- proposal -------------------------------------------------------------------------------


def test_proposal_layout() -> None:
    doc = _open(render_document(DocumentKind.BLOCK_PROPOSAL, proposal_context()))
    assert _rows(doc.tables[0])[0][0].split("\n")[:2] == ["UBND TỈNH BẮC NINH", "SỞ CÔNG THƯƠNG"]
    parent = next(p for p in _cell_paragraphs(doc.tables[0]) if p.text == "UBND TỈNH BẮC NINH")
    assert not any(run.bold for run in parent.runs)
    assert _paragraph(doc, "Kính gửi:").text == "Kính gửi:\t- Chủ tịch Ủy ban nhân dân tỉnh;"
    assert "\t- Sở Nội vụ." in _texts(doc)
    bases = [p.text for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases[-1] == "Căn cứ Biên bản họp bình xét ngày 15 tháng 12 năm 2026 của Khối thi đua."
    texts = _texts(doc)
    assert texts.index("I. TẬP THỂ") < texts.index("II. CÁ NHÂN")
    assert _rows(doc.tables[1])[1] == [
        "1",
        "Sở Nông nghiệp và Môi trường",
        "Cờ thi đua của UBND tỉnh",
        "Dẫn đầu Khối thi đua năm 2026",
    ]
    assert _rows(doc.tables[2])[1][:3] == ["1", "Nguyễn Thị Hồng Nhung", "Phó Giám đốc Sở Tài chính"]
    receivers, signature = doc.tables[3].rows[0].cells
    assert [p.text for p in receivers.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [p.text for p in signature.paragraphs if p.text] == ["GIÁM ĐỐC", "Nguyễn Văn An"]


def test_proposal_single_recipient_and_no_collectives() -> None:
    context = proposal_context()
    context["recipients"] = ["Chủ tịch Ủy ban nhân dân tỉnh"]
    context["collectives"] = []
    doc = _open(render_document(DocumentKind.BLOCK_PROPOSAL, context))
    texts = _texts(doc)
    assert "Kính gửi:\tChủ tịch Ủy ban nhân dân tỉnh." in texts
    assert "I. CÁ NHÂN" in texts and "I. TẬP THỂ" not in texts
    assert len(doc.tables) == 3  # header, individuals, signature


# --- minutes --------------------------------------------------------------------------------


def test_minutes_votes_table() -> None:
    doc = _open(render_document(DocumentKind.MEETING_MINUTES, minutes_context()))
    assert _rows(doc.tables[0])[0][0].split("\n")[:3] == [
        "UBND TỈNH BẮC NINH",
        "KHỐI THI ĐUA CÁC SỞ",
        "QUẢN LÝ KINH TẾ",
    ]
    rows = _rows(doc.tables[1])
    assert rows[0] == [
        "STT",
        "Tên tập thể, cá nhân",
        "Hình thức đề nghị",
        "Đồng ý",
        "Không đồng ý",
        "Không biểu quyết",
        "Phiếu không hợp lệ",
        "Tỷ lệ",
        "Kết quả",
    ]
    assert rows[1:] == [
        ["1", "Sở Nông nghiệp và Môi trường", "Cờ thi đua của UBND tỉnh", "6", "1", "0", "0", "85,71%", "Đề nghị"],
        [
            "2",
            "Nguyễn Thị Hồng Nhung",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "3",
            "2",
            "1",
            "1",
            "42,86%",
            "Không đề nghị",
        ],
    ]
    assert "Thành phần tham dự: 6/7 thành viên của Khối có mặt." in _texts(doc)
    assert "Chủ trì: Nguyễn Văn An, Giám đốc Sở Công Thương, Trưởng Khối." in _texts(doc)
    secretary, chair = doc.tables[2].rows[0].cells
    assert [p.text for p in secretary.paragraphs if p.text] == ["THƯ KÝ", "Trần Thị Bích Ngọc"]
    assert [p.text for p in chair.paragraphs if p.text] == ["CHỦ TRÌ", "Nguyễn Văn An"]


def test_minutes_absentees_sentence() -> None:
    two_absent = _open(
        render_document(DocumentKind.MEETING_MINUTES, minutes_context(absentees=["Sở Xây dựng", "Sở Tài chính"]))
    )
    assert "Vắng: Sở Xây dựng, Sở Tài chính." in _texts(two_absent)
    everyone = _open(render_document(DocumentKind.MEETING_MINUTES, minutes_context(absentees=[])))
    assert "Không có thành viên vắng mặt." in _texts(everyone)
    assert not any(text.startswith("Vắng") for text in _texts(everyone))


def test_minutes_deputy_sentence_only_when_elected() -> None:
    with_deputy = _texts(_open(render_document(DocumentKind.MEETING_MINUTES, minutes_context())))
    assert "Hội nghị thống nhất bầu Sở Tài chính làm Phó Trưởng Khối năm 2027." in with_deputy
    without = _texts(_open(render_document(DocumentKind.MEETING_MINUTES, minutes_context(next_deputy=""))))
    assert not any("Phó Trưởng Khối" in text for text in without)
    assert "Hội nghị thống nhất bầu Sở Nông nghiệp và Môi trường làm Trưởng Khối năm 2027." in without


# --- user text is text ----------------------------------------------------------------------

AWKWARD_NAMES = ["Công ty <TNHH> Hoa & Sen", "{{ header.number }}", "{% if true %}x{% endif %}", "a </w:t> b"]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_markup_in_names_renders_literally(name: str) -> None:
    context = decision_context(collectives=[name])
    doc = _open(render_document(DocumentKind.DECISION, context))
    assert _rows(doc.tables[2])[1] == ["1", name]


def test_long_achievement_renders_intact() -> None:
    achievement = ("Hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào thi đua & đổi mới <sáng tạo>. " * 40)[:3000]
    doc = _open(render_document(DocumentKind.BLOCK_PROPOSAL, proposal_context(achievement)))
    assert len(achievement) == 3000
    assert _rows(doc.tables[2])[1][4] == achievement


def test_control_characters_from_pasted_text_do_not_corrupt_the_file() -> None:
    doc = _open(render_document(DocumentKind.DECISION, decision_context(collectives=["Sở\x07 Tài\x00 chính"])))
    assert _rows(doc.tables[2])[1][1] == "Sở Tài chính"


# --- formatting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 3), "ngày 03 tháng 3 năm 2026"),
        (date(2026, 12, 15), "ngày 15 tháng 12 năm 2026"),
    ],
)
def test_vn_date(value: date, expected: str) -> None:
    assert vn_date(value) == expected


def test_vn_place_date_and_time() -> None:
    assert vn_place_date("Bắc Ninh", date(2026, 1, 5)) == PLACE_DATE
    assert vn_time(time(8, 30)) == "08 giờ 30 phút"
    assert vn_time(time(14, 5)) == "14 giờ 05 phút"


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(6, 7, "85,71%"), (1, 3, "33,33%"), (2, 3, "66,67%"), (1, 8, "12,50%"), (7, 7, "100,00%"), (0, 0, "0,00%")],
)
def test_vn_percent(numerator: int, denominator: int, expected: str) -> None:
    assert vn_percent(numerator, denominator) == expected


def test_vn_percent_rounds_halves_up() -> None:
    # 1/32 = 3.125 % and 1/160 = 0.625 % sit exactly on a half: round() would give 3.12 and 0.62.
    assert vn_percent(1, 32) == "3,13%"
    assert vn_percent(1, 160) == "0,63%"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(18_720_000, "18.720.000 đồng"), (0, "0 đồng"), (702_000, "702.000 đồng"), (1_404_000_000, "1.404.000.000 đồng")],
)
def test_vn_money(amount: int, expected: str) -> None:
    assert vn_money(amount) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("8", "8,0"), ("8.0", "8,0"), ("1.5", "1,5"), ("1.50", "1,5"), ("0.25", "0,25"), ("1234.5", "1.234,5")],
)
def test_vn_decimal(value: str, expected: str) -> None:
    assert vn_decimal(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((5, "QĐ", "UBND"), "05/QĐ-UBND"),
        ((123, "TTr", "SCT"), "123/TTr-SCT"),
        ((10, "BB", "KTĐKT"), "10/BB-KTĐKT"),
        ((5, "", "BNV-VP"), "05/BNV-VP"),
    ],
)
def test_document_number(args: tuple[int, str, str], expected: str) -> None:
    assert document_number(*args) == expected
