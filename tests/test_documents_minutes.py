"""The block meeting's Biên bản: the vote table, attendance, the absentees and the newly elected heads."""

from __future__ import annotations

import pytest

from docx_templates import DocumentKind, render_document
from flows.documents.minutes import COUNT_HEADINGS, METHOD_WORDS
from models.domain.enums import VoteMethod
from tests.documents_fixtures import minutes_context
from tests.docx_read import body_texts, open_docx, rows_of


def test_minutes_votes_table() -> None:
    doc = open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context()))
    assert rows_of(doc.tables[0])[0][0].split("\n")[:3] == [
        "UBND TỈNH BẮC NINH",
        "KHỐI THI ĐUA CÁC SỞ",
        "QUẢN LÝ KINH TẾ",
    ]
    rows = rows_of(doc.tables[1])
    assert rows[0] == [
        "STT",
        "Tên tập thể, cá nhân",
        "Hình thức đề nghị",
        "Đồng ý",
        "Không đồng ý",
        "Phiếu trắng",  # a secret ballot: blank ballots, not "Không biểu quyết"
        "Phiếu không hợp lệ",
        "Tỷ lệ",
        "Kết quả",
    ]
    assert rows[1:] == [
        ["1", "Sở Nông nghiệp và Môi trường", "Cờ thi đua của UBND tỉnh", "6", "1", "0", "0", "85,71%", "Đề nghị"],
        [
            "2",
            "Nguyễn Thị Hồng Nhung",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "3",
            "2",
            "1",
            "1",
            "42,86%",
            "Không đề nghị",
        ],
    ]
    assert "Thành phần tham dự: 6/7 thành viên của Khối có mặt." in body_texts(doc)
    assert "Chủ trì: Nguyễn Văn An, Giám đốc Sở Công Thương, Trưởng Khối." in body_texts(doc)
    secretary, chair = doc.tables[2].rows[0].cells
    assert [p.text for p in secretary.paragraphs if p.text] == ["THƯ KÝ", "Trần Thị Bích Ngọc"]
    assert [p.text for p in chair.paragraphs if p.text] == ["CHỦ TRÌ", "Nguyễn Văn An"]


def test_minutes_absentees_sentence() -> None:
    two_absent = open_docx(
        render_document(DocumentKind.MEETING_MINUTES, minutes_context(absentees=["Sở Xây dựng", "Sở Tài chính"]))
    )
    assert "Vắng: Sở Xây dựng, Sở Tài chính." in body_texts(two_absent)
    everyone = open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context(absentees=[])))
    assert "Không có thành viên vắng mặt." in body_texts(everyone)
    assert not any(text.startswith("Vắng") for text in body_texts(everyone))


def test_minutes_deputy_sentence_only_when_elected() -> None:
    with_deputy = body_texts(open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context())))
    assert "Hội nghị thống nhất bầu Sở Tài chính làm Phó Trưởng Khối năm 2027." in with_deputy
    without = body_texts(open_docx(render_document(DocumentKind.MEETING_MINUTES, minutes_context(next_deputy=""))))
    assert not any("Phó Trưởng Khối" in text for text in without)
    assert "Hội nghị thống nhất bầu Sở Nông nghiệp và Môi trường làm Trưởng Khối năm 2027." in without


@pytest.mark.parametrize(("method", "headings"), [
    (VoteMethod.SECRET_BALLOT, ["Phiếu trắng", "Phiếu không hợp lệ"]),
    (VoteMethod.SHOW_OF_HANDS, ["Không biểu quyết", "Phiếu không hợp lệ"]),
])
def test_minutes_count_headings_follow_the_method(method: VoteMethod, headings: list[str]) -> None:
    """A secret ballot counts blank ballots ("Phiếu trắng"); a show of hands, members who did not vote."""
    context = minutes_context()
    context["method"] = METHOD_WORDS[method]
    context["abstain_heading"], context["invalid_heading"] = COUNT_HEADINGS[method]
    doc = open_docx(render_document(DocumentKind.MEETING_MINUTES, context))
    assert rows_of(doc.tables[1])[0][5:7] == headings
