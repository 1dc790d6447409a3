"""Awards decided above the province: the Chairman's Tờ trình to the Prime Minister that forwards them, and the
central decision recorded when it comes back."""

from datetime import date, datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.enums import DecisionStatus, State
from models.domain.limits import MAX_PROVINCE_ROWS, RefId
from models.tables.base import enum_field, timestamp_field


class Forwarding(SQLModel, table=True):
    """The Chairman's Tờ trình upward: a draft prepared by the secretary, numbered when signed and sent."""

    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year the awards are for")
    council_session_id: int = Field(foreign_key="councilsession.id")
    status: DecisionStatus = enum_field(DecisionStatus, default=DecisionStatus.DRAFT)
    number: str | None = Field(default=None, max_length=40, description="'05/TTr-UBND', given at signing")
    issued_on: date | None = None
    signer_prefix: str = Field(default="", max_length=100)
    signer_title: str = Field(default="", max_length=100)
    signer_name: str = Field(default="", max_length=255)
    created_by: str = Field(max_length=255)
    signed_by: str | None = Field(default=None, max_length=255)
    created_at: datetime = timestamp_field()


class ForwardingItem(SQLModel, table=True):
    # A nomination is forwarded once: a second Tờ trình would ask the Prime Minister twice for one award.
    __table_args__ = (UniqueConstraint("nomination_id", name="uq_forwardingitem_nomination"),)

    forwarding_id: int = Field(foreign_key="forwarding.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    row_no: int = Field(description="Its row in the Tờ trình's list")


class CentralDecision(SQLModel, table=True):
    """The central level's answer to one Tờ trình, as the secretary recorded it from the decision received."""

    __table_args__ = (UniqueConstraint("forwarding_id", name="uq_centraldecision_forwarding"),)

    id: int = Field(default=None, primary_key=True)
    forwarding_id: int = Field(foreign_key="forwarding.id")
    number: str = Field(max_length=60, description="As printed, e.g. '1234/QĐ-TTg'")
    decided_on: date
    decided_by: str = Field(max_length=255, description="'Thủ tướng Chính phủ'")
    recorded_by: str = Field(max_length=255)
    recorded_at: datetime = timestamp_field()


class CentralDecisionItem(SQLModel, table=True):
    central_decision_id: int = Field(foreign_key="centraldecision.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True, unique=True)
    awarded: bool
    reason: str = Field(default="", sa_type=Text)


class ForwardingCreate(SQLModel):
    council_session_id: RefId
    nomination_ids: list[RefId] | None = Field(
        default=None, max_length=MAX_PROVINCE_ROWS,
        description="Defaults to every nomination the session recommended for an award decided above the province")


class ForwardingSign(SQLModel):
    issued_on: date
    signer_prefix: str = Field(default="KT. CHỦ TỊCH", max_length=100, description="'KT. CHỦ TỊCH', 'TM. …'")
    signer_title: str = Field(default="PHÓ CHỦ TỊCH", min_length=1, max_length=100)
    signer_name: str = Field(min_length=1, max_length=255)


class CentralResult(SQLModel):
    nomination_id: RefId
    awarded: bool
    reason: str = Field(default="", max_length=5000, description="Required when not awarded")


class CentralDecisionCreate(SQLModel):
    number: str = Field(min_length=1, max_length=60, description="As printed, e.g. '1234/QĐ-TTg'")
    decided_on: date
    decided_by: str = Field(default="Thủ tướng Chính phủ", min_length=1, max_length=255)
    results: list[CentralResult] = Field(min_length=1, max_length=MAX_PROVINCE_ROWS)


class ForwardingItemPublic(SQLModel):
    nomination_id: int
    row_no: int
    candidate_name: str
    award_code: str
    state: State
    awarded: bool | None  # the central decision's answer, once recorded


class CentralDecisionPublic(SQLModel):
    id: int
    number: str
    decided_on: date
    decided_by: str
    recorded_by: str


class ForwardingPublic(SQLModel):
    id: int
    year: int
    council_session_id: int
    status: DecisionStatus
    number: str | None
    issued_on: date | None
    signer_prefix: str
    signer_title: str
    signer_name: str
    items: list[ForwardingItemPublic]
    central_decision: CentralDecisionPublic | None
