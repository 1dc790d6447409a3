"""The block meeting's Biên bản, the counting committee's Biên bản kiểm phiếu and the council session's Biên bản,
rendered from full contexts and read back as a clerk checks them: number, delegates, absences with their reasons,
the committee and its count, the vote table's headings, the election of next year's head, the signatures."""

from __future__ import annotations

from docx_templates import DocumentKind, render_document
from tests.decree30 import check_header, check_keeps_together, check_page, check_title, look, texts
from tests.documents_fixtures import minutes_context
from tests.docx_read import body_texts, open_docx, rows_of
from tests.minutes_contexts import ballot_count_context, council_minutes_context

BLOCK_LINES = ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"]


def test_minutes_number_delegates_absences_committee_and_count() -> None:
    doc = open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context()))
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", BLOCK_LINES, "01/BB-KKT")
    check_title(doc, "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2026")
    body = body_texts(doc)
    start = body.index("Thành phần tham dự: 6/7 đơn vị thành viên của Khối có mặt:")
    assert body[start + 1:start + 9] == [
        "- Sở Công Thương;", "- Sở Tài chính;", "- Sở Nông nghiệp và Môi trường;", "- Sở Khoa học và Công nghệ;",
        "- Ban Quản lý các khu công nghiệp tỉnh;", "- Thống kê tỉnh.", "Vắng mặt:",
        "- Sở Xây dựng (lý do: đi công tác)."]
    committee = body.index("Ban kiểm phiếu gồm:")
    assert body[committee + 1:committee + 3] == ["- Lê Văn Đức, Trưởng ban;", "- Phạm Thu Hà, Thành viên."]
    count = body.index("Kết quả kiểm phiếu (có Biên bản kiểm phiếu kèm theo):")
    assert body[count + 1:count + 5] == ["- Số phiếu phát ra: 06 phiếu;", "- Số phiếu thu về: 06 phiếu;",
                                         "- Số phiếu hợp lệ: 06 phiếu;", "- Số phiếu không hợp lệ: 00 phiếu."]
    assert ("Hội nghị bầu Sở Nông nghiệp và Môi trường làm Trưởng Khối năm 2027 với 6/7 phiếu đồng ý (85,71% tổng "
            "số thành viên của Khối).") in body


def test_minutes_vote_table_has_the_secret_ballot_s_counts_and_the_nominee_s_position() -> None:
    doc = open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context()))
    rows = rows_of(doc.tables[1])
    assert rows[0] == ["STT", "Tên tập thể, cá nhân", "Hình thức đề nghị", "Đồng ý", "Không đồng ý",
                       "Phiếu không hợp lệ", "Tỷ lệ", "Kết quả"]
    assert rows[2] == ["2", "Nguyễn Thị Hồng Nhung, Phó Giám đốc, Sở Tài chính", "Bằng khen của Chủ tịch UBND tỉnh",
                       "3", "2", "1", "42,86%", "Không đề nghị"]
    secretary, chair = doc.tables[2].rows[0].cells
    assert [p.text for p in texts(secretary.paragraphs)] == ["THƯ KÝ", "Trần Thị Bích Ngọc"]
    assert [p.text for p in texts(chair.paragraphs)] == ["CHỦ TRÌ", "Nguyễn Văn An"]
    check_keeps_together(doc.tables[2])


def test_minutes_without_absentees_or_deputy_say_so() -> None:
    body = body_texts(open_docx(render_document(DocumentKind.MEETING_MINUTES,
                                                minutes_context(absentees=[], deputy_election=""))))
    assert "Không có thành viên vắng mặt." in body and "Vắng mặt:" not in body
    assert not any("Phó Trưởng Khối" in text for text in body)


def test_ballot_count_lists_the_committee_each_award_and_is_signed_by_it() -> None:
    doc = open_docx(render_document(DocumentKind.BLOCK_BALLOT_COUNT, ballot_count_context()))
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", BLOCK_LINES, "")
    check_title(doc, "BIÊN BẢN KIỂM PHIẾU", "Bình xét thi đua, khen thưởng năm 2026")
    body = body_texts(doc)
    assert body[body.index("Kết quả kiểm phiếu như sau:") + 1] == "- Số phiếu phát ra: 06 phiếu;"
    flag, merit = doc.tables[1:3]
    assert body.index("1. Cờ thi đua của Ủy ban nhân dân tỉnh") < body.index("2. Bằng khen của Chủ tịch Ủy ban nhân "
                                                                             "dân tỉnh")
    assert rows_of(flag) == [["STT", "Tên tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Phiếu không hợp lệ",
                              "Tỷ lệ đồng ý"], ["1", "Sở Công Thương", "6", "0", "0", "85,71%"]]
    assert len(rows_of(merit)) == 3
    members, head = (texts(cell.paragraphs) for cell in doc.tables[-1].rows[0].cells)
    assert [p.text for p in members] == ["THÀNH VIÊN BAN KIỂM PHIẾU", "Phạm Thu Hà", "Đỗ Minh Khoa"]
    assert [p.text for p in head] == ["TRƯỞNG BAN KIỂM PHIẾU", "Lê Văn Đức"]
    assert all(look(p).bold for p in [*members, *head])
    check_keeps_together(doc.tables[-1])


def test_ballot_count_signature_stays_with_a_long_list() -> None:
    """Forty nominees push the signatures to the next page: they go there whole, with the closing line."""
    doc = open_docx(render_document(DocumentKind.BLOCK_BALLOT_COUNT, ballot_count_context(rows=40)))
    check_keeps_together(doc.tables[-1])
    closing = doc.tables[-1]._tbl.getprevious()
    assert closing.xpath("string(.)").startswith("Ban kiểm phiếu lập biên bản này")


def test_council_minutes_attendance_written_opinions_results_and_conclusion() -> None:
    doc = open_docx(render_document(DocumentKind.COUNCIL_MINUTES, council_minutes_context()))
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"], "01/BB-HĐTĐKT")
    check_title(doc, "BIÊN BẢN", "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng năm 2026")
    body = body_texts(doc)
    present = body.index("Thành phần: 2/4 thành viên Hội đồng có mặt:")
    assert body[present + 1:present + 7] == [
        "- Trần Văn Hùng, Chủ tịch UBND tỉnh;", "- Lê Quang Huy, Giám đốc Sở Nội vụ.",
        "Thành viên vắng mặt có ý kiến bằng văn bản:",
        "- Đỗ Thị Hải Yến, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh: Đồng ý đề nghị tặng Cờ thi đua cho Sở Công Thương.",
        "Thành viên vắng mặt không có ý kiến:", "- Ngô Văn Khải, Giám đốc Sở Giáo dục và Đào tạo."]
    assert rows_of(doc.tables[1])[1] == ["1", "Sở Công Thương", "Cờ thi đua của Ủy ban nhân dân tỉnh", "3/4",
                                         "75,00%", "Đề nghị"]
    conclusion = body.index("Kết luận: Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng:")
    assert body[conclusion + 1] == "- Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể."
    secretary, chair = (texts(cell.paragraphs) for cell in doc.tables[-1].rows[0].cells)
    assert [p.text for p in secretary] == ["THƯ KÝ", "Lê Quang Huy"]
    assert [p.text for p in chair] == ["TM. HỘI ĐỒNG", "CHỦ TỊCH", "Trần Văn Hùng"]
    check_keeps_together(doc.tables[-1])
