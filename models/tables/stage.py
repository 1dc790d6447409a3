"""Stages the API recorded and a flow must finish, and the documents those flows produced."""

from datetime import datetime

from sqlalchemy import LargeBinary, Text, UniqueConstraint, event
from sqlmodel import Field, SQLModel

from models.domain.audit import Actor
from models.domain.enums import StageKind, StageStatus
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field


class Stage(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kind", "subject_id", name="uq_stage_kind_subject"),)

    id: int = Field(default=None, primary_key=True)
    kind: StageKind = enum_field(StageKind)
    subject_id: int = Field(description="The meeting, proposal, council session or decision it processes")
    block_id: int | None = Field(default=None, foreign_key="emulationblock.id")
    year: int
    status: StageStatus = enum_field(StageStatus, default=StageStatus.RECORDED, index=True)
    recorded_by: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255)
    client_address: str | None = Field(default=None, max_length=64)
    recorded_at: datetime = timestamp_field()
    completed_at: datetime | None = optional_timestamp_field()
    flow_run_id: str | None = Field(default=None, max_length=64, description="The run that completed it")
    attempts: int = 0
    last_error: str = Field(default="", sa_type=Text)


    @property
    def actor(self) -> Actor:
        """The person who recorded the stage: its flow moves nominations in their name."""
        return Actor(self.recorded_by, self.on_behalf_of, self.client_address)


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
    """An issued document: frozen once stored. A correction is a new version that supersedes it."""

    __table_args__ = (UniqueConstraint("stage_id", "kind", "version", name="uq_document_stage_kind_version"),)

    id: int = Field(default=None, primary_key=True)
    stage_id: int = Field(foreign_key="stage.id", index=True, description="The stage that issued it")
    kind: str = Field(max_length=40)
    version: int = 1
    supersedes_id: int | None = Field(default=None, foreign_key="document.id", unique=True,
                                      description="The version this one corrects")
    correction_reason: str = Field(default="", sa_type=Text)
    filename: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_type=LargeBinary)
    created_by: str = Field(default="", max_length=255)
    created_at: datetime = timestamp_field()


class DocumentPublic(SQLModel):
    id: int
    kind: str
    version: int
    supersedes_id: int | None
    superseded_by_id: int | None = None
    correction_reason: str
    filename: str
    sha256: str
    created_by: str
    created_at: datetime
    download_url: str
    pdf_url: str


class DocumentCorrection(SQLModel):
    reason: str = Field(min_length=1, max_length=5000, description="What was wrong in the version corrected")


@event.listens_for(Document, "before_update")
@event.listens_for(Document, "before_delete")
def _refuse_changing_an_issued_document(_mapper: object, _connection: object, document: Document) -> None:
    raise PermissionError(f"Document {document.id} was issued and is frozen; issue a correction instead.")
