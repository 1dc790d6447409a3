"""The catalogue's `[[public_comment]]`: which awards are published for public comment before the council's vote,
for how many working days, and the text that says so. Typed and pure, like the rest of the catalogue."""

from typing import Literal

from pydantic import Field, model_validator

from models.domain.catalogue_rules import Entry
from models.domain.public_comment import CommentRule


class PublicCommentEntry(Entry):
    """Every award decided by one of `decided_by` (the state-level forms, ND 152/2025 Điều 60 khoản 3), and the
    province's own `awards` it chooses to publish as well."""

    decided_by: list[str] = Field(default_factory=list)
    awards: list[str] = Field(default_factory=list)
    working_days: int = Field(gt=0, le=60)
    basis: str = Field(min_length=1, description="The citation, as a document prints it: 'khoản 3 Điều 60 …'")
    says: str = Field(default="", description="What the text requires, for a reader of the catalogue")
    confidence: Literal["H", "M", "L"] = "H"

    @model_validator(mode="after")
    def _names_some(self) -> "PublicCommentEntry":
        if not self.decided_by and not self.awards:
            raise ValueError("name the awards: decided_by, awards, or both")
        return self

    def covers(self, code: str, decided_by: str) -> bool:
        return code in self.awards or decided_by in self.decided_by

    def rule(self) -> CommentRule:
        return CommentRule(self.working_days, self.basis)


def rules_by_award(entries: list[PublicCommentEntry], deciders: dict[str, str]) -> dict[str, CommentRule]:
    """The comment rule of each award that has one (`deciders`: award code → who decides it). An award two entries
    name is refused: the catalogue would not say which period holds."""
    found: dict[str, CommentRule] = {}
    for i, entry in enumerate(entries):
        for code in entry.awards:
            if code not in deciders:
                raise ValueError(f"public_comment.{i}.awards: there is no award {code!r} in [awards]")
        for code, decided_by in deciders.items():
            if entry.covers(code, decided_by):
                if code in found:
                    raise ValueError(f"public_comment.{i}: award {code!r} is already named by an earlier entry")
                found[code] = entry.rule()
    return found
