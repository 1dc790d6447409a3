"""A small real-looking province as an office would type its workbook: 3 blocks, 9 units, their staff."""

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook

YEAR = 2027

UNITS_HEADER = ["Mã đơn vị", "Tên đơn vị", "Cơ quan chủ quản", "Loại hình", "Chức danh thủ trưởng",
                "Họ tên thủ trưởng", "Hoạt động từ ngày", "Đến ngày"]
PEOPLE_HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị"]
BLOCKS_HEADER = ["Mã khối", "Tên khối", "Loại"]
MEMBERS_HEADER = ["Năm", "Mã khối", "Mã đơn vị", "Vai trò"]
AGENCY = "UBND TỈNH HÀ NAM NINH"


def province() -> dict[str, list[list[Any]]]:
    """Sheet name → rows, header first; dates as a spreadsheet gives them (datetime) or typed as text."""
    units: list[list[Any]] = [UNITS_HEADER,
             ["HN-SCT", "Sở Công Thương tỉnh Hà Nam Ninh", AGENCY, "Sở, ban, ngành", "Giám đốc", "Trần Văn An",
              datetime(2025, 7, 1), None],
             ["HN-STC", "Sở Tài chính", AGENCY, "Sở, ban, ngành", "Giám đốc", "Lê Thị Bình", "01/07/2025", None],
             ["HN-SXD", "Sở Xây dựng", AGENCY, "department", "Giám đốc", "Phạm Văn Cường", None, None],
             ["HN-HND", "Hội Nông dân tỉnh", AGENCY, "Hội, đoàn thể", "Chủ tịch", "Đỗ Văn Dũng", None, None],
             ["HN-LDLD", "Liên đoàn Lao động tỉnh", AGENCY, "Hội, đoàn thể", "Chủ tịch", "Vũ Thị Én", None, None],
             ["HN-HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", AGENCY, "hoi, doan the", "Chủ tịch", "Ngô Thị Phương",
              None, None],
             ["HN-XAN", "Ủy ban nhân dân xã An Nội", AGENCY, "Xã, phường", "Chủ tịch", "Hoàng Văn Giang",
              None, None],
             ["HN-XBN", "Ủy ban nhân dân xã Bình Nghĩa", AGENCY, "Xã, phường", "Chủ tịch", "Bùi Văn Hải",
              None, None],
             ["HN-XDN", "Ủy ban nhân dân xã Đồng Du", AGENCY, "Xã, phường", "Chủ tịch", "Đinh Thị Hoa", None, None]]
    people: list[list[Any]] = [PEOPLE_HEADER,
              ["Nguyễn Thị Lan", "Nữ", datetime(1985, 3, 12), "Trưởng phòng Quản lý công nghiệp", "HN-SCT"],
              ["Trần Minh Khoa", "Nam", "24/11/1990", "Chuyên viên", "HN-SCT"],
              ["Lê Văn Mạnh", "nam", None, "Phó Giám đốc", "HN-STC"],
              ["Phạm Thu Ngân", "Nữ", datetime(1979, 6, 2), "Chủ tịch Hội", "HN-HND"],
              ["Đào Văn Quý", "Nam", datetime(1982, 1, 30), "Chủ tịch xã", "HN-XAN"]]
    blocks: list[list[Any]] = [BLOCKS_HEADER,
              ["HN-KHOI-KT", "Khối thi đua các sở kinh tế", "Khối"],
              ["HN-KHOI-DT", "Khối thi đua các đoàn thể tỉnh", "khối"],
              ["HN-CUM-XA", "Cụm thi đua các xã phía Nam", "Cụm"]]
    members: list[list[Any]] = [MEMBERS_HEADER,
               [YEAR, "HN-KHOI-KT", "HN-SCT", "Trưởng khối"], [YEAR, "HN-KHOI-KT", "HN-STC", "Phó khối"],
               [YEAR, "HN-KHOI-KT", "HN-SXD", "Thành viên"],
               [YEAR, "HN-KHOI-DT", "HN-HND", "Trưởng khối"], [YEAR, "HN-KHOI-DT", "HN-LDLD", "Phó khối"],
               [YEAR, "HN-KHOI-DT", "HN-HLHPN", "Thành viên"],
               [YEAR, "HN-CUM-XA", "HN-XAN", "Trưởng khối"], [YEAR, "HN-CUM-XA", "HN-XBN", "Phó khối"],
               [YEAR, "HN-CUM-XA", "HN-XDN", "thanh vien"]]
    return {"Đơn vị": units, "Cá nhân": people, "Khối": blocks, "Thành viên khối": members}


def xlsx(sheets: Mapping[str, Sequence[Sequence[Any]]]) -> bytes:
    """The sheets as a real .xlsx file, written by openpyxl as a spreadsheet program would save it."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, datetime | date):
                    cell.number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_values(content: bytes) -> dict[str, list[list[Any]]]:
    """What a workbook holds, read back with openpyxl."""
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
