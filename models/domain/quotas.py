"""Quotas, pure: how many of an award a block, and the province, may propose in one year, and whether a proposal
still fits.

Provinces write quotas in several ways: a fixed number per block, a number by the block's size (larger blocks may
propose two flags), a share of the block's member units, and a total for the whole province. The limits and their
legal basis are catalogue data (`[quotas.<award code>]` in models/data/catalogue.toml).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from models.domain.enums import State
from models.domain.errors import Problem

# From its proposal until the award, a nomination holds a place. A returned dossier gives it back (it takes
# one again when resubmitted); not recommended, declined and withdrawn ones are out of the running.
HOLDS_PLACE = frozenset({State.SUBMITTED, State.ELIGIBLE, State.RECOMMENDED, State.FORWARDED, State.AWARDED})


class QuotaScope(StrEnum):
    BLOCK = "block"
    PROVINCE = "province"


@dataclass(frozen=True)
class SizeStep:
    members_at_least: int
    limit: int


@dataclass(frozen=True)
class Quota:
    award_code: str
    basis: str
    per_block: int | None = None
    by_block_size: tuple[SizeStep, ...] = ()  # the largest step the block's member count reaches
    share_percent: Decimal | None = None  # of the block's member units, rounded down
    province_total: int | None = None

    def block_limit(self, members: int) -> int | None:
        """How many one block of `members` units may propose a year; None when only the province is limited."""
        if self.per_block is not None:
            return self.per_block
        if self.by_block_size:
            return max((s.limit for s in self.by_block_size if members >= s.members_at_least), default=0)
        if self.share_percent is not None:
            return int(self.share_percent * members // 100)
        return None


@dataclass(frozen=True)
class Placed:
    """A nomination of the quota's award, block and year, as far as the quota is concerned."""

    state: State
    held_from: State | None = None  # on hold: the state lifting the hold resumes
    in_pending_proposal: bool = False  # listed in a recorded proposal whose flow has not yet submitted it

    @property
    def holds_place(self) -> bool:
        if self.state == State.ON_HOLD:
            return self.held_from in HOLDS_PLACE  # a hold keeps the place, since lifting it resumes that state
        being_submitted = self.in_pending_proposal and self.state in (State.ENDORSED, State.RETURNED)
        return self.state in HOLDS_PLACE or being_submitted


@dataclass(frozen=True)
class QuotaUse:
    quota: Quota
    award_name: str
    scope: QuotaScope
    limit: int
    used: int

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def summary(self) -> str:
        return f"{self.used} of {self.limit} used"


def quota_use(quota: Quota, award_name: str, scope: QuotaScope, limit: int,
              nominations: Iterable[Placed]) -> QuotaUse:
    return QuotaUse(quota, award_name, scope, limit, sum(1 for n in nominations if n.holds_place))


def quota_problem(use: QuotaUse, adding: int, field: str) -> Problem | None:
    """None when `adding` more nominations fit the quota; else why the proposal is refused."""
    if use.used + adding <= use.limit:
        return None
    q, n = use.quota, use.limit
    who, who_vi = (("a block may", "mỗi Khối chỉ được") if use.scope == QuotaScope.BLOCK
                   else ("the province's blocks together may", "các Khối trong tỉnh chỉ được"))
    return Problem(field, "quota.exceeded",
                   f"{use.award_name} ({q.award_code}): {who} propose at most {n} a year "
                   f"({q.basis}). {use.summary} already; this proposal adds {adding}.",
                   vi=f"{use.award_name} ({q.award_code}): {who_vi} đề nghị tối đa {n} trường hợp "
                      f"mỗi năm ({q.basis}). Đã sử dụng {use.used}/{n}; Tờ trình này đề nghị thêm {adding}.")


@dataclass(frozen=True)
class TieBreak:
    """ND 152/2025 Điều 4 khoản 6, as the province's catalogue writes it: among equals, a woman or a collective
    with at least this share of women is chosen."""

    collective_women_percent: Decimal
    basis: str

    def favours(self, contender: "Contender") -> bool:
        if contender.woman is not None:
            return contender.woman
        if contender.members_total and contender.members_women is not None:
            return contender.members_women * 100 >= self.collective_women_percent * contender.members_total
        return False


@dataclass(frozen=True)
class Contender:
    """A candidate for one of a quota's places: its votes, and for the tie-break whether it is a woman (an
    individual) or how many of its members are women (a collective)."""

    nomination_id: int
    votes_for: int
    woman: bool | None = None
    members_total: int | None = None
    members_women: int | None = None


@dataclass(frozen=True)
class Placement:
    placed: tuple[int, ...]  # nomination ids given a place, best first
    left_out: tuple[int, ...]
    undecided: tuple[int, ...]  # still tied for the last places after the tie-break: the people must choose
    explanation: str
    tie_broken: bool = False  # the tie-break, not the votes, gave the last places


def place(contenders: Iterable[Contender], places: int, tie_break: TieBreak | None) -> Placement:
    """Give the quota's places by votes. Where equals compete for the last places, the tie-break's favoured go
    first; those still tied for them are left undecided for the people to choose, never chosen by chance."""
    ranked = sorted(contenders, key=lambda c: -c.votes_for)
    if len(ranked) <= places:
        return _placement(ranked, [], [], "Every candidate fits the quota.")
    if places <= 0:
        return _placement([], ranked, [], "The quota has no place.")
    cut = ranked[places - 1].votes_for
    above = [c for c in ranked if c.votes_for > cut]
    tied = [c for c in ranked if c.votes_for == cut]
    below = [c for c in ranked if c.votes_for < cut]
    open_places = places - len(above)
    if len(tied) <= open_places:
        return _placement(above + tied, below, [], "Placed by votes.")
    favoured = [c for c in tied if tie_break is not None and tie_break.favours(c)]
    others = [c for c in tied if c not in favoured]
    why = f"Equal votes ({cut}) for the last {open_places} place(s)"
    if tie_break is None or not favoured:
        return _placement(above, below, tied, f"{why}: no tie-break applies; the people choose.")
    if len(favoured) == open_places:
        return _placement(above + favoured, others + below, [], f"{why}: {tie_break.basis}.", tie_broken=True)
    if len(favoured) < open_places:
        return _placement(above + favoured, below, others, f"{why}: {tie_break.basis}; the others are still tied.")
    return _placement(above, others + below, favoured, f"{why}: {tie_break.basis}; the favoured are still tied.")


def _placement(placed: list[Contender], left_out: list[Contender], undecided: list[Contender],
               explanation: str, *, tie_broken: bool = False) -> Placement:
    return Placement(tuple(c.nomination_id for c in placed), tuple(c.nomination_id for c in left_out),
                     tuple(c.nomination_id for c in undecided), explanation, tie_broken)
