"""A hand-made context for the Báo cáo thành tích: a collective's report, then an individual's."""

from docx_templates.report_contexts import AchievementReport, AchievementReportsContext
from docx_templates.text_width import agency_rule_mm, subject_rule_mm

COLLECTIVE_SUBJECT = "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2026"
INDIVIDUAL_SUBJECT = "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026"


def _report(collective: bool, issuer: str, subject: str, awards: list[str]) -> AchievementReport:
    return {
        "header": {"parent_agency": "UBND TỈNH BẮC NINH", "issuer_lines": [issuer], "rule_mm": agency_rule_mm(issuer),
                   "number": "", "place_date": "Bắc Ninh, ngày 16 tháng 12 năm 2026"},
        "subject": subject,
        "subject_rule_mm": subject_rule_mm(subject),
        "collective": collective,
        "profile": (["Tên tập thể: Sở Nông nghiệp và Môi trường", "Thuộc: Khối thi đua các sở quản lý kinh tế"]
                    if collective else ["Họ và tên: Nguyễn Thị Hồng Nhung", "Giới tính: Nữ",
                                        "Chức vụ, đơn vị công tác: Phó Giám đốc, Sở Tài chính"]),
        "stated": ["Hoàn thành vượt mức các chỉ tiêu kế hoạch năm 2026."] if collective else [],
        "achievements": ["Xếp thứ 1/7 trong Bảng tổng hợp điểm thi đua của Khối với 98 điểm, dẫn đầu Khối",
                         "Năm 2026: hoàn thành xuất sắc nhiệm vụ"],
        "awards": awards,
        "closing": "Trên đây là báo cáo thành tích năm 2026, kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, "
                   "khen thưởng./.",
        "signers": [{"prefix": "XÁC NHẬN CỦA TRƯỞNG KHỐI" if collective else "XÁC NHẬN CỦA ĐƠN VỊ",
                     "title": "GIÁM ĐỐC", "name": "Nguyễn Văn An" if collective else "Lê Thị Thu"},
                    {"prefix": "THỦ TRƯỞNG ĐƠN VỊ" if collective else "NGƯỜI BÁO CÁO THÀNH TÍCH",
                     "title": "GIÁM ĐỐC" if collective else "PHÓ GIÁM ĐỐC",
                     "name": "Trần Văn Bình" if collective else "Nguyễn Thị Hồng Nhung"}],
    }


def achievement_reports_context() -> AchievementReportsContext:
    return {"reports": [
        _report(True, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", COLLECTIVE_SUBJECT,
                ["Năm 2025: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (Quyết định số 12/QĐ-UBND)"]),
        _report(False, "SỞ TÀI CHÍNH", INDIVIDUAL_SUBJECT, []),
    ]}
