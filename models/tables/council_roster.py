"""The council's standing roster: who holds a seat, in which role, from when until when.

A session copies the seats in force on the day it meets into its CouncilMember rows, so a later change of the
roster never changes a past session. A seat is never deleted: its term is ended (serves_until), and who added or
ended it, and when, is kept on the row.
"""

from datetime import date, datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from models.domain.enums import CouncilRole
from models.domain.limits import RefId
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field


class CouncilSeat(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    full_name: str = Field(max_length=255)
    position: str = Field(default="", max_length=255)
    unit_id: int | None = Field(default=None, foreign_key="unit.id",
                                description="The member's own unit: they do not vote on its nominations")
    role: CouncilRole = enum_field(CouncilRole)
    standing_body: bool = Field(default=False, description="Member of the standing body (Thường trực Hội đồng)")
    serves_from: date
    serves_until: date | None = Field(default=None, description="Last day of the term; none while it runs")
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
    ended_by: str | None = Field(default=None, max_length=255)
    ended_at: datetime | None = optional_timestamp_field()


# The roster is exported to the organisation workbook, which cannot hold control characters (openpyxl refuses them).
Printable = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]*$")]


class CouncilSeatCreate(SQLModel):
    full_name: Printable = Field(min_length=1, max_length=255)
    position: Printable = Field(default="", max_length=255)
    unit_id: RefId | None = Field(default=None, description="The member's own unit, if it can be nominated")
    role: CouncilRole = CouncilRole.MEMBER
    standing_body: bool = False
    serves_from: date
    serves_until: date | None = None


class CouncilSeatEnd(SQLModel):
    serves_until: date = Field(description="The last day the seat is held")


class CouncilSeatPublic(SQLModel):
    id: int
    full_name: str
    position: str
    unit_id: int | None
    role: CouncilRole
    role_vi: str = ""
    standing_body: bool
    serves_from: date
    serves_until: date | None
    created_by: str
    created_at: datetime
    ended_by: str | None
    ended_at: datetime | None

