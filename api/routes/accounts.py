"""Account administration: users, their roles, and delegations."""

from fastapi import APIRouter, status
from sqlmodel import Field, SQLModel, col, select

from api.deps import CurrentPrincipal, PathId, SessionDep
from models.domain.permissions import Action
from models.recording.accounts import (
    create_user,
    delegate,
    grant_role,
    grants_of,
    reset_password,
    revoke_grant,
    update_user,
)
from models.tables.accounts import (
    DelegationCreate,
    DelegationPublic,
    GrantCreate,
    GrantPublic,
    User,
    UserCreate,
    UserPublic,
    UserUpdate,
)

router = APIRouter(tags=["accounts"])


async def user_public(session: SessionDep, user: User) -> UserPublic:
    grants = [GrantPublic.model_validate(g) for g in await grants_of(session, user.id)]
    return UserPublic.model_validate(user, update={"grants": grants})


@router.post("/users", status_code=status.HTTP_201_CREATED)
async def create(data: UserCreate, session: SessionDep, principal: CurrentPrincipal) -> UserPublic:
    principal.require(Action.MANAGE_ACCOUNTS)
    user = await create_user(session, data, principal.actor)
    await session.commit()
    return await user_public(session, user)


@router.get("/users")
async def list_users(session: SessionDep, principal: CurrentPrincipal) -> list[UserPublic]:
    principal.require(Action.MANAGE_ACCOUNTS)
    users = (await session.exec(select(User).order_by(col(User.id)))).all()
    return [await user_public(session, u) for u in users]


@router.post("/users/{user_id}/grants", status_code=status.HTTP_201_CREATED)
async def grant(user_id: PathId, data: GrantCreate, session: SessionDep, principal: CurrentPrincipal) -> GrantPublic:
    """Give a role; a block head's role names the block and the emulation year."""
    principal.require(Action.MANAGE_ACCOUNTS)
    row = await grant_role(session, user_id, data, principal.actor)
    await session.commit()
    return GrantPublic.model_validate(row)


@router.delete("/users/{user_id}/grants/{grant_id}")
async def revoke(
    user_id: PathId, grant_id: PathId, session: SessionDep, principal: CurrentPrincipal
) -> GrantPublic:
    """Take a role back; the grant stays listed with when and by whom it was revoked."""
    principal.require(Action.MANAGE_ACCOUNTS)
    row = await revoke_grant(session, user_id, grant_id, principal.actor)
    await session.commit()
    return GrantPublic.model_validate(row)


@router.patch("/users/{user_id}")
async def update(user_id: PathId, data: UserUpdate, session: SessionDep, principal: CurrentPrincipal) -> UserPublic:
    """Rename an account, or disable it: a disabled account's logins, sessions and API tokens are refused."""
    principal.require(Action.MANAGE_ACCOUNTS)
    user = await update_user(session, user_id, data, principal.actor)
    await session.commit()
    return await user_public(session, user)


class PasswordReset(SQLModel):
    one_time_password: str = Field(description="Shown this once; it opens nothing until the person changes it "
                                               "(POST /login/change-password)")


@router.post("/users/{user_id}/password-reset")
async def password_reset(user_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> PasswordReset:
    """Give the account a one-time password (a forgotten or leaked one): its desk sessions end at once and its
    access tokens are refused until the password is changed."""
    principal.require(Action.MANAGE_ACCOUNTS)
    one_time = await reset_password(session, user_id)
    await session.commit()
    return PasswordReset(one_time_password=one_time)


@router.post("/delegations", status_code=status.HTTP_201_CREATED)
async def create_delegation(
    data: DelegationCreate, session: SessionDep, principal: CurrentPrincipal
) -> DelegationPublic:
    """Let one person act with another's roles for a period; the log then names both."""
    principal.require(Action.MANAGE_ACCOUNTS)
    row = await delegate(session, data, principal.actor)
    await session.commit()
    return DelegationPublic.model_validate(row, update=data.model_dump())
