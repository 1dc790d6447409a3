"""What anyone may read and send without logging in: the lists open for public comment, and a comment on a listed
dossier while its list is open. Bounded like every public input: the request size limit of the whole service,
each field's length, and a number of comments an hour per address."""

from datetime import date, datetime

from fastapi import APIRouter, Request, status
from sqlmodel import SQLModel

from api.deps import PathId, SessionDep
from models.domain.public_comment import WindowPhase
from models.recording.common import get_or_404
from models.recording.deadlines import today_in_vietnam
from models.recording.public_comments import send_comment
from models.storage.catalogue_file import catalogue
from models.storage.public_comment import ListedDossier, listings, windows_on
from models.tables.public_comment import CommentSend, CommentWindow

router = APIRouter(prefix="/public", tags=["public (no login)"])


class OpenList(SQLModel):
    """A list published for comment: its dates and its dossiers, as the law publishes them."""

    id: int
    year: int
    opens_on: date
    closes_on: date
    working_days: int
    basis: str
    phase: WindowPhase
    dossiers: list[ListedDossier]


class CommentReceipt(SQLModel):
    id: int
    nomination_id: int
    received_at: datetime
    message_vi: str


async def open_lists(session: SessionDep, windows: list[CommentWindow]) -> list[OpenList]:
    return [OpenList.model_validate(listing.window, update={"phase": listing.phase, "dossiers": listing.dossiers})
            for listing in await listings(session, windows, today_in_vietnam())]


@router.get("/comment-windows")
async def lists_open_today(session: SessionDep) -> list[OpenList]:
    """The lists taking comments today."""
    return await open_lists(session, await windows_on(session, today_in_vietnam(), open_only=True))


@router.get("/comment-windows/{window_id}")
async def one_list(window_id: PathId, session: SessionDep) -> OpenList:
    [listing] = await open_lists(session, [await get_or_404(session, CommentWindow, window_id, "window_id")])
    return listing


@router.post("/comment-windows/{window_id}/comments", status_code=status.HTTP_201_CREATED)
async def comment(window_id: PathId, data: CommentSend, session: SessionDep, request: Request) -> CommentReceipt:
    """A comment on one listed dossier, with the sender's name and how to answer them; refused once the list has
    closed. The same words sent twice are one comment."""
    address = request.client.host if request.client else None
    stored = await send_comment(session, window_id, data, address, today_in_vietnam())
    await session.commit()
    return CommentReceipt(id=stored.id, nomination_id=stored.nomination_id, received_at=stored.received_at,
                          message_vi=f"Đã nhận ý kiến của ông/bà. {catalogue().province.appraisal_issuer_name} "
                                     "sẽ xem xét trước khi Hội đồng xét hồ sơ.")
