"""Shared material for the award-document tests: hand-made full contexts for every kind and helpers that read
the rendered .docx back with python-docx as a clerk would check it."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from docx_templates import DocumentKind
from docx_templates.contexts import (
    AnnexRow,
    AppraisalContext,
    CentralProposalContext,
    DecisionContext,
    Header,
    MinutesContext,
    ProposalContext,
    RevocationContext,
    ScoringTableContext,
    Signer,
)
from docx_templates.formatting import vn_money, vn_percent
from docx_templates.minutes_contexts import BallotCountContext, CouncilMinutesContext, StandingMinutesContext
from docx_templates.paper_contexts import (
    CertificatesContext,
    PledgeContext,
    PublicCommentListContext,
    ResultsNoticeContext,
    ReturnNoticeContext,
)
from docx_templates.report_contexts import AchievementReportsContext
from docx_templates.text_width import agency_rule_mm, subject_rule_mm
from tests.appraisal_context import appraisal_context, central_proposal_context
from tests.minutes_contexts import ballot_count_context, council_minutes_context, standing_minutes_context
from tests.paper_contexts import certificates_context, results_notice_context, return_notice_context
from tests.pledge_fixtures import pledge_context
from tests.public_comment_context import public_comment_list_context
from tests.report_context import achievement_reports_context
from tests.revocation_context import revocation_context

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE = "Bắc Ninh, ngày 05 tháng 01 năm 2026"
BASES = [
    "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
]
MINUTES_SUBJECT = "Họp bình xét thi đua, khen thưởng năm 2026 của Khối thi đua các sở quản lý kinh tế"
PROPOSAL_SUBJECT = "Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm 2026"
RECEIVERS = ["Như Điều 3", "Bộ Nội vụ (b/c)", "Lưu: VT, SNV"]


def _header(number: str, issuer: list[str], parent: str = "UBND TỈNH BẮC NINH") -> Header:
    return {"parent_agency": parent, "issuer_lines": issuer, "rule_mm": agency_rule_mm(issuer[-1]), "number": number,
            "place_date": PLACE_DATE}


def _signer(prefix: str, title: str, name: str) -> Signer:
    return {"prefix": prefix, "title": title, "name": name}


def minutes_context(absentees: list[str] | None = None, deputy_election: str | None = None) -> MinutesContext:
    return {
        "header": _header("01/BB-KKT", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"]),
        "subject": MINUTES_SUBJECT,
        "subject_rule_mm": subject_rule_mm(MINUTES_SUBJECT),
        "opened_at": "08 giờ 00 phút, ngày 15 tháng 12 năm 2026",
        "location": "Hội trường Sở Công Thương, số 10 đường Lý Thái Tổ, phường Kinh Bắc",
        "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở Công Thương, Trưởng Khối"},
        "secretary": {"name": "Trần Thị Bích Ngọc", "title": "Chánh Văn phòng Sở Công Thương"},
        "members_total": 7,
        "members_present": 6 if absentees is None else 7 - len(absentees),
        "present_units": ["Sở Công Thương", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
                          "Sở Khoa học và Công nghệ", "Ban Quản lý các khu công nghiệp tỉnh", "Thống kê tỉnh"],
        "absentees": ["Sở Xây dựng (lý do: đi công tác)"] if absentees is None else absentees,
        "scoring": "",
        "method": "bỏ phiếu kín",
        "counting_committee": ["Lê Văn Đức, Trưởng ban", "Phạm Thu Hà, Thành viên"],
        "ballots": ["Số phiếu phát ra: 06 phiếu", "Số phiếu thu về: 06 phiếu", "Số phiếu hợp lệ: 06 phiếu",
                    "Số phiếu không hợp lệ: 00 phiếu"],
        "threshold": "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)",
        "count_headings": ["Đồng ý", "Không đồng ý", "Phiếu không hợp lệ"],
        "candidates": [
            {"stt": 1, "name": "Sở Nông nghiệp và Môi trường", "award": "Cờ thi đua của UBND tỉnh",
             "counts": [6, 0, 0], "percent": vn_percent(6, 7), "result": "Đề nghị"},
            {"stt": 2, "name": "Nguyễn Thị Hồng Nhung, Phó Giám đốc, Sở Tài chính",
             "award": "Bằng khen của Chủ tịch UBND tỉnh", "counts": [3, 2, 1], "percent": vn_percent(3, 7),
             "result": "Không đề nghị"},
        ],
        "head_election": "Hội nghị bầu Sở Nông nghiệp và Môi trường làm Trưởng Khối năm 2027 với 6/7 phiếu đồng ý"
                         " (85,71% tổng số thành viên của Khối).",
        "deputy_election": ("Hội nghị bầu Sở Tài chính làm Phó Trưởng Khối năm 2027 với 5/7 phiếu đồng ý"
                            " (71,43% tổng số thành viên của Khối)." if deputy_election is None else deputy_election),
        "closed_at": "11 giờ 00 phút cùng ngày",
        "signers": [
            _signer("", "THƯ KÝ", "Trần Thị Bích Ngọc"),
            _signer("", "CHỦ TRÌ", "Nguyễn Văn An"),
        ],
    }


def proposal_context(achievement: str = "Hoàn thành xuất sắc nhiệm vụ năm 2026") -> ProposalContext:
    return {
        "header": _header("12/TTr-SCT", ["SỞ CÔNG THƯƠNG"]),
        "subject": PROPOSAL_SUBJECT,
        "subject_rule_mm": subject_rule_mm(PROPOSAL_SUBJECT),
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
        "subject_rule_mm": subject_rule_mm("Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026"),
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


SCORING_SUBJECT = ("Tổng hợp kết quả chấm điểm, xếp hạng thi đua năm 2026 (tổng kết năm) của Khối thi đua các sở "
                   "quản lý kinh tế")


def scoring_table_context() -> ScoringTableContext:
    rows = [("1", "Sở Công Thương", "98", "98", "0", "0", "98", "Hoàn thành xuất sắc nhiệm vụ"),
            ("2", "Sở Tài chính", "95", "95", "0", "0", "95", "Hoàn thành xuất sắc nhiệm vụ"),
            ("3", "Sở Xây dựng", "100", "90", "3", "0", "93", "Hoàn thành xuất sắc nhiệm vụ"),
            ("4", "Thống kê tỉnh", "80,5", "80,5", "0", "0,5", "80", "Hoàn thành tốt nhiệm vụ")]
    keys = ("rank", "name", "self_points", "reviewed_points", "bonus", "penalty", "total", "rating")
    return {
        "header": _header("", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"]),
        "subject": SCORING_SUBJECT,
        "subject_rule_mm": subject_rule_mm(SCORING_SUBJECT),
        "intro": "Căn cứ Bảng tiêu chí thi đua «4 tốt» (mã 4-TOT, phiên bản 1), kết quả tự chấm điểm của các đơn vị "
                 "thành viên và kết quả thẩm định của Trưởng Khối, Khối tổng hợp kết quả chấm điểm như sau:",
        "rows": [dict(zip(keys, row, strict=True)) for row in rows],  # type: ignore[misc]
        "adjustments": ["Sở Xây dựng, tiêu chí CT2: tự chấm 15 điểm, Trưởng Khối chấm 5 điểm; lý do: chưa đúng hạn"],
        "leader": "Đơn vị dẫn đầu Khối thi đua các sở quản lý kinh tế năm 2026: Sở Công Thương (98 điểm)./.",
        "receivers": ["Các đơn vị thành viên Khối", "Sở Nội vụ (Ban Thi đua - Khen thưởng)", "Lưu: VT, SCT"],
        "signer": _signer("TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", "Nguyễn Hữu Phước"),
    }


FULL_CONTEXTS: dict[DocumentKind, Callable[[], Mapping[str, object]]] = {
    DocumentKind.MEETING_MINUTES: minutes_context,
    DocumentKind.BLOCK_PROPOSAL: proposal_context,
    DocumentKind.DECISION: decision_context,
    DocumentKind.OFFICE_APPRAISAL: appraisal_context,
    DocumentKind.SCORING_TABLE: scoring_table_context,
    DocumentKind.RETURN_NOTICE: return_notice_context,
    DocumentKind.CERTIFICATES: certificates_context,
    DocumentKind.RESULTS_NOTICE: results_notice_context,
    DocumentKind.REVOCATION_DECISION: revocation_context,
    DocumentKind.PUBLIC_COMMENT_LIST: public_comment_list_context,
    DocumentKind.CENTRAL_PROPOSAL: central_proposal_context,
    DocumentKind.BLOCK_BALLOT_COUNT: ballot_count_context,
    DocumentKind.COUNCIL_BALLOT_COUNT: ballot_count_context,
    DocumentKind.COUNCIL_MINUTES: council_minutes_context,
    DocumentKind.STANDING_MINUTES: standing_minutes_context,
    DocumentKind.PLEDGE: lambda: pledge_context(_header("01/GƯTĐ-SCT", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"])),
    DocumentKind.ACHIEVEMENT_REPORTS: achievement_reports_context,
}
CONTEXT_KEYS: dict[DocumentKind, frozenset[str]] = {
    DocumentKind.MEETING_MINUTES: MinutesContext.__required_keys__,
    DocumentKind.BLOCK_PROPOSAL: ProposalContext.__required_keys__,
    DocumentKind.DECISION: DecisionContext.__required_keys__,
    DocumentKind.OFFICE_APPRAISAL: AppraisalContext.__required_keys__,
    DocumentKind.SCORING_TABLE: ScoringTableContext.__required_keys__,
    DocumentKind.RETURN_NOTICE: ReturnNoticeContext.__required_keys__,
    DocumentKind.CERTIFICATES: CertificatesContext.__required_keys__,
    DocumentKind.RESULTS_NOTICE: ResultsNoticeContext.__required_keys__,
    DocumentKind.REVOCATION_DECISION: RevocationContext.__required_keys__,
    DocumentKind.PUBLIC_COMMENT_LIST: PublicCommentListContext.__required_keys__,
    DocumentKind.CENTRAL_PROPOSAL: CentralProposalContext.__required_keys__,
    DocumentKind.BLOCK_BALLOT_COUNT: BallotCountContext.__required_keys__,
    DocumentKind.COUNCIL_BALLOT_COUNT: BallotCountContext.__required_keys__,
    DocumentKind.COUNCIL_MINUTES: CouncilMinutesContext.__required_keys__,
    DocumentKind.STANDING_MINUTES: StandingMinutesContext.__required_keys__,
    DocumentKind.PLEDGE: PledgeContext.__required_keys__,
    DocumentKind.ACHIEVEMENT_REPORTS: AchievementReportsContext.__required_keys__,
}
# Printed on A4 landscape, one certificate a page, with the motto alone at the top (no two-column header).
LANDSCAPE = {DocumentKind.CERTIFICATES}
