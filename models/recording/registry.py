"""The registry one object at a time: created, updated, ended, or deleted when nothing points to it; every
change appended to the change log (models.storage.registry_log) in the same transaction.

Each write first queues on the row it changes (models.storage.locks), then compares: two identical updates at
once give one change and the same result, and an update that changes nothing writes nothing. An update may carry
the ETag it was read with (If-Match): if the object changed since, it is refused (409) instead of applied.
"""

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, Problem, refuse
from models.domain.registry_changes import version_tag
from models.domain.vietnamese import object_vi
from models.recording.common import get_or_404
from models.storage.locks import serialize_on
from models.storage.references import referrers
from models.storage.registry_log import record_change, row_state

Row = TypeVar("Row", bound=SQLModel)
Check = Callable[[AsyncSession, Any], Awaitable[None]]


async def create_row(session: AsyncSession, row: Row, actor: Actor, check: Check) -> Row:
    await check(session, row)
    session.add(row)
    await _flush(session, row)
    await record_change(session, type(row), row.id, None, row_state(row), actor)  # type: ignore[attr-defined]
    return row


async def update_row(session: AsyncSession, model: type[Row], row_id: int, field: str, values: dict[str, Any],
                     actor: Actor, check: Check, if_match: str | None = None) -> Row:
    await serialize_on(session, model, row_id, field)
    row = await get_or_404(session, model, row_id, field)
    before = row_state(row)
    if if_match is not None and if_match.strip('W/"') != version_tag(before):
        raise Conflict(Problem("If-Match", "registry.changed",
                               f"This {model.__name__.lower()} changed since you read it; read it again.",
                               vi=f"{object_vi(model.__name__).capitalize()} này đã được người khác sửa sau khi bạn "
                                  "mở; đề nghị tải lại rồi sửa."))
    row.sqlmodel_update(values)
    after = row_state(row)
    if after == before:
        return row
    with session.no_autoflush:  # the check reads, and must see the change before it is written
        await check(session, row)
    session.add(row)
    await _flush(session, row)
    await record_change(session, model, row_id, before, after, actor)
    return row


async def end_row(session: AsyncSession, model: type[Row], row_id: int, field: str, until: date, actor: Actor,
                  check: Check) -> Row:
    """Set the object's last day (active_until). Ending it again on the same day changes nothing."""
    await serialize_on(session, model, row_id, field)
    row = await get_or_404(session, model, row_id, field)
    ended: date | None = getattr(row, "active_until")  # noqa: B009 (units, people and households have it)
    if ended is not None and ended != until:
        raise Conflict(Problem("active_until", "registry.already_ended",
                               f"This {model.__name__.lower()} already ended on {ended:%d/%m/%Y}.",
                               vi=f"{object_vi(model.__name__).capitalize()} này đã kết thúc hoạt động từ ngày "
                                  f"{ended:%d/%m/%Y}; nếu cần sửa ngày, hãy cập nhật trường «Đến ngày»."))
    return await update_row(session, model, row_id, field, {"active_until": until}, actor, check)


async def delete_row(session: AsyncSession, model: type[Row], row_id: int, field: str, actor: Actor) -> None:
    """Delete an object entered by mistake: only when nothing (a nomination, a decision, an award record, a
    person, a membership…) points to it. Otherwise it is refused, and the office ends it instead."""
    await serialize_on(session, model, row_id, field)
    row = await get_or_404(session, model, row_id, field)
    if pointing := await referrers(session, model, row_id):
        what = object_vi(model.__name__)
        raise Conflict(Problem(field, "registry.referenced",
                               f"This {model.__name__.lower()} cannot be deleted: {', '.join(pointing)} point to it. "
                               "End it instead (active_until).",
                               vi=f"Không thể xóa {what} này vì đã có {', '.join(object_vi(p) for p in pointing)} "
                                  f"gắn với {what}. Hãy ghi ngày kết thúc hoạt động («Đến ngày») thay vì xóa; "
                                  "lịch sử và các khen thưởng đã có được giữ nguyên."))
    before = row_state(row)
    await session.delete(row)
    await session.flush()
    await record_change(session, model, row_id, before, None, actor)


async def _flush(session: AsyncSession, row: SQLModel) -> None:
    """A code taken by a concurrent request since it was checked is refused like one taken before."""
    try:
        await session.flush()
    except IntegrityError:
        raise refuse("code", "registry.duplicate_code", f"The code {getattr(row, 'code', '')!r} is already used.",
                     vi=f"Mã {getattr(row, 'code', '')!r} đã được dùng cho {object_vi(type(row).__name__)} "
                        "khác.") from None
