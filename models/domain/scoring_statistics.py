"""Figures a district or province reports at its year-end review: how many units reached each rating, and shares
("85,7 % hoàn thành xuất sắc, không có đơn vị không hoàn thành"), per block and year and for all blocks together."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models.domain.facts import Rating
from models.domain.scoring import RATING_ORDER


@dataclass(frozen=True)
class RatingCount:
    year: int
    block_id: int | None  # None: every block with a closed year-end scoring that year
    units: int
    counts: dict[Rating, int]
    percents: dict[Rating, Decimal]  # one decimal, rounded half up; they may add up to 99.9 or 100.1


def count(year: int, block_id: int | None, ratings: Iterable[Rating]) -> RatingCount:
    given = list(ratings)
    counts = {r: given.count(r) for r in reversed(RATING_ORDER)}
    percents = {r: (Decimal(100 * n) / len(given)).quantize(Decimal("0.1"), ROUND_HALF_UP) if given else Decimal(0)
                for r, n in counts.items()}
    return RatingCount(year, block_id, len(given), counts, percents)


def rating_statistics(scored: Iterable[tuple[int, int, list[Rating]]]) -> list[RatingCount]:
    """From (year, block, its members' ratings) of each closed year-end scoring: a row per block and year, then a
    row per year for all its blocks together."""
    rows = sorted(scored)
    by_year: dict[int, list[Rating]] = {}
    result = []
    for year, block_id, ratings in rows:
        result.append(count(year, block_id, ratings))
        by_year.setdefault(year, []).extend(ratings)
    result += [count(year, None, ratings) for year, ratings in sorted(by_year.items())]
    return result
