"""Nominations, the append-only log of their transitions, and the award history they end in."""

from datetime import datetime
from typing import Any

from sqlalchemy import Text, event
from sqlmodel import Field, SQLModel

from models.domain.enums import AwardKind, RecipientKind, State
from models.tables.base import enum_field, json_field, timestamp_field
from models.tables.stage import DocumentPublic


class NominationBase(SQLModel):
    year: int = Field(index=True, description="Emulation year the achievement belongs to")
    award_id: int = Field(foreign_key="award.id")
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    recipient_kind: RecipientKind = enum_field(RecipientKind)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", description="For a collective")
    person_id: int | None = Field(default=None, foreign_key="person.id", description="For an individual")
    achievement: str = Field(default="", sa_type=Text, description="Thành tích, as the block summarised it")


class Nomination(NominationBase, table=True):
    id: int = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="blockmeeting.id", index=True)
    # Changed only through models.storage.moves.move(), which also writes the transition and bumps the version.
    state: State = enum_field(State, default=State.NOMINATED, index=True)
    version: int = 1
    facts: dict[str, Any] = json_field()  # models.domain.facts.DossierFacts, as the block declared them
    created_at: datetime = timestamp_field()


class NominationPublic(NominationBase):
    id: int
    meeting_id: int
    state: State
    version: int
    facts: dict[str, Any]
    candidate_name: str
    award_name: str


class Transition(SQLModel, table=True):
    """One change of state: appended, never edited."""

    id: int = Field(default=None, primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", index=True)
    from_state: State | None = enum_field(State, default=None, description="None when the nomination was created")
    to_state: State = enum_field(State)
    actor: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255, description="Role holder a delegate acted for")
    client_address: str | None = Field(default=None, max_length=64)
    at: datetime = timestamp_field()
    rule: str = Field(max_length=100, description="The rule whose guard allowed the move")
    reason: str = Field(default="", sa_type=Text)
    # The same reason in Vietnamese, as the desk's timeline shows it (a person's own words stand in both).
    reason_vi: str = Field(default="", sa_type=Text)
    evidence: dict[str, Any] = json_field()
    # Indexed: a stage's moves are read back by stage (its documents, its evidence) on a nation's whole log.
    stage_id: int | None = Field(default=None, foreign_key="stage.id", index=True)
    flow_run_id: str | None = Field(default=None, max_length=64)


class TransitionPublic(SQLModel):
    id: int
    from_state: State | None
    to_state: State
    actor: str
    on_behalf_of: str | None
    client_address: str | None
    at: datetime
    rule: str
    reason: str
    reason_vi: str
    evidence: dict[str, Any]
    stage_id: int | None
    flow_run_id: str | None
    # Every version of every document the transition's stage issued, each with its SHA-256.
    documents: list[DocumentPublic] = Field(default_factory=list)


class AwardRecord(SQLModel, table=True):
    """What a unit or person received, in which year, by which decision: the basis for later eligibility."""

    id: int = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    award_id: int = Field(foreign_key="award.id")
    recipient_kind: RecipientKind = enum_field(RecipientKind)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    decision_number: str = Field(max_length=60, description="As printed, e.g. '01/QĐ-UBND' or '152/QĐ-SNV'")
    decision_id: int | None = Field(default=None, foreign_key="decision.id", index=True,
                                    description="When issued here")
    nomination_id: int | None = Field(default=None, foreign_key="nomination.id", unique=True)
    golden_book_no: int | None = Field(default=None, description="Số sổ vàng, when known")
    source: str = Field(default="decision", max_length=20, description="'decision' (issued here) or 'import'")
    # ND 152/2025 Điều 4 khoản 3: an đột xuất or thematic award does not count toward a higher one.
    kind: AwardKind = enum_field(AwardKind, default=AwardKind.REGULAR)


class AwardRecordPublic(SQLModel):
    id: int
    year: int
    award_code: str
    decision_number: str
    golden_book_no: int | None


class FactsRevision(SQLModel, table=True):
    """A correction of a dossier's declared facts: appended, never edited, so every verdict can be explained."""

    id: int = Field(default=None, primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", index=True)
    previous: dict[str, Any] = json_field()
    facts: dict[str, Any] = json_field()
    actor: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255)
    client_address: str | None = Field(default=None, max_length=64)
    at: datetime = timestamp_field()


class FactsRevisionPublic(SQLModel):
    previous: dict[str, Any]
    facts: dict[str, Any]
    actor: str
    on_behalf_of: str | None
    at: datetime


@event.listens_for(FactsRevision, "before_update")
@event.listens_for(FactsRevision, "before_delete")
@event.listens_for(Transition, "before_update")
@event.listens_for(Transition, "before_delete")
def _refuse_rewriting_history(_mapper: object, _connection: object, row: Transition | FactsRevision) -> None:
    raise PermissionError(f"{type(row).__name__} {row.id} is part of the append-only log and cannot be changed.")
