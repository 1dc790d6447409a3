"""Reading public comment windows: what the public page shows of each listed dossier (what the law publishes:
name, position and unit, the form proposed; nothing the dossier declares), and the comments the office handles."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.public_comment import CommentStatus, WindowPhase, phase
from models.storage.queries import awards_by_id, candidate_labels
from models.tables.nomination import Nomination
from models.tables.public_comment import CommentWindow, CommentWindowItem, PublicComment


@dataclass(frozen=True)
class ListedDossier:
    nomination_id: int
    name: str
    detail: str  # a person's position and unit; "" for a collective
    award: str


@dataclass(frozen=True)
class WindowListing:
    window: CommentWindow
    phase: WindowPhase
    dossiers: list[ListedDossier]


async def windows_on(session: AsyncSession, today: date, *, open_only: bool) -> list[CommentWindow]:
    """The windows taking comments today (or every window, newest first, for the office)."""
    query = select(CommentWindow)
    if open_only:
        query = query.where(col(CommentWindow.opens_on) <= today, col(CommentWindow.closes_on) >= today)
    return list((await session.exec(query.order_by(col(CommentWindow.id).desc()))).all())


async def listings(session: AsyncSession, windows: list[CommentWindow], today: date) -> list[WindowListing]:
    """Each window with its dossiers as published, in a handful of queries whatever the number of dossiers."""
    rows = (await session.exec(select(CommentWindowItem.window_id, Nomination).join(
        Nomination, col(Nomination.id) == CommentWindowItem.nomination_id).where(
        col(CommentWindowItem.window_id).in_([w.id for w in windows])).order_by(
        col(CommentWindowItem.window_id), col(CommentWindowItem.position)))).all()
    labels = await candidate_labels(session, [n for _, n in rows])
    awards = await awards_by_id(session)
    by_window: dict[int, list[ListedDossier]] = {}
    for window_id, n in rows:
        label = labels.get(n.id)
        by_window.setdefault(window_id, []).append(ListedDossier(
            n.id, label.name if label else "", label.detail if label else "", awards[n.award_id].name))
    return [WindowListing(w, phase(w.opens_on, w.closes_on, today), by_window.get(w.id, [])) for w in windows]


async def comments_in(session: AsyncSession, window_id: int) -> list[PublicComment]:
    query = select(PublicComment).where(PublicComment.window_id == window_id).order_by(col(PublicComment.id))
    return list((await session.exec(query)).all())


async def waiting_by_window(session: AsyncSession) -> dict[int, int]:
    """Window id → comments the office has not handled yet."""
    rows = (await session.exec(select(PublicComment.window_id, func.count()).where(
        PublicComment.status == CommentStatus.RECEIVED).group_by(col(PublicComment.window_id)))).all()
    return dict(rows)
