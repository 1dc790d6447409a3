"""Layouts of the minutes and the counting committee's record (see build_templates.py): the block meeting's
Biên bản shares its pieces with the council session's and with the Biên bản kiểm phiếu."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from docx_templates import docx_building as kit
from docx_templates import parts


def dash_list(doc: Document, key: str) -> None:
    """One line per item, "- item;" and "- last item." (Decree 30's lists), set close together; the paragraph
    after the list takes the 6 pt back (after_list)."""
    kit.tag(doc, f"for item in {key}")
    line = kit.para(doc, "- {{ item }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    line.paragraph_format.space_after = Pt(0)
    kit.tag(doc, "endfor")


def after_list(paragraph: Paragraph) -> Paragraph:
    """A paragraph that may follow a list: 6 pt above it, as between paragraphs (Decree 30: at least 6 pt)."""
    paragraph.paragraph_format.space_before = Pt(6)
    return paragraph


def count_columns(headings: str, widths: tuple[float, float, float]) -> list[kit.Column]:
    """The three vote counts a table shows, headed as the context says (a secret ballot has no abstention, a show of
    hands no spoilt ballot)."""
    return [kit.Column(f"{{{{ {headings}[{i}] }}}}", f"{{{{ r.counts[{i}] }}}}", width, centred=True)
            for i, width in enumerate(widths)]


def two_signers(doc: Document) -> None:
    """The secretary on the left, the chair on the right; neither block splits from its title, and the two names
    stand level when only one side has a prefix line."""
    left, right = kit.layout_row(doc, (82.5, 82.5))
    either = "signers[0].prefix or signers[1].prefix"
    parts.signer_block(left, "signers[0]", prefix_when=either)
    parts.signer_block(right, "signers[1]", prefix_when=either)
    kit.keep_together(left)
    kit.keep_together(right)


def ballot_count(doc: Document) -> None:
    """Biên bản kiểm phiếu: what the counting committee counted, per award, signed by the committee."""
    parts.title(doc, "BIÊN BẢN KIỂM PHIẾU")
    kit.para(doc, "{{ intro }}", style=kit.BODY)
    dash_list(doc, "committee")
    after_list(kit.para(doc, "Kết quả kiểm phiếu như sau:", style=kit.BODY))
    dash_list(doc, "ballots")
    after_list(kit.para(doc, "{{ basis }}", style=kit.BODY))
    kit.tag(doc, "for s in sections")
    heading = kit.para(doc, "{{ s.heading }}", style=kit.BODY, bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.keep_with_next = True  # an award's name never ends a page without its table
    kit.data_table(doc, "r in s.rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 67),
        *count_columns("count_headings", (20, 22, 22)),
        kit.Column("Tỷ lệ đồng ý", "{{ r.percent }}", 22, centred=True),
    ], size=12)
    kit.tag(doc, "endfor")
    closing = kit.para(doc, "{{ closing }}", style=kit.BODY)
    closing.paragraph_format.space_before = Pt(6)
    parts.lead_into_signature(closing)
    members, head = kit.layout_row(doc, (82.5, 82.5))
    kit.para(members, "THÀNH VIÊN BAN KIỂM PHIẾU", align=kit.CENTER, bold=True)
    kit.tag(members, "for m in members")
    for _ in range(3):  # room for each member's signature
        kit.para(members)
    kit.para(members, "{{ m }}", align=kit.CENTER, bold=True)
    kit.tag(members, "endfor")
    parts.signer_block(head, "head")
    kit.keep_together(members)
    kit.keep_together(head)


def council_minutes(doc: Document) -> None:
    """Biên bản phiên họp Hội đồng Thi đua - Khen thưởng: who attended, the absent members' written opinions, the
    result on each nomination and the council's conclusion."""
    _session_opening(doc, "Thành phần: {{ present|length }}/{{ members_total }} thành viên Hội đồng có mặt:",
                     with_secretary=True)
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 46),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 36),
        kit.Column("Số phiếu đồng ý / tổng số thành viên", "{{ r.votes }}", 24, centred=True),
        kit.Column("Tỷ lệ", "{{ r.percent }}", 19, centred=True),
        kit.Column("Kết quả", "{{ r.result }}", 28, centred=True),  # "Không đề nghị" on one line
    ], size=12)
    _session_closing(doc)


def standing_minutes(doc: Document) -> None:
    """Biên bản họp Thường trực Hội đồng: the same session record as the council's, its standing members only, and
    the appraisal (agreed or not, and why) in place of the votes."""
    _session_opening(doc, "Thành phần: {{ present|length }}/{{ members_total }} thành viên {{ body }} có mặt:",
                     with_secretary=False)
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 50),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 40),
        kit.Column("Kết quả thẩm định", "{{ r.result }}", 26, centred=True),
        kit.Column("Lý do", "{{ r.reason }}", 37),
    ], size=12)
    _session_closing(doc)


def _session_opening(doc: Document, members_line: str, *, with_secretary: bool) -> None:
    """Title, when and where, who chaired, who attended, who wrote and who was absent, then how it decided."""
    parts.title(doc, "BIÊN BẢN")
    for text in ("Thời gian: {{ opened_at }}.", "Địa điểm: {{ location }}.", "Chủ trì: {{ chair }}."):
        kit.para(doc, text, style=kit.BODY)
    if with_secretary:
        kit.tag(doc, "if secretary")
        kit.para(doc, "Thư ký: {{ secretary }}.", style=kit.BODY)
        kit.tag(doc, "endif")
    kit.para(doc, members_line, style=kit.BODY)
    dash_list(doc, "present")
    kit.tag(doc, "if written")
    after_list(kit.para(doc, "Thành viên vắng mặt có ý kiến bằng văn bản:", style=kit.BODY))
    dash_list(doc, "written")
    kit.tag(doc, "endif")
    kit.tag(doc, "if absent")
    after_list(kit.para(doc, "Thành viên vắng mặt không có ý kiến:", style=kit.BODY))
    dash_list(doc, "absent")
    kit.tag(doc, "endif")
    after_list(kit.para(doc, "{{ method }}", style=kit.BODY)).paragraph_format.keep_with_next = True  # with its table


def _session_closing(doc: Document) -> None:
    """The conclusion, what is proposed, the closing line, and the two signatures that never split."""
    kit.para(doc, "{{ conclusion }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    dash_list(doc, "awards")
    parts.lead_into_signature(after_list(kit.para(doc, "{{ closing }}", style=kit.BODY)))
    two_signers(doc)
