"""A hand-made full context of the office's notice listing dossiers for public comment, as its flow builds it."""

from docx_templates.paper_contexts import PublicCommentListContext
from docx_templates.text_width import subject_rule_mm
from tests.paper_contexts import DIRECTOR, PLACE_DATE, _office_header

COMMENT_SUBJECT = "Về việc lấy ý kiến nhân dân đối với danh sách đề nghị khen thưởng năm 2026"


def public_comment_list_context(rows: int = 3) -> PublicCommentListContext:
    return {
        "header": _office_header("03/TB-SNV", PLACE_DATE),
        "subject": COMMENT_SUBJECT,
        "subject_rule_mm": subject_rule_mm(COMMENT_SUBJECT),
        "office": "Sở Nội vụ",
        "basis": "khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
        "published_at": "Cổng Thông tin điện tử tỉnh",
        "opens_on": "ngày 17 tháng 12 năm 2026",
        "closes_on": "ngày 30 tháng 12 năm 2026",
        "working_days": 10,
        "list_title": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG LẤY Ý KIẾN NHÂN DÂN",
        "rows": [{"stt": i + 1, "name": f"Nguyễn Văn An {i}", "detail": "Phó Giám đốc, Sở Khoa học và Công nghệ",
                  "award": "Chiến sĩ thi đua toàn quốc"} for i in range(rows)],
        "receivers": ["Cổng Thông tin điện tử tỉnh (để đăng tải)", "Các Khối thi đua có hồ sơ", "Lưu: VT, TĐKT"],
        "signer": DIRECTOR,
    }
