"""Check a generated .docx against Decree 30/2020/NĐ-CP, Annex I, as a clerk reading it in Word would.

Sizes, bold and italic are the effective ones: the run's own setting, else its paragraph style's, else Normal's.
"""

import re
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from docx_templates.text_width import text_width_mm

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# "Số: 05/QĐ-UBND": two digits at least, "/" then type, "-" then issuer, no spaces.
NUMBER = re.compile(r"^Số: (\d{2,})/([A-Za-zĐđƯư]+)-([A-ZĐ]+)$")  # a pledge: 01/GƯTĐ-SCT
# Days padded, months 1–2 padded, 3–12 not (Decree 30, Annex I).
PLACE_DATE = re.compile(r"^Bắc Ninh, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")


@dataclass(frozen=True)
class Look:
    size: float
    bold: bool
    italic: bool


def look(paragraph: Paragraph) -> Look:
    """The effective size, bold and italic of a paragraph's text (every visible run must agree)."""
    looks = {_run_look(paragraph, run) for run in paragraph.runs if run.text.strip()}
    assert len(looks) == 1, f"mixed formatting in {paragraph.text!r}: {looks}"
    return looks.pop()


def _run_look(paragraph: Paragraph, run: Run) -> Look:
    styles = []
    style = paragraph.style
    while style is not None:
        styles.append(style)
        style = style.base_style

    def first(attribute: str) -> object:
        own = getattr(run.font, attribute)
        if own is not None:
            return own
        return next((getattr(s.font, attribute) for s in styles if getattr(s.font, attribute) is not None), None)

    size = first("size")
    return Look(size.pt if size is not None else 0.0, bool(first("bold")), bool(first("italic")))  # type: ignore[attr-defined]


def texts(cell_paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in cell_paragraphs if p.text.strip()]


def has_rule(paragraphs: list[Paragraph]) -> bool:
    """A short line drawn as the bottom border of an empty paragraph."""
    return any(not p.text.strip() and p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
               for p in paragraphs)


def rule_width_mm(paragraphs: list[Paragraph], available_mm: float) -> float:
    """The printed width of the one rule among `paragraphs`: the space between its indents."""
    [rule] = [p for p in paragraphs if not p.text.strip()
              and p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None]
    left, right = rule.paragraph_format.left_indent or Mm(0), rule.paragraph_format.right_indent or Mm(0)
    return available_mm - float(left.mm) - float(right.mm)


def check_keeps_together(table: Table) -> None:
    """A signature row never splits across pages (w:cantSplit) and its lines keep with each other (keepNext,
    keepLines), so a title never ends a page with the name on the next."""
    for row in table.rows:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None, "row may split"
        for cell in row.cells:
            for paragraph in texts(cell.paragraphs):
                assert paragraph.paragraph_format.keep_with_next, f"{paragraph.text!r} may leave the next line"
                assert paragraph.paragraph_format.keep_together, f"{paragraph.text!r} may split"


def _mm(length: Length | None) -> int:
    assert length is not None
    return round(float(length.mm))


def check_page(doc: Document) -> None:
    section = doc.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297), "A4 portrait"
    assert 20 <= _mm(section.top_margin) <= 25 and 20 <= _mm(section.bottom_margin) <= 25
    assert 30 <= _mm(section.left_margin) <= 35 and 15 <= _mm(section.right_margin) <= 20
    # Page numbers centred at the top, none on page 1.
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    number = section.header.paragraphs[0]
    assert number.alignment == 1 and number._p.find(qn("w:fldSimple")).get(qn("w:instr")).strip() == "PAGE"
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert normal.font.size is not None and 13 <= normal.font.size.pt <= 14


def check_header(doc: Document, parent_agency: str, issuer: list[str], number: str) -> None:
    """The two-column header table: agency | Quốc hiệu and Tiêu ngữ; Số | place and date."""
    table: Table = doc.tables[0]
    agency = texts(table.rows[0].cells[0].paragraphs)
    lines = [parent_agency, *issuer] if parent_agency else issuer
    assert [p.text for p in agency] == lines
    for paragraph in agency:
        assert paragraph.text == paragraph.text.upper() and 12 <= look(paragraph).size <= 13
        assert look(paragraph).bold == (paragraph.text != parent_agency) and not look(paragraph).italic
    # Decree 30: the rule under the agency is 1/3 to 1/2 of the line above it (estimated from its letters).
    line = text_width_mm(agency[-1].text, look(agency[-1]).size)
    rule = rule_width_mm(table.rows[0].cells[0].paragraphs, 62 - 3.8)
    assert line / 3 <= rule <= line / 2, f"rule {rule:.1f} mm under {agency[-1].text!r} ({line:.1f} mm)"
    motto = texts(table.rows[0].cells[1].paragraphs)
    assert [p.text for p in motto] == [QUOC_HIEU, TIEU_NGU]
    assert 12 <= look(motto[0]).size <= 13 and look(motto[0]).bold and not look(motto[0]).italic
    assert 13 <= look(motto[1]).size <= 14 and look(motto[1]).bold and not look(motto[1]).italic
    assert has_rule(table.rows[0].cells[1].paragraphs)
    number_cell, date_cell = (texts(cell.paragraphs) for cell in table.rows[1].cells)
    if number:
        assert [p.text for p in number_cell] == [f"Số: {number}"] and NUMBER.match(number_cell[0].text)
        assert look(number_cell[0]) == Look(13, False, False)
    else:
        assert number_cell == []
    assert len(date_cell) == 1 and PLACE_DATE.match(date_cell[0].text), date_cell[0].text
    assert 13 <= look(date_cell[0]).size <= 14 and look(date_cell[0]).italic and not look(date_cell[0]).bold


def check_title(doc: Document, document_type: str, subject_start: str) -> None:
    body = list(doc.paragraphs)
    index = next(i for i, p in enumerate(body) if p.text == document_type)
    kind, subject = body[index], body[index + 1]
    assert kind.alignment == 1 and 13 <= look(kind).size <= 14 and look(kind).bold
    assert subject.text.startswith(subject_start) and look(subject).bold and not look(subject).italic
    assert has_rule([body[index + 2]]), "a short rule under the subject"
    # At least 1/3 of the subject's widest line (a subject that wraps fills the 165 mm of text).
    widest = min(text_width_mm(subject.text, look(subject).size), 165)
    assert rule_width_mm([body[index + 2]], 165) >= widest / 3 - 0.5


def check_receivers_and_signature(doc: Document, table: Table, signature: list[str]) -> None:
    receivers, signer = table.rows[0].cells
    heading, *listed = texts(receivers.paragraphs)
    assert heading.text == "Nơi nhận:" and look(heading) == Look(12, True, True)
    assert listed and all(look(p).size == 11 and p.text.startswith("- ") for p in listed)
    assert listed[-1].text.startswith("- Lưu: VT") and listed[-1].text.endswith(".")
    lines = texts(signer.paragraphs)
    assert [p.text for p in lines] == signature
    assert all(look(p).bold and 13 <= look(p).size <= 14 and p.alignment == 1 for p in lines)
    assert all(p.text == p.text.upper() for p in lines[:-1]), "prefix and title in capitals"
    check_keeps_together(table)


def check_bases(doc: Document) -> list[str]:
    """Each "Căn cứ" line italic on its own line, ending ";" (the last of the preamble may end ".")."""
    bases = [p for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases and all(look(p).italic for p in bases)
    assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text[-1] in ";."
    return [p.text for p in bases]
