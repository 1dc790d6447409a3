"""Idempotency keys: the first request with a key runs; a retry with the same key gets the first answer."""

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.errors import Conflict, Problem, refuse
from models.tables.accounts import IdempotentResponse


@dataclass(frozen=True)
class Replay:
    status_code: int
    content_type: str
    body: bytes


async def claim(session: AsyncSession, user_id: int, key: str, request_hash: str) -> Replay | None:
    """Claim the key for this request (None: go ahead), or return the answer a first request already got."""
    session.add(IdempotentResponse(user_id=user_id, key=key, request_hash=request_hash))
    try:
        await session.commit()
        return None
    except IntegrityError:
        await session.rollback()
    first = await session.get_one(IdempotentResponse, (user_id, key), populate_existing=True)
    if first.request_hash != request_hash:
        raise refuse("Idempotency-Key", "idempotency.key_reused",
                     "This Idempotency-Key was used for a different request; use a new key for a new request.",
                     vi="Khóa Idempotency-Key này đã dùng cho một yêu cầu khác; yêu cầu mới cần khóa mới.")
    if first.status_code is None:
        raise Conflict(Problem("Idempotency-Key", "idempotency.in_progress",
                               "The first request with this Idempotency-Key is still running; retry shortly.",
                               vi="Yêu cầu đầu tiên với khóa Idempotency-Key này vẫn đang được xử lý; "
                                  "đề nghị thử lại sau ít phút."))
    return Replay(first.status_code, first.content_type, first.body)


async def remember(session: AsyncSession, user_id: int, key: str, replay: Replay) -> None:
    row = await session.get_one(IdempotentResponse, (user_id, key))
    row.status_code, row.content_type, row.body = replay.status_code, replay.content_type, replay.body
    session.add(row)
    await session.commit()


async def release(session: AsyncSession, user_id: int, key: str) -> None:
    """The first request failed on our side: let a retry run it again."""
    row = await session.get(IdempotentResponse, (user_id, key))
    if row is not None:
        await session.delete(row)
        await session.commit()
