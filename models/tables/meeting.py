"""The block's year-end meeting: who attended, how each candidate was voted, who heads the block next year."""

from datetime import date, datetime, time

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.enums import VoteMethod
from models.domain.facts import DossierFacts
from models.domain.limits import MAX_BLOCK_ROWS, Count, RefId, YearNumber
from models.tables.ballots import BallotCountColumns, BallotCountRecord
from models.tables.base import enum_field, timestamp_field


class BlockMeetingBase(SQLModel):
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    year: int = Field(description="Emulation year being reviewed")
    held_on: date
    opened_at: time
    closed_at: time | None = None
    location: str = Field(max_length=255)
    chair_name: str = Field(max_length=255)
    chair_title: str = Field(max_length=255)
    secretary_name: str = Field(max_length=255)
    secretary_title: str = Field(max_length=255)
    method: VoteMethod = enum_field(VoteMethod, default=VoteMethod.SECRET_BALLOT)


class BlockMeeting(BlockMeetingBase, BallotCountColumns, table=True):
    # A block holds one year-end meeting per emulation year (its minutes are the basis of the year's proposals).
    __table_args__ = (UniqueConstraint("block_id", "year", name="uq_blockmeeting_block_year"),)

    id: int = Field(default=None, primary_key=True)
    next_head_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    next_deputy_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    next_head_votes: int | None = Field(default=None, description="Ballots for the head elected")
    next_deputy_votes: int | None = Field(default=None, description="Ballots for the deputy elected")
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class MeetingAttendance(SQLModel, table=True):
    meeting_id: int = Field(foreign_key="blockmeeting.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    present: bool
    absence_reason: str = Field(default="", max_length=500)  # "Đi công tác", as the minutes print it


class BallotTally(SQLModel, table=True):
    """The counting committee's result for one candidate."""

    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    meeting_id: int = Field(foreign_key="blockmeeting.id", index=True)
    votes_for: int
    votes_against: int
    abstain: int = 0
    invalid: int = 0


class CandidateCreate(SQLModel):
    award_code: str = Field(max_length=60)
    unit_id: RefId | None = Field(default=None, description="For a collective award")
    person_id: RefId | None = Field(default=None, description="For an individual award")
    achievement: str = Field(default="", max_length=20000)
    facts: DossierFacts = Field(default_factory=DossierFacts, description="What the dossier declares for the rules")


class AbsenceRecord(SQLModel):
    unit_id: RefId
    reason: str = Field(min_length=1, max_length=500, description="Why the unit is absent, as the minutes print it")


class BlockMeetingCreate(BlockMeetingBase):
    block_id: RefId
    year: YearNumber
    present_unit_ids: list[RefId] = Field(min_length=1, max_length=MAX_BLOCK_ROWS,
        description="Member units present at the meeting")
    candidates: list[CandidateCreate] = Field(min_length=1, max_length=MAX_BLOCK_ROWS)
    absences: list[AbsenceRecord] = Field(default_factory=list, max_length=MAX_BLOCK_ROWS,
        description="The reason each absent member unit gave (optional per unit)")


class TallyRecord(SQLModel):
    nomination_id: RefId
    votes_for: Count
    votes_against: Count
    abstain: Count = 0
    invalid: Count = 0


class MeetingResultsRecord(BallotCountRecord):
    tallies: list[TallyRecord] = Field(min_length=1, max_length=MAX_BLOCK_ROWS,
        description="One per candidate of the meeting")
    next_head_unit_id: RefId = Field(description="Unit elected to head the block next year")
    next_deputy_unit_id: RefId | None = None
    next_head_votes: Count | None = Field(default=None, description="Ballots for the head elected")
    next_deputy_votes: Count | None = Field(default=None, description="Ballots for the deputy elected")
    closed_at: time | None = None


class BlockMeetingPublic(BlockMeetingBase):
    id: int
    next_head_unit_id: int | None
    next_deputy_unit_id: int | None
    members_total: int
    members_present: int
