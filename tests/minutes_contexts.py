"""Hand-made full contexts of the counting committee's record and the council session's minutes, as the flows
would build them."""

from __future__ import annotations

from docx_templates.contexts import Header
from docx_templates.formatting import vn_percent
from docx_templates.minutes_contexts import BallotCountContext, CouncilMinutesContext, CountRow, StandingMinutesContext
from docx_templates.text_width import agency_rule_mm, subject_rule_mm

COUNCIL_LINES = ["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"]
COUNT_SUBJECT = "Bình xét thi đua, khen thưởng năm 2026 của Khối thi đua các sở quản lý kinh tế"
COUNCIL_SUBJECT = "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng năm 2026"
PLACE_DATE = "Bắc Ninh, ngày 05 tháng 01 năm 2026"


def _header(number: str, lines: list[str]) -> Header:
    return {"parent_agency": "UBND TỈNH BẮC NINH", "issuer_lines": lines, "rule_mm": agency_rule_mm(lines[-1]),
            "number": number, "place_date": PLACE_DATE}


def ballot_count_context(rows: int = 2) -> BallotCountContext:
    people = [CountRow(stt=i + 1, name=f"Nguyễn Văn Bình {i + 1}, Trưởng phòng, Sở Tài chính", counts=[5, 1, 0],
                       percent=vn_percent(5, 7)) for i in range(rows)]
    return {
        "header": _header("", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"]),
        "subject": COUNT_SUBJECT,
        "subject_rule_mm": subject_rule_mm(COUNT_SUBJECT),
        "intro": "Ngày 15 tháng 12 năm 2026, tại Hội trường Sở Công Thương, hội nghị bình xét thi đua, khen thưởng"
                 " năm 2026 của Khối thi đua các sở quản lý kinh tế đã bầu Ban kiểm phiếu gồm:",
        "committee": ["Lê Văn Đức, Trưởng ban", "Phạm Thu Hà, Thành viên", "Đỗ Minh Khoa, Thành viên"],
        "ballots": ["Số phiếu phát ra: 06 phiếu", "Số phiếu thu về: 06 phiếu", "Số phiếu hợp lệ: 06 phiếu",
                    "Số phiếu không hợp lệ: 00 phiếu"],
        "basis": "Tỷ lệ đồng ý tính trên tổng số 7 thành viên của Khối.",
        "count_headings": ["Đồng ý", "Không đồng ý", "Phiếu không hợp lệ"],
        "sections": [
            {"heading": "1. Cờ thi đua của Ủy ban nhân dân tỉnh",
             "rows": [CountRow(stt=1, name="Sở Công Thương", counts=[6, 0, 0], percent=vn_percent(6, 7))]},
            {"heading": "2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "rows": people},
        ],
        "closing": "Ban kiểm phiếu lập biên bản này và công bố kết quả kiểm phiếu trước hội nghị./.",
        "head": {"prefix": "", "title": "TRƯỞNG BAN KIỂM PHIẾU", "name": "Lê Văn Đức"},
        "members": ["Phạm Thu Hà", "Đỗ Minh Khoa"],
    }


def council_minutes_context() -> CouncilMinutesContext:
    return {
        "header": _header("01/BB-HĐTĐKT", COUNCIL_LINES),
        "subject": COUNCIL_SUBJECT,
        "subject_rule_mm": subject_rule_mm(COUNCIL_SUBJECT),
        "opened_at": "ngày 03 tháng 01 năm 2027",
        "location": "Phòng họp số 1, UBND tỉnh",
        "chair": "Trần Văn Hùng, Chủ tịch UBND tỉnh",
        "secretary": "Lê Quang Huy, Giám đốc Sở Nội vụ",
        "members_total": 4,
        "present": ["Trần Văn Hùng, Chủ tịch UBND tỉnh", "Lê Quang Huy, Giám đốc Sở Nội vụ"],
        "written": ["Đỗ Thị Hải Yến, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh: Đồng ý đề nghị tặng Cờ thi đua cho Sở"
                    " Công Thương"],
        "absent": ["Ngô Văn Khải, Giám đốc Sở Giáo dục và Đào tạo"],
        "method": "Hội đồng đã xem xét hồ sơ đề nghị khen thưởng và biểu quyết từng trường hợp. Tỷ lệ phiếu đồng ý"
                  " được tính trên tổng số thành viên Hội đồng. Kết quả như sau:",
        "rows": [{"stt": 1, "name": "Sở Công Thương", "award": "Cờ thi đua của Ủy ban nhân dân tỉnh", "votes": "3/4",
                  "percent": "75,00%", "result": "Đề nghị"}],
        "conclusion": "Kết luận: Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng:",
        "awards": ["Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể"],
        "closing": "Phiên họp kết thúc cùng ngày. Biên bản đã được đọc lại trước Hội đồng và được nhất trí thông"
                   " qua./.",
        "signers": [{"prefix": "", "title": "THƯ KÝ", "name": "Lê Quang Huy"},
                    {"prefix": "TM. HỘI ĐỒNG", "title": "CHỦ TỊCH", "name": "Trần Văn Hùng"}],
    }


STANDING_SUBJECT = ("Phiên họp Thường trực Hội đồng Thi đua - Khen thưởng tỉnh xét, thẩm định hồ sơ khen thưởng năm "
                    "2026")


def standing_minutes_context() -> StandingMinutesContext:
    return {
        "header": _header("01/BB-TTHĐTĐKT", COUNCIL_LINES),
        "subject": STANDING_SUBJECT,
        "subject_rule_mm": subject_rule_mm(STANDING_SUBJECT),
        "opened_at": "ngày 03 tháng 01 năm 2027",
        "location": "Phòng họp số 2, UBND tỉnh",
        "chair": "Trần Văn Hùng, Chủ tịch UBND tỉnh",
        "body": "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh",
        "members_total": 3,
        "present": ["Trần Văn Hùng, Chủ tịch UBND tỉnh", "Lê Quang Huy, Giám đốc Sở Nội vụ"],
        "written": [],
        "absent": ["Ngô Văn Khải, Phó Chủ tịch UBND tỉnh"],
        "method": "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh đã xem xét, thẩm định từng hồ sơ đề nghị khen "
                  "thưởng. Kết quả thẩm định như sau:",
        "rows": [{"stt": 1, "name": "Sở Xây dựng", "award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                  "result": "Đồng ý", "reason": ""},
                 {"stt": 2, "name": "Nguyễn Văn Bình, Chuyên viên, Sở Xây dựng",
                  "award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "result": "Không đồng ý",
                  "reason": "Chưa đủ hai năm hoàn thành xuất sắc nhiệm vụ"}],
        "conclusion": "Kết luận: Thường trực Hội đồng Thi đua - Khen thưởng tỉnh thống nhất đề nghị Chủ tịch Ủy ban "
                      "nhân dân tỉnh xem xét, tặng:",
        "awards": ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể"],
        "closing": "Phiên họp kết thúc cùng ngày. Biên bản đã được đọc lại và được nhất trí thông qua./.",
        "signers": [{"prefix": "", "title": "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "name": "Lê Quang Huy"},
                    {"prefix": "TM. THƯỜNG TRỰC HỘI ĐỒNG", "title": "CHỦ TỊCH", "name": "Trần Văn Hùng"}],
    }
