"""Vote arithmetic, pure: tallies, thresholds counted over all members, and what a vote decided."""

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction

from models.domain.errors import Problem

# The tally's counts as the minutes name them (the same words the Biên bản prints).
TALLY_VI = {"votes_for": "Số phiếu đồng ý", "votes_against": "Số phiếu không đồng ý",
            "abstain": "Số phiếu không biểu quyết", "invalid": "Số phiếu không hợp lệ"}


@dataclass(frozen=True)
class Tally:
    votes_for: int
    votes_against: int
    abstain: int = 0
    invalid: int = 0

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstain + self.invalid


@dataclass(frozen=True)
class Threshold:
    """A share of ALL members (not of those present) that the votes for must reach."""

    percent: Decimal
    strictly_more: bool  # "quá 50%" is strictly more than half; "đạt 80%" is at least 80 %

    def required(self, members_total: int) -> int:
        exact = Decimal(members_total) * self.percent / 100
        if self.strictly_more:
            return int(exact.to_integral_value(ROUND_FLOOR)) + 1
        return int(exact.to_integral_value(ROUND_CEILING))

    def describe(self, members_total: int) -> str:
        comparison = "more than" if self.strictly_more else "at least"
        return (
            f"{comparison} {self.percent.normalize():f}% of all {members_total} members "
            f"({self.required(members_total)} votes)"
        )


SIMPLE_MAJORITY = Threshold(Decimal(50), strictly_more=True)


@dataclass(frozen=True)
class Quorum:
    """How many members must be present for a vote to be held at all, and the rule that says so."""

    share: Fraction
    basis: str

    def required(self, members_total: int) -> int:
        return math.ceil(members_total * self.share)

    def problem(self, present: int, members_total: int, field: str, *, rule: str = "vote.quorum",
                what: str = "the vote", what_vi: str = "cuộc bỏ phiếu") -> Problem | None:
        needed = self.required(members_total)
        if present >= needed:
            return None
        return Problem(field, rule, f"Only {present} of {members_total} members are present; {what} "
                       f"needs at least {needed} ({self.share} of all members): {self.basis}.",
                       vi=f"Chỉ có {present}/{members_total} thành viên có mặt; {what_vi} cần ít nhất {needed} "
                          f"thành viên ({self.share} tổng số thành viên) theo {self.basis}.")

    def as_evidence(self, present: int, members_total: int) -> dict[str, int | str]:
        """What the stage checked, kept with each move so the log cites the version the act was held under."""
        return {"quorum_present": present, "quorum_required": self.required(members_total),
                "quorum_basis": self.basis}


@dataclass(frozen=True)
class VoteOutcome:
    tally: Tally
    members_total: int
    required: int

    @property
    def passed(self) -> bool:
        return self.tally.votes_for >= self.required

    def describe(self) -> str:
        verdict = "passed" if self.passed else "did not pass"
        return (
            f"{self.tally.votes_for} of {self.members_total} members voted for, "
            f"{self.required} needed: the vote {verdict}"
        )

    def describe_vi(self) -> str:
        verdict = "đạt" if self.passed else "không đạt"
        return (
            f"{self.tally.votes_for}/{self.members_total} thành viên đồng ý, cần ít nhất {self.required} "
            f"phiếu: kết quả {verdict}"
        )

    def as_evidence(self) -> dict[str, int | bool]:
        return {
            "votes_for": self.tally.votes_for,
            "votes_against": self.tally.votes_against,
            "abstain": self.tally.abstain,
            "invalid": self.tally.invalid,
            "members_total": self.members_total,
            "required": self.required,
            "passed": self.passed,
        }


def count_votes(tally: Tally, members_total: int, threshold: Threshold) -> VoteOutcome:
    return VoteOutcome(tally=tally, members_total=members_total, required=threshold.required(members_total))


def tally_problems(tally: Tally, members_voting: int, field: str) -> list[Problem]:
    """Why a tally cannot be right: negative counts, or more ballots than members who could vote."""
    problems = [
        Problem(f"{field}.{name}", "vote.non_negative", f"{name} cannot be negative (got {value}).",
                vi=f"{TALLY_VI[name]} không được là số âm (đã nhập {value}).")
        for name, value in vars(tally).items()
        if value < 0
    ]
    if not problems and tally.cast > members_voting:
        problems.append(
            Problem(
                field,
                "vote.ballots_exceed_voters",
                f"For, against, abstaining and invalid ballots add up to {tally.cast}, "
                f"but only {members_voting} members could vote.",
                vi=f"Tổng số phiếu đồng ý, không đồng ý, không biểu quyết và không hợp lệ là {tally.cast}, "
                   f"vượt quá số thành viên được biểu quyết ({members_voting}).",
            )
        )
    return problems
