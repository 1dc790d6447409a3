"""The desk's sign-ins, kept on the server: a desk cookie is honoured only while its row is open.

The cookie alone (a signed JWT) would stay good until it expires, whoever holds it; with this row, signing out, an
administrator disabling the account or resetting its password, and the person changing it end the session where it
is checked, so a copied cookie stops working at once. Only the SHA-256 of the session's id is kept: a copy of the
table opens nothing.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.tables.base import optional_timestamp_field, timestamp_field


class DeskSignIn(SQLModel, table=True):
    id_hash: str = Field(primary_key=True, max_length=64, description="SHA-256 (hex) of the cookie's session id")
    user_id: int = Field(foreign_key="user.id", index=True)
    started_at: datetime = timestamp_field()
    ended_at: datetime | None = optional_timestamp_field()
    # Why it ended, for an administrator reading the table: signed_out, signed_in_again,
    # account_disabled, password_reset, password_changed.
    ended_because: str = Field(default="", max_length=40)
