"""Public comment before the council's vote, as the TĐKT office works it: open a window for eligible dossiers
whose award needs it, read the comments, answer one or put its dossier on hold because of it."""

from datetime import date, datetime

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport
from api.stages import commit_and_run
from models.domain.permissions import Action
from models.domain.public_comment import CommentStatus, WindowPhase
from models.recording.common import get_or_404
from models.recording.deadlines import today_in_vietnam
from models.recording.public_comment import open_window
from models.recording.public_comments import handle_comment
from models.storage.public_comment import ListedDossier, comments_in, listings, windows_on
from models.tables.public_comment import CommentHandling, CommentWindow, CommentWindowOpen, PublicComment

router = APIRouter(tags=["public comment"])


class WindowPublic(SQLModel):
    id: int
    year: int
    opens_on: date
    closes_on: date
    working_days: int
    basis: str
    published_at: str
    phase: WindowPhase
    dossiers: list[ListedDossier]


class CommentPublic(SQLModel):
    """A comment as the office reads it: with who sent it and how to answer them (the public page shows neither)."""

    id: int
    window_id: int
    nomination_id: int
    sender_name: str
    contact: str
    text: str
    received_at: datetime
    status: CommentStatus
    answer: str
    handled_by: str | None
    handled_at: datetime | None


class WindowDetail(SQLModel):
    window: WindowPublic
    comments: list[CommentPublic]


async def window_public(session: SessionDep, windows: list[CommentWindow]) -> list[WindowPublic]:
    return [WindowPublic.model_validate(listing.window, update={"phase": listing.phase, "dossiers": listing.dossiers})
            for listing in await listings(session, windows, today_in_vietnam())]


@router.post("/comment-windows", status_code=status.HTTP_201_CREATED)
async def open_for_comment(
    data: CommentWindowOpen, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Publish eligible dossiers whose award needs public comment (catalogue `[[public_comment]]`) from `opens_on`
    for the working days it sets; the stage's flow prints the office's notice with the list. Until the window
    has closed, the council's votes and the standing body's appraisals on them are refused."""
    principal.require(Action.HOLD_COUNCIL_SESSION)
    stage = await open_window(session, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/comment-windows")
async def list_windows(session: SessionDep, principal: CurrentPrincipal) -> list[WindowPublic]:
    principal.require(Action.READ_PROVINCE)
    return await window_public(session, await windows_on(session, today_in_vietnam(), open_only=False))


@router.get("/comment-windows/{window_id}")
async def read_window(window_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> WindowDetail:
    principal.require(Action.READ_PROVINCE)
    window = await get_or_404(session, CommentWindow, window_id, "window_id")
    [public] = await window_public(session, [window])
    return WindowDetail(window=public, comments=[CommentPublic.model_validate(c)
                                                 for c in await comments_in(session, window_id)])


@router.post("/public-comments/{comment_id}/handling")
async def handle(
    comment_id: PathId, data: CommentHandling, session: SessionDep, principal: CurrentPrincipal
) -> CommentPublic:
    """`answered`: noted, with the office's answer. `held`: the dossier goes on hold (its move's evidence is the
    comment), to be lifted by hand once the comment is resolved."""
    principal.require(Action.MOVE_BY_HAND)
    comment: PublicComment = await handle_comment(session, comment_id, data, principal.actor)
    await session.commit()
    return CommentPublic.model_validate(comment)
