"""The pure Vietnamese formatting helpers: dates, times, percentages, money, decimals and document numbers."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from docx_templates.formatting import (
    document_number,
    vn_date,
    vn_decimal,
    vn_money,
    vn_percent,
    vn_place_date,
    vn_time,
)
from tests.documents_fixtures import PLACE_DATE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 3), "ngày 03 tháng 3 năm 2026"),
        (date(2026, 12, 15), "ngày 15 tháng 12 năm 2026"),
    ],
)
def test_vn_date(value: date, expected: str) -> None:
    assert vn_date(value) == expected


def test_vn_place_date_and_time() -> None:
    assert vn_place_date("Bắc Ninh", date(2026, 1, 5)) == PLACE_DATE
    assert vn_time(time(8, 30)) == "08 giờ 30 phút"
    assert vn_time(time(14, 5)) == "14 giờ 05 phút"


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(6, 7, "85,71%"), (1, 3, "33,33%"), (2, 3, "66,67%"), (1, 8, "12,50%"), (7, 7, "100,00%"), (0, 0, "0,00%")],
)
def test_vn_percent(numerator: int, denominator: int, expected: str) -> None:
    assert vn_percent(numerator, denominator) == expected


def test_vn_percent_rounds_halves_up() -> None:
    # 1/32 = 3.125 % and 1/160 = 0.625 % sit exactly on a half: round() would give 3.12 and 0.62.
    assert vn_percent(1, 32) == "3,13%"
    assert vn_percent(1, 160) == "0,63%"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(18_720_000, "18.720.000 đồng"), (0, "0 đồng"), (702_000, "702.000 đồng"), (1_404_000_000, "1.404.000.000 đồng")],
)
def test_vn_money(amount: int, expected: str) -> None:
    assert vn_money(amount) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("8", "8,0"), ("8.0", "8,0"), ("1.5", "1,5"), ("1.50", "1,5"), ("0.25", "0,25"), ("1234.5", "1.234,5")],
)
def test_vn_decimal(value: str, expected: str) -> None:
    assert vn_decimal(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((5, "QĐ", "UBND"), "05/QĐ-UBND"),
        ((123, "TTr", "SCT"), "123/TTr-SCT"),
        ((10, "BB", "KTĐKT"), "10/BB-KTĐKT"),
        ((5, "", "BNV-VP"), "05/BNV-VP"),
    ],
)
def test_document_number(args: tuple[int, str, str], expected: str) -> None:
    assert document_number(*args) == expected
