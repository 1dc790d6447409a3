"""The decision (Quyết định) that awards, its annex rows, and the register of document numbers."""

from datetime import date, datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import Text, UniqueConstraint, event
from sqlmodel import Field, SQLModel

from models.domain.enums import DecisionStatus
from models.domain.limits import MAX_PROVINCE_ROWS, RefId, YearNumber
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field


class Decision(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year the awards are for")
    # The form's first award in the annex's order; a decision over several awards of one form (collectives and
    # individuals) lists the others' nominations beside it, each nomination keeping its own award.
    award_id: int = Field(foreign_key="award.id")
    council_session_id: int = Field(foreign_key="councilsession.id")
    status: DecisionStatus = enum_field(DecisionStatus, default=DecisionStatus.DRAFT)
    # Not unique on its own: '01/QĐ-UBND' comes back every year; the IssuedNumber register keys it by year.
    number: str | None = Field(default=None, max_length=40, description="Given at signing")
    signed_on: date | None = None
    signer_prefix: str = Field(default="", max_length=100)
    signer_title: str = Field(default="", max_length=100)
    signer_name: str = Field(default="", max_length=255)
    created_by: str = Field(max_length=255)
    signed_by: str | None = Field(default=None, max_length=255)
    created_at: datetime = timestamp_field()


class DecisionItem(SQLModel, table=True):
    # A nomination is decided once: one decision lists it, awarded or declined (a second draft would take a
    # second official number for an award already given).
    __table_args__ = (UniqueConstraint("nomination_id", name="uq_decisionitem_nomination"),)

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
    # A voided number stays in the register with its reason; the counter never goes back, so it is never reused.
    voided_at: datetime | None = optional_timestamp_field()
    voided_by: str = Field(default="", max_length=255)
    void_reason: str = Field(default="", sa_type=Text)


class IssuedNumberPublic(SQLModel):
    issuer_code: str
    type_code: str
    year: int
    seq: int
    number: str
    issued_for: str
    issued_at: datetime
    voided_at: datetime | None
    voided_by: str
    void_reason: str


class NumberVoid(SQLModel):
    number: str = Field(min_length=1, max_length=40, description="As printed, e.g. '02/QĐ-UBND'")
    year: YearNumber = Field(description="Calendar year the number was given in")
    reason: str = Field(min_length=1, max_length=5000)


@event.listens_for(IssuedNumber, "before_delete")
def _refuse_forgetting_a_number(_mapper: object, _connection: object, issued: IssuedNumber) -> None:
    raise PermissionError(f"Number {issued.number} of {issued.year} stays in the register; void it instead.")


class DecisionCreate(SQLModel):
    council_session_id: RefId
    award_code: str | None = Field(default=None, max_length=60, description="The award the decision gives")
    # A province often gives one form to collectives and to individuals in one decision: one number, one signature,
    # the annex in "I. Tập thể", "II. Cá nhân" (award_code alone stays the one-award decision it always was).
    award_codes: list[Annotated[str, StringConstraints(max_length=60)]] | None = Field(
        default=None, min_length=1, max_length=3,
        description="Instead of award_code: several awards of one form (one per recipient kind), "
                    "e.g. the Chairman's Bằng khen to collectives and to individuals")
    nomination_ids: list[RefId] | None = Field(
        default=None, max_length=MAX_PROVINCE_ROWS,
        description="Defaults to every nomination the session recommended for this award"
    )


class DeclinedEntry(SQLModel):
    nomination_id: RefId
    reason: str = Field(min_length=1, max_length=5000)


class DecisionSign(SQLModel):
    signed_on: date
    signer_prefix: str = Field(default="KT. CHỦ TỊCH", max_length=100, description="'KT. CHỦ TỊCH', '' …")
    signer_title: str = Field(default="PHÓ CHỦ TỊCH", min_length=1, max_length=100)
    signer_name: str = Field(min_length=1, max_length=255)
    declined: list[DeclinedEntry] = Field(default_factory=list, max_length=MAX_PROVINCE_ROWS,
        description="Nominations struck out")


class DecisionItemPublic(SQLModel):
    nomination_id: int
    candidate_name: str
    declined: bool
    decline_reason: str
    golden_book_no: int | None


class DecisionPublic(SQLModel):
    id: int
    year: int
    award_code: str  # the form's first award in the annex's order
    award_codes: list[str]  # every award the decision gives, in the annex's order
    council_session_id: int
    status: DecisionStatus
    number: str | None
    signed_on: date | None
    signer_prefix: str
    signer_title: str
    signer_name: str
    items: list[DecisionItemPublic]
