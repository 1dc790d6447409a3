"""A hand-made context for the province's revoking decision, as flows/documents/revocation.py would give it."""

from docx_templates.contexts import RevocationContext
from docx_templates.text_width import agency_rule_mm, subject_rule_mm

SUBJECT = "Về việc hủy bỏ Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026 đối với Sở Công Thương"


def revocation_context() -> RevocationContext:
    return {
        "header": {"parent_agency": "", "issuer_lines": ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
                   "rule_mm": agency_rule_mm("TỈNH BẮC NINH"), "number": "03/QĐ-UBND",
                   "place_date": "Bắc Ninh, ngày 02 tháng 3 năm 2027"},
        "subject": SUBJECT,
        "subject_rule_mm": subject_rule_mm(SUBJECT),
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "bases": ["Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
                  "Điều 93 Luật Thi đua, khen thưởng số 06/2022/QH15",
                  "Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch UBND tỉnh"],
        "considerations": ["Xét việc Sở Công Thương được tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026 có việc "
                           "xác nhận, thẩm định, xét duyệt, đề nghị khen thưởng trái pháp luật: kết quả chấm điểm "
                           "được xác nhận sai quy định"],
        "articles": [
            {"title": "Điều 1.", "text": "Hủy bỏ việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026 cho Sở Công "
                                         "Thương tại Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027."},
            {"title": "Điều 2.", "text": "Thu hồi Giấy chứng nhận và số tiền thưởng đã nhận là 18.720.000 đồng."},
            {"title": "Điều 3.", "text": "Quyết định này có hiệu lực kể từ ngày ký./."},
        ],
        "receivers": ["Như Điều 3", "Lưu: VT, SNV"],
        "signer": {"prefix": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Minh Hằng"},
    }
