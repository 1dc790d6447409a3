"""Write the Word templates: `python -m docx_templates.build_templates`.

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
from docx.shared import Pt

from docx_templates import docx_building as kit
from docx_templates import minutes_layouts, paper_layouts, parts, pledge_layout, report_layout
from docx_templates.contexts import DocumentKind
from docx_templates.minutes_layouts import after_list
from docx_templates.render import TEMPLATE_FILES, freeze_core_properties, normalise_docx


def build(kind: DocumentKind) -> bytes:
    doc = docx.Document()
    kit.drop_thumbnail(doc)
    kit.set_up_page(doc)
    kit.add_styles(doc)
    if kind not in OWN_HEADER:
        parts.header(doc)
    LAYOUTS[kind](doc)
    doc.core_properties.title = TITLES[kind]
    doc.core_properties.comments = "Tạo bởi: python -m docx_templates.build_templates"
    freeze_core_properties(doc.core_properties)
    buffer = io.BytesIO()
    doc.save(buffer)
    # Fixed zip times, so rebuilding an unchanged layout does not show up as a changed file.
    return normalise_docx(buffer.getvalue())


def _minutes(doc: Document) -> None:
    parts.title(doc, "BIÊN BẢN")
    for text in ("Thời gian bắt đầu: {{ opened_at }}.", "Địa điểm: {{ location }}.",
                 "Chủ trì: {{ chair.name }}, {{ chair.title }}.",
                 "Thư ký: {{ secretary.name }}, {{ secretary.title }}.",
                 "Thành phần tham dự: {{ members_present }}/{{ members_total }} đơn vị thành viên của Khối có mặt:"):
        kit.para(doc, text, style=kit.BODY)
    minutes_layouts.dash_list(doc, "present_units")
    kit.tag(doc, "if absentees")
    after_list(kit.para(doc, "Vắng mặt:", style=kit.BODY))
    minutes_layouts.dash_list(doc, "absentees")
    kit.tag(doc, "else")
    after_list(kit.para(doc, "Không có thành viên vắng mặt.", style=kit.BODY))
    kit.tag(doc, "endif")
    kit.tag(doc, "if scoring")
    after_list(kit.para(doc, "{{ scoring }}", style=kit.BODY))
    kit.tag(doc, "endif")
    after_list(kit.para(doc, "Hội nghị đã nghe báo cáo tổng hợp kết quả chấm điểm, xếp hạng thi đua của các thành viên"
                        " Khối, thảo luận và bình xét đề nghị khen thưởng bằng hình thức {{ method }}. Tập thể, cá nhân"
                        " được đề nghị khen thưởng khi có số phiếu đồng ý đạt {{ threshold }}.", style=kit.BODY))
    kit.tag(doc, "if counting_committee")
    kit.para(doc, "Ban kiểm phiếu gồm:", style=kit.BODY)
    minutes_layouts.dash_list(doc, "counting_committee")
    kit.tag(doc, "endif")
    kit.tag(doc, "if ballots")
    after_list(kit.para(doc, "Kết quả kiểm phiếu (có Biên bản kiểm phiếu kèm theo):", style=kit.BODY))
    minutes_layouts.dash_list(doc, "ballots")
    kit.tag(doc, "endif")
    # The table's heading goes to the next page with it.
    after_list(kit.para(doc, "Kết quả bình xét như sau:", style=kit.BODY)).paragraph_format.keep_with_next = True
    kit.data_table(
        doc,
        "r in candidates",
        [
            kit.Column("STT", "{{ r.stt }}", 10, centred=True),
            kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 42),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 27),
            *minutes_layouts.count_columns("count_headings", (14, 14, 16)),
            kit.Column("Tỷ lệ", "{{ r.percent }}", 16, centred=True),
            kit.Column("Kết quả", "{{ r.result }}", 26, centred=True),  # "Không đề nghị" on one line
        ],
        size=11,  # eight columns: 12 pt would break "Không" and "85,71%" in the middle
    )
    kit.para(doc, "{{ head_election }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    kit.tag(doc, "if deputy_election")
    kit.para(doc, "{{ deputy_election }}", style=kit.BODY)
    kit.tag(doc, "endif")
    parts.lead_into_signature(kit.para(
        doc,
        "Cuộc họp kết thúc vào {{ closed_at }}. Biên bản đã được đọc lại cho các thành viên dự họp"
        " và được nhất trí thông qua./.",
        style=kit.BODY,
    ))
    minutes_layouts.two_signers(doc)


def _proposal(doc: Document) -> None:
    parts.title(doc, "TỜ TRÌNH")
    parts.recipients(doc)
    parts.bases(doc, last_dot="loop.last")
    kit.para(doc, "{{ body }}", style=kit.BODY)
    kit.tag(doc, "if collectives")
    kit.para(doc, "I. TẬP THỂ", style=kit.BODY, bold=True)
    kit.data_table(
        doc,
        "r in collectives",
        [
            kit.Column("STT", "{{ r.stt }}", 12, centred=True),
            kit.Column("Tên tập thể", "{{ r.name }}", 50),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 40),
            kit.Column("Thành tích", "{{ r.achievement }}", 63),
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
            kit.Column("STT", "{{ r.stt }}", 12, centred=True),
            kit.Column("Họ và tên", "{{ r.name }}", 36),
            kit.Column("Chức vụ, đơn vị", "{{ r.detail }}", 40),
            kit.Column("Hình thức đề nghị", "{{ r.award }}", 34),
            kit.Column("Thành tích", "{{ r.achievement }}", 43),
        ],
    )
    kit.tag(doc, "endif")
    parts.lead_into_signature(kit.para(doc, "{{ closing }}", style=kit.BODY))
    parts.receivers_and_signer(doc)


def _decision(doc: Document) -> None:
    _decision_body(doc)
    _annex(doc)


def _decision_body(doc: Document) -> None:
    """A Chairman's decision up to its signature: the award decision's, and the revoking decision's whole."""
    parts.title(doc, "QUYẾT ĐỊNH")
    kit.para(doc, "{{ authority }}", align=kit.CENTER, bold=True).paragraph_format.space_after = Pt(12)
    # The preamble is one sentence: only its very last line ends with ".".
    parts.bases(doc, last_dot="loop.last and not considerations")
    kit.tag(doc, "for c in considerations")
    kit.para(doc, "{{ c }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY, italic=True)
    kit.tag(doc, "endfor")
    decides = kit.para(doc, "QUYẾT ĐỊNH:", align=kit.CENTER, bold=True).paragraph_format
    decides.space_before, decides.space_after = Pt(6), Pt(12)
    kit.tag(doc, "for a in articles")
    # Each article keeps with the next, the last one with the signature: Điều 3 never ends a page alone.
    article = parts.lead_into_signature(kit.para(doc, "{{ a.title }}", style=kit.BODY, bold=True))
    kit.run(article, " {{ a.text }}")
    kit.tag(doc, "endfor")
    parts.receivers_and_signer(doc)


def _annex(doc: Document) -> None:
    parts.annex_section(doc)
    kit.para(doc, "{{ annex_title }}", align=kit.CENTER, bold=True)
    kit.para(doc, "{{ annex_subject }}", align=kit.CENTER, bold=True)
    kit.para(doc, "{{ annex_reference }}", align=kit.CENTER, italic=True)
    kit.rule(doc, 35, parts.TEXT_WIDTH_MM)
    kit.tag(doc, "for s in annex_sections")
    # "I. TẬP THỂ", "II. CÁ NHÂN" when the decision awards both; a single table has no heading (no lone "I.").
    kit.tag(doc, "if s.heading")
    heading = kit.para(doc, "{{ s.heading }}", bold=True)
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(6)
    kit.tag(doc, "endif")
    # Collectives have no position or unit to print: their table has no such column, rather than an empty one.
    kit.tag(doc, "if s.detail_heading")
    kit.data_table(doc, "r in s.rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("{{ s.name_heading }}", "{{ r.name }}", 68),
        kit.Column("{{ s.detail_heading }}", "{{ r.detail }}", 85),
    ])
    kit.tag(doc, "else")
    kit.data_table(doc, "r in s.rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("{{ s.name_heading }}", "{{ r.name }}", 153),
    ])
    kit.tag(doc, "endif")
    kit.tag(doc, "endfor")
    kit.para(doc)  # Word expects a paragraph, not a table, at the end of the body


