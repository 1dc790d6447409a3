"""A criteria set (bảng tiêu chí chấm điểm thi đua) as data: a province's or a block's own tree of criteria with
maximum points, its bonus and penalty points with their caps, the bands that turn a total into a rating, and the
rule that breaks ties. No law fixes these (domain.md §4: "not found, province-specific"), so nothing here is a
constant: a second province's set with another tree and other bands goes through the same code.

Validation answers in Vietnamese and names the field: a band overlap, a gap between bands, a criterion whose points
exceed its parent's, a code used twice, a tie-break naming an unknown group.
"""

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Annotated

from pydantic import BaseModel, Field, PlainSerializer, WithJsonSchema

from models.domain.errors import DomainError, Problem
from models.domain.facts import Rating
from models.domain.limits import YearNumber

# Points are kept to two decimals (0.25 points are common) and read back as JSON numbers.
# The schema says "number": a Decimal would also be documented as a free string (a numeric string of at most 8
# digits is still accepted, bounded by max_digits).
Points = Annotated[Decimal, Field(ge=0, le=100_000, max_digits=8, decimal_places=2),
                   PlainSerializer(float, return_type=float, when_used="json"),
                   WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100_000, "multipleOf": 0.01},
                                  mode="validation")]
Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.\-]+$")]
Name = Annotated[str, Field(min_length=1, max_length=500)]
MAX_DEPTH = 4  # group → criterion → indicator, and one level more for a province that needs it
MAX_NODES = 500

# How ties are broken, in order: "group:<code>" (the higher score in that group first), "fewer_penalties" (fewer
# penalty points first), "block_vote" (the order the block's meeting voted, recorded when the scoring is closed).
TieBreak = Annotated[str, Field(max_length=50, pattern=r"^(group:[A-Za-z0-9_.\-]+|fewer_penalties|block_vote)$")]


class Criterion(BaseModel):
    """A group, a criterion or an indicator: a node with children is scored as the sum of its children; a leaf is
    scored directly, from 0 to its maximum."""

    code: Code
    name: Name
    max_points: Points
    guidance: str = Field(default="", max_length=5_000, description="How the points are given (cách chấm)")
    children: list["Criterion"] = Field(default_factory=list, max_length=200)


class Adjustment(BaseModel):
    """A bonus (điểm thưởng) or penalty (điểm trừ) item, scored from 0 to its maximum."""

    code: Code
    name: Name
    max_points: Points


class Band(BaseModel):
    """Totals from `from_points` (inclusive) up to `below_points` (exclusive; None: no upper end) get `rating`."""

    rating: Rating
    from_points: Points
    below_points: Points | None = None


class CriteriaSetDefinition(BaseModel):
    code: Code = Field(description="The set's own code, e.g. '4-TOT'; a new version keeps the code")
    name: Name
    year: YearNumber = Field(description="The emulation year the set scores")
    source: str = Field(default="", max_length=1_000, description="The quy chế or decision that adopts it")
    groups: list[Criterion] = Field(min_length=1, max_length=50)
    bonus: list[Adjustment] = Field(default_factory=list, max_length=100)
    bonus_cap: Points = Field(default=Decimal(0), description="At most this many bonus points count")
    penalties: list[Adjustment] = Field(default_factory=list, max_length=100)
    penalty_cap: Points = Field(default=Decimal(0), description="At most this many points are deducted")
    bands: list[Band] = Field(min_length=1, max_length=10)
    tie_break: list[TieBreak] = Field(default_factory=list, max_length=10)
    leader_min_rating: Rating | None = Field(
        default="htxsnv", description="The leading unit must reach at least this rating (None: any rating)")

    def leaves(self) -> Iterator[tuple[str, Criterion, str]]:
        """Every scored criterion (leaf) with its field path and the code of the top group it belongs to."""
        for i, group in enumerate(self.groups):
            yield from _leaves(group, f"groups.{i}", group.code)

    @property
    def max_total(self) -> Decimal:
        return sum((g.max_points for g in self.groups), Decimal(0))


def require_consistent(definition: CriteriaSetDefinition) -> None:
    """Refuse a set whose tree, bands or tie-break contradict themselves, naming each field."""
    problems = [*_tree_problems(definition), *_band_problems(definition.bands), *_tie_break_problems(definition)]
    if problems:
        raise DomainError(*problems)


def _leaves(node: Criterion, path: str, group: str) -> Iterator[tuple[str, Criterion, str]]:
    if not node.children:
        yield path, node, group
    for i, child in enumerate(node.children):
        yield from _leaves(child, f"{path}.children.{i}", group)


def _walk(nodes: list[Criterion], path: str, depth: int) -> Iterator[tuple[str, Criterion, int]]:
    for i, node in enumerate(nodes):
        yield f"{path}.{i}", node, depth
        yield from _walk(node.children, f"{path}.{i}.children", depth + 1)


