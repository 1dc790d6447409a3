"""A hand-made context for the TĐKT office's Tờ trình, as the appraisal builder would give it."""

from docx_templates.contexts import AppraisalContext, CentralProposalContext


def appraisal_context(recommended: bool = True) -> AppraisalContext:
    return {
        "header": {"parent_agency": "UBND TỈNH BẮC NINH", "issuer_lines": ["SỞ NỘI VỤ"], "rule_mm": 10,
                   "number": "01/TTr-SNV",
                   "place_date": "Bắc Ninh, ngày 05 tháng 01 năm 2026"},
        "subject": "Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm 2026",
        "subject_rule_mm": 50,
        "recipients": ["Chủ tịch Ủy ban nhân dân tỉnh"],
        "bases": ["Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
                  "Tờ trình số 01/TTr-SCT ngày 16 tháng 12 năm 2026 của Sở Công Thương (đơn vị Trưởng Khối thi đua các "
                  "sở quản lý kinh tế)",
                  "kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 03 tháng 01 năm 2027"],
        "findings": ["Tiếp nhận 03 hồ sơ đề nghị khen thưởng kèm theo 01 Tờ trình nêu trên",
                     "02 hồ sơ đủ thành phần, thủ tục và đạt tiêu chuẩn của danh hiệu, hình thức đề nghị",
                     "01 hồ sơ chưa đủ điều kiện, tiêu chuẩn, đã trả lại (Thông báo số 01/TB-SNV)"],
        "standing": False,
        "council": "Ngày 03 tháng 01 năm 2027, Hội đồng Thi đua - Khen thưởng tỉnh đã họp. Kết quả bỏ phiếu như sau:",
        "rows": [
            {"stt": 1, "name": "Sở Công Thương", "award": "Cờ thi đua của Ủy ban nhân dân tỉnh", "votes": "9/10",
             "percent": "90,00%", "result": "Đề nghị" if recommended else "Không đề nghị",
             "opinion": ""},
            {"stt": 2, "name": "Lê Văn Đức, Phó Chánh Văn phòng, Sở Công Thương",
             "award": "Chiến sĩ thi đua cấp tỉnh", "votes": "8/10", "percent": "80,00%", "result": "Không đề nghị",
             "opinion": ""},
        ],
        "proposal": "Trên cơ sở kết quả bỏ phiếu của Hội đồng, Sở Nội vụ đề nghị Chủ tịch Ủy ban nhân dân tỉnh "
        "xem xét, tặng:" if recommended else "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý.",
        "awards": ["Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể"] if recommended else [],
        "closing": "(Có dự thảo Quyết định và hồ sơ kèm theo). Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh "
        "xem xét, quyết định./.",
        "receivers": ["Như trên", "Lưu: VT, TĐKT"],
        "signer": {"prefix": "", "title": "GIÁM ĐỐC", "name": "Lê Quang Huy"},
    }


def central_proposal_context() -> CentralProposalContext:
    """The Chairman's Tờ trình to the Prime Minister, as the forwarding builder would give it."""
    return {
        "header": {"parent_agency": "", "issuer_lines": ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], "rule_mm": 15,
                   "number": "01/TTr-UBND", "place_date": "Bắc Ninh, ngày 08 tháng 01 năm 2027"},
        "subject": "Về việc đề nghị Thủ tướng Chính phủ tặng Bằng khen của Thủ tướng Chính phủ năm 2026",
        "subject_rule_mm": 50,
        "recipients": ["Thủ tướng Chính phủ", "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"],
        "bases": ["Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
                  "kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 03 tháng 01 năm 2027"],
        "council": "Ngày 03 tháng 01 năm 2027, Hội đồng Thi đua - Khen thưởng tỉnh đã họp. Kết quả bỏ phiếu như sau:",
        "rows": [{"stt": 1, "name": "Sở Nông nghiệp và Môi trường", "award": "Bằng khen của Thủ tướng Chính phủ",
                  "votes": "9/10", "percent": "90,00%", "result": "Đề nghị", "opinion": ""}],
        "proposal": "Ủy ban nhân dân tỉnh Bắc Ninh kính trình Thủ tướng Chính phủ xem xét, tặng:",
        "awards": ["Bằng khen của Thủ tướng Chính phủ cho 01 tập thể"],
        "attachments": "(Có biên bản, kết quả bỏ phiếu của Hội đồng và báo cáo thành tích kèm theo).",
        "closing": "Ủy ban nhân dân tỉnh Bắc Ninh kính trình Thủ tướng Chính phủ xem xét, quyết định./.",
        "receivers": ["Như trên", "Lưu: VT, NV"],
        "signer": {"prefix": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Minh Hằng"},
    }
