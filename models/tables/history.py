"""Award history files brought in, and how award records are shown (models.domain.history_csv parses the files)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.domain.enums import AwardKind, RecipientKind
from models.tables.base import timestamp_field
from models.tables.revocation import RevocationNote


class HistoryImport(SQLModel, table=True):
    """One accepted history file: who brought it in, when, which bytes, and what it added."""

    id: int = Field(default=None, primary_key=True)
    file_name: str = Field(default="", max_length=255)
    sha256: str = Field(max_length=64)
    rows: int
    imported: int
    already_present: int = Field(description="Rows skipped because the same record was already there")
    imported_by: str = Field(max_length=255)
    on_behalf_of: str | None = Field(default=None, max_length=255)
    client_address: str | None = Field(default=None, max_length=64)
    at: datetime = timestamp_field()


class HistoryImportPublic(SQLModel):
    id: int
    file_name: str
    sha256: str
    rows: int
    imported: int
    already_present: int
    imported_by: str
    at: datetime


class AwardHistoryEntry(SQLModel):
    id: int
    year: int
    award_code: str
    award_name: str
    recipient_kind: RecipientKind
    unit_id: int | None
    person_id: int | None
    recipient_name: str = Field(description="The unit's name, or the person's full name")
    decision_number: str
    decision_id: int | None = Field(description="Set when the decision was issued here")
    golden_book_no: int | None
    source: str = Field(description="'decision' (issued here) or 'import'")
    kind: AwardKind = Field(description="'regular', or 'sudden' (đột xuất) / 'thematic' (chuyên đề): "
                                        "these do not count toward a higher award (ND 152/2025 Điều 4 khoản 3)")
    revoked: RevocationNote | None = Field(default=None, description="Set when the award was revoked (Law Điều 93): "
                                           "the record stays, and counts toward no later award")
