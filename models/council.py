"""Sessions of the Emulation-Commendation Council: members, attendance and the vote on each nomination."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from models.base import timestamp_field


class CouncilSession(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year under review")
    held_on: date
    location: str = Field(max_length=255)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class CouncilMember(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="councilsession.id", index=True)
    full_name: str = Field(max_length=255)
    position: str = Field(max_length=255)
    present: bool
    # An absent member may vote by written opinion; thresholds are counted over all members either way.
    written_opinion: bool = False


class CouncilVote(SQLModel, table=True):
    session_id: int = Field(foreign_key="councilsession.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    votes_for: int
    votes_against: int
    abstain: int = 0


class CouncilMemberCreate(SQLModel):
    full_name: str = Field(min_length=1, max_length=255)
    position: str = Field(max_length=255)
    present: bool
    written_opinion: bool = False


class CouncilSessionCreate(SQLModel):
    year: int
    held_on: date
    location: str = Field(max_length=255)
    members: list[CouncilMemberCreate] = Field(min_length=1, description="Every member of the council")


class CouncilVoteRecord(SQLModel):
    nomination_id: int
    votes_for: int = Field(ge=0)
    votes_against: int = Field(ge=0)
    abstain: int = Field(default=0, ge=0)


class CouncilVotesRecord(SQLModel):
    votes: list[CouncilVoteRecord] = Field(min_length=1)


class CouncilSessionPublic(SQLModel):
    id: int
    year: int
    held_on: date
    location: str
    members_total: int
    members_voting: int
