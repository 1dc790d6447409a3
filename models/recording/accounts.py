"""Accounts: users, their role grants, delegations and API tokens."""

import secrets
from datetime import date

import anyio
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, NotFound, Problem, refuse
from models.domain.permissions import BLOCK_SCOPED, UNIT_SCOPED, Grant
from models.domain.vietnamese import ROLE_VI
from models.passwords import hash_password, new_api_token, token_digest
from models.recording.common import get_or_404, membership_of
from models.recording.desk_sessions import end_desk_sessions_of
from models.storage.locks import serialize_on
from models.tables.accounts import (
    ApiToken,
    Delegation,
    DelegationCreate,
    GrantCreate,
    RoleGrant,
    User,
    UserCreate,
    UserUpdate,
)
from models.tables.base import utc_now
from models.tables.organisation import EmulationBlock


async def user_by_name(session: AsyncSession, username: str) -> User | None:
    return (await session.exec(select(User).where(User.username == username))).first()


async def create_user(session: AsyncSession, data: UserCreate, actor: Actor, password_hash: str | None = None) -> User:
    if await user_by_name(session, data.username) is not None:
        raise Conflict(Problem("username", "user.unique", f"The login name {data.username!r} is taken.",
                               vi=f"Tên đăng nhập {data.username!r} đã có người sử dụng."))
    user = User(**data.model_dump(exclude={"password"}), password_hash=password_hash or hash_password(data.password))
    session.add(user)
    await session.flush()
    return user


async def grant_role(session: AsyncSession, user_id: int, data: GrantCreate, actor: Actor) -> RoleGrant:
    await serialize_on(session, User, user_id, "user_id")  # the same grant given twice at once: once
    if data.role in BLOCK_SCOPED:
        if data.block_id is None or data.year is None:
            raise refuse("block_id", "grant.block_scope", f"The role {data.role.value} names the block and the year.",
                         vi=f"Vai trò «{ROLE_VI[data.role]}» phải ghi rõ Khối thi đua và năm.")
        await get_or_404(session, EmulationBlock, data.block_id, "block_id")
        await _check_unit_scope(session, data)
    elif data.block_id is not None or data.year is not None or data.unit_id is not None:
        raise refuse("block_id", "grant.province_scope", f"The role {data.role.value} covers the whole province.",
                     vi=f"Vai trò «{ROLE_VI[data.role]}» áp dụng cho toàn tỉnh, không ghi Khối thi đua hay năm.")
    wanted = Grant(data.role, data.block_id, data.year, data.unit_id)
    if any(_as_grant(g) == wanted for g in await grants_of(session, user_id) if g.revoked_at is None):
        raise Conflict(Problem("role", "grant.once", "The user already holds this role for this scope.",
                               vi="Người dùng đã có vai trò này trong phạm vi này."))
    grant = RoleGrant(user_id=user_id, **data.model_dump(), created_by=actor.username)
    session.add(grant)
    await session.flush()
    return grant


async def revoke_grant(session: AsyncSession, user_id: int, grant_id: int, actor: Actor) -> RoleGrant:
    """Take a role back from now on; revoking one already revoked changes nothing."""
    await serialize_on(session, User, user_id, "user_id")
    grant = await session.get(RoleGrant, grant_id)
    if grant is None or grant.user_id != user_id:
        raise NotFound(Problem("grant_id", "exists", f"User {user_id} has no grant {grant_id}.",
                                 vi=f"Người dùng mã số {user_id} không có quyền được giao mã số {grant_id}."))
    if grant.revoked_at is None:
        grant.revoked_at, grant.revoked_by = utc_now(), actor.username
        session.add(grant)
        await session.flush()
    return grant


async def update_user(session: AsyncSession, user_id: int, data: UserUpdate, actor: Actor) -> User:
    user = await get_or_404(session, User, user_id, "user_id")
    if data.is_active is False and user.username == actor.username:
        raise refuse("is_active", "user.not_self", "An administrator cannot disable their own account.",
                     vi="Quản trị viên không thể tự khóa tài khoản của chính mình.")
    user.sqlmodel_update(data.model_dump(exclude_unset=True, exclude_none=True))
    session.add(user)
    if data.is_active is False:  # its desk sessions end now, not when their cookies expire
        await end_desk_sessions_of(session, user.id, "account_disabled")
    await session.flush()
    return user


async def reset_password(session: AsyncSession, user_id: int) -> str:
    """An administrator's reset: a one-time password, shown once, that opens nothing until the person changes it;
    every desk session of the account ends at once."""
    user = await get_or_404(session, User, user_id, "user_id")
    one_time = secrets.token_urlsafe(12)
    user.password_hash = await anyio.to_thread.run_sync(hash_password, one_time)
    user.must_change_password = True
    session.add(user)
    await end_desk_sessions_of(session, user.id, "password_reset")
    await session.flush()
    return one_time


