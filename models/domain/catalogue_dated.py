"""The dated parts of the catalogue, pure: a figure or a route in force from one day to another, with the text that
sets it. The act's own date (the session's day, the decision's signature) chooses the version, so the evidence a
stage keeps and the document it prints cite the same text.

Thresholds and quorum changed texts on 01/01/2024 (Decree 91/2017 gave way to Decree 98/2023) and on 01/07/2025
(Decree 98/2023 gave way to Decree 152/2025); which body appraises an award is the province's own regulation.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Annotated, Literal, TypeVar

from pydantic import BeforeValidator, Field

from models.domain.catalogue_rules import Entry
from models.domain.enums import CouncilBody
from models.domain.votes import Quorum


def _fraction(value: object) -> Fraction:
    return Fraction(str(value))


Share = Annotated[Fraction, BeforeValidator(_fraction)]
Confidence = Literal["H", "M", "L"]


class Dated(Entry):
    """In force from `from` to `until`, both days included; open-ended when either is left out."""

    starts: date = Field(default=date.min, alias="from")
    until: date = date.max

    def in_force_on(self, day: date) -> bool:
        return self.starts <= day <= self.until


D = TypeVar("D", bound=Dated)


def in_force(versions: Sequence[D], day: date) -> D | None:
    """The version in force on `day`, or None when the list has none for it."""
    return next((v for v in versions if v.in_force_on(day)), None)


def overlap(versions: Sequence[Dated]) -> str | None:
    """Why two versions cannot both be right (they share a day), or None: one act must find one text."""
    ordered = sorted(versions, key=lambda v: v.starts)
    for earlier, later in pairwise(ordered):
        if later.starts <= earlier.until:
            return (f"the version from {later.starts.isoformat()} starts before the one from "
                    f"{earlier.starts.isoformat()} ends ({earlier.until.isoformat()})")
    return None


class ThresholdVersion(Dated):
    """The council threshold while one text is in force."""

    threshold_percent: Decimal = Field(ge=0, le=100)
    threshold_strictly_more: bool = False
    basis: str = Field(min_length=1)
    confidence: Confidence = "H"


class QuorumVersion(Dated):
    """How many of a body's members must attend while one text is in force."""

    quorum_share: Share
    basis: str = Field(min_length=1)
    confidence: Confidence = "H"


class QuorumRules(Entry):
    """A body's quorum: its own figure, or the dated version in force on the day it meets."""

    quorum_share: Share
    quorum_basis: str
    in_force: list[QuorumVersion] = Field(default_factory=list)

    def quorum_on(self, day: date) -> Quorum:
        version = in_force(self.in_force, day)
        if version is None:
            return Quorum(self.quorum_share, self.quorum_basis)
        return Quorum(version.quorum_share, version.basis)


class RouteVersion(Dated):
    """Which body appraises an award while one regulation is in force: the full council by vote, or its standing
    body, which reports straight to the Chairman."""

    appraised_by: CouncilBody
    basis: str = Field(min_length=1)
    confidence: Confidence = "H"
