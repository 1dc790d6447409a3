"""Collective bodies, people, and emulation blocks with their membership per year.

Nothing here is deleted once a nomination, decision or award record points to it (the foreign keys refuse it):
a unit or person that stops is ended by its active_until date, and keeps its history.
"""

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.domain.enums import BlockKind, BlockRole, Gender, UnitKind
from models.tables.base import enum_field


class UnitBase(SQLModel):
    code: str = Field(max_length=20, unique=True, index=True, description="Symbol used in document numbers")
    name: str = Field(max_length=255, description="Full name, e.g. 'Sở Công Thương'")
    parent_agency: str = Field(default="", max_length=255, description="Upper-case line above the name")
    head_title: str = Field(default="Giám đốc", max_length=100, description="Title of the unit's head")
    head_name: str = Field(default="", max_length=255)
    kind: UnitKind = enum_field(UnitKind, default=UnitKind.OTHER)
    active_from: date | None = Field(default=None, description="Founded or merged into being on")
    active_until: date | None = Field(default=None, description="Merged, renamed or dissolved on; kept for history")


class Unit(UnitBase, table=True):
    id: int = Field(default=None, primary_key=True)


class UnitPublic(UnitBase):
    id: int


class PersonBase(SQLModel):
    full_name: str = Field(max_length=255)
    position: str = Field(default="", max_length=255, description="Chức vụ")
    unit_id: int = Field(foreign_key="unit.id", index=True)
    gender: Gender | None = enum_field(Gender, default=None)
    birth_date: date | None = Field(default=None)
    active_from: date | None = Field(default=None)
    active_until: date | None = Field(default=None, description="Left the unit on; kept for history")


class Person(PersonBase, table=True):
    id: int = Field(default=None, primary_key=True)


class PersonPublic(PersonBase):
    id: int


class EmulationBlockBase(SQLModel):
    code: str = Field(max_length=40, unique=True, index=True)
    name: str = Field(max_length=255, description="e.g. 'Khối thi đua các sở quản lý kinh tế'")
    kind: BlockKind = enum_field(BlockKind, default=BlockKind.BLOCK)
    # The block's own paper series ("01/BB-KKT"): one per block, so given when the block is registered (typed, or
    # the code's initials) and kept unique; a later change of code leaves the series alone.
    symbol: str = Field(default="", max_length=20, unique=True, index=True, description="Ký hiệu on the block's papers")


class EmulationBlock(EmulationBlockBase, table=True):
    id: int = Field(default=None, primary_key=True)


class BlockMembership(SQLModel, table=True):
    """A unit's place in a block for one emulation year; the head is elected for one year."""

    __table_args__ = (UniqueConstraint("unit_id", "year", name="uq_membership_unit_year"),)

    id: int = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="emulationblock.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    role: BlockRole = enum_field(BlockRole, default=BlockRole.MEMBER)


class BlockMemberPublic(SQLModel):
    unit_id: int
    unit_name: str
    role: BlockRole


class EmulationBlockPublic(EmulationBlockBase):
    id: int
    year: int
    members: list[BlockMemberPublic]
