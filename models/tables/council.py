"""Sessions of the Emulation-Commendation Council or of its standing body: members, attendance, and the vote
(full council) or the appraisal (standing body) on each nomination."""

from datetime import date, datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.enums import CouncilBody
from models.domain.limits import MAX_COUNCIL_MEMBERS, MAX_PROVINCE_ROWS, MAX_REASON_LENGTH, Count, RefId, YearNumber
from models.tables.ballots import BallotCountColumns, BallotCountRecord
from models.tables.base import enum_field, timestamp_field


class CouncilSession(BallotCountColumns, table=True):
    # A body meets once a day for a year under review: a second identical opening (a double click, two secretaries)
    # is the same session, refused (models/recording/council_session_once.py).
    __table_args__ = (UniqueConstraint("year", "body", "held_on", name="uq_councilsession_year_body_day"),)

    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year under review")
    # The full council votes; its standing body appraises the awards the catalogue routes to it (appraised_by).
    body: CouncilBody = enum_field(CouncilBody, default=CouncilBody.COUNCIL)
    held_on: date
    location: str = Field(max_length=255)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
    # The TĐKT office's Tờ trình to the Chairman reporting the votes: numbered when the votes are recorded.
    # Unique per calendar year only, as the IssuedNumber register guarantees: '01/TTr-SNV' comes back every year.
    appraisal_number: str | None = Field(default=None, max_length=40, description="e.g. '01/TTr-SNV'")
    appraisal_signed_on: date | None = None
    appraisal_signer_prefix: str = Field(default="", max_length=100)
    appraisal_signer_title: str = Field(default="", max_length=100)
    appraisal_signer_name: str = Field(default="", max_length=255)


class CouncilMember(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="councilsession.id", index=True)
    full_name: str = Field(max_length=255)
    position: str = Field(max_length=255)
    present: bool
    # An absent member may vote by written opinion; thresholds are counted over all members either way.
    written_opinion: bool = False
    written_opinion_text: str = Field(default="", sa_type=Text)  # what the absent member wrote, as minuted
    unit_id: int | None = Field(default=None, foreign_key="unit.id",
                                description="The member's own unit: they do not vote on its nominations")
    # The roster seat this member was copied from (none for a session whose members were typed in).
    seat_id: int | None = Field(default=None, foreign_key="councilseat.id", index=True)


class CouncilVote(SQLModel, table=True):
    session_id: int = Field(foreign_key="councilsession.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    votes_for: int
    votes_against: int
    abstain: int = 0


class StandingResult(SQLModel, table=True):
    """The standing body's appraisal of one nomination: agreed to propose it to the Chairman, or not, and why."""

    session_id: int = Field(foreign_key="councilsession.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    agreed: bool
    reason: str = Field(default="", sa_type=Text)


class CouncilMemberCreate(SQLModel):
    full_name: str = Field(min_length=1, max_length=255)
    position: str = Field(max_length=255)
    present: bool
    written_opinion: bool = False
    written_opinion_text: str = Field(default="", max_length=MAX_REASON_LENGTH,
                                      description="What an absent member wrote, as the minutes record it")
    unit_id: RefId | None = Field(default=None, description="The member's own unit, if it can be nominated")


class CouncilMemberPublic(CouncilMemberCreate):
    seat_id: int | None = Field(default=None, description="The roster seat the member was copied from, if any")


class WrittenOpinion(SQLModel):
    seat_id: RefId
    text: str = Field(min_length=1, max_length=MAX_REASON_LENGTH)


class CouncilSessionCreate(SQLModel):
    """Either the attendance of the roster in force on `held_on` (present_seat_ids, written_opinion_seat_ids;
    every other seat of that day is absent), or, for a province without a roster yet, every member typed in."""

    year: YearNumber
    body: CouncilBody = Field(default=CouncilBody.COUNCIL, description=(
        "council: the full council votes (POST …/votes); standing_body: its standing body (Thường trực Hội đồng) "
        "appraises (POST …/appraisals), its members the roster's standing seats"))
    held_on: date
    location: str = Field(max_length=255)
    members: list[CouncilMemberCreate] | None = Field(default=None, min_length=1, max_length=MAX_COUNCIL_MEMBERS,
        description="Every member of the council, typed in (only without present_seat_ids)")
    present_seat_ids: list[RefId] | None = Field(default=None, max_length=MAX_COUNCIL_MEMBERS,
        description="Roster seats (GET /council/roster?on=held_on) whose holders attend")
    written_opinion_seat_ids: list[RefId] = Field(default_factory=list, max_length=MAX_COUNCIL_MEMBERS,
        description="Roster seats whose absent holders sent a written opinion")
    written_opinions: list[WrittenOpinion] = Field(default_factory=list, max_length=MAX_COUNCIL_MEMBERS,
        description="What each of those members wrote (a seat of written_opinion_seat_ids), for the minutes")


class CouncilVoteRecord(SQLModel):
    nomination_id: RefId
    votes_for: Count
    votes_against: Count
    abstain: Count = 0


class AppraisalSigning(SQLModel):
    """Who signs the office's Tờ trình reporting a session to the Chairman, and when."""

    # Who signs the office's appraisal Tờ trình (Sở Nội vụ) and when; the defaults suit the usual case.
    appraisal_signed_on: date | None = Field(default=None, description="Defaults to the day the council met")
    appraisal_signer_name: str | None = Field(
        default=None, min_length=1, max_length=255,
        description="Defaults to the head of the office's unit (code SNV) as recorded in the units")
    appraisal_signer_title: str = Field(default="GIÁM ĐỐC", min_length=1, max_length=100)
    appraisal_signer_prefix: str = Field(default="", max_length=100, description="e.g. 'KT. GIÁM ĐỐC'")


class CouncilVotesRecord(AppraisalSigning, BallotCountRecord):
    votes: list[CouncilVoteRecord] = Field(min_length=1, max_length=MAX_PROVINCE_ROWS)


class StandingResultRecord(SQLModel):
    nomination_id: RefId
    agreed: bool = Field(description="The standing body agrees to propose it to the Chairman")
    reason: str = Field(default="", max_length=5000, description="Why; required when not agreed")


class StandingAppraisalRecord(AppraisalSigning):
    results: list[StandingResultRecord] = Field(min_length=1, max_length=MAX_PROVINCE_ROWS)


class CouncilSessionPublic(SQLModel):
    id: int
    year: int
    body: CouncilBody
    held_on: date
    location: str
    members_total: int
    members_voting: int
    appraisal_number: str | None
    appraisal_signed_on: date | None
    appraisal_signer_name: str
