"""The award catalogue: which titles and forms exist, who may receive them, and how the council decides."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Field, SQLModel

from models.base import enum_field
from models.catalogue_file import catalogue
from models.enums import RecipientKind
from models.votes import Quorum, Threshold


class AwardBase(SQLModel):
    code: str = Field(max_length=60, unique=True, index=True)
    name: str = Field(max_length=255, description="Official name as printed in decisions")
    recipient_kind: RecipientKind = enum_field(RecipientKind)
    decided_by: str = Field(max_length=100, description="Who signs the decision")
    council_vote_required: bool = Field(description="Full council vote (true) or standing-body appraisal")
    threshold_percent: Decimal = Field(max_digits=5, decimal_places=2)
    threshold_strictly_more: bool = False
    prize_coefficient: Decimal = Field(max_digits=5, decimal_places=2, description="× base salary")
    reason_phrase: str = Field(max_length=500, description="Why, as Điều 1 of the decision words it")
    legal_basis: str = Field(max_length=500)


class Award(AwardBase, table=True):
    id: int = Field(default=None, primary_key=True)

    @property
    def council_threshold(self) -> Threshold:
        return Threshold(self.threshold_percent, self.threshold_strictly_more)


class AwardPublic(AwardBase):
    id: int


def catalogue_awards() -> list[Award]:
    """The awards as the catalogue file describes them today (the table is brought in line on every start)."""
    return [Award(code=code, **entry.model_dump(exclude={"prerequisites", "in_force"}))
            for code, entry in catalogue().awards.items()]


@dataclass(frozen=True)
class ThresholdInForce:
    threshold: Threshold
    basis: str


def threshold_in_force(code: str, on: date) -> ThresholdInForce:
    """The council threshold of an award on a given day: a dated version if the catalogue has one in force
    (Decree 98/2023 gave way to Decree 152/2025 on 01/07/2025), else the award's own figures."""
    entry = catalogue().awards[code]
    for version in entry.in_force:
        if version.starts <= on <= version.until:
            return ThresholdInForce(Threshold(version.threshold_percent, version.threshold_strictly_more),
                                    version.basis)
    return ThresholdInForce(Threshold(entry.threshold_percent, entry.threshold_strictly_more), entry.legal_basis)


def award_rules(code: str) -> tuple[list[str], dict[str, str]]:
    """The eligibility rules of an award and the article of every rule, as the catalogue in force says."""
    current = catalogue()
    return list(current.awards[code].prerequisites), dict(current.rules)


def block_quorum() -> Quorum:
    rule = catalogue().block_vote
    return Quorum(rule.quorum_share, rule.quorum_basis)


def council_quorum() -> Quorum:
    rule = catalogue().council
    return Quorum(rule.quorum_share, rule.quorum_basis)


def block_vote_threshold() -> Threshold:
    """The share of all member units a candidate needs at the block meeting (province-configurable)."""
    rule = catalogue().block_vote
    return Threshold(rule.threshold_percent, rule.threshold_strictly_more)
