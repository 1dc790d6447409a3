"""The registry's change log (every change to a unit, person, block, membership, household, council seat or
account, by the API or a workbook import) and households.

A change row is appended, never edited: who, when, what the object was before and what it is after (JSON, the
object's whole state; `before` is null for a creation, `after` for a deletion), and the import that made it.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from models.tables.base import timestamp_field


class RegistryChange(SQLModel, table=True):
    __table_args__ = (Index("ix_registrychange_object", "object_type", "object_id"),)

    id: int = Field(default=None, primary_key=True)
    object_type: str = Field(max_length=40, description="unit, person, block, membership, household, seat, user…")
    object_id: int
    action: str = Field(max_length=20, description="created, updated, ended or deleted")
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    changed_by: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255)
    client_address: str | None = Field(default=None, max_length=64)
    import_id: int | None = Field(default=None, foreign_key="organisationimport.id", index=True)
    at: datetime = timestamp_field()


class RegistryChangePublic(SQLModel):
    id: int
    object_type: str
    object_id: int
    action: str
    action_vi: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changed_by: str
    on_behalf_of: str | None
    import_id: int | None
    at: datetime


class HouseholdBase(SQLModel):
    head_name: str = Field(min_length=1, max_length=255, description="Chủ hộ")
    address: str = Field(min_length=1, max_length=500, description="Địa chỉ (thôn, xóm, tổ dân phố)")
    commune_id: int = Field(foreign_key="unit.id", index=True, description="The commune (a unit) it lives in")
    active_from: date | None = None
    active_until: date | None = Field(default=None, description="Moved away or dissolved on; kept for history")


class Household(HouseholdBase, table=True):
    """A household, for Gia đình văn hóa and the household Bằng khen."""

    id: int = Field(default=None, primary_key=True)


class HouseholdPublic(HouseholdBase):
    id: int
