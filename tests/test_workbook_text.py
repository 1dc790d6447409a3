"""An export never fails on stored text an .xlsx cannot hold (control characters, U+FFFE, lone surrogates, as an
API client may send them): each such character is written as U+FFFD and the rest of the text is kept."""

from models.storage.organisation_workbook import read_workbook, write_workbook


def test_characters_an_xlsx_cannot_hold_are_written_as_the_replacement_mark() -> None:
    content = write_workbook({"Hội đồng": [["Họ và tên"], ["Nguyễn\x01 Văn\ufffe An\ud800"], ["=1+1"]]})
    assert read_workbook(content)["Hội đồng"] == [["Họ và tên"], ["Nguyễn\ufffd Văn\ufffd An\ufffd"], ["=1+1"]]
