"""Award counts across years, the other figures a district or province reports at its year-end review: how many
awards of each form went to collectives, individuals and households, per block and year and for all blocks."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from models.domain.enums import RecipientKind


@dataclass(frozen=True)
class AwardCount:
    year: int
    block_id: int | None  # None: the year's total over every block (and the recipients of no block)
    award_code: str
    recipient_kind: RecipientKind
    count: int


def award_statistics(grouped: Iterable[tuple[int, int | None, str, RecipientKind, int]]) -> list[AwardCount]:
    """From the database's groups (year, block or None for a recipient of no block that year, award, recipient
    kind, count): year by year, a row per block, award and kind, then the year's totals per award and kind."""
    rows = sorted(grouped, key=lambda g: (g[0], g[1] is None, g[1] or 0, g[2], g[3].value))
    totals: defaultdict[tuple[int, str, RecipientKind], int] = defaultdict(int)
    result = []
    for year, block_id, award_code, kind, count in rows:
        totals[(year, award_code, kind)] += count
        if block_id is not None:
            result.append(AwardCount(year, block_id, award_code, kind, count))
    result += [AwardCount(year, None, code, kind, count) for (year, code, kind), count in totals.items()]
    return sorted(result, key=lambda a: (a.year, a.block_id is None, a.block_id or 0, a.award_code,
                                         a.recipient_kind.value))
