"""A pledge's full context, as flows/documents/pledge.py builds it: the template tests render it without a database."""

from docx_templates.contexts import Header
from docx_templates.paper_contexts import PledgeContext, PledgeSignature
from docx_templates.text_width import subject_rule_mm

PLEDGE_SUBJECT = "Ký kết giao ước thi đua năm 2026 của Khối thi đua các sở quản lý kinh tế"
PLEDGE_MEMBERS = [("Sở Công Thương", "Nguyễn Hữu Phước", "Giám đốc"), ("Sở Tài chính", "Trần Văn Bình", "Giám đốc"),
                  ("Sở Xây dựng", "Lê Thị Thu", "Phó Giám đốc"), ("Thống kê tỉnh", "Phạm Minh Tuấn", "Cục trưởng"),
                  ("Sở Giao thông vận tải", "Đỗ Văn Nam", "Giám đốc")]


def pledge_context(header: Header) -> PledgeContext:
    signatures = [PledgeSignature(unit=unit.upper(), title=title.upper(), name=name)
                  for unit, name, title in PLEDGE_MEMBERS] + [PledgeSignature(unit="", title="", name="")]
    return {
        "header": header,
        "subject": PLEDGE_SUBJECT,
        "subject_rule_mm": subject_rule_mm(PLEDGE_SUBJECT),
        "bases": ["văn bản số 25/KH-UBND ngày 20 tháng 02 năm 2026 của UBND tỉnh Bắc Ninh về phát động phong trào "
                  "thi đua thực hiện thắng lợi nhiệm vụ năm 2026"],
        "opening": "Hôm nay, ngày 15 tháng 3 năm 2026, tại Sở Công Thương, các đơn vị thành viên Khối thi đua các sở "
                   "quản lý kinh tế gồm:",
        "members": [{"stt": i, "name": unit, "representative": f"{name}, {title}",
                     "award": "Cờ thi đua của Ủy ban nhân dân tỉnh" if i == 1 else "",
                     "targets": [{"text": "Hoàn thành 100 % chỉ tiêu kế hoạch: 100 %"},
                                 {"text": "Có sáng kiến được công nhận: 02 sáng kiến"}] if i < 3 else []}
                    for i, (unit, name, title) in enumerate(PLEDGE_MEMBERS, start=1)],
        "commitment": "Các đơn vị thành viên cam kết tổ chức thực hiện đầy đủ các chỉ tiêu đã đăng ký.",
        "closing": "Bản giao ước được lập thành 05 bản, mỗi đơn vị thành viên giữ 01 bản, có giá trị như nhau./.",
        "signature_rows": [{"left": signatures[i], "right": signatures[i + 1]} for i in range(0, 6, 2)],
    }
