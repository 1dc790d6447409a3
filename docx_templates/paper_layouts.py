"""Layouts of the TĐKT office's notices and of the printed certificates (see build_templates.py).

The wording a clerk may want to change is here, in the template, not in the context: the context brings names,
numbers, dates and reasons.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from docx_templates import docx_building as kit
from docx_templates import parts

# A certificate is printed on A4 landscape: 297 mm less the 30 + 15 mm side margins.
CERTIFICATE_WIDTH_MM = 252


def return_notice(doc: Document) -> None:
    """Thông báo trả lại hồ sơ: the dossiers screening found ineligible, each with its reasons."""
    parts.title(doc, "THÔNG BÁO")
    parts.recipients(doc)
    kit.para(doc, "{{ office }} đã tiếp nhận và thẩm định hồ sơ đề nghị khen thưởng kèm theo {{ proposal }} của "
             "{{ proposer }}. Qua thẩm định, {{ \"%02d\"|format(returned_count) }} hồ sơ chưa đủ điều kiện, "
             "tiêu chuẩn khen thưởng theo quy định. {{ office }} thông báo trả lại các hồ sơ sau:", style=kit.BODY)
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 50),
        kit.Column("Hình thức đề nghị", "{{ r.award }}", 38),
        kit.Column("Lý do trả lại", "{{ r.reason }}", 65),
    ])
    closing = kit.para(doc, "Đề nghị {{ proposer }} thông báo đến các tập thể, cá nhân có tên trên; hồ sơ được bổ "
                       "sung, hoàn thiện đủ điều kiện thì gửi lại {{ office }} để thẩm định theo quy định./.",
                       style=kit.BODY)
    closing.paragraph_format.space_before = Pt(6)
    parts.lead_into_signature(closing)
    parts.receivers_and_signer(doc)


def public_comment_list(doc: Document) -> None:
    """Thông báo lấy ý kiến nhân dân with its list (Danh sách đề nghị khen thưởng lấy ý kiến nhân dân): who is
    proposed for which form, published for the working days the law sets before the council decides."""
    parts.title(doc, "THÔNG BÁO")
    kit.para(doc, "Thực hiện quy định tại {{ basis }}, {{ office }} công khai danh sách các tập thể, cá nhân được "
             "đề nghị khen thưởng dưới đây trên {{ published_at }} để lấy ý kiến nhân dân trong {{ working_days }} "
             "ngày làm việc, từ {{ opens_on }} đến hết {{ closes_on }}.", style=kit.BODY)
    kit.para(doc, "Ý kiến của tổ chức, cá nhân (ghi rõ họ tên, địa chỉ liên hệ) gửi về {{ office }} hoặc gửi trực "
             "tuyến tại trang lấy ý kiến nhân dân của tỉnh trong thời hạn nêu trên. Hội đồng Thi đua - Khen thưởng "
             "tỉnh chỉ xét các hồ sơ sau khi hết thời hạn lấy ý kiến.", style=kit.BODY)
    heading = kit.para(doc, "{{ list_title }}", align=kit.CENTER, bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 55),
        kit.Column("Chức vụ, đơn vị công tác", "{{ r.detail }}", 55),
        kit.Column("Hình thức đề nghị", "{{ r.award }}", 43),
    ])
    closing = kit.para(doc, "{{ office }} trân trọng thông báo để nhân dân, cơ quan, tổ chức biết và tham gia ý "
                       "kiến./.", style=kit.BODY)
    closing.paragraph_format.space_before = Pt(6)
    parts.lead_into_signature(closing)
    parts.receivers_and_signer(doc)


def results_notice(doc: Document) -> None:
    """Thông báo kết quả khen thưởng: who received what by a signed decision, block by block."""
    parts.title(doc, "THÔNG BÁO")
    kit.para(doc, "Thực hiện {{ decision }} {{ decision_subject }}, {{ office }} thông báo kết quả khen thưởng "
             "đến các Khối thi đua và các cơ quan, đơn vị: {{ \"%02d\"|format(awarded_count) }} tập thể, cá nhân "
             "được khen thưởng{% if declined_count %}, {{ \"%02d\"|format(declined_count) }} tập thể, cá nhân "
             "không được khen thưởng{% endif %}, cụ thể như sau:", style=kit.BODY)
    kit.tag(doc, "for b in blocks")
    heading = kit.para(doc, "{{ b.heading }}", bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True  # a block's name never ends a page without its table
    kit.data_table(doc, "r in b.rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 68),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 45),
        kit.Column("Ghi chú", "{{ r.note }}", 40),
    ])
    kit.tag(doc, "endfor")
    closing = kit.para(doc, "Đề nghị Trưởng các Khối thi đua thông báo đến các đơn vị thành viên; các cơ quan, đơn "
                       "vị có tập thể, cá nhân được khen thưởng phối hợp với {{ office }} nhận hiện vật và tiền "
                       "thưởng theo quy định./.", style=kit.BODY)
    closing.paragraph_format.space_before = Pt(6)
    parts.lead_into_signature(closing)
    parts.receivers_and_signer(doc)


def certificates(doc: Document) -> None:
    """Bằng khen and Giấy chứng nhận: one per recipient, one per page, as ND 98/2023 Điều 104 lays them out: the
    decision's number and date and the số sổ vàng at the bottom left, the place, date and signature at the right."""
    _landscape(doc)
    kit.tag(doc, "for c in certificates")
    kit.para(doc, parts.QUOC_HIEU, style=kit.HEADER, bold=True)
    kit.para(doc, parts.TIEU_NGU, style=kit.HEADER, bold=True, size=14)
    kit.rule(doc, 61, CERTIFICATE_WIDTH_MM)
    _centred(doc, "{{ authority }}", 16, before=18)
    kit.tag(doc, "if c.bang_khen")
    _centred(doc, "TẶNG", 16, before=12)
    _centred(doc, "BẰNG KHEN", 40, before=0)
    kit.tag(doc, "else")
    _centred(doc, "GIẤY CHỨNG NHẬN", 32, before=12)
    _centred(doc, "Tặng {{ c.award }}", 16, before=0)
    kit.tag(doc, "endif")
    _centred(doc, "{{ c.name }}", 24, before=18)
    kit.tag(doc, "if c.detail")
    _centred(doc, "{{ c.detail }}", 16, before=0, bold=False)
    kit.tag(doc, "endif")
    reason = _centred(doc, "{{ c.reason }}", 16, before=12, bold=False, italic=True)
    reason.paragraph_format.left_indent = reason.paragraph_format.right_indent = Mm(20)
    decision, signer = kit.layout_row(doc, (100, 152))
    for line in ("Quyết định số {{ decision_number }}", "{{ decision_date }}", "Số sổ vàng: {{ c.golden_book_no }}"):
        kit.para(decision, line, style=kit.HEADER)
    kit.para(signer, "{{ place_date }}", style=kit.HEADER, italic=True, size=14)
    for cell in (decision, signer):  # clear of the reason above: the bottom third of the sheet
        cell.paragraphs[0].paragraph_format.space_before = Pt(54)
    parts.signer_block(signer, "signer", blank_lines=3)
    kit.keep_together(decision)
    kit.keep_together(signer)
    kit.tag(doc, "if not loop.last")
    kit.para(doc).add_run().add_break(WD_BREAK.PAGE)
    kit.tag(doc, "endif")
    kit.tag(doc, "endfor")


def _centred(doc: Document, text: str, size: float, *, before: float, bold: bool = True,
             italic: bool = False) -> Paragraph:
    paragraph = kit.para(doc, text, align=kit.CENTER, bold=bold, italic=italic, size=size)
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.keep_with_next = True  # a certificate never starts on one page and ends on another
    return paragraph


def _landscape(doc: Document) -> None:
    """A4 landscape, the Decree 30 margins; no page number on a certificate."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for paragraph in section.header.paragraphs:
        for field in list(paragraph._p):
            if field.tag.endswith("}fldSimple"):
                paragraph._p.remove(field)
