"""Login attempts, kept: who tried which login name, from where, when, and whether it worked.

They are the evidence behind the login throttle (too many failures for one account or from one address make
the next attempt wait) and let an administrator see a password-guessing attempt afterwards.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.tables.base import timestamp_field


class LoginAttempt(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, index=True, description="As typed, cut to 64 characters")
    client_address: str = Field(default="", max_length=64, index=True)
    at: datetime = timestamp_field(index=True)
    succeeded: bool = False
