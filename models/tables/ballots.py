"""What a body that votes by ballot keeps of its count (Biên bản kiểm phiếu) and the number of its minutes."""

from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import JSON, Dialect, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeEngine
from sqlmodel import Field, SQLModel

from models.domain.limits import Count

CommitteeMember = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
MAX_COMMITTEE = 15


class NameList(TypeDecorator[list[str]]):
    """A list of names: JSONB on PostgreSQL, whose JSON type has no equality and so breaks a SELECT DISTINCT over
    the row (the citations of a decision read meetings that way), JSON elsewhere."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[list[str]]:
        return dialect.type_descriptor(JSONB() if dialect.name == "postgresql" else JSON())


class BallotCountColumns(SQLModel):
    """Columns of a meeting or a session: the counting committee's totals, its members, the minutes' number."""

    ballots_issued: int | None = None
    ballots_returned: int | None = None
    ballots_invalid: int | None = None  # spoilt ballot papers, counting for no one
    counting_committee: list[str] = Field(default_factory=list, sa_type=NameList)  # "Ban kiểm phiếu", head first
    # "01/BB-KTKT": numbered when the vote is recorded, in the issuing body's Biên bản series of that year.
    minutes_number: str | None = Field(default=None, max_length=40)


class BallotCountRecord(SQLModel):
    """What the counting committee reports with the votes: all three counts or none, and its members' names."""

    ballots_issued: Count | None = Field(default=None, description="Số phiếu phát ra")
    ballots_returned: Count | None = Field(default=None, description="Số phiếu thu về")
    ballots_invalid: Count | None = Field(default=None, description="Số phiếu không hợp lệ (spoilt as a whole)")
    counting_committee: list[CommitteeMember] = Field(default_factory=list, max_length=MAX_COMMITTEE,
        description="Ban kiểm phiếu: full names, the head first")