def _appraisal(doc: Document) -> None:
    """The TĐKT office's Tờ trình to the Chairman: the council's vote on each nomination, or its standing body's
    appraisal (no vote counts), and what to award."""
    parts.title(doc, "TỜ TRÌNH")
    parts.recipients(doc)
    parts.bases(doc, last_dot="loop.last")
    kit.tag(doc, "if findings")
    kit.para(doc, "Qua thẩm định hồ sơ đề nghị khen thưởng kèm theo các Tờ trình nêu trên, kết quả như sau:",
             style=kit.BODY).paragraph_format.keep_with_next = True
    kit.tag(doc, "for line in findings")
    kit.para(doc, "- {{ line }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.tag(doc, "endif")
    kit.para(doc, "{{ council }}", style=kit.BODY)
    kit.tag(doc, "if standing")
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 48),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 40),
        kit.Column("Kết quả xét của Thường trực Hội đồng", "{{ r.result }}", 28, centred=True),
        kit.Column("Ý kiến", "{{ r.opinion }}", 37),
    ])
    kit.tag(doc, "else")
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 44),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 38),
        kit.Column("Số phiếu đồng ý / tổng số thành viên", "{{ r.votes }}", 26, centred=True),
        kit.Column("Tỷ lệ", "{{ r.percent }}", 20, centred=True),
        kit.Column("Kết quả", "{{ r.result }}", 25, centred=True),
    ])
    kit.tag(doc, "endif")
    kit.para(doc, "{{ proposal }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    kit.tag(doc, "for line in awards")
    kit.para(doc, "- {{ line }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    parts.lead_into_signature(kit.para(doc, "{{ closing }}", style=kit.BODY))
    parts.receivers_and_signer(doc)


def _central_proposal(doc: Document) -> None:
    """The Chairman's Tờ trình to the Prime Minister: the council's vote on each nomination, counted over all its
    members, and the awards the province asks the central level to decide."""
    parts.title(doc, "TỜ TRÌNH")
    parts.recipients(doc)
    parts.bases(doc, last_dot="loop.last")
    kit.para(doc, "{{ council }}", style=kit.BODY)
    kit.data_table(doc, "r in rows", [
        kit.Column("STT", "{{ r.stt }}", 12, centred=True),
        kit.Column("Tên tập thể, cá nhân", "{{ r.name }}", 44),
        kit.Column("Hình thức khen thưởng", "{{ r.award }}", 38),
        kit.Column("Số phiếu đồng ý / tổng số thành viên", "{{ r.votes }}", 26, centred=True),
        kit.Column("Tỷ lệ", "{{ r.percent }}", 20, centred=True),
        kit.Column("Kết quả", "{{ r.result }}", 25, centred=True),
    ])
    kit.para(doc, "{{ proposal }}", style=kit.BODY).paragraph_format.space_before = Pt(6)
    kit.tag(doc, "for line in awards")
    kit.para(doc, "- {{ line }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.para(doc, "{{ attachments }}", style=kit.BODY, italic=True)
    parts.lead_into_signature(kit.para(doc, "{{ closing }}", style=kit.BODY))
    parts.receivers_and_signer(doc)


def _scoring_table(doc: Document) -> None:
    """The block's consolidated scoring table (Bảng tổng hợp điểm), signed for the block by its head."""
    parts.title(doc, "BẢNG TỔNG HỢP ĐIỂM")
    kit.para(doc, "{{ intro }}", style=kit.BODY)
    kit.data_table(doc, "r in rows", [
        kit.Column("Xếp hạng", "{{ r.rank }}", 15, centred=True),
        kit.Column("Đơn vị", "{{ r.name }}", 37),
        kit.Column("Điểm tự chấm", "{{ r.self_points }}", 17, centred=True),
        kit.Column("Điểm thẩm định", "{{ r.reviewed_points }}", 19, centred=True),
        kit.Column("Điểm thưởng", "{{ r.bonus }}", 16, centred=True),
        kit.Column("Điểm trừ", "{{ r.penalty }}", 14, centred=True),
        kit.Column("Tổng điểm", "{{ r.total }}", 15, centred=True),
        kit.Column("Xếp loại", "{{ r.rating }}", 32),
    ], size=11)  # eight columns: 12 pt would break "thẩm định" and the ratings awkwardly
    kit.tag(doc, "if adjustments")
    kit.para(doc, "Điểm do Trưởng Khối thẩm định khác điểm tự chấm:", style=kit.BODY).paragraph_format.space_before = (
        Pt(6))
    kit.tag(doc, "for a in adjustments")
    kit.para(doc, "- {{ a }}{% if loop.last %}.{% else %};{% endif %}", style=kit.BODY)
    kit.tag(doc, "endfor")
    kit.tag(doc, "endif")
    parts.lead_into_signature(kit.para(doc, "{{ leader }}", style=kit.BODY))
    parts.receivers_and_signer(doc)


LAYOUTS = {
    DocumentKind.MEETING_MINUTES: _minutes,
    DocumentKind.BLOCK_PROPOSAL: _proposal,
    DocumentKind.DECISION: _decision,
    DocumentKind.OFFICE_APPRAISAL: _appraisal,
    DocumentKind.SCORING_TABLE: _scoring_table,
    DocumentKind.RETURN_NOTICE: paper_layouts.return_notice,
    DocumentKind.CERTIFICATES: paper_layouts.certificates,
    DocumentKind.RESULTS_NOTICE: paper_layouts.results_notice,
    DocumentKind.REVOCATION_DECISION: _decision_body,
    DocumentKind.PUBLIC_COMMENT_LIST: paper_layouts.public_comment_list,
    DocumentKind.CENTRAL_PROPOSAL: _central_proposal,
    DocumentKind.BLOCK_BALLOT_COUNT: minutes_layouts.ballot_count,
    DocumentKind.COUNCIL_BALLOT_COUNT: minutes_layouts.ballot_count,
    DocumentKind.COUNCIL_MINUTES: minutes_layouts.council_minutes,
    DocumentKind.STANDING_MINUTES: minutes_layouts.standing_minutes,
    DocumentKind.PLEDGE: pledge_layout.pledge,
    DocumentKind.ACHIEVEMENT_REPORTS: report_layout.achievement_reports,
}
# A certificate carries the national motto alone at its top, on every page, not the two-column header; each
# achievement report has its own header, of its own unit.
OWN_HEADER = {DocumentKind.CERTIFICATES, DocumentKind.ACHIEVEMENT_REPORTS}
TITLES = {
    DocumentKind.MEETING_MINUTES: "Biên bản họp bình xét thi đua, khen thưởng của Khối",
    DocumentKind.BLOCK_PROPOSAL: "Tờ trình đề nghị khen thưởng của Khối",
    DocumentKind.DECISION: "Quyết định khen thưởng",
    DocumentKind.OFFICE_APPRAISAL: "Tờ trình của Sở Nội vụ trình Chủ tịch UBND tỉnh kết quả xét khen thưởng",
    DocumentKind.SCORING_TABLE: "Bảng tổng hợp điểm thi đua của Khối",
    DocumentKind.RETURN_NOTICE: "Thông báo trả lại hồ sơ đề nghị khen thưởng",
    DocumentKind.CERTIFICATES: "Bằng khen, Giấy chứng nhận theo Quyết định khen thưởng",
    DocumentKind.RESULTS_NOTICE: "Thông báo kết quả khen thưởng",
    DocumentKind.REVOCATION_DECISION: "Quyết định hủy bỏ quyết định khen thưởng",
    DocumentKind.PUBLIC_COMMENT_LIST: "Danh sách đề nghị khen thưởng lấy ý kiến nhân dân",
    DocumentKind.CENTRAL_PROPOSAL: "Tờ trình của UBND tỉnh đề nghị Thủ tướng Chính phủ khen thưởng",
    DocumentKind.BLOCK_BALLOT_COUNT: "Biên bản kiểm phiếu",
    DocumentKind.COUNCIL_BALLOT_COUNT: "Biên bản kiểm phiếu",
    DocumentKind.COUNCIL_MINUTES: "Biên bản phiên họp Hội đồng Thi đua - Khen thưởng",
    DocumentKind.STANDING_MINUTES: "Biên bản phiên họp Thường trực Hội đồng Thi đua - Khen thưởng",
    DocumentKind.PLEDGE: "Bản giao ước thi đua của Khối",
    DocumentKind.ACHIEVEMENT_REPORTS: "Báo cáo thành tích đề nghị khen thưởng",
}


def main() -> None:
    for kind, filename in TEMPLATE_FILES.items():
        path = Path(__file__).with_name(filename)
        path.write_bytes(build(kind))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
