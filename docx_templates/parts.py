"""Blocks every template shares (Decree 30/2020/NĐ-CP, Annex I): header, title, "Kính gửi", "Căn cứ",
"Nơi nhận" beside the signature, and the annex that starts a section of its own.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from docx_templates import docx_building as kit
from docx_templates.text_width import AGENCY_RULES_MM, SUBJECT_RULES_MM

TEXT_WIDTH_MM = 165  # A4 210 mm minus margins 30 left, 15 right
CELL_PADDING_MM = 3.8  # Word's default left + right cell margins
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def header(doc: Document) -> None:
    """The two-column header: agency and number on the left, national motto and date on the right."""
    widths = (62, 103)  # the 13 pt bold Quốc hiệu needs about 96 mm to stay on one line
    table = doc.add_table(rows=2, cols=2)
    kit.set_widths(table, widths)
    agency, motto = (kit.emptied(cell) for cell in table.rows[0].cells)
    kit.tag(agency, "if header.parent_agency")
    kit.para(agency, "{{ header.parent_agency }}", style=kit.HEADER)
    kit.tag(agency, "endif")
    kit.tag(agency, "for line in header.issuer_lines")
    kit.para(agency, "{{ line }}", style=kit.HEADER, bold=True)
    kit.tag(agency, "endfor")
    sized_rule(agency, "header.rule_mm", AGENCY_RULES_MM, widths[0] - CELL_PADDING_MM)
    kit.para(motto, QUOC_HIEU, style=kit.HEADER, bold=True)
    kit.para(motto, TIEU_NGU, style=kit.HEADER, bold=True, size=14)
    kit.rule(motto, 61, widths[1] - CELL_PADDING_MM)
    number, place_date = (kit.emptied(cell) for cell in table.rows[1].cells)
    kit.para(number, "{% if header.number %}Số: {{ header.number }}{% endif %}", style=kit.HEADER)
    kit.para(place_date, "{{ header.place_date }}", style=kit.HEADER, italic=True, size=14)
    for cell in table.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def title(doc: Document, document_type: str) -> None:
    kit.para(doc, document_type, align=kit.CENTER, bold=True).paragraph_format.space_before = Pt(18)
    kit.para(doc, "{{ subject }}", align=kit.CENTER, bold=True)
    sized_rule(doc, "subject_rule_mm", SUBJECT_RULES_MM, TEXT_WIDTH_MM)


def sized_rule(container: kit.Container, key: str, widths: tuple[int, ...], available_mm: float) -> None:
    """A rule as wide as the context's `key` says: one variant per drawable width, the context choosing one.

    Decree 30 sizes the rule from the text above it, which only the data knows; a .docx cannot compute an indent
    and a Jinja tag inside an attribute would make the template unreadable to Word, hence the variants.
    """
    for width in widths:
        kit.tag(container, f"if {key} == {width}")
        kit.rule(container, width, available_mm)
        kit.tag(container, "endif")


def recipients(doc: Document) -> None:
    # "Kính gửi:" hangs to the left of the first recipient; the others line up under it.
    kit.tag(doc, "for r in recipients")
    paragraph = kit.para(
        doc,
        "{% if loop.first %}Kính gửi:{% endif %}\t{% if recipients|length > 1 %}- {% endif %}"
        "{{ r }}{% if loop.last %}.{% elif recipients|length > 1 %};{% endif %}",
    )
    paragraph.paragraph_format.left_indent = Cm(5.5)
    paragraph.paragraph_format.first_line_indent = Cm(-2.5)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(5.5), WD_TAB_ALIGNMENT.LEFT)
    kit.tag(doc, "endfor")
    kit.para(doc)


def bases(doc: Document, last_dot: str) -> None:
    kit.tag(doc, "for b in bases")
    ending = "{% if " + last_dot + " %}.{% else %};{% endif %}"
    kit.para(doc, "Căn cứ {{ b }}" + ending, style=kit.BODY, italic=True)
    kit.tag(doc, "endfor")


def receivers_and_signer(doc: Document) -> None:
    receivers, signer = kit.layout_row(doc, (75, 90))
    kit.para(receivers, "Nơi nhận:", size=12, bold=True, italic=True)
    kit.tag(receivers, "for r in receivers")
    kit.para(receivers, "- {{ r }}{% if loop.last %}.{% else %};{% endif %}", style=kit.SMALL)
    kit.tag(receivers, "endfor")
    signer_block(signer, "signer")
    kit.keep_together(receivers)
    kit.keep_together(signer)


def lead_into_signature(paragraph: Paragraph) -> Paragraph:
    """The last paragraph before the signature goes to the next page with it: a signature never stands alone."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def signer_block(cell: _Cell, signer: str, blank_lines: int = 4, prefix_when: str = "") -> None:
    """`prefix_when`: a condition under which the prefix line is kept even when empty, so that a name stands level
    with its neighbour's, whose block has a prefix (e.g. "TM. HỘI ĐỒNG" over "CHỦ TỊCH")."""
    kit.tag(cell, f"if {prefix_when or signer + '.prefix'}")
    kit.para(cell, "{{ " + signer + ".prefix }}", align=kit.CENTER, bold=True)
    kit.tag(cell, "endif")
    kit.para(cell, "{{ " + signer + ".title }}", align=kit.CENTER, bold=True)
    for _ in range(blank_lines):  # room for the hand signature and the seal
        kit.para(cell)
    kit.para(cell, "{{ " + signer + ".name }}", align=kit.CENTER, bold=True)


def annex_section(doc: Document) -> None:
    """End the document's own section: the annex starts on a new page with its own page numbers (Decree 30
    Annex I), again hidden on its first page."""
    doc.add_section(WD_SECTION.NEW_PAGE)
    # python-docx ends the previous section with an empty paragraph; shrink it so that a signature block that
    # just fills the page does not push it, and an empty page, after the signature.
    marker = doc.paragraphs[-1]
    marker.paragraph_format.line_spacing = Pt(1)
    marker_size = OxmlElement("w:sz")
    marker_size.set(qn("w:val"), "2")
    marker_props = OxmlElement("w:rPr")
    marker_props.append(marker_size)
    marker._p.get_or_add_pPr().insert_element_before(marker_props, "w:sectPr")
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    annex = doc.sections[-1]._sectPr
    annex.insert_element_before(numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
                                "w:sectPrChange")
