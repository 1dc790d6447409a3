"""The block head's proposal (Tờ trình) and the TĐKT office's screening of it."""

from datetime import date, datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from models.base import timestamp_field


class Proposal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    year: int
    meeting_id: int = Field(foreign_key="blockmeeting.id")
    issuer_unit_id: int = Field(foreign_key="unit.id", description="The block head's agency")
    number: str = Field(max_length=40, description="e.g. '01/TTr-SCT'")
    issued_on: date
    signer_name: str = Field(max_length=255)
    signer_title: str = Field(max_length=255)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class ProposalItem(SQLModel, table=True):
    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    position: int


class ScreeningResult(SQLModel, table=True):
    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    eligible: bool
    reason: str = Field(default="", sa_type=Text)
