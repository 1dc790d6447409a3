"""The block head's proposal (Tờ trình) and the TĐKT office's screening of it."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from models.domain.limits import MAX_BLOCK_ROWS, RefId
from models.tables.base import timestamp_field


class Proposal(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
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
    # Per award code, how the quota's places were given when the meeting endorsed more than it leaves: by votes, or
    # by the tie-break (ND 152/2025 Điều 4 khoản 6). Empty when everything endorsed fitted (migration 0016).
    # JSONB on PostgreSQL: proposals are read with SELECT DISTINCT, which plain json cannot compare.
    quota_placement: dict[str, Any] = Field(default_factory=dict, sa_type=JSON().with_variant(JSONB(), "postgresql"))


class ProposalItem(SQLModel, table=True):
    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    # The key leads with the proposal: a nomination's proposal is found through an index of its own.
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True, index=True)
    position: int


class ScreeningResult(SQLModel, table=True):
    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    eligible: bool
    reason: str = Field(default="", sa_type=Text)
    # The day the office checked the dossier (its return letter's date), when it gave one: the act meeting the
    # 5-working-day deadline to return a dossier. Left out, the deadline reads the day the result was recorded.
    screened_on: date | None = None


class ProposalCreate(SQLModel):
    meeting_id: RefId
    nomination_ids: list[RefId] | None = Field(
        default=None, max_length=MAX_BLOCK_ROWS,
        description="Defaults to every endorsed or returned nomination of the meeting"
    )
    issued_on: date
    signer_name: str = Field(min_length=1, max_length=255)
    signer_title: str = Field(min_length=1, max_length=255, description="e.g. 'GIÁM ĐỐC'")


class ProposalPublic(SQLModel):
    id: int
    block_id: int
    year: int
    meeting_id: int
    issuer_unit_id: int
    number: str
    issued_on: date
    signer_name: str
    signer_title: str
    nomination_ids: list[int]


class ScreeningEntry(SQLModel):
    nomination_id: RefId
    eligible: bool
    reason: str = Field(default="", max_length=5000, description="Required when the dossier is returned")


class ScreeningRecord(SQLModel):
    results: list[ScreeningEntry] = Field(min_length=1, max_length=MAX_BLOCK_ROWS,
        description="One per nomination of the proposal")
    screened_on: date | None = Field(default=None, description="The day the office checked the dossiers (its "
                                     "return letter's date); not before the Tờ trình")
