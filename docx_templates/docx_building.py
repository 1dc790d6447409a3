"""The python-docx building blocks of the Decree 30/2020 layout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

CENTER = WD_ALIGN_PARAGRAPH.CENTER
BODY, HEADER, TABLE, SMALL = "TDKT Body", "TDKT Header", "TDKT Table", "TDKT Receivers"
Container = Document | _Cell
CELL_SIDE_MARGIN_MM = 1.0


class Column(NamedTuple):
    heading: str
    value: str  # jinja expression for the repeated row
    width_mm: float
    centred: bool = False


def data_table(doc: Document, loop: str, columns: Sequence[Column], size: float | None = None) -> None:
    """A bordered table: a heading row repeated on every page, then one row per loop item.

    `size` overrides the table style's 12 pt for a table with many narrow columns (the minutes' vote counts).
    """
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    set_widths(table, [column.width_mm for column in columns])
    narrow_cell_margins(table)
    heading, loop_start, item, loop_end = table.rows
    heading._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    # A row is one nominee: it moves whole to the next page rather than leaving half a name behind.
    item._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for column, head_cell, item_cell in zip(columns, heading.cells, item.cells, strict=True):
        head_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para(emptied(head_cell), column.heading, style=TABLE, align=CENTER, bold=True, size=size)
        para(emptied(item_cell), column.value, style=TABLE, align=CENTER if column.centred else None, size=size)
    loop_start.cells[0].paragraphs[0].text = "{%tr for " + loop + " %}"
    loop_end.cells[0].paragraphs[0].text = "{%tr endfor %}"


def narrow_cell_margins(table: Table) -> None:
    # Word's default 1.9 mm each side breaks "STT", "85,71%" or "Không" inside narrow columns.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(CELL_SIDE_MARGIN_MM / 25.4 * 1440)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")  # the schema's order


def layout_row(doc: Document, widths_mm: Sequence[float]) -> list[_Cell]:
    table = doc.add_table(rows=1, cols=len(widths_mm))  # no style: no borders
    set_widths(table, widths_mm)
    return [emptied(cell) for cell in table.rows[0].cells]


def keep_together(cell: _Cell) -> None:
    """A signature block (or the "Nơi nhận" beside it) never splits across pages, nor leaves its title behind.

    Word and LibreOffice both honour w:cantSplit on the row (the whole row moves to the next page) and
    keepNext/keepLines on its paragraphs (a row taller than a page still keeps title and name together).
    """
    tr_pr = cell._tc.getparent().get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))
    for paragraph in cell.paragraphs:
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = True


def set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    # Word reads the cell widths, LibreOffice the grid columns: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def emptied(cell: _Cell) -> _Cell:
    # A new cell holds one empty paragraph; drop it so the content starts on the first line.
    for paragraph in cell.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def tag(container: Container, statement: str) -> None:
    container.add_paragraph("{%p " + statement + " %}")


def para(
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
        run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def run(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None
) -> None:
    added = paragraph.add_run(text)
    added.bold = bold or None  # None inherits from the style, which a clerk may change
    added.italic = italic or None
    if size is not None:
        added.font.size = Pt(size)


def rule(container: Container, width_mm: float, available_mm: float) -> None:
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
    paragraph.paragraph_format.line_spacing = Pt(2)  # close under the text above,
    paragraph.paragraph_format.space_before = Pt(3)  # but clear of its descenders
    paragraph.paragraph_format.space_after = Pt(6)


def drop_thumbnail(doc: Document) -> None:
    # python-docx's starter package carries a preview image of an unrelated page.
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(r_id)


def set_up_page(doc: Document) -> None:
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


def add_styles(doc: Document) -> None:
    use_times_new_roman(doc)
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


def use_times_new_roman(doc: Document) -> None:
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
