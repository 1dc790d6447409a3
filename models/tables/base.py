"""Column helpers shared by the tables."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, Enum, TypeDecorator
from sqlmodel import Field


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Times in UTC, read back with their time zone even from SQLite, which keeps none."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None and value.tzinfo else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def timestamp_field(**kwargs: Any) -> Any:
    return Field(default_factory=utc_now, sa_type=UTCDateTime, **kwargs)


def optional_timestamp_field(**kwargs: Any) -> Any:
    return Field(default=None, sa_type=UTCDateTime, **kwargs)


def json_field() -> Any:
    return Field(default_factory=dict, sa_type=JSON)


def enum_field(enum: type[StrEnum], **kwargs: Any) -> Any:
    """Store an enum's values in a plain VARCHAR: a new state needs no database type change."""
    column_type = Enum(enum, native_enum=False, length=40, values_callable=lambda e: [m.value for m in e])
    return Field(sa_type=column_type, **kwargs)
