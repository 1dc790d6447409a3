"""Starting, checking and ending the desk's sign-ins (models/tables/desk_sessions.py)."""

import hashlib
import secrets

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.tables.base import utc_now
from models.tables.desk_sessions import DeskSignIn


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


async def start_desk_session(session: AsyncSession, user_id: int) -> str:
    """A new session id for the cookie; the server keeps its hash as an open sign-in."""
    session_id = secrets.token_urlsafe(32)
    session.add(DeskSignIn(id_hash=_digest(session_id), user_id=user_id))
    await session.flush()
    return session_id


async def desk_session_is_open(session: AsyncSession, session_id: str, user_id: int) -> bool:
    found = (await session.exec(select(DeskSignIn.id_hash).where(
        DeskSignIn.id_hash == _digest(session_id), DeskSignIn.user_id == user_id,
        col(DeskSignIn.ended_at).is_(None)))).first()
    return found is not None


async def end_desk_session(session: AsyncSession, session_id: str, because: str) -> None:
    await session.exec(update(DeskSignIn).where(
        col(DeskSignIn.id_hash) == _digest(session_id), col(DeskSignIn.ended_at).is_(None),
    ).values(ended_at=utc_now(), ended_because=because))


async def end_desk_sessions_of(session: AsyncSession, user_id: int, because: str) -> None:
    """Every open desk sign-in of the account, in one statement (disabled account, password reset or changed)."""
    await session.exec(update(DeskSignIn).where(
        col(DeskSignIn.user_id) == user_id, col(DeskSignIn.ended_at).is_(None),
    ).values(ended_at=utc_now(), ended_because=because))