async def set_password(session: AsyncSession, user: User, current: str, new: str) -> None:
    """A new password, hashed; a one-time password given at import is spent."""
    if new == current:
        raise refuse("new_password", "auth.same_password", "The new password must differ from the current one.",
                     vi="Mật khẩu mới phải khác mật khẩu đang dùng.")
    user.password_hash = await anyio.to_thread.run_sync(hash_password, new)
    user.must_change_password = False
    session.add(user)
    await end_desk_sessions_of(session, user.id, "password_changed")  # a session opened with the old one ends
    await session.flush()


async def _check_unit_scope(session: AsyncSession, data: GrantCreate) -> None:
    """A member unit's role names a unit of that block in that year; a block head's names none."""
    if data.role not in UNIT_SCOPED:
        if data.unit_id is not None:
            raise refuse("unit_id", "grant.unit_scope", "A block head's role covers the whole block: no unit.",
                         vi="Vai trò Trưởng Khối thi đua áp dụng cho cả Khối: không ghi đơn vị.")
        return
    if data.unit_id is None:
        raise refuse("unit_id", "grant.unit_scope", "A member unit's role names its unit.",
                     vi="Vai trò Đơn vị thành viên Khối thi đua phải ghi rõ đơn vị.")
    membership = await membership_of(session, data.unit_id, data.year or 0)
    if membership is None or membership.block_id != data.block_id:
        raise refuse("unit_id", "block.member", f"Unit {data.unit_id} is not a member of block {data.block_id} "
                     f"in {data.year}.", vi=f"Đơn vị mã số {data.unit_id} không phải thành viên của Khối thi đua "
                                           f"mã số {data.block_id} trong năm {data.year}.")


def _as_grant(row: RoleGrant) -> Grant:
    return Grant(row.role, row.block_id, row.year, row.unit_id)


async def grants_of(session: AsyncSession, user_id: int) -> list[RoleGrant]:
    """Every grant the user was given, revoked ones included."""
    query = select(RoleGrant).where(RoleGrant.user_id == user_id).order_by(col(RoleGrant.id))
    return list((await session.exec(query)).all())


async def grant_set(session: AsyncSession, user_id: int) -> tuple[Grant, ...]:
    """The grants the user acts with now."""
    return tuple(_as_grant(g) for g in await grants_of(session, user_id) if g.revoked_at is None)


async def delegate(session: AsyncSession, data: DelegationCreate, actor: Actor) -> Delegation:
    delegate_user = await user_by_name(session, data.delegate_username)
    principal = await user_by_name(session, data.principal_username)
    for field, user, name in (("delegate_username", delegate_user, data.delegate_username),
                              ("principal_username", principal, data.principal_username)):
        if user is None:
            raise refuse(field, "user.exists", f"There is no user {name!r}.",
                         vi=f"Không có người dùng {name!r}.")
    assert delegate_user is not None and principal is not None
    if delegate_user.id == principal.id:
        raise refuse("delegate_username", "delegation.other_person", "A person cannot be their own delegate.",
                     vi="Không thể ủy quyền cho chính mình.")
    if data.ends_on < data.starts_on:
        raise refuse("ends_on", "delegation.period", "The delegation must end on or after the day it starts.",
                     vi="Ngày kết thúc ủy quyền phải bằng hoặc sau ngày bắt đầu.")
    delegation = Delegation(delegate_id=delegate_user.id, principal_id=principal.id, starts_on=data.starts_on,
                            ends_on=data.ends_on, reason=data.reason, created_by=actor.username)
    session.add(delegation)
    await session.flush()
    return delegation


async def delegating_principal(session: AsyncSession, delegate_id: int, principal_username: str,
                               on: date) -> User | None:
    """The role holder this person may act for today, if a delegation says so."""
    query = select(User).join(Delegation, col(Delegation.principal_id) == User.id).where(
        Delegation.delegate_id == delegate_id, User.username == principal_username,
        col(Delegation.starts_on) <= on, col(Delegation.ends_on) >= on, col(User.is_active))
    return (await session.exec(query)).first()


async def issue_api_token(session: AsyncSession, user_id: int, name: str) -> tuple[ApiToken, str]:
    token = new_api_token()
    row = ApiToken(user_id=user_id, name=name, token_hash=token_digest(token))
    session.add(row)
    await session.flush()
    return row, token


async def revoke_api_token(session: AsyncSession, user_id: int, token_id: int) -> ApiToken:
    row = await session.get(ApiToken, token_id)
    if row is None or row.user_id != user_id:
        raise NotFound(Problem("token_id", "exists", f"There is no API token {token_id} for this user.",
                                 vi=f"Người dùng này không có mã truy cập API mã số {token_id}."))
    if row.revoked_at is None:
        row.revoked_at = utc_now()
        session.add(row)
    return row


async def user_for_api_token(session: AsyncSession, token: str) -> User | None:
    query = select(User).join(ApiToken, col(ApiToken.user_id) == User.id).where(
        ApiToken.token_hash == token_digest(token), col(ApiToken.revoked_at).is_(None))
    return (await session.exec(query)).first()
