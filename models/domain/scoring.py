"""A block's scoring, pure: checking scores against the criteria set, each member's total with its bonus and
penalty caps, its rating from the bands, and the ranking with the set's tie-break rule.

The caller gives the effective points of each member (the head's adjustment where there is one, else the self-score);
nothing here reads a database, so the arithmetic is tested on its own (tests/test_pure_scoring.py).
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from models.domain.errors import Problem
from models.domain.facts import Rating
from models.domain.scoring_criteria import Band, CriteriaSetDefinition

# From the lowest rating to the highest: a leader "at least htxsnv" compares by this order.
RATING_ORDER: tuple[Rating, ...] = ("khtnv", "htnv", "httnv", "htxsnv")
ZERO = Decimal(0)


def points_vi(points: Decimal | float) -> str:
    """Points as Vietnamese writes them: "96", "92,5", "0,25"."""
    return f"{Decimal(str(points)).normalize():f}".replace(".", ",")


def scored_items(definition: CriteriaSetDefinition) -> dict[str, tuple[str, Decimal]]:
    """Every code a score may name → (kind, maximum): leaves are "criterion", the others "bonus" or "penalty"."""
    items = {leaf.code: ("criterion", leaf.max_points) for _, leaf, _ in definition.leaves()}
    items |= {a.code: ("bonus", a.max_points) for a in definition.bonus}
    items |= {a.code: ("penalty", a.max_points) for a in definition.penalties}
    return items


def score_problem(definition: CriteriaSetDefinition, code: str, points: Decimal, field: str) -> Problem | None:
    """Why a score for this code cannot be given (an unknown code, or more than its maximum), or None."""
    item = scored_items(definition).get(code)
    if item is None:
        return Problem(f"{field}.criterion_code", "scoring.criterion",
                       f"{code!r} is not a scored criterion of the set {definition.code} (a group is scored through "
                       "its criteria).",
                       vi=f"«{code}» không phải tiêu chí được chấm điểm trong bảng tiêu chí {definition.code} "
                          "(nhóm tiêu chí được tính từ các tiêu chí thành phần).")
    if points > item[1]:
        return Problem(f"{field}.points", "scoring.over_maximum",
                       f"{code} is scored {points}, more than its maximum of {item[1]} points.",
                       vi=f"Tiêu chí «{code}» được chấm {points_vi(points)} điểm, vượt quá điểm tối đa "
                          f"({points_vi(item[1])} điểm).")
    return None


@dataclass(frozen=True)
class Breakdown:
    """One member's result: its points per top-level group, its bonus and penalty after their caps."""

    unit_id: int
    groups: Mapping[str, Decimal]
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    rating: Rating
    unscored: tuple[str, ...]  # criteria with no score yet (counted as 0)


def rating_for(bands: Iterable[Band], total: Decimal) -> Rating:
    """The rating whose band holds this total; a total below every band (penalties) gets the lowest band."""
    ordered = sorted(bands, key=lambda b: b.from_points)
    held = [b for b in ordered if b.from_points <= total and (b.below_points is None or total < b.below_points)]
    return (held[0] if held else ordered[0]).rating


def breakdown(definition: CriteriaSetDefinition, unit_id: int, points: Mapping[str, Decimal]) -> Breakdown:
    groups = {g.code: ZERO for g in definition.groups}
    unscored = []
    for _, leaf, group in definition.leaves():
        if leaf.code in points:
            groups[group] += points[leaf.code]
        else:
            unscored.append(leaf.code)
    bonus = min(sum((points.get(a.code, ZERO) for a in definition.bonus), ZERO), definition.bonus_cap)
    penalty = min(sum((points.get(a.code, ZERO) for a in definition.penalties), ZERO), definition.penalty_cap)
    total = sum(groups.values(), ZERO) + bonus - penalty
    return Breakdown(unit_id, groups, bonus, penalty, total, rating_for(definition.bands, total), tuple(unscored))


@dataclass(frozen=True)
class Ranked:
    rank: int  # 1 is first; members still tied after every tie-break rule share a rank
    tied: bool  # shares its rank with another member
    result: Breakdown


OrderKey = tuple[Decimal | int, ...]


def _order_key(definition: CriteriaSetDefinition, vote_order: Sequence[int]) -> Callable[[Breakdown], OrderKey]:
    position = {unit: i for i, unit in enumerate(vote_order)}
    unvoted = len(vote_order)

    def key(b: Breakdown) -> OrderKey:
        parts: list[Decimal | int] = [-b.total]
        for rule in definition.tie_break:
            if rule.startswith("group:"):
                parts.append(-b.groups[rule.removeprefix("group:")])
            elif rule == "fewer_penalties":
                parts.append(b.penalty)
            elif rule == "block_vote":
                parts.append(position.get(b.unit_id, unvoted))
        return tuple(parts)

    return key


def rank(
    definition: CriteriaSetDefinition, results: Iterable[Breakdown], vote_order: Sequence[int] = ()
) -> list[Ranked]:
    """Members from first to last: the higher total first, then the set's tie-break rules in their order
    ("block_vote" reads `vote_order`, the units as the block's meeting placed them). Members equal on every rule
    share a rank (1, 1, 3) and are marked tied; the list is then ordered by unit id, so it is stable."""
    key = _order_key(definition, vote_order)
    ordered = sorted(results, key=lambda b: (key(b), b.unit_id))
    keys = [key(b) for b in ordered]
    ranked = []
    for i, b in enumerate(ordered):
        first = keys.index(keys[i])
        ranked.append(Ranked(first + 1, keys.count(keys[i]) > 1, b))
    return ranked


def leader_problem(definition: CriteriaSetDefinition, ranked: Sequence[Ranked]) -> Problem | None:
    """Why the ranking names no leading unit (a tie for first the rules leave, a first below the set's minimum
    rating), or None."""
    if not ranked:
        return Problem("unit_id", "scoring.no_members", "Nobody has been scored.",
                       vi="Chưa có đơn vị nào được chấm điểm.")
    first = ranked[0]
    if first.tied:
        tied = [str(r.result.unit_id) for r in ranked if r.rank == 1]
        return Problem("vote_order", "scoring.tie_for_first",
                       f"Units {', '.join(tied)} are tied for first place; the tie-break rules do not separate them.",
                       vi=f"Các đơn vị mã số {', '.join(tied)} bằng nhau ở vị trí thứ nhất; các tiêu chí so sánh "
                          "chưa phân định được (ghi thứ tự do hội nghị Khối bình xét vào «vote_order»).")
    minimum = definition.leader_min_rating
    if minimum is not None and RATING_ORDER.index(first.result.rating) < RATING_ORDER.index(minimum):
        return Problem("unit_id", "scoring.leader_rating",
                       f"The first unit is rated {first.result.rating}, below the {minimum} a leader needs.",
                       vi="Đơn vị xếp thứ nhất chưa đạt mức xếp loại mà đơn vị dẫn đầu Khối phải đạt.")
    return None


def leader(definition: CriteriaSetDefinition, ranked: Sequence[Ranked]) -> int | None:
    """The leading unit's id, when the ranking names one."""
    return ranked[0].result.unit_id if leader_problem(definition, ranked) is None else None
