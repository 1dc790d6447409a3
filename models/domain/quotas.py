"""Quotas, pure: how many of an award one block may propose in one year, and whether a proposal still fits.

The limits and their legal basis are catalogue data (`[quotas.<award code>]` in models/data/catalogue.toml).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from models.domain.enums import State
from models.domain.errors import Problem

# From its proposal until the award, a nomination holds a place. A returned dossier gives it back (it takes
# one again when resubmitted); not recommended, declined and withdrawn ones are out of the running.
HOLDS_PLACE = frozenset({State.SUBMITTED, State.ELIGIBLE, State.RECOMMENDED, State.AWARDED})


@dataclass(frozen=True)
class Quota:
    award_code: str
    limit: int  # per block per year
    basis: str


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
    used: int

    @property
    def remaining(self) -> int:
        return max(0, self.quota.limit - self.used)

    @property
    def summary(self) -> str:
        return f"{self.used} of {self.quota.limit} used"


def quota_use(quota: Quota, award_name: str, nominations: Iterable[Placed]) -> QuotaUse:
    return QuotaUse(quota, award_name, sum(1 for n in nominations if n.holds_place))


def quota_problem(use: QuotaUse, adding: int, field: str) -> Problem | None:
    """None when `adding` more nominations fit the quota; else why the proposal is refused."""
    if use.used + adding <= use.quota.limit:
        return None
    q = use.quota
    return Problem(field, "quota.exceeded",
                   f"{use.award_name} ({q.award_code}): a block may propose at most {q.limit} a year "
                   f"({q.basis}). {use.summary} already; this proposal adds {adding}.",
                   vi=f"{use.award_name} ({q.award_code}): mỗi Khối chỉ được đề nghị tối đa {q.limit} trường hợp "
                      f"mỗi năm ({q.basis}). Đã sử dụng {use.used}/{q.limit}; Tờ trình này đề nghị thêm {adding}.")
