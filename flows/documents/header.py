"""The header block every document shares (Decree 30/2020, Annex I)."""

from datetime import date

from docx_templates.contexts import Header
from docx_templates.formatting import vn_place_date
from docx_templates.text_width import agency_lines, agency_rule_mm
from models.settings import get_settings


def province_upper() -> str:
    return f"TỈNH {get_settings().province_name}".upper()


def header(parent_agency: str, issuer_lines: list[str], number: str, on: date) -> Header:
    # A long name is broken at a word group here, not wherever Word would wrap it in the narrow column.
    lines = [part for line in issuer_lines for part in agency_lines(line.upper())]
    return Header(
        parent_agency=parent_agency.upper(),
        issuer_lines=lines,
        rule_mm=agency_rule_mm(lines[-1]),
        number=number,
        place_date=vn_place_date(get_settings().province_name, on),
    )


def file_stem(number: str) -> str:
    """'05/QĐ-UBND' → '05-QĐ-UBND', safe as a file name."""
    return number.replace("/", "-")
