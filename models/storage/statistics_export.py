"""A year's figures as a workbook: one sheet per table the statistics page shows, with Vietnamese headers."""

from models.domain.statistics import Line, YearFigures
from models.storage.organisation_workbook import write_workbook

LINE_HEADERS = ["Số hồ sơ đề nghị", "Tỷ lệ trên tổng số hồ sơ (%)", "Được khen thưởng"]
SHARE_HEADERS = ["Khối thi đua", "Hình thức khen thưởng tập thể", "Số đơn vị được khen thưởng",
                 "Số đơn vị trong Khối", "Tỷ lệ đơn vị được khen thưởng (%)"]


def percent(fraction: float) -> float:
    return round(fraction * 100, 1)


def _sheet(first_header: str, lines: list[Line]) -> list[list[object]]:
    return [[first_header, *LINE_HEADERS],
            *[[line.label, line.nominated, percent(line.share), line.awarded] for line in lines]]


def statistics_workbook(figures: YearFigures) -> bytes:
    return write_workbook({
        "Theo hình thức": _sheet("Hình thức khen thưởng", figures.by_award),
        "Theo khối": _sheet("Khối thi đua", figures.by_block),
        "Theo đối tượng": _sheet("Đối tượng", figures.by_recipient),
        "Theo trạng thái": _sheet("Trạng thái", figures.by_state),
        "Tỷ lệ đơn vị": [SHARE_HEADERS, *[[s.block_name, s.award_name, s.units_awarded, s.units_in_block,
                                          percent(s.share)] for s in figures.block_shares]],
    })
