"""Column helpers shared by the tables."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlmodel import Field


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp_field(**kwargs: Any) -> Any:
    return Field(default_factory=utc_now, sa_type=DateTime(timezone=True), **kwargs)


def json_field() -> Any:
    return Field(default_factory=dict, sa_type=JSON)
