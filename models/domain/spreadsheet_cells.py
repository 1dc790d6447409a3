"""Cells a spreadsheet would run as formulas (OWASP "CSV injection"): neutralised on export, refused on import.

Excel and LibreOffice treat a cell that starts with = + - @, a tab or a carriage return as a formula, so a reason
typed as "=HYPERLINK(...)" would run on the auditor's machine when the export is opened.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralised(value: object) -> object:
    """The value as a cell that shows, not runs: a leading ' makes the spreadsheet read it as text."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value
