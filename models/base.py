"""Column helpers shared by the tables."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, Enum
from sqlmodel import Field


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp_field(**kwargs: Any) -> Any:
    return Field(default_factory=utc_now, sa_type=DateTime(timezone=True), **kwargs)


def json_field() -> Any:
    return Field(default_factory=dict, sa_type=JSON)


def enum_field(enum: type[StrEnum], **kwargs: Any) -> Any:
    """Store an enum's values in a plain VARCHAR: a new state needs no database type change."""
    column_type = Enum(enum, native_enum=False, length=40, values_callable=lambda e: [m.value for m in e])
    return Field(sa_type=column_type, **kwargs)
