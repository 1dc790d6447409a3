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
    REVOCATION_DECISION = "revocation_decision"  # quyet_dinh_thu_hoi.docx
    PUBLIC_COMMENT_LIST = "public_comment_list"  # danh_sach_lay_y_kien_nhan_dan.docx
    CENTRAL_PROPOSAL = "central_proposal"  # to_trinh_trung_uong.docx
    BLOCK_BALLOT_COUNT = "block_ballot_count"  # bien_ban_kiem_phieu.docx, of the block meeting
    COUNCIL_BALLOT_COUNT = "council_ballot_count"  # bien_ban_kiem_phieu.docx, of the council session
    COUNCIL_MINUTES = "council_minutes"  # bien_ban_hop_hoi_dong.docx
    STANDING_MINUTES = "standing_minutes"  # bien_ban_hop_thuong_truc.docx
    PLEDGE = "pledge"  # ban_giao_uoc_thi_dua.docx
    ACHIEVEMENT_REPORTS = "achievement_reports"  # bao_cao_thanh_tich.docx, one report per nomination


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
    counts: list[int]  # three, under MinutesContext.count_headings
    percent: str  # "85,71%", computed by the caller (see formatting.vn_percent)
    result: str  # "Đề nghị" / "Không đề nghị"


class MinutesContext(TypedDict):
    header: Header  # its number is the minutes' own, "01/BB-KKT", in the block's series
    subject: str  # "Họp bình xét thi đua, khen thưởng năm 2026 của Khối thi đua ..."
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    opened_at: str  # "08 giờ 00 phút, ngày 15 tháng 12 năm 2026"
    location: str
    chair: PersonRole
    secretary: PersonRole
    members_total: int
    members_present: int
    present_units: list[str]  # the member units present, one line each
    absentees: list[str]  # "Sở Xây dựng (lý do: đi công tác)"; empty prints "Không có thành viên vắng mặt."
    scoring: str  # the sentence citing the block's closed scoring table and its leader; "" when not scored
    method: str  # "bỏ phiếu kín" / "biểu quyết giơ tay"
    counting_committee: list[str]  # "Nguyễn Văn A, Trưởng ban"; empty omits the Ban kiểm phiếu
    ballots: list[str]  # "Số phiếu phát ra: 06 phiếu"; empty omits the count
    threshold: str  # "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)"
    count_headings: list[str]  # three: "Đồng ý", "Không đồng ý", "Phiếu không hợp lệ" (secret ballot)
    candidates: list[MinutesCandidate]
    head_election: str  # the whole sentence on next year's head, with its votes when counted
    deputy_election: str  # the same for the deputy; "" omits it
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


class RevocationContext(TypedDict):
    """The province's decision revoking an award (Law Điều 93): the award decision's layout, without an annex."""

    header: Header
    subject: str  # "Về việc hủy bỏ Quyết định tặng … năm 2026 đối với …"
    subject_rule_mm: int  # the rule under the subject, one of text_width.SUBJECT_RULES_MM (subject_rule_mm)
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    bases: list[str]  # as in ProposalContext: the laws in force, Điều 93, the award's own decision
    considerations: list[str]  # "Xét …": the ground and the reason, no punctuation
    articles: list[Article]  # Điều 1 revokes, Điều 2 recovers the certificate and the prize, Điều 3 executes
    receivers: list[str]  # as in ProposalContext
    signer: Signer


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
    # What the office's appraisal of the dossiers found (received, complete and meeting the criteria, returned with
    # the notice and reasons, on hold), one line each without "- " and ";" / "."; empty omits the paragraph.
    findings: list[str]
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


class CentralProposalContext(TypedDict):
    """The Chairman's Tờ trình to the Prime Minister for the awards decided above the province."""

    header: Header  # the People's Committee: "ỦY BAN NHÂN DÂN / TỈNH …", "Số: 05/TTr-UBND"
    subject: str  # "Về việc đề nghị Thủ tướng Chính phủ tặng Bằng khen của Thủ tướng Chính phủ năm 2026"
    subject_rule_mm: int
    recipients: list[str]  # ["Thủ tướng Chính phủ", "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"]
    bases: list[str]  # the texts in force, the office's Tờ trình, the council's meeting
    council: str  # the paragraph on the council's meeting and how its votes were counted
    rows: list[AppraisalRow]  # each nomination with the council's voting result
    proposal: str  # "Ủy ban nhân dân tỉnh … kính trình Thủ tướng Chính phủ xem xét, tặng:"
    awards: list[str]  # "Bằng khen của Thủ tướng Chính phủ cho 01 tập thể", without "- " and ";" / "."
    attachments: str  # "(Có biên bản, kết quả bỏ phiếu … kèm theo)"
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
