"""Comments on a dossier listed for public comment: anyone sends one while the window is open; the office answers
it, or puts the dossier on hold because of it (the hold's evidence is the comment)."""

import hashlib
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import State
from models.domain.errors import Conflict, Problem, TooManyAttempts, refuse
from models.domain.public_comment import COMMENTS_PER_ADDRESS_PER_HOUR, CommentStatus, comment_refusal
from models.domain.vietnamese import COMMENT_STATUS_VI
from models.domain.workflow import MoveContext
from models.recording.common import get_or_404
from models.storage.locks import serialize_on
from models.storage.moves import move
from models.tables.base import utc_now
from models.tables.nomination import Nomination
from models.tables.public_comment import (
    CommentHandling,
    CommentSend,
    CommentWindow,
    CommentWindowItem,
    PublicComment,
)


async def send_comment(
    session: AsyncSession, window_id: int, data: CommentSend, client_address: str | None, today: date
) -> PublicComment:
    """Store a comment on a listed dossier while its window is open `today` (Vietnam's calendar day). The same
    words sent again by the same sender on the same dossier are the comment already stored."""
    window = await get_or_404(session, CommentWindow, window_id, "window_id")
    listed = await session.get(CommentWindowItem, (window_id, data.nomination_id))
    if listed is None:
        raise refuse("nomination_id", "public_comment.not_listed",
                     f"Nomination {data.nomination_id} is not on list {window_id}.",
                     vi=f"Hồ sơ mã số {data.nomination_id} không có trong danh sách lấy ý kiến này.")
    if (closed := comment_refusal(window.opens_on, window.closes_on, today)) is not None:
        raise Conflict(closed)
    fingerprint = hashlib.sha256("\x1f".join((data.sender_name, data.contact, data.text)).encode()).hexdigest()
    if (same := await _same_comment(session, data.nomination_id, fingerprint)) is not None:
        return same
    await _refuse_if_flooding(session, client_address)
    comment = PublicComment(window_id=window_id, nomination_id=data.nomination_id, sender_name=data.sender_name,
                            contact=data.contact, text=data.text, fingerprint=fingerprint,
                            client_address=client_address)
    session.add(comment)
    try:
        await session.flush()
    except IntegrityError:  # the same comment, sent twice at once: the other request stored it
        await session.rollback()
        same = await _same_comment(session, data.nomination_id, fingerprint)
        assert same is not None
        return same
    return comment


async def _same_comment(session: AsyncSession, nomination_id: int, fingerprint: str) -> PublicComment | None:
    return (await session.exec(select(PublicComment).where(
        PublicComment.nomination_id == nomination_id, PublicComment.fingerprint == fingerprint))).first()


async def _refuse_if_flooding(session: AsyncSession, client_address: str | None) -> None:
    if client_address is None:
        return
    since = utc_now() - timedelta(hours=1)
    sent = (await session.exec(select(func.count()).select_from(PublicComment).where(
        PublicComment.client_address == client_address, col(PublicComment.received_at) >= since))).one()
    if sent >= COMMENTS_PER_ADDRESS_PER_HOUR:
        raise TooManyAttempts(3600, Problem(
            "client_address", "public_comment.too_many",
            f"More than {COMMENTS_PER_ADDRESS_PER_HOUR} comments an hour from one address; try again later.",
            vi=f"Mỗi địa chỉ chỉ gửi tối đa {COMMENTS_PER_ADDRESS_PER_HOUR} ý kiến trong một giờ; đề nghị gửi lại "
               "sau."))


async def handle_comment(
    session: AsyncSession, comment_id: int, data: CommentHandling, actor: Actor
) -> PublicComment:
    """Note a comment answered, or put its dossier on hold with the comment as the evidence. Once only."""
    await serialize_on(session, PublicComment, comment_id, "comment_id")  # two secretaries: one handles it
    comment = await get_or_404(session, PublicComment, comment_id, "comment_id")
    if comment.status != CommentStatus.RECEIVED:
        raise Conflict(Problem("comment_id", "public_comment.handled",
                               f"Comment {comment_id} was already handled ({comment.status.value}) by "
                               f"{comment.handled_by}.",
                               vi=f"Ý kiến mã số {comment_id} đã được {comment.handled_by} xử lý "
                                  f"(«{COMMENT_STATUS_VI[comment.status]}»)."))
    if data.action == CommentStatus.RECEIVED:
        raise refuse("action", "public_comment.action", "Say answered or held.",
                     vi="Chọn một trong hai cách xử lý: đã trả lời, hoặc tạm dừng xét hồ sơ.")
    if data.action == CommentStatus.HELD:
        nomination = await get_or_404(session, Nomination, comment.nomination_id, "nomination_id")
        reason = f"Ý kiến nhân dân (mã số {comment.id}): {data.note}"
        await move(session, nomination, State.ON_HOLD, MoveContext(reason=reason), actor=actor, evidence={
            "public_comment_id": comment.id, "window_id": comment.window_id, "sender_name": comment.sender_name,
            "received_at": comment.received_at.isoformat(), "text": comment.text})
    comment.status, comment.answer = data.action, data.note
    comment.handled_by, comment.handled_at = actor.username, utc_now()
    session.add(comment)
    await session.flush()
    return comment
