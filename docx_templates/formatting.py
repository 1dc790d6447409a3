"""Vietnamese formatting of dates, numbers and document numbers (Decree 30/2020/NĐ-CP).

Pure functions: no docx import, so the rest of the project can format values before
building a document context.
"""

from __future__ import annotations

from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

# Vietnamese writes "1.234,5": swap the English separators in one pass.
_VN_SEPARATORS = str.maketrans(",.", ".,")
_HUNDREDTH = Decimal("0.01")


def vn_date(d: date) -> str:
    """ "ngày 05 tháng 01 năm 2026".

    Decree 30 pads days below 10 and only months 1 and 2 ("tháng 01", "tháng 02", but
    "tháng 3"): a lone "1" or "2" could be extended by hand into "11" or "12".
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def vn_place_date(place: str, d: date) -> str:
    """ "Bắc Ninh, ngày 05 tháng 01 năm 2026" — the italic line under the motto."""
    return f"{place}, {vn_date(d)}"


def vn_time(t: time) -> str:
    """ "08 giờ 30 phút", as minutes record the opening and closing time."""
    return f"{t.hour:02d} giờ {t.minute:02d} phút"


def vn_percent(numerator: int, denominator: int) -> str:
    """ "85,71%" with half-up rounding; a vote share over nobody is "0,00%".

    Decimal, not float, so that a share sitting exactly on a half (e.g. 1/8 = 12,5%) rounds
    the way a clerk rounds by hand, and the printed value matches the vote arithmetic.
    """
    if numerator < 0 or denominator < 0:
        raise ValueError(f"negative vote count: {numerator}/{denominator}")
    if denominator == 0:
        return "0,00%"
    share = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(_HUNDREDTH, ROUND_HALF_UP)
    return f"{share:,.2f}".translate(_VN_SEPARATORS) + "%"


def vn_money(amount: int) -> str:
    """ "18.720.000 đồng" — amounts are whole đồng."""
    return f"{amount:,}".translate(_VN_SEPARATORS) + " đồng"


def vn_decimal(value: Decimal) -> str:
    """ "8,0", "1,5", "0,25": at least one decimal, because coefficients of the base salary
    are printed that way in the decrees ("8,0 lần mức lương cơ sở")."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite values always have an int exponent
    places = max(1, -exponent)
    return f"{value:,.{places}f}".translate(_VN_SEPARATORS)


def document_number(seq: int, type_code: str, issuer_code: str) -> str:
    """ "05/QĐ-UBND": number padded below 10, "/" type code, "-" issuer, no spaces.

    An empty type code gives the official-letter form "05/BNV-VP" (công văn carry no type code).
    """
    if seq < 1:
        raise ValueError(f"document numbers start at 01, got {seq}")
    symbol = f"{type_code}-{issuer_code}" if type_code else issuer_code
    return f"{seq:02d}/{symbol}"
