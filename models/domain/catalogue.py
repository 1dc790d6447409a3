"""The award catalogue, typed and pure: titles and forms, who decides, thresholds with the texts in force, quorum,
quotas, eligibility rules and their articles. `models.storage.catalogue_file` reads it from a province's file."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from models.domain.enums import RecipientKind
from models.domain.votes import Quorum, Threshold


@dataclass(frozen=True)
class ThresholdInForce:
    threshold: Threshold
    basis: str


def _fraction(value: object) -> Fraction:
    return Fraction(str(value))


Share = Annotated[Fraction, BeforeValidator(_fraction)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Province(Entry):
    base_salary: int = Field(gt=0)
    base_salary_basis: str
    decision_issuer_code: str = Field(min_length=1)
    appraisal_issuer_code: str = Field(min_length=1)
    appraisal_issuer_name: str
    legal_bases: list[str]


class BlockVote(Entry):
    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool
    quorum_share: Share
    quorum_basis: str


class CouncilRules(Entry):
    quorum_share: Share
    quorum_basis: str
    recusal_basis: str


class ThresholdVersion(Entry):
    """The council threshold while one text is in force."""

    starts: date = Field(default=date.min, alias="from")
    until: date = date.max
    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool = False
    basis: str


class AwardEntry(Entry):
    name: str
    recipient_kind: RecipientKind
    decided_by: str
    council_vote_required: bool
    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool = False
    prize_coefficient: Decimal = Field(ge=0)
    reason_phrase: str
    legal_basis: str
    prerequisites: list[str] = []
    in_force: list[ThresholdVersion] = []


class QuotaEntry(Entry):
    per_block_per_year: int = Field(ge=0)
    basis: str


class Catalogue(Entry):
    province: Province
    block_vote: BlockVote
    council: CouncilRules
    awards: dict[str, AwardEntry]
    quotas: dict[str, QuotaEntry] = {}
    rules: dict[str, str] = Field(description="The article each eligibility rule enforces")

    @model_validator(mode="after")
    def _names_resolve(self) -> "Catalogue":
        for code, award in self.awards.items():
            for rule in award.prerequisites:
                if rule not in self.rules:
                    raise ValueError(f"awards.{code}.prerequisites: rule {rule!r} has no article in [rules]")
        for code in self.quotas:
            if code not in self.awards:
                raise ValueError(f"quotas.{code}: there is no award {code!r} in [awards]")
        return self

    def threshold_in_force(self, code: str, on: date) -> ThresholdInForce:
        """The council threshold of an award on a given day: a dated version if one is in force (Decree 98/2023
        gave way to Decree 152/2025 on 01/07/2025), else the award's own figures."""
        entry = self.awards[code]
        for version in entry.in_force:
            if version.starts <= on <= version.until:
                return ThresholdInForce(Threshold(version.threshold_percent, version.threshold_strictly_more),
                                        version.basis)
        return ThresholdInForce(Threshold(entry.threshold_percent, entry.threshold_strictly_more), entry.legal_basis)

    def award_rules(self, code: str) -> tuple[list[str], dict[str, str]]:
        """The eligibility rules of an award and the article of every rule."""
        return list(self.awards[code].prerequisites), dict(self.rules)

    def block_quorum(self) -> Quorum:
        return Quorum(self.block_vote.quorum_share, self.block_vote.quorum_basis)

    def council_quorum(self) -> Quorum:
        return Quorum(self.council.quorum_share, self.council.quorum_basis)

    def block_vote_threshold(self) -> Threshold:
        """The share of all member units a candidate needs at the block meeting (province-configurable)."""
        return Threshold(self.block_vote.threshold_percent, self.block_vote.threshold_strictly_more)
