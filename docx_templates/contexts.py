"""What each template needs, as TypedDicts the flows build and the templates read.

Every string is printed as plain text (escaped), never as template syntax. Punctuation that
depends on position in a list (";" between items, "." after the last) is added by the
template, so list items are given without it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypedDict


class DocumentKind(StrEnum):
    MEETING_MINUTES = "meeting_minutes"  # bien_ban_hop_khoi.docx
    BLOCK_PROPOSAL = "block_proposal"  # to_trinh_khoi.docx
    DECISION = "decision"  # quyet_dinh_khen_thuong.docx
    OFFICE_APPRAISAL = "office_appraisal"  # to_trinh_so_noi_vu.docx
    SCORING_TABLE = "scoring_table"  # bang_tong_hop_diem.docx
    RETURN_NOTICE = "return_notice"  # thong_bao_tra_lai_ho_so.docx
    CERTIFICATES = "certificates"  # bang_khen_giay_chung_nhan.docx
    RESULTS_NOTICE = "results_notice"  # thong_bao_ket_qua.docx
    PLEDGE = "pledge"  # ban_giao_uoc_thi_dua.docx


class Header(TypedDict):
    parent_agency: str  # "UBND TỈNH BẮC NINH", upright; "" omits the line
    issuer_lines: list[str]  # ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], bold
    rule_mm: int  # the rule under the last issuer line, one of text_width.AGENCY_RULES_MM (agency_rule_mm)
    number: str  # "05/QĐ-UBND", printed "Số: 05/QĐ-UBND"; "" leaves the line blank
    place_date: str  # "Bắc Ninh, ngày 05 tháng 01 năm 2026", italic


class Signer(TypedDict):
    prefix: str  # "KT. CHỦ TỊCH" / "TM. ỦY BAN NHÂN DÂN" / "" (omitted)
    title: str  # "PHÓ CHỦ TỊCH" / "GIÁM ĐỐC" / "CHỦ TRÌ"
    name: str  # "Nguyễn Văn An", below the space left for the signature


class PersonRole(TypedDict):
    name: str
    title: str  # "Giám đốc Sở Công Thương, Trưởng Khối"


class MinutesCandidate(TypedDict):
    stt: int
    name: str  # an individual followed by position and unit: "Lê Văn Đức, Phó Chánh Văn phòng, Sở Công Thương"
    award: str
    votes_for: int
    votes_against: int
    abstain: int
    invalid: int
    percent: str  # "85,71%", computed by the caller (see formatting.vn_percent)
    result: str  # "Đề nghị" / "Không đề nghị"


class MinutesContext(TypedDict):
    header: Header
    subject: str  # "Họp bình xét thi đua, khen thưởng năm 2026 của Khối thi đua ..."
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    opened_at: str  # "08 giờ 00 phút, ngày 15 tháng 12 năm 2026"
    location: str
    chair: PersonRole
    secretary: PersonRole
    members_total: int
    members_present: int
    absentees: list[str]  # unit names; empty prints "Không có thành viên vắng mặt."
    method: str  # "bỏ phiếu kín" / "biểu quyết giơ tay"
    abstain_heading: str  # "Phiếu trắng" (secret ballot) / "Không biểu quyết" (show of hands)
    invalid_heading: str  # "Phiếu không hợp lệ"
    threshold: str  # "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)"
    candidates: list[MinutesCandidate]
    next_head: str  # unit elected head of the block for next year
    next_deputy: str  # "" omits the deputy sentence
    next_year: int
    closed_at: str  # "11 giờ 00 phút cùng ngày"
    signers: list[Signer]  # exactly two: [secretary (left), chair (right)]


class ProposalRow(TypedDict):
    stt: int
    name: str
    detail: str  # position and unit of an individual; "" for a collective
    award: str
    achievement: str


class ProposalContext(TypedDict):
    header: Header
    subject: str  # "Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm 2026"
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    recipients: list[str]  # "Kính gửi:" lines, without "- " and without ";" / "."
    bases: list[str]  # without the words "Căn cứ" and without trailing punctuation
    body: str
    collectives: list[ProposalRow]  # section "I. TẬP THỂ", omitted when empty
    individuals: list[ProposalRow]  # section "II. CÁ NHÂN", omitted when empty
    closing: str  # "... kính đề nghị ... xem xét, quyết định./." (given whole)
    receivers: list[str]  # "Nơi nhận:" items without "- " and ";" / ".", e.g. "Lưu: VT"
    signer: Signer


class AnnexRow(TypedDict):
    stt: int  # numbered by the caller: the order is the "số sổ vàng"
    name: str
    detail: str


class AnnexSection(TypedDict):
    heading: str  # "I. TẬP THỂ" / "II. CÁ NHÂN" / "III. HỘ GIA ĐÌNH"
    name_heading: str  # "Tên tập thể" / "Họ và tên"
    detail_heading: str  # "Chức vụ, đơn vị công tác"; "" prints a table without that column
    rows: list[AnnexRow]


class Article(TypedDict):
    title: str  # "Điều 1.", bold
    text: str  # the rest of the paragraph


class DecisionContext(TypedDict):
    header: Header
    subject: str  # "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026"
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    bases: list[str]  # as in ProposalContext
    considerations: list[str]  # "Xét đề nghị của ... tại Tờ trình số 12/TTr-SCT ngày ...", no punctuation
    articles: list[Article]
    receivers: list[str]  # as in ProposalContext
    signer: Signer
    annex_title: str  # "DANH SÁCH"
    annex_subject: str  # "Tập thể, cá nhân được tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026"
    annex_reference: str  # "(Kèm theo Quyết định số 05/QĐ-UBND ngày ... của Chủ tịch UBND tỉnh)"
    annex_sections: list[AnnexSection]


class AppraisalRow(TypedDict):
    stt: int
    name: str
    award: str
    votes: str  # "9/10": votes for over ALL members of the council; "" for the standing body, which does not vote
    percent: str  # "90,00%", of all members; "" for the standing body
    result: str  # "Đề nghị" / "Không đề nghị" (council); "Đồng ý" / "Không đồng ý" (standing body)
    opinion: str  # the standing body's reason, printed in its table; "" for the council


class AppraisalContext(TypedDict):
    header: Header
    subject: str  # "Về việc đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm 2026"
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    recipients: list[str]  # as in ProposalContext: ["Chủ tịch Ủy ban nhân dân tỉnh"]
    bases: list[str]  # as in ProposalContext; the block proposals and the council meeting come last
    # Which route the awards took: the full council's vote (False) or its standing body's appraisal (True), which
    # prints its result and reasons without vote counts.
    standing: bool
    council: str  # the paragraph on the meeting: when, where, who, by which route and rule, how counted
    rows: list[AppraisalRow]
    proposal: str  # "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định tặng:"
    awards: list[str]  # "Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể", without "- " and ";" / "."
    closing: str  # given whole, ending "./."
    receivers: list[str]
    signer: Signer


class ScoringTableRow(TypedDict):
    rank: str  # "1"; members the tie-break rules leave equal share a rank
    name: str
    self_points: str  # the criteria as the member scored itself, before bonus and penalty: "100"
    reviewed_points: str  # the same after the head's adjustments: "90"
    bonus: str  # after its cap
    penalty: str  # after its cap
    total: str  # "92,5"
    rating: str  # "Hoàn thành xuất sắc nhiệm vụ"


class ScoringTableContext(TypedDict):
    header: Header
    subject: str  # "Tổng hợp kết quả chấm điểm, xếp hạng thi đua năm 2026 của Khối thi đua ..."
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    intro: str  # the criteria set (code, version, source) the scores were given under
    rows: list[ScoringTableRow]  # in rank order
    adjustments: list[str]  # each adjustment by the head: unit, criterion, self-score, new score, reason
    leader: str  # the sentence naming the leading unit, or why the ranking names none
    receivers: list[str]  # as in ProposalContext
    signer: Signer
