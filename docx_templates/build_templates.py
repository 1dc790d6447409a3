"""Write the three Word templates: `python -m docx_templates.build_templates`.

The .docx files are the source of truth once they exist: a clerk may open one in Word or
LibreOffice and adjust wording or layout, and rerunning this script overwrites such edits.
The script records how the first faithful layout (Decree 30/2020/NĐ-CP, Annex I) was made.
Jinja tags follow docxtpl: "{%p ... %}" alone in a paragraph, "{%tr ... %}" alone in a row.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from docx_templates.contexts import DocumentKind
from docx_templates.render import TEMPLATE_FILES, freeze_core_properties, normalise_docx

CENTER = WD_ALIGN_PARAGRAPH.CENTER
TEXT_WIDTH_MM = 165  # A4 210 mm minus margins 30 left, 15 right
CELL_PADDING_MM = 3.8  # Word's default left + right cell margins
BODY, HEADER, TABLE, SMALL = "TDKT Body", "TDKT Header", "TDKT Table", "TDKT Receivers"
Container = Document | _Cell


class Column(NamedTuple):
    heading: str
    value: str  # jinja expression for the repeated row
    width_mm: float
    centred: bool = False


def build(kind: DocumentKind) -> bytes:
    doc = docx.Document()
    _drop_thumbnail(doc)
    _set_up_page(doc)
    _add_styles(doc)
    _header(doc)
    LAYOUTS[kind](doc)
    doc.core_properties.title = TITLES[kind]
    doc.core_properties.comments = "Tạo bởi: python -m docx_templates.build_templates"
    freeze_core_properties(doc.core_properties)
    buffer = io.BytesIO()
    doc.save(buffer)
    # Fixed zip times, so rebuilding an unchanged layout does not show up as a changed file.
    return normalise_docx(buffer.getvalue())


def _minutes(doc: Document) -> None:
    _title(doc, "BIÊN BẢN")
    for text in (
        "Thời gian bắt đầu: {{ opened_at }}.",
        "Địa điểm: {{ location }}.",
        "Thành phần tham dự: {{ members_present }}/{{ members_total }} thành viên của Khối có mặt.",
        '{% if absentees %}Vắng: {{ absentees|join(", ") }}.{% else %}Không có thành viên vắng mặt.{% endif %}',
        "Chủ trì: {{ chair.name }}, {{ chair.title }}.",
        "Thư ký: {{ secretary.name }}, {{ secretary.title }}.",
        "Hội nghị đã nghe báo cáo tổng hợp kết quả chấm điểm, xếp hạng thi đua của các thành viên Khối,"
        " thảo luận và bình xét đề nghị khen thưởng bằng hình thức {{ method }}. Tập thể, cá nhân được"
        " đề nghị khen thưởng khi có số phiếu đồng ý đạt {{ threshold }}. Kết quả như sau:",
    ):
        _para(doc, text, style=BODY)
    _data_table(
        doc,
        "r in candidates",
        [
            Column("STT", "{{ r.stt }}", 9, centred=True),
            Column("Tên tập thể, cá nhân", "{{ r.name }}", 36),
            Column("Hình thức đề nghị", "{{ r.award }}", 28),
            Column("Đồng ý", "{{ r.votes_for }}", 15, centred=True),
            Column("Không đồng ý", "{{ r.votes_against }}", 15, centred=True),
            Column("Không biểu quyết", "{{ r.abstain }}", 16, centred=True),
            Column("Phiếu không hợp lệ", "{{ r.invalid }}", 16, centred=True),
            Column("Tỷ lệ", "{{ r.percent }}", 15, centred=True),
            Column("Kết quả", "{{ r.result }}", 15, centred=True),
        ],
    )
    _para(doc, "Hội nghị thống nhất bầu {{ next_head }} làm Trưởng Khối năm {{ next_year }}.", style=BODY)
    _tag(doc, "if next_deputy")
    _para(doc, "Hội nghị thống nhất bầu {{ next_deputy }} làm Phó Trưởng Khối năm {{ next_year }}.", style=BODY)
    _tag(doc, "endif")
    _para(
        doc,
        "Cuộc họp kết thúc vào {{ closed_at }}. Biên bản đã được đọc lại cho các thành viên dự họp"
        " và được nhất trí thông qua./.",
        style=BODY,
    )
    left, right = _layout_row(doc, (82.5, 82.5))
    _signer_block(left, "signers[0]")  # the secretary signs on the left, the chair on the right
    _signer_block(right, "signers[1]")


def _proposal(doc: Document) -> None:
    _title(doc, "TỜ TRÌNH")
    _recipients(doc)
    _bases(doc, last_dot="loop.last")
    _para(doc, "{{ body }}", style=BODY)
    _tag(doc, "if collectives")
    _para(doc, "I. TẬP THỂ", style=BODY, bold=True)
    _data_table(
        doc,
        "r in collectives",
        [
            Column("STT", "{{ r.stt }}", 10, centred=True),
            Column("Tên tập thể", "{{ r.name }}", 50),
            Column("Hình thức đề nghị", "{{ r.award }}", 40),
            Column("Thành tích", "{{ r.achievement }}", 65),
        ],
    )
    _tag(doc, "endif")
    _tag(doc, "if individuals")
    # Without collectives the individuals are the first section.
    _para(doc, '{{ "II" if collectives else "I" }}. CÁ NHÂN', style=BODY, bold=True)
    _data_table(
        doc,
        "r in individuals",
        [
            Column("STT", "{{ r.stt }}", 10, centred=True),
            Column("Họ và tên", "{{ r.name }}", 36),
            Column("Chức vụ, đơn vị", "{{ r.detail }}", 40),
            Column("Hình thức đề nghị", "{{ r.award }}", 34),
            Column("Thành tích", "{{ r.achievement }}", 45),
        ],
    )
    _tag(doc, "endif")
    _para(doc, "{{ closing }}", style=BODY)
    _receivers_and_signer(doc)


def _decision(doc: Document) -> None:
    _title(doc, "QUYẾT ĐỊNH")
    _para(doc, "{{ authority }}", align=CENTER, bold=True).paragraph_format.space_after = Pt(12)
    # The preamble is one sentence: only its very last line ends with ".".
    _bases(doc, last_dot="loop.last and not considerations")
    _tag(doc, "for c in considerations")
    _para(doc, "{{ c }}{% if loop.last %}.{% else %};{% endif %}", style=BODY, italic=True)
    _tag(doc, "endfor")
    _para(doc, "QUYẾT ĐỊNH:", align=CENTER, bold=True).paragraph_format.space_after = Pt(12)
    _tag(doc, "for a in articles")
    article = _para(doc, "{{ a.title }}", style=BODY, bold=True)
    _run(article, " {{ a.text }}")
    _tag(doc, "endfor")
    _receivers_and_signer(doc)
    _annex(doc)


def _annex(doc: Document) -> None:
    _para(doc, "{{ annex_title }}", align=CENTER, bold=True).paragraph_format.page_break_before = True
    _para(doc, "{{ annex_subject }}", align=CENTER, bold=True)
    _para(doc, "{{ annex_reference }}", align=CENTER, italic=True)
    _rule(doc, 35, TEXT_WIDTH_MM)
    _tag(doc, "for s in annex_sections")
    heading = _para(doc, "{{ s.heading }}", bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(6)
    _data_table(
        doc,
        "r in s.rows",
        [
            Column("STT", "{{ r.stt }}", 12, centred=True),
            Column("Tên tập thể, cá nhân", "{{ r.name }}", 68),
            Column("Chức vụ, đơn vị", "{{ r.detail }}", 85),
        ],
    )
    _tag(doc, "endfor")
    _para(doc)  # Word expects a paragraph, not a table, at the end of the body


LAYOUTS = {
    DocumentKind.MEETING_MINUTES: _minutes,
    DocumentKind.BLOCK_PROPOSAL: _proposal,
    DocumentKind.DECISION: _decision,
}
TITLES = {
    DocumentKind.MEETING_MINUTES: "Biên bản họp bình xét thi đua, khen thưởng của Khối",
    DocumentKind.BLOCK_PROPOSAL: "Tờ trình đề nghị khen thưởng của Khối",
    DocumentKind.DECISION: "Quyết định khen thưởng",
}


def _header(doc: Document) -> None:
    """The two-column header: agency and number on the left, national motto and date on the right."""
    widths = (62, 103)  # the 13 pt bold Quốc hiệu needs about 96 mm to stay on one line
    table = doc.add_table(rows=2, cols=2)
    _set_widths(table, widths)
    agency, motto = (_emptied(cell) for cell in table.rows[0].cells)
    _tag(agency, "if header.parent_agency")
    _para(agency, "{{ header.parent_agency }}", style=HEADER)
    _tag(agency, "endif")
    _tag(agency, "for line in header.issuer_lines")
    _para(agency, "{{ line }}", style=HEADER, bold=True)
    _tag(agency, "endfor")
    _rule(agency, 25, widths[0] - CELL_PADDING_MM)
    _para(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style=HEADER, bold=True)
    _para(motto, "Độc lập - Tự do - Hạnh phúc", style=HEADER, bold=True, size=14)
    _rule(motto, 61, widths[1] - CELL_PADDING_MM)
    number, place_date = (_emptied(cell) for cell in table.rows[1].cells)
    _para(number, "{% if header.number %}Số: {{ header.number }}{% endif %}", style=HEADER)
    _para(place_date, "{{ header.place_date }}", style=HEADER, italic=True, size=14)
    for cell in table.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc: Document, document_type: str) -> None:
    _para(doc, document_type, align=CENTER, bold=True).paragraph_format.space_before = Pt(18)
    _para(doc, "{{ subject }}", align=CENTER, bold=True)
    _rule(doc, 35, TEXT_WIDTH_MM)


def _recipients(doc: Document) -> None:
    # "Kính gửi:" hangs to the left of the first recipient; the others line up under it.
    _tag(doc, "for r in recipients")
    paragraph = _para(
        doc,
        "{% if loop.first %}Kính gửi:{% endif %}\t{% if recipients|length > 1 %}- {% endif %}"
        "{{ r }}{% if loop.last %}.{% elif recipients|length > 1 %};{% endif %}",
    )
    paragraph.paragraph_format.left_indent = Cm(5.5)
    paragraph.paragraph_format.first_line_indent = Cm(-2.5)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(5.5), WD_TAB_ALIGNMENT.LEFT)
    _tag(doc, "endfor")
    _para(doc)


def _bases(doc: Document, last_dot: str) -> None:
    _tag(doc, "for b in bases")
    ending = "{% if " + last_dot + " %}.{% else %};{% endif %}"
    _para(doc, "Căn cứ {{ b }}" + ending, style=BODY, italic=True)
    _tag(doc, "endfor")


def _receivers_and_signer(doc: Document) -> None:
    receivers, signer = _layout_row(doc, (75, 90))
    _para(receivers, "Nơi nhận:", size=12, bold=True, italic=True)
    _tag(receivers, "for r in receivers")
    _para(receivers, "- {{ r }}{% if loop.last %}.{% else %};{% endif %}", style=SMALL)
    _tag(receivers, "endfor")
    _signer_block(signer, "signer")


def _signer_block(cell: _Cell, signer: str) -> None:
    _tag(cell, f"if {signer}.prefix")
    _para(cell, "{{ " + signer + ".prefix }}", align=CENTER, bold=True)
    _tag(cell, "endif")
    _para(cell, "{{ " + signer + ".title }}", align=CENTER, bold=True)
    for _ in range(4):  # room for the hand signature and the seal
        _para(cell)
    _para(cell, "{{ " + signer + ".name }}", align=CENTER, bold=True)


def _data_table(doc: Document, loop: str, columns: Sequence[Column]) -> None:
    """A bordered table: a heading row repeated on every page, then one row per loop item."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    _set_widths(table, [column.width_mm for column in columns])
    heading, loop_start, item, loop_end = table.rows
    heading._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for column, head_cell, item_cell in zip(columns, heading.cells, item.cells, strict=True):
        head_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _para(_emptied(head_cell), column.heading, style=TABLE, align=CENTER, bold=True)
        _para(_emptied(item_cell), column.value, style=TABLE, align=CENTER if column.centred else None)
    loop_start.cells[0].paragraphs[0].text = "{%tr for " + loop + " %}"
    loop_end.cells[0].paragraphs[0].text = "{%tr endfor %}"


