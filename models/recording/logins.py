"""The login throttle read from the attempts kept: per account since its last success, and per client address."""

from datetime import datetime

from sqlalchemy import ColumnElement
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.errors import Problem, TooManyAttempts
from models.domain.login_limit import LoginLimit
from models.tables.base import utc_now
from models.tables.logins import LoginAttempt


async def refuse_if_throttled(
    session: AsyncSession, username: str, address: str, per_account: LoginLimit, per_address: LoginLimit
) -> None:
    """429 while the account, or the address, has failed too often lately; says how long to wait."""
    now = utc_now()
    last_success = (await session.exec(select(LoginAttempt.at).where(
        LoginAttempt.username == username[:64], col(LoginAttempt.succeeded)
    ).order_by(col(LoginAttempt.at).desc()))).first()
    account = await _failures(session, col(LoginAttempt.username) == username[:64],
                              max(now - per_account.window, last_success or now - per_account.window))
    by_address = await _failures(session, col(LoginAttempt.client_address) == address, now - per_address.window)
    wait = max(per_account.wait_seconds(account, now), per_address.wait_seconds(by_address, now))
    if wait:
        raise TooManyAttempts(wait, Problem("password", "auth.throttled",
                                            f"Too many failed logins; try again in {wait} seconds.",
                                            vi=f"Đăng nhập sai quá nhiều lần; đề nghị thử lại sau {wait} giây."))


async def _failures(session: AsyncSession, which: ColumnElement[bool], since: datetime) -> list[datetime]:
    query = select(LoginAttempt.at).where(which, col(LoginAttempt.at) > since, ~col(LoginAttempt.succeeded))
    return list((await session.exec(query)).all())


async def note_attempt(session: AsyncSession, username: str, address: str, succeeded: bool) -> None:
    session.add(LoginAttempt(username=username[:64], client_address=address[:64], succeeded=succeeded))
    await session.commit()
