"""Organisation workbooks brought in: who, when, which bytes, what they changed or why they were refused."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from models.tables.base import json_field, timestamp_field


class OrganisationImport(SQLModel, table=True):
    """One import of the registry workbook; a refused one is kept too, with its problems (nothing else changed)."""

    id: int = Field(default=None, primary_key=True)
    file_name: str = Field(default="", max_length=255)
    sha256: str = Field(max_length=64)
    accepted: bool
    # {"units": {"created": n, "updated": n, "unchanged": n}, "people": {...}, "blocks": {...}, "memberships": {...}}
    counts: dict[str, Any] = json_field()
    problems: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    imported_by: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255)
    client_address: str | None = Field(default=None, max_length=64)
    at: datetime = timestamp_field()


class OrganisationImportPublic(SQLModel):
    id: int
    file_name: str
    sha256: str
    accepted: bool
    counts: dict[str, Any]
    problems: list[dict[str, str]]
    imported_by: str
    at: datetime
