"""The decision (Quyết định) that awards, its annex rows, and the register of document numbers."""

from datetime import date, datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from models.base import enum_field, timestamp_field
from models.enums import DecisionStatus


class Decision(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year the awards are for")
    award_id: int = Field(foreign_key="award.id")
    council_session_id: int = Field(foreign_key="councilsession.id")
    status: DecisionStatus = enum_field(DecisionStatus, default=DecisionStatus.DRAFT)
    number: str | None = Field(default=None, max_length=40, unique=True, description="Given at signing")
    signed_on: date | None = None
    signer_prefix: str = Field(default="", max_length=100)
    signer_title: str = Field(default="", max_length=100)
    signer_name: str = Field(default="", max_length=255)
    created_by: str = Field(max_length=255)
    signed_by: str | None = Field(default=None, max_length=255)
    created_at: datetime = timestamp_field()


class DecisionItem(SQLModel, table=True):
    decision_id: int = Field(foreign_key="decision.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    declined: bool = False
    decline_reason: str = Field(default="", sa_type=Text)
    golden_book_no: int | None = Field(default=None, description="Row in the annex; given at signing")


class NumberCounter(SQLModel, table=True):
    """The last number given per issuing body, document type and calendar year (Decree 30/2020 Điều 15)."""

    issuer_code: str = Field(max_length=20, primary_key=True)
    type_code: str = Field(max_length=10, primary_key=True)
    year: int = Field(primary_key=True)
    last_seq: int = 0


class IssuedNumber(SQLModel, table=True):
    issuer_code: str = Field(max_length=20, primary_key=True)
    type_code: str = Field(max_length=10, primary_key=True)
    year: int = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    number: str = Field(max_length=40)
    issued_for: str = Field(max_length=100, description="What took the number, e.g. 'decision:7'")
    issued_at: datetime = timestamp_field()


class DecisionCreate(SQLModel):
    council_session_id: int
    award_code: str = Field(max_length=60)
    nomination_ids: list[int] | None = Field(
        default=None, description="Defaults to every nomination the session recommended for this award"
    )


class DeclinedEntry(SQLModel):
    nomination_id: int
    reason: str = Field(min_length=1, max_length=5000)


class DecisionSign(SQLModel):
    signed_on: date
    signer_prefix: str = Field(default="KT. CHỦ TỊCH", max_length=100, description="'KT. CHỦ TỊCH', '' …")
    signer_title: str = Field(default="PHÓ CHỦ TỊCH", min_length=1, max_length=100)
    signer_name: str = Field(min_length=1, max_length=255)
    declined: list[DeclinedEntry] = Field(default_factory=list, description="Nominations struck out")


class DecisionItemPublic(SQLModel):
    nomination_id: int
    candidate_name: str
    declined: bool
    decline_reason: str
    golden_book_no: int | None


class DecisionPublic(SQLModel):
    id: int
    year: int
    award_code: str
    council_session_id: int
    status: DecisionStatus
    number: str | None
    signed_on: date | None
    signer_prefix: str
    signer_title: str
    signer_name: str
    items: list[DecisionItemPublic]