def _layout_row(doc: Document, widths_mm: Sequence[float]) -> list[_Cell]:
    table = doc.add_table(rows=1, cols=len(widths_mm))  # no style: no borders
    _set_widths(table, widths_mm)
    return [_emptied(cell) for cell in table.rows[0].cells]


def _set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    # Word reads the cell widths, LibreOffice the grid columns: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _emptied(cell: _Cell) -> _Cell:
    # A new cell holds one empty paragraph; drop it so the content starts on the first line.
    for paragraph in cell.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _tag(container: Container, statement: str) -> None:
    container.add_paragraph("{%p " + statement + " %}")


def _para(
    container: Container,
    text: str = "",
    *,
    style: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
) -> Paragraph:
    paragraph = container.add_paragraph(style=style)
    if align is not None:
        paragraph.alignment = align
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _run(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None
) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None  # None inherits from the style, which a clerk may change
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)


def _rule(container: Container, width_mm: float, available_mm: float) -> None:
    """A centred line `width_mm` long: the bottom border of an empty, narrowed paragraph."""
    paragraph = container.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)  # before ind/spacing, as the schema orders them
    side = Mm((available_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.line_spacing = Pt(2)  # hug the text above
    paragraph.paragraph_format.space_after = Pt(6)


def _drop_thumbnail(doc: Document) -> None:
    # python-docx's starter package carries a preview image of an unrelated page.
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(r_id)


def _set_up_page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    # Page numbers centred in the top margin, none on the first page.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    shown = OxmlElement("w:r")  # the last computed value, shown until the viewer recomputes it
    shown_text = OxmlElement("w:t")
    shown_text.text = "2"
    shown.append(shown_text)
    field.append(shown)
    number._p.append(field)
    # TODO: the annex should restart its own page numbering (Decree 30); needs its own section.


def _add_styles(doc: Document) -> None:
    _use_times_new_roman(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, size, align, after in (
        (BODY, 14, WD_ALIGN_PARAGRAPH.JUSTIFY, 6),
        (HEADER, 13, CENTER, 0),
        (TABLE, 12, None, 0),
        (SMALL, 11, None, 0),
    ):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(after)
    doc.styles[BODY].paragraph_format.first_line_indent = Cm(1.27)


def _use_times_new_roman(doc: Document) -> None:
    # The default theme fonts (Calibri/Cambria) would win for Vietnamese letters unless every
    # script slot names the font; vi-VN makes Word check spelling in Vietnamese.
    defaults = doc.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr")[0]
    for r_pr in (defaults, doc.styles["Normal"].element.get_or_add_rPr()):
        fonts = r_pr.get_or_add_rFonts()
        fonts.attrib.clear()
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{slot}"), "Times New Roman")
    for lang in defaults.xpath("w:lang"):
        lang.set(qn("w:val"), "vi-VN")


def main() -> None:
    for kind, filename in TEMPLATE_FILES.items():
        path = Path(__file__).with_name(filename)
        path.write_bytes(build(kind))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
