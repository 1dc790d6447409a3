"""The numbered papers a stage issues besides its main document (the TĐKT office's notices), and the packages of
PDF copies a decision's dossier is handed to the digital signature system in.

A notice is numbered once, in the transaction that stores this row (Decree 30/2020 Điều 15: per issuing body, type
and calendar year, gapless); who signs it and when are frozen with it, so a correction years later prints the same.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.tables.base import timestamp_field


class IssuedPaper(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("stage_id", "kind", name="uq_issuedpaper_stage_kind"),)

    id: int = Field(default=None, primary_key=True)
    stage_id: int = Field(foreign_key="stage.id", index=True, description="The stage that issues it")
    kind: str = Field(max_length=40, description="A document kind: return_notice, results_notice")
    number: str = Field(max_length=40, description="e.g. '01/TB-SNV'")
    issued_on: date
    signer_prefix: str = Field(default="", max_length=100)
    signer_title: str = Field(max_length=100)
    signer_name: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class SigningPackage(SQLModel, table=True):
    """A decision's dossier as PDF copies handed to the digital signature system, and the manifest of their hashes.

    LibreOffice stamps each PDF with its creation time, so a PDF is not made twice alike: the manifest is kept, and
    a signed PDF brought back is checked against it, never against a fresh conversion."""

    id: int = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="decision.id", index=True)
    manifest: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    created_by: str = Field(max_length=255)
    created_at: datetime = timestamp_field()
