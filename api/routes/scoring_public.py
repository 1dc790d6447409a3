"""What the scoring routes answer: a round with its table, each unit's row and entries, and its reopenings."""

from datetime import datetime

from sqlmodel import SQLModel

from models.domain.enums import BlockRole
from models.domain.facts import Rating
from models.domain.movements import ScoringRound, ScoringStatus


class AdjustmentPublic(SQLModel):
    points: float
    reason: str
    adjusted_by: str
    adjusted_at: datetime


class EntryPublic(SQLModel):
    criterion_code: str
    self_points: float
    evidence: str
    submitted_by: str
    submitted_at: datetime
    adjustments: list[AdjustmentPublic]
    points: float  # what counts: the head's last adjustment, else the self-score


class RowPublic(SQLModel):
    unit_id: int
    unit_name: str
    block_role: BlockRole
    rank: int
    tied: bool
    groups: dict[str, float]
    bonus: float
    penalty: float
    total: float
    rating: Rating
    rating_vi: str
    unscored: list[str]
    registered: bool
    registered_award_code: str | None
    entries: list[EntryPublic]


class ScoringSummary(SQLModel):
    id: int
    block_id: int
    year: int
    round: ScoringRound
    status: ScoringStatus
    criteria_set_id: int
    movement_id: int | None
    closed_at: datetime | None
    leader_unit_id: int | None = None  # of a closed round, as it was frozen


class ReopeningPublic(SQLModel):
    reason: str
    reopened_by: str
    reopened_at: datetime
    previous_closed_at: datetime | None
    previous_leader_unit_id: int | None


class ScoringPublic(SQLModel):
    id: int
    block_id: int
    year: int
    round: ScoringRound
    round_vi: str
    status: ScoringStatus
    status_vi: str
    criteria_set_id: int
    criteria_set_code: str
    criteria_set_version: int
    movement_id: int | None
    created_by: str
    created_at: datetime
    closed_by: str | None
    closed_at: datetime | None
    vote_order: list[int]
    leader_unit_id: int | None
    leader_problem_vi: str | None
    rows: list[RowPublic]
    reopenings: list[ReopeningPublic]  # each time the closed round was opened again, oldest first