def _tree_problems(s: CriteriaSetDefinition) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    nodes = list(_walk(s.groups, "groups", 1))
    if len(nodes) > MAX_NODES:
        return [Problem("groups", "criteria.size", f"A set may have at most {MAX_NODES} criteria.",
                        vi=f"Một bảng tiêu chí có tối đa {MAX_NODES} tiêu chí.")]
    named = [(p, n.code) for p, n, _ in nodes]
    named += [(f"bonus.{i}", a.code) for i, a in enumerate(s.bonus)]
    named += [(f"penalties.{i}", a.code) for i, a in enumerate(s.penalties)]
    for path, code in named:
        if code in seen:
            problems.append(Problem(f"{path}.code", "criteria.code_once", f"The code {code!r} is used twice.",
                                    vi=f"Mã tiêu chí «{code}» bị dùng hai lần trong bảng tiêu chí."))
        seen.add(code)
    for path, node, depth in nodes:
        if depth > MAX_DEPTH:
            problems.append(Problem(path, "criteria.depth", f"Criteria nest at most {MAX_DEPTH} levels deep.",
                                    vi=f"Tiêu chí chỉ được chia tối đa {MAX_DEPTH} cấp."))
        problems += _children_problems(path, node)
    return problems


def _children_problems(path: str, node: Criterion) -> list[Problem]:
    problems = [Problem(f"{path}.children.{i}.max_points", "criteria.child_over_parent",
                        f"{child.code} has {child.max_points} points, more than its parent {node.code} "
                        f"({node.max_points}).",
                        vi=f"Tiêu chí «{child.name}» có điểm tối đa {child.max_points}, vượt quá điểm tối đa của "
                           f"tiêu chí cấp trên «{node.name}» ({node.max_points}).")
                for i, child in enumerate(node.children) if child.max_points > node.max_points]
    children_total = sum((c.max_points for c in node.children), Decimal(0))
    if node.children and not problems and children_total > node.max_points:
        problems.append(Problem(f"{path}.max_points", "criteria.children_over_parent",
                                f"The children of {node.code} add up to {children_total} points, more than its "
                                f"{node.max_points}.",
                                vi=f"Tổng điểm tối đa các tiêu chí thành phần của «{node.name}» là {children_total}, "
                                   f"vượt quá điểm tối đa của tiêu chí này ({node.max_points})."))
    return problems


def _band_problems(bands: list[Band]) -> list[Problem]:
    problems: list[Problem] = []
    ordered = sorted(enumerate(bands), key=lambda ib: ib[1].from_points)
    for i, band in ordered:
        if band.below_points is not None and band.below_points <= band.from_points:
            problems.append(Problem(f"bands.{i}.below_points", "criteria.band_range",
                                    "A band must end above where it starts.",
                                    vi=f"Khung điểm xếp loại thứ {i + 1} phải kết thúc ở mức cao hơn mức bắt đầu."))
    if problems:
        return problems
    if ordered[0][1].from_points != 0:
        i = ordered[0][0]
        problems.append(Problem(f"bands.{i}.from_points", "criteria.band_gap",
                                "The lowest band must start at 0 points.",
                                vi="Khung điểm xếp loại thấp nhất phải bắt đầu từ 0 điểm."))
    for (_, low), (j, high) in pairwise(ordered):
        if low.below_points is None or low.below_points > high.from_points:
            problems.append(Problem(f"bands.{j}.from_points", "criteria.band_overlap",
                                    f"Bands overlap at {high.from_points} points.",
                                    vi=f"Các khung điểm xếp loại chồng lên nhau tại mức {high.from_points} điểm."))
        elif low.below_points < high.from_points:
            problems.append(Problem(f"bands.{j}.from_points", "criteria.band_gap",
                                    f"No band covers {low.below_points} to {high.from_points} points.",
                                    vi=f"Không có khung xếp loại nào cho tổng điểm từ {low.below_points} đến dưới "
                                       f"{high.from_points}."))
    if ordered[-1][1].below_points is not None:
        i = ordered[-1][0]
        problems.append(Problem(f"bands.{i}.below_points", "criteria.band_gap",
                                "The highest band must have no upper end.",
                                vi="Khung điểm xếp loại cao nhất không được có mức trên (bỏ trống «below_points»)."))
    return problems


def _tie_break_problems(s: CriteriaSetDefinition) -> list[Problem]:
    groups = {g.code for g in s.groups}
    problems = [Problem(f"tie_break.{i}", "criteria.tie_break_group", f"No top-level group has the code {rule[6:]!r}.",
                        vi=f"Tiêu chí so sánh khi bằng điểm «{rule[6:]}» không phải mã của một nhóm tiêu chí.")
                for i, rule in enumerate(s.tie_break) if rule.startswith("group:") and rule[6:] not in groups]
    if len(set(s.tie_break)) != len(s.tie_break):
        problems.append(Problem("tie_break", "criteria.tie_break_once", "A tie-break rule is given twice.",
                                vi="Một tiêu chí so sánh khi bằng điểm được ghi hai lần."))
    return problems
