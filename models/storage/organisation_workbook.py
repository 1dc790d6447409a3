"""The organisation workbook as an .xlsx file: read into plain cells for models.domain.organisation_sheets, and
written back for export. openpyxl does the file format; this module only says how cells cross over."""

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from models.domain.errors import DomainError, Problem
from models.domain.organisation_cells import Cell, Formula
from models.domain.organisation_sheets import LAYOUT

MAX_ROWS = 100_000  # per sheet: far above a province's units and staff, far below what would exhaust the server
DATE_FORMAT = "DD/MM/YYYY"


def read_workbook(content: bytes) -> dict[str, list[list[Cell]]]:
    """Sheet name → rows of cells as typed; a cell the workbook computes comes back as a Formula."""
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DomainError(Problem("file", "organisation.file",
                                  f"The file is not an Excel workbook (.xlsx): {error}.",
                                  vi="Tệp không phải là bảng tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx."),
                          ) from None
    try:
        sheets: dict[str, list[list[Cell]]] = {}
        for sheet in book.worksheets:
            if (sheet.max_row or 0) > MAX_ROWS:
                raise DomainError(Problem(sheet.title, "organisation.too_many_rows",
                                          f"Sheet {sheet.title!r} has more than {MAX_ROWS} rows.",
                                          vi=f"Trang {sheet.title!r} có hơn {MAX_ROWS} dòng."))
            sheets[sheet.title] = [[_cell(cell) for cell in row] for row in sheet.iter_rows()]
        return sheets
    finally:
        book.close()


def _cell(cell: Any) -> Cell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(getattr(value, "text", value)))  # an array formula keeps its text in .text
    if value is None or isinstance(value, str | int | float | date | bool):
        return value
    return str(value)  # a time or a duration: not a value this workbook has, so the reader refuses it as text


# Characters an .xlsx (XML 1.0) cannot hold. Stored text may contain them (an API client sent them); an export must
# still succeed, so each is written as U+FFFD, the mark of a character that could not be shown.
NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def printable_in_xlsx(text: str) -> str:
    return NOT_IN_XLSX.sub("\ufffd", text)


def write_workbook(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    """The sheets as an .xlsx file. Text is written as text even when it starts with = + - @: the spreadsheet
    shows it and never runs it, and reading the file back gives the same text."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is None:
                    continue
                if isinstance(value, str):
                    value = printable_in_xlsx(value)
                cell = sheet.cell(row=number, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
                elif isinstance(value, date | datetime):
                    cell.number_format = DATE_FORMAT
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def workbook_of_records(sheets: Mapping[str, Sequence[Mapping[str, object]]]) -> bytes:
    """Records keyed by the layout's column keys, as the workbook an office would fill in: the headers first."""
    return write_workbook({sheet: [[c.header for c in LAYOUT[sheet]], *[[row.get(c.key) for c in LAYOUT[sheet]]
                                                                         for row in rows]]
                           for sheet, rows in sheets.items()})
