"""The block's signed pledge (Bản giao ước thi đua), Decree 30/2020 layout: the national header, the parties and
the targets each member registered, then a signature block per member's head in a table whose rows never split."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.table import _Cell

from docx_templates import docx_building as kit
from docx_templates import parts


def pledge(doc: Document) -> None:
    parts.title(doc, "BẢN GIAO ƯỚC THI ĐUA")
    parts.bases(doc, "loop.last")
    kit.para(doc, "{{ opening }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    kit.tag(doc, "for m in members")
    kit.para(doc, "{{ m.stt }}. {{ m.name }}{% if m.representative %}, đại diện: {{ m.representative }}"
                  "{% endif %}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.para(doc, "Cùng thống nhất ký kết giao ước thi đua với các chỉ tiêu, nội dung sau:",
             style=kit.BODY).paragraph_format.space_before = Pt(6)
    kit.tag(doc, "for m in members")
    kit.para(doc, "{{ m.stt }}. {{ m.name }}{% if m.award %}: đăng ký danh hiệu {{ m.award }}{% endif %}",
             style=kit.BODY, bold=True)
    kit.tag(doc, "for t in m.targets")
    kit.para(doc, "- {{ t.text }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.tag(doc, "if not m.targets")
    kit.para(doc, "- Chưa đăng ký chỉ tiêu cụ thể.", style=kit.BODY)
    kit.tag(doc, "endif")
    kit.tag(doc, "endfor")
    kit.para(doc, "{{ commitment }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    parts.lead_into_signature(kit.para(doc, "{{ closing }}", style=kit.BODY))
    heading = kit.para(doc, "ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN KÝ GIAO ƯỚC", align=kit.CENTER, bold=True)
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.keep_with_next = True
    _signatures(doc)


def _signatures(doc: Document) -> None:
    """Two signature blocks a row. Every row cannot split and every paragraph keeps with the next, so Word and
    LibreOffice move the table whole (with its heading) rather than leave a signature alone on a page."""
    table = doc.add_table(rows=3, cols=2)  # no style: no borders
    kit.set_widths(table, (82.5, 82.5))
    loop_start, row, loop_end = table.rows
    for cell, side in zip(row.cells, ("left", "right"), strict=True):
        _signature(kit.emptied(cell), f"s.{side}")
        kit.keep_together(cell)
    loop_start.cells[0].paragraphs[0].text = "{%tr for s in signature_rows %}"
    loop_end.cells[0].paragraphs[0].text = "{%tr endfor %}"


def _signature(cell: _Cell, signer: str) -> None:
    kit.para(cell, "{{ " + signer + ".unit }}", align=kit.CENTER, bold=True)
    kit.para(cell, "{{ " + signer + ".title }}", align=kit.CENTER, bold=True)
    for _ in range(3):  # room for the hand signature and the seal
        kit.para(cell)
    kit.para(cell, "{{ " + signer + ".name }}", align=kit.CENTER, bold=True)
    kit.para(cell)  # space before the next row's agencies
