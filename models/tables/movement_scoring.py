"""Criteria sets as uploaded, a block's scoring rounds, members' self-scores and the head's adjustments.

A self-score and every adjustment of it are kept side by side with who gave them and when: an adjustment is a new
row, never an edit, so the table a block closes can always be explained.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.limits import MAX_BLOCK_ROWS, MAX_REASON_LENGTH, RefId, YearNumber
from models.domain.movements import ScoringRound, ScoringStatus
from models.domain.scoring_criteria import CriteriaSetDefinition, Points
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field


class CriteriaSet(SQLModel, table=True):
    """One version of a criteria set: the province's (block_id None) or a block's own, for one year."""

    __table_args__ = (UniqueConstraint("code", "year", "version", "owner_key", name="uq_criteriaset_version"),)

    id: int = Field(default=None, primary_key=True)
    code: str = Field(max_length=40)
    year: int = Field(index=True)
    version: int
    block_id: int | None = Field(default=None, foreign_key="emulationblock.id")
    owner_key: int = Field(default=0, description="block_id, or 0 for the province: NULLs would escape uniqueness")
    name: str = Field(max_length=500)
    definition: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()

    def parsed(self) -> CriteriaSetDefinition:
        return CriteriaSetDefinition.model_validate(self.definition)


class CriteriaSetPublic(SQLModel):
    id: int
    code: str
    year: int
    version: int
    block_id: int | None
    name: str
    definition: CriteriaSetDefinition
    created_by: str
    created_at: datetime


class BlockScoring(SQLModel, table=True):
    """A block's scoring round for a year (sơ kết or tổng kết) under one criteria set; closed, its ranking is frozen
    in `result`, which the year-end meeting reads."""

    __table_args__ = (UniqueConstraint("block_id", "year", "round", name="uq_blockscoring_round"),)

    id: int = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    year: int
    round: ScoringRound = enum_field(ScoringRound, default=ScoringRound.FINAL)
    criteria_set_id: int = Field(foreign_key="criteriaset.id")
    movement_id: int | None = Field(default=None, foreign_key="movement.id")
    status: ScoringStatus = enum_field(ScoringStatus, default=ScoringStatus.OPEN)
    result: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
    closed_by: str | None = Field(default=None, max_length=255)
    closed_at: datetime | None = optional_timestamp_field()


class BlockScoringCreate(SQLModel):
    block_id: RefId
    year: YearNumber
    round: ScoringRound = ScoringRound.FINAL
    criteria_set_id: RefId
    movement_id: RefId | None = None


class ScoreEntry(SQLModel, table=True):
    """A member's self-score for one criterion (or bonus or penalty item), with its evidence."""

    __table_args__ = (UniqueConstraint("scoring_id", "unit_id", "criterion_code", name="uq_scoreentry_criterion"),)

    id: int = Field(default=None, primary_key=True)
    scoring_id: int = Field(foreign_key="blockscoring.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    criterion_code: str = Field(max_length=40)
    self_points: Decimal = Field(max_digits=8, decimal_places=2)
    evidence: str = Field(default="", max_length=5_000)
    submitted_by: str = Field(max_length=255)
    submitted_at: datetime = timestamp_field()


class ScoreAdjustment(SQLModel, table=True):
    """The block head's score for an entry, with the reason; the last one counts, every one is kept."""

    id: int = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="scoreentry.id", index=True)
    scoring_id: int = Field(foreign_key="blockscoring.id", index=True)
    points: Decimal = Field(max_digits=8, decimal_places=2)
    reason: str = Field(max_length=MAX_REASON_LENGTH)
    adjusted_by: str = Field(max_length=255)
    adjusted_at: datetime = timestamp_field()


class ScoringReopening(SQLModel, table=True):
    """A closed round opened again: who, when, why, and the ranking it had; closing it again ranks anew."""

    id: int = Field(default=None, primary_key=True)
    scoring_id: int = Field(foreign_key="blockscoring.id", index=True)
    reason: str = Field(max_length=MAX_REASON_LENGTH)
    previous_result: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    previous_closed_by: str | None = Field(default=None, max_length=255)
    previous_closed_at: datetime | None = optional_timestamp_field()
    reopened_by: str = Field(max_length=255)
    reopened_at: datetime = timestamp_field()


class ScoringReopen(SQLModel):
    reason: str = Field(min_length=1, max_length=MAX_REASON_LENGTH, description="Why the closed ranking is reopened")


class SelfScore(SQLModel):
    criterion_code: str = Field(min_length=1, max_length=40)
    points: Points
    evidence: str = Field(default="", max_length=5_000, description="Where the evidence is: report, document no.")


class SelfScoresSubmit(SQLModel):
    scores: list[SelfScore] = Field(min_length=1, max_length=MAX_BLOCK_ROWS)


class AdjustmentCreate(SQLModel):
    unit_id: RefId
    criterion_code: str = Field(min_length=1, max_length=40)
    points: Points
    reason: str = Field(min_length=1, max_length=MAX_REASON_LENGTH)


class ScoringClose(SQLModel):
    vote_order: list[RefId] = Field(default_factory=list, max_length=MAX_BLOCK_ROWS,
        description="Units as the block's meeting placed them, read by a 'block_vote' tie-break")
