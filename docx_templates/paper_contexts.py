"""What the TĐKT office's notices and the printed certificates need (see contexts.py for the conventions)."""

from __future__ import annotations

from typing import TypedDict

from docx_templates.contexts import Header, Signer


class ReturnedRow(TypedDict):
    stt: int
    name: str  # an individual followed by position and unit
    award: str  # the form proposed
    reason: str  # why it is returned, in Vietnamese, as the screening recorded it


class ReturnNoticeContext(TypedDict):
    header: Header
    subject: str  # "Về việc trả lại hồ sơ đề nghị khen thưởng năm 2026 của Khối thi đua …"
    subject_rule_mm: int
    recipients: list[str]  # "Kính gửi:": the block head's agency that sent the proposal
    proposer: str  # "Sở Công Thương (đơn vị Trưởng Khối thi đua …)", as the body names it
    office: str  # "Sở Nội vụ"
    proposal: str  # "Tờ trình số 01/TTr-SCT ngày 16 tháng 12 năm 2026"
    returned_count: int
    rows: list[ReturnedRow]
    receivers: list[str]
    signer: Signer


class CommentListRow(TypedDict):
    stt: int
    name: str  # the collective, or the person's full name
    detail: str  # a person's position and unit; "" for a collective
    award: str  # the form proposed


class PublicCommentListContext(TypedDict):
    header: Header
    subject: str  # "Về việc lấy ý kiến nhân dân đối với danh sách đề nghị khen thưởng năm 2026"
    subject_rule_mm: int
    office: str  # "Sở Nội vụ"
    basis: str  # the citation requiring the comment period: "khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP …"
    published_at: str  # "Cổng Thông tin điện tử tỉnh"
    opens_on: str  # "ngày 01 tháng 12 năm 2026"
    closes_on: str  # "ngày 14 tháng 12 năm 2026"
    working_days: int
    list_title: str  # "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG LẤY Ý KIẾN NHÂN DÂN"
    rows: list[CommentListRow]
    receivers: list[str]
    signer: Signer


class ResultRow(TypedDict):
    stt: int
    name: str
    award: str
    note: str  # "Số sổ vàng: 01" / "Không khen thưởng: <lý do>"


class ResultBlock(TypedDict):
    heading: str  # "1. Khối thi đua các sở quản lý kinh tế"
    rows: list[ResultRow]


class ResultsNoticeContext(TypedDict):
    header: Header
    subject: str  # "Kết quả khen thưởng theo Quyết định số 01/QĐ-UBND ngày …"
    subject_rule_mm: int
    decision: str  # "Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch Ủy ban nhân dân tỉnh"
    decision_subject: str  # "về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026"
    awarded_count: int
    declined_count: int
    office: str
    blocks: list[ResultBlock]
    receivers: list[str]
    signer: Signer


class Certificate(TypedDict):
    bang_khen: bool  # True: "TẶNG / BẰNG KHEN"; False: "GIẤY CHỨNG NHẬN" of a title (Cờ thi đua, danh hiệu)
    award: str  # "Cờ thi đua của Ủy ban nhân dân tỉnh" (printed on a Giấy chứng nhận)
    name: str
    detail: str  # position and unit of an individual; "" for a collective
    reason: str  # "Đã hoàn thành xuất sắc … năm 2026"
    golden_book_no: str  # "01"


class CertificatesContext(TypedDict):
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    decision_number: str  # "01/QĐ-UBND"
    decision_date: str  # "ngày 05 tháng 01 năm 2027"
    place_date: str  # "Bắc Ninh, ngày 05 tháng 01 năm 2027"
    signer: Signer
    certificates: list[Certificate]


class PledgeTarget(TypedDict):
    text: str  # "Hoàn thành 100 % chỉ tiêu kế hoạch: 100 %", without "- " and ";" / "."


class PledgeMember(TypedDict):
    stt: int
    name: str  # the member unit
    representative: str  # "ông/bà Nguyễn Hữu Phước, Giám đốc" as the signatory is named; "" if none signed
    award: str  # the title it registers for, in words; "" if none
    targets: list[PledgeTarget]  # its registered targets


class PledgeSignature(TypedDict):
    unit: str  # "SỞ CÔNG THƯƠNG", upper case as a signature block prints an agency
    title: str  # "GIÁM ĐỐC"
    name: str  # "Nguyễn Hữu Phước"; all three "" for the blank cell beside an odd last signatory


class PledgeSignatureRow(TypedDict):
    left: PledgeSignature
    right: PledgeSignature


class PledgeContext(TypedDict):
    header: Header
    subject: str  # "Thực hiện phong trào thi đua … năm 2026 của Khối thi đua …"
    subject_rule_mm: int
    bases: list[str]  # the movement's launching document, then the block's rules if any, without "Căn cứ"
    opening: str  # "Hôm nay, ngày …, tại …, các đơn vị thành viên … gồm:"
    members: list[PledgeMember]  # the parties and what each registered, in the block's order
    commitment: str  # what all members undertake together, given whole
    closing: str  # how many copies, ending "./."
    signature_rows: list[PledgeSignatureRow]  # two signatories a row
