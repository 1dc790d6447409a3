"""Emulation movements (phong trào thi đua), the blocks taking part, members' registrations and the block's pledge."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.limits import MAX_BLOCK_ROWS, RefId, YearNumber
from models.domain.movements import MovementKind
from models.tables.base import enum_field, timestamp_field


class MovementBase(SQLModel):
    name: str = Field(min_length=1, max_length=500, description="e.g. 'Thi đua thực hiện thắng lợi nhiệm vụ năm 2026'")
    kind: MovementKind = enum_field(MovementKind, default=MovementKind.YEARLY)
    from_year: int
    until_year: int
    launch_number: str = Field(min_length=1, max_length=60, description="The launching document, e.g. '25/KH-UBND'")
    launched_on: date
    launched_by: str = Field(min_length=1, max_length=255, description="Its issuer, e.g. 'UBND tỉnh Bắc Ninh'")
    content: str = Field(default="", max_length=20_000, description="Aims and content of the movement")


class Movement(MovementBase, table=True):
    id: int = Field(default=None, primary_key=True)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class MovementBlock(SQLModel, table=True):
    movement_id: int = Field(foreign_key="movement.id", primary_key=True)
    block_id: int = Field(foreign_key="emulationblock.id", primary_key=True)


class MovementCreate(MovementBase):
    from_year: YearNumber
    until_year: YearNumber
    block_ids: list[RefId] = Field(default_factory=list, max_length=MAX_BLOCK_ROWS,
                                   description="The blocks taking part (empty: every block of the province)")


class MovementPublic(MovementBase):
    id: int
    block_ids: list[int]
    created_by: str
    created_at: datetime


class Target(SQLModel):
    """One target a member registers: what, how much, and the criterion of the set it is scored under."""

    description: str = Field(min_length=1, max_length=2_000)
    target: str = Field(default="", max_length=500, description="e.g. '100 %', '12 sáng kiến'")
    criterion_code: str | None = Field(default=None, max_length=40)


class RegistrationBase(SQLModel):
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    registered_on: date
    award_code: str | None = Field(default=None, max_length=60,
                                   description="The title or form the unit registers for, e.g. CO_THI_DUA_UBND_TINH")


class Registration(RegistrationBase, table=True):
    """A member's registration (đăng ký thi đua) for a movement's year; registered again, it is replaced."""

    __table_args__ = (UniqueConstraint("movement_id", "year", "unit_id", name="uq_registration_unit_year"),)

    id: int = Field(default=None, primary_key=True)
    movement_id: int = Field(foreign_key="movement.id", index=True)
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    targets: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class RegistrationCreate(RegistrationBase):
    unit_id: RefId
    year: YearNumber
    targets: list[Target] = Field(default_factory=list, max_length=200)


class RegistrationPublic(RegistrationBase):
    id: int
    movement_id: int
    block_id: int
    targets: list[Target]
    created_by: str
    created_at: datetime


class Signatory(SQLModel):
    unit_id: RefId
    full_name: str = Field(min_length=1, max_length=255)
    title: str = Field(min_length=1, max_length=255, description="e.g. 'Giám đốc Sở Công Thương'")


class BlockPledgeBase(SQLModel):
    block_id: int = Field(foreign_key="emulationblock.id")
    year: int
    signed_on: date
    place: str = Field(default="", max_length=255)


class BlockPledge(BlockPledgeBase, table=True):
    """The block's signed pledge (bản giao ước thi đua) for a movement's year: who signed it, when."""

    __table_args__ = (UniqueConstraint("movement_id", "block_id", "year", name="uq_blockpledge_block_year"),)

    id: int = Field(default=None, primary_key=True)
    movement_id: int = Field(foreign_key="movement.id", index=True)
    signatories: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
    # The printed pledge, numbered in the head agency's series and rendered once when it is signed: frozen here
    # with its SHA-256, so a download years later gives the same bytes whatever changed in the registry since.
    number: str = Field(default="", max_length=40, description="e.g. '01/GƯTĐ-SCT'")
    filename: str = Field(default="", max_length=255)
    sha256: str = Field(default="", max_length=64)
    content: bytes = Field(default=b"", sa_type=LargeBinary)


class BlockPledgeCreate(BlockPledgeBase):
    block_id: RefId
    year: YearNumber
    signatories: list[Signatory] = Field(min_length=1, max_length=MAX_BLOCK_ROWS)


class BlockPledgePublic(BlockPledgeBase):
    id: int
    movement_id: int
    signatories: list[Signatory]
    created_by: str
    created_at: datetime
    number: str
    filename: str
    sha256: str
