"""Write the three Word templates: `python -m docx_templates.build_templates`.

The .docx files are the source of truth once they exist: a clerk may open one in Word or
LibreOffice and adjust wording or layout, and rerunning this script overwrites such edits.
The script records how the first faithful layout (Decree 30/2020/NĐ-CP, Annex I) was made.
Jinja tags follow docxtpl: "{%p ... %}" alone in a paragraph, "{%tr ... %}" alone in a row.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from docx.table import _Cell

from docx_templates import docx_building as kit
from docx_templates.contexts import DocumentKind
from docx_templates.render import TEMPLATE_FILES, freeze_core_properties, normalise_docx

TEXT_WIDTH_MM = 165  # A4 210 mm minus margins 30 left, 15 right
CELL_PADDING_MM = 3.8  # Word's default left + right cell margins


def build(kind: DocumentKind) -> bytes:
    doc = docx.Document()
    kit.drop_thumbnail(doc)
    kit.set_up_page(doc)
    kit.add_styles(doc)
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
        kit.para(doc, text, style=kit.BODY)
    kit.data_table(
        doc,
        "r in candidates",
        [
            kit.Column("STT", "{{ r.stt }}", 9, centred=True),
            kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 36),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 28),
            kit.Column("Đồng ý", "{{ r.votes_for }}", 15, centred=True),
            kit.Column("Không đồng ý", "{{ r.votes_against }}", 15, centred=True),
            kit.Column("Không biểu quyết", "{{ r.abstain }}", 16, centred=True),
            kit.Column("Phiếu không hợp lệ", "{{ r.invalid }}", 16, centred=True),
            kit.Column("Tỷ lệ", "{{ r.percent }}", 15, centred=True),
            kit.Column("Kết quả", "{{ r.result }}", 15, centred=True),
        ],
    )
    kit.para(doc, "Hội nghị thống nhất bầu {{ next_head }} làm Trưởng Khối năm {{ next_year }}.", style=kit.BODY)
    kit.tag(doc, "if next_deputy")
    kit.para(doc, "Hội nghị thống nhất bầu {{ next_deputy }} làm Phó Trưởng Khối năm {{ next_year }}.", style=kit.BODY)
    kit.tag(doc, "endif")
    kit.para(
        doc,
        "Cuộc họp kết thúc vào {{ closed_at }}. Biên bản đã được đọc lại cho các thành viên dự họp"
        " và được nhất trí thông qua./.",
        style=kit.BODY,
    )
    left, right = kit.layout_row(doc, (82.5, 82.5))
    _signer_block(left, "signers[0]")  # the secretary signs on the left, the chair on the right
    _signer_block(right, "signers[1]")


def _proposal(doc: Document) -> None:
    _title(doc, "TỜ TRÌNH")
    _recipients(doc)
    _bases(doc, last_dot="loop.last")
    kit.para(doc, "{{ body }}", style=kit.BODY)
    kit.tag(doc, "if collectives")
    kit.para(doc, "I. TẬP THỂ", style=kit.BODY, bold=True)
    kit.data_table(
        doc,
        "r in collectives",
        [
            kit.Column("STT", "{{ r.stt }}", 10, centred=True),
            kit.Column("Tên tập thể", "{{ r.name }}", 50),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 40),
            kit.Column("Thành tích", "{{ r.achievement }}", 65),
        ],
    )
    kit.tag(doc, "endif")
    kit.tag(doc, "if individuals")
    # Without collectives the individuals are the first section.
    kit.para(doc, '{{ "II" if collectives else "I" }}. CÁ NHÂN', style=kit.BODY, bold=True)
    kit.data_table(
        doc,
        "r in individuals",
        [
            kit.Column("STT", "{{ r.stt }}", 10, centred=True),
            kit.Column("Họ và tên", "{{ r.name }}", 36),
            kit.Column("Chức vụ, đơn vị", "{{ r.detail }}", 40),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 34),
            kit.Column("Thành tích", "{{ r.achievement }}", 45),
        ],
    )
    kit.tag(doc, "endif")
    kit.para(doc, "{{ closing }}", style=kit.BODY)
    _receivers_and_signer(doc)


def _decision(doc: Document) -> None:
    _title(doc, "QUYẾT ĐỊNH")
    kit.para(doc, "{{ authority }}", align=kit.CENTER, bold=True).paragraph_format.space_after = Pt(12)
    # The preamble is one sentence: only its very last line ends with ".".
    _bases(doc, last_dot="loop.last and not considerations")
    kit.tag(doc, "for c in considerations")
    kit.para(doc, "{{ c }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY, italic=True)
    kit.tag(doc, "endfor")
    kit.para(doc, "QUYẾT ĐỊNH:", align=kit.CENTER, bold=True).paragraph_format.space_after = Pt(12)
    kit.tag(doc, "for a in articles")
    article = kit.para(doc, "{{ a.title }}", style=kit.BODY, bold=True)
    kit.run(article, " {{ a.text }}")
    kit.tag(doc, "endfor")
    _receivers_and_signer(doc)
    _annex(doc)


def _annex(doc: Document) -> None:
    kit.para(doc, "{{ annex_title }}", align=kit.CENTER, bold=True).paragraph_format.page_break_before = True
    kit.para(doc, "{{ annex_subject }}", align=kit.CENTER, bold=True)
    kit.para(doc, "{{ annex_reference }}", align=kit.CENTER, italic=True)
    kit.rule(doc, 35, TEXT_WIDTH_MM)
    kit.tag(doc, "for s in annex_sections")
    heading = kit.para(doc, "{{ s.heading }}", bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(6)
    kit.data_table(
        doc,
        "r in s.rows",
        [
            kit.Column("STT", "{{ r.stt }}", 12, centred=True),
            kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 68),
            kit.Column("Chức vụ, đơn vị", "{{ r.detail }}", 85),
        ],
    )
    kit.tag(doc, "endfor")
    kit.para(doc)  # Word expects a paragraph, not a table, at the end of the body


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
    kit.set_widths(table, widths)
    agency, motto = (kit.emptied(cell) for cell in table.rows[0].cells)
    kit.tag(agency, "if header.parent_agency")
    kit.para(agency, "{{ header.parent_agency }}", style=kit.HEADER)
    kit.tag(agency, "endif")
    kit.tag(agency, "for line in header.issuer_lines")
    kit.para(agency, "{{ line }}", style=kit.HEADER, bold=True)
    kit.tag(agency, "endfor")
    kit.rule(agency, 25, widths[0] - CELL_PADDING_MM)
    kit.para(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style=kit.HEADER, bold=True)
    kit.para(motto, "Độc lập - Tự do - Hạnh phúc", style=kit.HEADER, bold=True, size=14)
    kit.rule(motto, 61, widths[1] - CELL_PADDING_MM)
    number, place_date = (kit.emptied(cell) for cell in table.rows[1].cells)
    kit.para(number, "{% if header.number %}Số: {{ header.number }}{% endif %}", style=kit.HEADER)
    kit.para(place_date, "{{ header.place_date }}", style=kit.HEADER, italic=True, size=14)
    for cell in table.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc: Document, document_type: str) -> None:
    kit.para(doc, document_type, align=kit.CENTER, bold=True).paragraph_format.space_before = Pt(18)
    kit.para(doc, "{{ subject }}", align=kit.CENTER, bold=True)
    kit.rule(doc, 35, TEXT_WIDTH_MM)


def _recipients(doc: Document) -> None:
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


def _bases(doc: Document, last_dot: str) -> None:
    kit.tag(doc, "for b in bases")
    ending = "{% if " + last_dot + " %}.{% else %};{% endif %}"
    kit.para(doc, "Căn cứ {{ b }}" + ending, style=kit.BODY, italic=True)
    kit.tag(doc, "endfor")


def _receivers_and_signer(doc: Document) -> None:
    receivers, signer = kit.layout_row(doc, (75, 90))
    kit.para(receivers, "Nơi nhận:", size=12, bold=True, italic=True)
    kit.tag(receivers, "for r in receivers")
    kit.para(receivers, "- {{ r }}{% if loop.last %}.{% else %};{% endif %}", style=kit.SMALL)
    kit.tag(receivers, "endfor")
    _signer_block(signer, "signer")


def _signer_block(cell: _Cell, signer: str) -> None:
    kit.tag(cell, f"if {signer}.prefix")
    kit.para(cell, "{{ " + signer + ".prefix }}", align=kit.CENTER, bold=True)
    kit.tag(cell, "endif")
    kit.para(cell, "{{ " + signer + ".title }}", align=kit.CENTER, bold=True)
    for _ in range(4):  # room for the hand signature and the seal
        kit.para(cell)
    kit.para(cell, "{{ " + signer + ".name }}", align=kit.CENTER, bold=True)


def main() -> None:
    for kind, filename in TEMPLATE_FILES.items():
        path = Path(__file__).with_name(filename)
        path.write_bytes(build(kind))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
