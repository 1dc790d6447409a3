"""Stages the API recorded and a flow must finish, and the documents those flows produced."""

from datetime import datetime

from sqlalchemy import LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import enum_field, timestamp_field
from models.enums import StageKind, StageStatus


class Stage(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kind", "subject_id", name="uq_stage_kind_subject"),)

    id: int = Field(default=None, primary_key=True)
    kind: StageKind = enum_field(StageKind)
    subject_id: int = Field(description="The meeting, proposal, council session or decision it processes")
    block_id: int | None = Field(default=None, foreign_key="emulationblock.id")
    year: int
    status: StageStatus = enum_field(StageStatus, default=StageStatus.RECORDED, index=True)
    recorded_by: str = Field(max_length=255)
    recorded_at: datetime = timestamp_field()
    completed_at: datetime | None = None
    flow_run_id: str | None = Field(default=None, max_length=64, description="The run that completed it")
    attempts: int = 0
    last_error: str = Field(default="", sa_type=Text)


class StagePublic(SQLModel):
    id: int
    kind: StageKind = enum_field(StageKind)
    subject_id: int
    status: StageStatus
    recorded_by: str
    recorded_at: datetime
    completed_at: datetime | None
    flow_run_id: str | None
    attempts: int
    last_error: str


class Document(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("stage_id", "kind", name="uq_document_stage_kind"),)

    id: int = Field(default=None, primary_key=True)
    stage_id: int = Field(foreign_key="stage.id", index=True)
    kind: str = Field(max_length=40)
    filename: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_type=LargeBinary)
    created_at: datetime = timestamp_field()


class DocumentPublic(SQLModel):
    id: int
    kind: str
    filename: str
    sha256: str
    download_url: str
