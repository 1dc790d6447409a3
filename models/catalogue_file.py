"""The award catalogue file, typed: read and checked once per file, and the only code that reads it.

The shipped `models/data/catalogue.toml`, or a province's own file named by TDKT_CATALOGUE_FILE. A wrong file is
refused with its path, the key and the problem, before the service answers any request.
"""

import tomllib
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from models.enums import RecipientKind
from models.settings import get_settings


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


class CatalogueError(ValueError):
    """The catalogue file cannot be used; the message names the file, the key and the problem."""


def catalogue() -> Catalogue:
    """The catalogue in force: the province's file if it has one, else the shipped one."""
    return _load(get_settings().catalogue_file)


@lru_cache
def _load(path: Path | None) -> Catalogue:
    source = str(path) if path is not None else "models/data/catalogue.toml (shipped)"
    try:
        text = (path.read_text(encoding="utf-8") if path is not None
                else files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"))
        return Catalogue.model_validate(tomllib.loads(text))
    except OSError as error:
        raise CatalogueError(f"{source}: cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{source}: not valid TOML: {error}") from None
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors())
        raise CatalogueError(f"{source}: {problems}") from None
