"""The organisation workbook's two accepted forms: an .xlsx file, or a folder of .csv files (one per sheet, named
after it, e.g. "Đơn vị.csv" or "don-vi.csv"), sent as a .zip. Both read into the same cells, so the same checks
and the same all-or-nothing import apply.

A folder given to the CLI, or several .csv files uploaded at once, is packed into one canonical .zip first
(`csv_bundle`: sorted names, fixed times), so the same files always have the same SHA-256 in the import log.
CSV cells are text: an empty cell is an empty value; dates are dd/mm/yyyy as in the workbook. UTF-8 (with or
without the BOM Excel writes), separated by commas or, as Excel writes it in Vietnamese settings, semicolons.
"""

import csv
import io
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import PurePosixPath

from models.domain.errors import DomainError, Problem
from models.domain.organisation_cells import Cell, loose_key
from models.domain.organisation_sheets import LAYOUT
from models.storage.organisation_workbook import MAX_ROWS, read_workbook

MAX_CSV_BYTES = 50 * 1024 * 1024  # the whole folder, unpacked: a .zip cannot grow past this in memory
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def read_organisation_file(content: bytes) -> dict[str, list[list[Cell]]]:
    """Sheet name → rows of cells, from an .xlsx or a .zip of .csv files."""
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return read_workbook(content)  # refuses what is not an .xlsx, in Vietnamese
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        if not any(n.lower().endswith(".csv") for n in names):
            return read_workbook(content)
        return _read_csv_members(archive, names)


def _read_csv_members(archive: zipfile.ZipFile, names: list[str]) -> dict[str, list[list[Cell]]]:
    if sum(archive.getinfo(n).file_size for n in names) > MAX_CSV_BYTES:
        raise _file_problem(f"The .csv files are larger than {MAX_CSV_BYTES // 2**20} MiB unpacked.",
                            f"Các tệp .csv sau khi giải nén lớn hơn {MAX_CSV_BYTES // 2**20} MiB.")
    sheets: dict[str, list[list[Cell]]] = {}
    for name in sorted(names):
        path = PurePosixPath(name)
        if path.suffix.lower() != ".csv" or path.name.startswith((".", "~$")):
            continue  # a README or the spreadsheet program's lock files beside the sheets
        sheets[sheet_name(path.stem)] = read_csv(archive.read(name), path.name)
    return sheets


def sheet_name(stem: str) -> str:
    """"don-vi" and "Thanh_vien_khoi" name the workbook's sheets "Đơn vị" and "Thành viên khối" (case, accents,
    spacing, hyphens and underscores aside), so problems name the sheet as the workbook does."""
    spaced = " ".join(unicodedata.normalize("NFC", stem).replace("-", " ").replace("_", " ").split())
    return next((sheet for sheet in LAYOUT if loose_key(sheet) == loose_key(spaced)), spaced)


def read_csv(content: bytes, file_name: str) -> list[list[Cell]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_problem(f"{file_name} is not UTF-8 text.",
                            f"Tệp {file_name} không phải văn bản UTF-8; trong Excel hãy lưu dạng «CSV UTF-8».",
                            ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows: list[list[Cell]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append([cell if cell.strip() else None for cell in row])
        if len(rows) > MAX_ROWS:
            raise _file_problem(f"{file_name} has more than {MAX_ROWS} rows.",
                                f"Tệp {file_name} có hơn {MAX_ROWS} dòng.")
    return rows


def csv_bundle(files: Sequence[tuple[str, bytes]]) -> bytes:
    """Several .csv files as one .zip, the same bytes for the same files whatever order they came in."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files):
            archive.writestr(zipfile.ZipInfo(PurePosixPath(name).name, FIXED_TIME), content)
    return out.getvalue()


def _file_problem(message: str, vi: str) -> DomainError:
    return DomainError(Problem("file", "organisation.file", message, vi=vi))
