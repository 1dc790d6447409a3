"""What the registry's per-item API takes: a new unit, person, block, household or membership, and the fields
an update may change (a field left out stays as it is; a nullable one sent as null is emptied)."""

from datetime import date
from typing import Annotated, Any

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from models.domain.enums import BlockKind, BlockRole, Gender, UnitKind
from models.domain.limits import RefId, YearNumber

# Codes are printed in document numbers: spaces around them are dropped, and an empty code is refused.
UnitCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
BlockCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
# Upper-cased as numbers print it, so the change log keeps the symbol the papers carry.
BlockSymbol = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, max_length=20)]


class UnitCreate(SQLModel):
    code: UnitCode = Field(description="Symbol used in document numbers")
    name: str = Field(min_length=1, max_length=255)
    parent_agency: str = Field(default="", max_length=255)
    head_title: str = Field(default="Giám đốc", max_length=100)
    head_name: str = Field(default="", max_length=255)
    kind: UnitKind = UnitKind.OTHER
    active_from: date | None = None
    active_until: date | None = None


class UnitUpdate(SQLModel):
    code: UnitCode = Field(default=None)
    name: str = Field(default=None, min_length=1, max_length=255)
    parent_agency: str = Field(default=None, max_length=255)
    head_title: str = Field(default=None, max_length=100)
    head_name: str = Field(default=None, max_length=255)
    kind: UnitKind = Field(default=None)
    active_from: date | None = None
    active_until: date | None = None


class PersonCreate(SQLModel):
    full_name: str = Field(min_length=1, max_length=255)
    position: str = Field(default="", max_length=255)
    unit_id: RefId
    gender: Gender | None = None
    birth_date: date | None = None
    active_from: date | None = None
    active_until: date | None = None


class PersonUpdate(SQLModel):
    full_name: str = Field(default=None, min_length=1, max_length=255)
    position: str = Field(default=None, max_length=255)
    unit_id: RefId = Field(default=None)
    gender: Gender | None = None
    birth_date: date | None = None
    active_from: date | None = None
    active_until: date | None = None


class BlockCreate(SQLModel):
    code: BlockCode
    name: str = Field(min_length=1, max_length=255)
    kind: BlockKind = BlockKind.BLOCK
    symbol: BlockSymbol | None = Field(default=None,
                                       description="Ký hiệu on the block's papers; the code's initials when left out")


class BlockUpdate(SQLModel):
    code: BlockCode = Field(default=None)
    name: str = Field(default=None, min_length=1, max_length=255)
    kind: BlockKind = Field(default=None)
    symbol: BlockSymbol = Field(default=None)


class HouseholdCreate(SQLModel):
    head_name: str = Field(min_length=1, max_length=255, description="Chủ hộ")
    address: str = Field(min_length=1, max_length=500)
    commune_id: RefId
    active_from: date | None = None
    active_until: date | None = None


class HouseholdUpdate(SQLModel):
    head_name: str = Field(default=None, min_length=1, max_length=255)
    address: str = Field(default=None, min_length=1, max_length=500)
    commune_id: RefId = Field(default=None)
    active_from: date | None = None
    active_until: date | None = None


class Ending(SQLModel):
    active_until: date = Field(description="The last day it was active")


class MembershipCreate(SQLModel):
    unit_id: RefId
    year: YearNumber
    role: BlockRole = BlockRole.MEMBER


class MembershipUpdate(SQLModel):
    role: BlockRole


class MembershipPublic(SQLModel):
    id: int
    block_id: int
    unit_id: int
    year: int
    role: BlockRole


def changes(update: SQLModel) -> dict[str, Any]:
    """The fields the request sent."""
    return update.model_dump(exclude_unset=True)
