"""User accounts, their role grants, delegations between people, and long-lived API tokens."""

from datetime import date, datetime

from sqlalchemy import LargeBinary, Text
from sqlmodel import Field, SQLModel

from models.domain.limits import RefId, YearNumber
from models.domain.permissions import Role
from models.tables.base import enum_field, optional_timestamp_field, timestamp_field

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,63}$"


class UserBase(SQLModel):
    username: str = Field(max_length=64, unique=True, index=True, regex=USERNAME_PATTERN,
                          description="Login name: lower-case letters, digits, '.', '_' or '-'")
    full_name: str = Field(min_length=1, max_length=255)
    is_active: bool = True


class User(UserBase, table=True):
    id: int = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    # A one-time password (an imported account's) opens nothing until it is changed: POST /login/change-password.
    must_change_password: bool = False
    created_at: datetime = timestamp_field()


class UserUpdate(SQLModel):
    """What an administrator changes on an account: its name, or whether it may log in at all."""

    full_name: str | None = Field(default=None, min_length=1, max_length=255)
    is_active: bool | None = Field(default=None, description="false: every login and token of it is refused")


class UserCreate(UserBase):
    password: str = Field(min_length=10, max_length=128)


class GrantBase(SQLModel):
    role: Role = enum_field(Role)
    block_id: int | None = Field(default=None, foreign_key="emulationblock.id",
                                 description="Required for a block head: the block they head")
    year: int | None = Field(default=None, description="Required for a block head: the emulation year")
    unit_id: int | None = Field(default=None, foreign_key="unit.id",
                                description="Required for a member unit: the unit it speaks for, a member of the block")


class RoleGrant(GrantBase, table=True):
    """A role given to a user; revoking it keeps the row, so who could act when stays explainable."""

    id: int = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_by: str = Field(max_length=64)
    created_at: datetime = timestamp_field()
    revoked_at: datetime | None = optional_timestamp_field()
    revoked_by: str | None = Field(default=None, max_length=64)


class GrantCreate(GrantBase):
    block_id: RefId | None = None
    year: YearNumber | None = None
    unit_id: RefId | None = None


class GrantPublic(GrantBase):
    id: int
    created_by: str
    created_at: datetime
    revoked_at: datetime | None
    revoked_by: str | None


class UserPublic(UserBase):
    id: int
    grants: list[GrantPublic]


class DelegationBase(SQLModel):
    delegate_username: str = Field(max_length=64, description="Who acts")
    principal_username: str = Field(max_length=64, description="Whose roles they act with")
    starts_on: date
    ends_on: date
    reason: str = Field(min_length=1, max_length=1000)


class Delegation(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    delegate_id: int = Field(foreign_key="user.id", index=True)
    principal_id: int = Field(foreign_key="user.id")
    starts_on: date
    ends_on: date
    reason: str = Field(sa_type=Text)
    created_by: str = Field(max_length=64)
    created_at: datetime = timestamp_field()


class DelegationCreate(DelegationBase):
    pass


class DelegationPublic(DelegationBase):
    id: int


class ApiToken(SQLModel, table=True):
    """A long-lived token for scripts; only its SHA-256 is kept, the token itself is shown once."""

    id: int = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = timestamp_field()
    revoked_at: datetime | None = optional_timestamp_field()


class ApiTokenCreate(SQLModel):
    name: str = Field(min_length=1, max_length=100, description="What the token is for, e.g. 'import script'")


class ApiTokenPublic(SQLModel):
    id: int
    name: str
    created_at: datetime
    revoked_at: datetime | None


class ApiTokenIssued(ApiTokenPublic):
    token: str = Field(description="Shown this once; store it safely")


class IdempotentResponse(SQLModel, table=True):
    """The first answer to a creating request, replayed when the client retries with the same key."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    key: str = Field(max_length=255, primary_key=True)
    request_hash: str = Field(max_length=64)
    status_code: int | None = Field(default=None, description="None while the first request is running")
    content_type: str = Field(default="", max_length=100)
    body: bytes = Field(default=b"", sa_type=LargeBinary)
    created_at: datetime = timestamp_field()
