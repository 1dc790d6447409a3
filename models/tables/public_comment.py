"""Public comment before the council's vote: the windows the TĐKT office opens (a list of eligible dossiers
published for a number of working days), and the comments anyone sends on a listed dossier while it is open."""

from datetime import date, datetime

from pydantic import field_validator
from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.limits import MAX_PROVINCE_ROWS, MAX_REASON_LENGTH, RefId, YearNumber
from models.domain.public_comment import CommentStatus
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field

MAX_COMMENT_LENGTH = 5_000
MAX_SENDER_LENGTH = 200


class CommentWindow(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    year: int = Field(description="Emulation year of the dossiers listed")
    opens_on: date
    closes_on: date = Field(description="The last day comments are taken (working days from the catalogue)")
    working_days: int
    basis: str = Field(sa_type=Text, description="The texts requiring the comment period, as they read that day")
    published_at: str = Field(max_length=255, description="Where the list is published besides this service")
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class CommentWindowItem(SQLModel, table=True):
    """A dossier listed for comment: once, so a second identical opening is refused by the database too."""

    __table_args__ = (UniqueConstraint("nomination_id", name="uq_commentwindowitem_nomination"),)

    window_id: int = Field(foreign_key="commentwindow.id", primary_key=True)
    nomination_id: int = Field(foreign_key="nomination.id", primary_key=True)
    position: int


class PublicComment(SQLModel, table=True):
    # The same words from the same sender on the same dossier are one comment (a double click, a resend).
    __table_args__ = (UniqueConstraint("nomination_id", "fingerprint", name="uq_publiccomment_once"),)

    id: int = Field(default=None, primary_key=True)
    window_id: int = Field(foreign_key="commentwindow.id", index=True)
    nomination_id: int = Field(foreign_key="nomination.id", index=True)
    sender_name: str = Field(max_length=MAX_SENDER_LENGTH)
    contact: str = Field(max_length=MAX_SENDER_LENGTH, description="Address, telephone or e-mail to answer")
    text: str = Field(sa_type=Text)
    fingerprint: str = Field(max_length=64, description="SHA-256 of sender, contact and text")
    client_address: str | None = Field(default=None, max_length=64, index=True)
    received_at: datetime = timestamp_field(index=True)
    status: CommentStatus = enum_field(CommentStatus, default=CommentStatus.RECEIVED, index=True)
    answer: str = Field(default="", sa_type=Text)
    handled_by: str | None = Field(default=None, max_length=255)
    handled_at: datetime | None = optional_timestamp_field()


class CommentWindowOpen(SQLModel):
    year: YearNumber
    opens_on: date = Field(description="The first day of publication; the catalogue's working days run from it")
    published_at: str = Field(default="Cổng Thông tin điện tử tỉnh", min_length=1, max_length=255)
    nomination_ids: list[RefId] = Field(min_length=1, max_length=MAX_PROVINCE_ROWS)

    @field_validator("opens_on")
    @classmethod
    def _in_served_years(cls, value: date) -> date:
        if not date(1945, 1, 1) <= value <= date(2100, 12, 31):  # the years the working calendar is known for
            raise ValueError("must fall between 1945 and 2100")
        return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


class CommentSend(SQLModel):
    """What anyone may send while a window is open: who they are, how to answer them, and what they say."""

    nomination_id: RefId
    sender_name: str = Field(min_length=1, max_length=MAX_SENDER_LENGTH)
    contact: str = Field(min_length=1, max_length=MAX_SENDER_LENGTH)
    text: str = Field(min_length=1, max_length=MAX_COMMENT_LENGTH)

    _strip = field_validator("sender_name", "contact", "text")(_not_blank)


class CommentHandling(SQLModel):
    """The office's answer to a comment: noted and answered, or the dossier put on hold because of it."""

    action: CommentStatus = Field(description="answered, or held (the dossier goes on hold with the comment)")
    note: str = Field(min_length=1, max_length=MAX_REASON_LENGTH, description="The answer, or why it is held")

    _strip = field_validator("note")(_not_blank)
