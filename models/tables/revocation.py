"""Revocations of awards (Law Điều 93) and the flags they raise on later nominations that relied on them."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.enums import DecisionStatus, RevocationGround
from models.domain.limits import MAX_REASON_LENGTH, RefId
from models.tables.base import enum_field, json_field, timestamp_field
from models.tables.stage import DocumentPublic


class Revocation(SQLModel, table=True):
    """One award revoked: kept beside the award record, which is never deleted. It takes effect once signed."""

    id: int = Field(default=None, primary_key=True)
    # An award is revoked once: a second request for it, even at the same moment, is refused.
    award_record_id: int = Field(foreign_key="awardrecord.id", unique=True)
    ground: RevocationGround = enum_field(RevocationGround)
    reason: str = Field(sa_type=Text)
    # True: the province revokes by its own decision (numbered in its series, printed). False: the authority that
    # awarded (a unit head) revoked it, and its decision is recorded here as given.
    issued_here: bool
    status: DecisionStatus = enum_field(DecisionStatus, default=DecisionStatus.DRAFT)
    number: str | None = Field(default=None, max_length=60)
    signed_on: date | None = None
    decided_by: str = Field(max_length=255, description="Who revoked: 'Chủ tịch UBND tỉnh', 'Giám đốc Sở …'")
    signer_prefix: str = Field(default="", max_length=100)
    signer_title: str = Field(default="", max_length=100)
    signer_name: str = Field(default="", max_length=255)
    # The prize the award paid, as its decision's stage logged it (models.domain.prizes.Prize evidence): the
    # amount to recover. Empty when the award came from an imported decision and the amount is not known here.
    prize: dict[str, Any] = json_field()
    prepared_by: str = Field(max_length=255)
    signed_by: str | None = Field(default=None, max_length=255)
    created_at: datetime = timestamp_field()


class RevocationFlag(SQLModel, table=True):
    """A later nomination whose eligibility relied on the revoked award: the rule it now fails, for a person to act
    on. Nothing about the nomination is changed."""

    __table_args__ = (UniqueConstraint("revocation_id", "nomination_id", "rule", name="uq_revocationflag_rule"),)

    id: int = Field(default=None, primary_key=True)
    revocation_id: int = Field(foreign_key="revocation.id", index=True)
    nomination_id: int = Field(foreign_key="nomination.id", index=True)
    rule: str = Field(max_length=100)
    article: str = Field(sa_type=Text)
    message: str = Field(sa_type=Text)
    message_vi: str = Field(sa_type=Text)
    created_at: datetime = timestamp_field()


class AuthorityDecision(SQLModel):
    """The revoking decision of the authority that awarded, when that is not the province."""

    number: str = Field(min_length=1, max_length=60, description="As printed, e.g. '12/QĐ-SCT'")
    signed_on: date
    decided_by: str = Field(min_length=1, max_length=255, description="e.g. 'Giám đốc Sở Công Thương'")


class RevocationCreate(SQLModel):
    award_record_id: RefId = Field(description="The award, as GET /award-history lists it")
    ground: RevocationGround
    reason: str = Field(default="", max_length=MAX_REASON_LENGTH, description="Required: what was false or unlawful")
    authority_decision: AuthorityDecision | None = Field(
        default=None, description="Only for an award the province does not decide: the awarding authority's decision")


class RevocationSign(SQLModel):
    signed_on: date
    signer_prefix: str = Field(default="KT. CHỦ TỊCH", max_length=100)
    signer_title: str = Field(default="PHÓ CHỦ TỊCH", min_length=1, max_length=100)
    signer_name: str = Field(min_length=1, max_length=255)


class RevocationNote(SQLModel):
    """What the award history shows of a revoked award."""

    revocation_id: int
    number: str
    signed_on: date
    decided_by: str
    ground: RevocationGround
    reason: str


class RevocationFlagPublic(SQLModel):
    revocation_id: int
    nomination_id: int
    rule: str
    article: str
    message: str
    message_vi: str
    revocation_number: str
    created_at: datetime


class RevocationPublic(SQLModel):
    id: int
    award_record_id: int
    ground: RevocationGround
    reason: str
    issued_here: bool
    status: DecisionStatus
    number: str | None
    signed_on: date | None
    decided_by: str
    signer_prefix: str
    signer_title: str
    signer_name: str
    prize: dict[str, Any]
    recipient_name: str
    award_name: str
    year: int
    award_decision_number: str


class RevocationDetail(SQLModel):
    revocation: RevocationPublic
    flags: list[RevocationFlagPublic]
    documents: list[DocumentPublic]
