"""Hand-made full contexts of the office's notices and the certificates, as the flows would build them."""

from __future__ import annotations

from docx_templates.contexts import Header, Signer
from docx_templates.paper_contexts import (
    Certificate,
    CertificatesContext,
    ResultRow,
    ResultsNoticeContext,
    ReturnNoticeContext,
)
from docx_templates.text_width import agency_rule_mm, subject_rule_mm

OFFICE_HEADER_LINES = ["SỞ NỘI VỤ"]
RETURN_SUBJECT = "Về việc trả lại hồ sơ đề nghị khen thưởng năm 2026 của Khối thi đua các sở quản lý kinh tế"
RESULTS_SUBJECT = "Kết quả khen thưởng năm 2026 theo Quyết định số 01/QĐ-UBND"
PLACE_DATE = "Bắc Ninh, ngày 05 tháng 01 năm 2026"  # as documents_fixtures dates every paper
DIRECTOR: Signer = {"prefix": "", "title": "GIÁM ĐỐC", "name": "Nguyễn Đức Thắng"}


def _office_header(number: str, place_date: str) -> Header:
    return {"parent_agency": "UBND TỈNH BẮC NINH", "issuer_lines": OFFICE_HEADER_LINES,
            "rule_mm": agency_rule_mm(OFFICE_HEADER_LINES[-1]), "number": number, "place_date": place_date}


def return_notice_context(rows: int = 2) -> ReturnNoticeContext:
    reasons = ["Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị",
               "Chưa đủ 03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (có năm 2025, 2026; thiếu năm 2024)"]
    return {
        "header": _office_header("01/TB-SNV", PLACE_DATE),
        "subject": RETURN_SUBJECT,
        "subject_rule_mm": subject_rule_mm(RETURN_SUBJECT),
        "recipients": ["Sở Công Thương"],
        "proposer": "Sở Công Thương (đơn vị Trưởng Khối thi đua các sở quản lý kinh tế)",
        "office": "Sở Nội vụ",
        "proposal": "Tờ trình số 01/TTr-SCT ngày 16 tháng 12 năm 2026",
        "returned_count": rows,
        "rows": [{"stt": i + 1, "name": f"Hoàng Văn Dũng {i}, Chuyên viên, Sở Xây dựng",
                  "award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "reason": reasons[i % 2]}
                 for i in range(rows)],
        "receivers": ["Như trên", "Lưu: VT, TĐKT"],
        "signer": DIRECTOR,
    }


def results_notice_context() -> ResultsNoticeContext:
    awarded: list[ResultRow] = [
        {"stt": 1, "name": "Sở Công Thương", "award": "Cờ thi đua của Ủy ban nhân dân tỉnh", "note": "Số sổ vàng: 01"},
        {"stt": 2, "name": "Sở Xây dựng", "award": "Cờ thi đua của Ủy ban nhân dân tỉnh",
         "note": "Không khen thưởng: Đơn vị đang có đơn khiếu nại chưa giải quyết xong"},
    ]
    return {
        "header": _office_header("02/TB-SNV", PLACE_DATE),
        "subject": RESULTS_SUBJECT,
        "subject_rule_mm": subject_rule_mm(RESULTS_SUBJECT),
        "decision": "Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch Ủy ban nhân dân tỉnh",
        "decision_subject": "về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026",
        "awarded_count": 2,
        "declined_count": 1,
        "office": "Sở Nội vụ",
        "blocks": [
            {"heading": "1. Khối thi đua các sở quản lý kinh tế", "rows": awarded},
            {"heading": "2. Cụm thi đua các xã, phường phía Bắc", "rows": [
                {"stt": 1, "name": "Ủy ban nhân dân phường Kinh Bắc", "award": "Cờ thi đua của Ủy ban nhân dân tỉnh",
                 "note": "Số sổ vàng: 02"}]},
        ],
        "receivers": ["Trưởng Khối thi đua các sở quản lý kinh tế", "Trưởng Cụm thi đua các xã, phường phía Bắc",
                      "Các cơ quan, đơn vị có tên tại Thông báo", "Lưu: VT, TĐKT"],
        "signer": DIRECTOR,
    }


def certificates_context(count: int = 2) -> CertificatesContext:
    first: Certificate = {
        "bang_khen": True, "award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "name": "Nguyễn Thị Hồng Nhung",
        "detail": "Trưởng phòng Quản lý thương mại, Sở Công Thương",
        "reason": "Đã có thành tích xuất sắc trong công tác năm 2026", "golden_book_no": "01"}
    flag: Certificate = {
        "bang_khen": False, "award": "Cờ thi đua của Ủy ban nhân dân tỉnh", "name": "Sở Công Thương", "detail": "",
        "reason": "Đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác, dẫn đầu phong trào thi đua Khối thi đua các "
                  "sở quản lý kinh tế năm 2026", "golden_book_no": "02"}
    certificates = [first, flag][:count] + [
        {**first, "name": f"Phạm Minh Tuấn {i}", "golden_book_no": f"{3 + i:02d}"} for i in range(count - 2)]
    return {
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "decision_number": "01/QĐ-UBND",
        "decision_date": "ngày 05 tháng 01 năm 2027",
        "place_date": "Bắc Ninh, ngày 05 tháng 01 năm 2027",
        "signer": {"prefix": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Minh Hằng"},
        "certificates": certificates,
    }
