"""A year's figures, pure: counts and shares of nominations by award, block, recipient kind and state, and the
share of each block's units that received each collective form.

The counting is done by the database (models/storage/statistics.py groups the nominations); this module only folds
the grouped rows into the tables the desk and GET /statistics show, so both agree.
"""

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from models.domain.enums import RecipientKind, State
from models.domain.vietnamese import RECIPIENT_VI, STATE_VI


@dataclass(frozen=True)
class Tally:
    """One group of nominations of the year: how many share this award, block, recipient kind and state."""

    award_id: int
    block_id: int
    recipient_kind: RecipientKind
    state: State
    count: int


@dataclass(frozen=True)
class Line:
    """One row of a table: nominations proposed, and of them awarded; `share` of all the year's nominations."""

    key: str
    label: str
    nominated: int
    awarded: int
    share: float


@dataclass(frozen=True)
class BlockShare:
    """How many of a block's member units received a collective form, out of how many units it has."""

    block_id: int
    block_name: str
    award_code: str
    award_name: str
    units_awarded: int
    units_in_block: int
    share: float


@dataclass(frozen=True)
class YearFigures:
    year: int
    nominated: int
    awarded: int
    by_award: list[Line]
    by_block: list[Line]
    by_recipient: list[Line]
    by_state: list[Line]
    block_shares: list[BlockShare]


@dataclass(frozen=True)
class Names:
    """What the grouped rows' ids are called: awards (code, name, who receives it), blocks (name)."""

    awards: Mapping[int, tuple[str, str, RecipientKind]]
    blocks: Mapping[int, str]

    def award(self, award_id: int) -> tuple[str, str]:
        """(code, label): the name, and whom it is for where two forms share a name (the Chairman's Bằng khen
        for a collective and for an individual)."""
        code, name, kind = self.awards[award_id]
        shared = sum(1 for _, other, _ in self.awards.values() if other == name) > 1
        return code, f"{name} ({RECIPIENT_VI[kind].lower()})" if shared else name


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _lines(tallies: Iterable[Tally], total: int, key_of: Callable[[Tally], Hashable],
           describe: Callable[[Hashable], tuple[str, str]]) -> list[Line]:
    """Tallies summed per key, largest first; `describe` gives each key's (key, label)."""
    nominated: dict[Hashable, int] = {}
    awarded: dict[Hashable, int] = {}
    for t in tallies:
        nominated[key_of(t)] = nominated.get(key_of(t), 0) + t.count
        if t.state is State.AWARDED:
            awarded[key_of(t)] = awarded.get(key_of(t), 0) + t.count
    lines = [Line(*describe(k), nominated=n, awarded=awarded.get(k, 0), share=share(n, total))
             for k, n in nominated.items()]
    return sorted(lines, key=lambda line: (-line.nominated, line.label))


def year_figures(year: int, tallies: list[Tally], names: Names, units_awarded: Mapping[tuple[int, int], int],
                 block_sizes: Mapping[int, int]) -> YearFigures:
    """`units_awarded`: (block id, award id) → distinct units that received that collective form;
    `block_sizes`: block id → member units in the year."""
    total = sum(t.count for t in tallies)
    collective_pairs = {(t.block_id, t.award_id) for t in tallies if t.recipient_kind is RecipientKind.COLLECTIVE}
    shares = [BlockShare(block_id=b, block_name=names.blocks[b], award_code=names.award(a)[0],
                         award_name=names.award(a)[1], units_awarded=units_awarded.get((b, a), 0),
                         units_in_block=block_sizes.get(b, 0),
                         share=share(units_awarded.get((b, a), 0), block_sizes.get(b, 0)))
              for b, a in collective_pairs]
    state_order = {s: i for i, s in enumerate(State)}
    by_state = _lines(tallies, total, lambda t: t.state, lambda s: (str(s), STATE_VI[State(str(s))]))
    return YearFigures(
        year=year, nominated=total, awarded=sum(t.count for t in tallies if t.state is State.AWARDED),
        by_award=_lines(tallies, total, lambda t: t.award_id, lambda a: names.award(int(str(a)))),
        by_block=_lines(tallies, total, lambda t: t.block_id, lambda b: (str(b), names.blocks[int(str(b))])),
        by_recipient=_lines(tallies, total, lambda t: t.recipient_kind,
                            lambda k: (str(k), RECIPIENT_VI[RecipientKind(str(k))])),
        by_state=sorted(by_state, key=lambda line: state_order[State(line.key)]),
        block_shares=sorted(shares, key=lambda s: (s.block_name, s.award_name)),
    )
