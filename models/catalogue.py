"""The award catalogue: which titles and forms exist, who may receive them, and how the council decides."""

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from typing import Any

from sqlmodel import Field, SQLModel

from models.base import enum_field
from models.enums import RecipientKind
from models.settings import get_settings
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


def load_catalogue() -> dict[str, Any]:
    """The province's catalogue if it has one, else the one shipped with the code; every number names its source."""
    own = get_settings().catalogue_file
    if own is not None:
        return tomllib.loads(own.read_text(encoding="utf-8"))
    return tomllib.loads(files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"))


def catalogue_awards() -> list[Award]:
    return [Award(code=code, **{k: v for k, v in fields.items() if k not in ("prerequisites", "in_force")})
            for code, fields in load_catalogue()["awards"].items()]


@dataclass(frozen=True)
class ThresholdInForce:
    threshold: Threshold
    basis: str


def threshold_in_force(code: str, on: date) -> ThresholdInForce:
    """The council threshold of an award on a given day: a dated version if the catalogue has one in force
    (Decree 98/2023 gave way to Decree 152/2025 on 01/07/2025), else the award's own figures."""
    entry = load_catalogue()["awards"][code]
    for version in entry.get("in_force", []):
        starts, ends = version.get("from", date.min), version.get("until", date.max)
        if starts <= on <= ends:
            return ThresholdInForce(Threshold(Decimal(version["threshold_percent"]),
                                              bool(version.get("threshold_strictly_more", False))), version["basis"])
    return ThresholdInForce(Threshold(Decimal(entry["threshold_percent"]),
                                      bool(entry.get("threshold_strictly_more", False))), entry["legal_basis"])


def award_rules(code: str) -> tuple[list[str], dict[str, str]]:
    """The eligibility rules of an award and the article of every rule, as the catalogue in force says."""
    catalogue = load_catalogue()
    return list(catalogue["awards"][code].get("prerequisites", [])), dict(catalogue["rules"])


def block_quorum() -> Quorum:
    rule = load_catalogue()["block_vote"]
    return Quorum(Fraction(rule["quorum_share"]), rule["quorum_basis"])


def council_quorum() -> Quorum:
    rule = load_catalogue()["council"]
    return Quorum(Fraction(rule["quorum_share"]), rule["quorum_basis"])


def block_vote_threshold() -> Threshold:
    """The share of all member units a candidate needs at the block meeting (province-configurable)."""
    rule = load_catalogue()["block_vote"]
    return Threshold(Decimal(rule["threshold_percent"]), bool(rule["threshold_strictly_more"]))
