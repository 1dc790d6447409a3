"""Public comment at the desk: the secretary lists eligible dossiers whose award needs it (catalogue
[[public_comment]]) for comment from a day, follows the open lists, and answers each comment or puts its dossier on
hold. The forms call the API's own `open_window` and `handle_comment`, with the same permissions."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import nominations_public
from api.stages import commit_and_run
from models.domain.enums import StageKind, State
from models.domain.errors import DomainError
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.deadlines import today_in_vietnam
from models.recording.public_comment import comment_rules, open_window
from models.recording.public_comments import handle_comment
from models.storage.public_comment import comments_in, listings, waiting_by_window, windows_on
from models.storage.queries import documents_of, stage_of
from models.tables.nomination import Nomination
from models.tables.public_comment import (
    CommentHandling,
    CommentWindow,
    CommentWindowItem,
    CommentWindowOpen,
    PublicComment,
)

router = APIRouter(route_class=DeskRoute)
OPEN_FIELDS = ("year", "opens_on", "published_at", "nomination_ids")


async def to_publish(session: AsyncSession) -> list[Nomination]:
    """Eligible dossiers whose award needs public comment and that no list holds yet (one query, then the rules)."""
    rows = list((await session.exec(select(Nomination).where(
        Nomination.state == State.ELIGIBLE,
        col(Nomination.id).not_in(select(CommentWindowItem.nomination_id))).order_by(col(Nomination.id)))).all())
    needed = await comment_rules(session, rows)
    return [n for n in rows if n.id in needed]


async def _lists_context(session: AsyncSession, desk: Desk) -> dict[str, Any]:
    desk.principal.require(Action.READ_PROVINCE)
    today = today_in_vietnam()
    candidates = await to_publish(session)
    return {"desk": desk, "today": today,
            "lists": await listings(session, await windows_on(session, today, open_only=False), today),
            "waiting": await waiting_by_window(session), "candidates": await nominations_public(session, candidates),
            "years": sorted({n.year for n in candidates})}


@router.get("/public-comment")
async def lists(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    return page(request, "public_comment_lists.html",
                {**await _lists_context(session, desk), "refusals": Refusals(), "posted": None})


@router.post("/public-comment")
async def open_list(request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.HOLD_COUNCIL_SESSION)
    try:
        data = _opening(form.get("year"), form.get("opens_on"), form.get("published_at"),
                        form.getlist("nomination_ids"))
        stage = await open_window(session, data, desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        return page(request, "public_comment_lists.html", {
            **await _lists_context(session, desk), "posted": form,
            "refusals": Refusals.of(error.problems, ("year", "opens_on", "published_at"))}, error.status)
    await commit_and_run(session, stage, Response())
    return RedirectResponse(f"/desk/public-comment/{stage.subject_id}", status_code=303)


def _opening(year: Any, opens_on: Any, published_at: Any, ids: list[Any]) -> CommentWindowOpen:
    body = {"year": year, "opens_on": opens_on, "nomination_ids": ids,
            "published_at": str(published_at or "").strip() or "Cổng Thông tin điện tử tỉnh"}
    try:
        return CommentWindowOpen.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error, labels={
            "year": "Năm xét khen thưởng", "opens_on": "Ngày bắt đầu lấy ý kiến",
            "nomination_ids": "Hồ sơ đưa ra lấy ý kiến"})) from None


async def _window_context(session: AsyncSession, desk: Desk, window_id: int) -> dict[str, Any]:
    desk.principal.require(Action.READ_PROVINCE)
    window = await get_or_404(session, CommentWindow, window_id, "window_id")
    [listing] = await listings(session, [window], today_in_vietnam())
    stage = await stage_of(session, StageKind.PUBLIC_COMMENT, window_id)
    return {"desk": desk, "listing": listing, "stage": stage,
            "documents": await documents_of(session, [stage.id]) if stage else [],
            "comments": await comments_in(session, window_id),
            "names": {d.nomination_id: d.name for d in listing.dossiers}}


@router.get("/public-comment/{window_id}")
async def one_list(window_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    return page(request, "public_comment_list.html",
                {**await _window_context(session, desk, window_id), "refusals": Refusals()})


@router.post("/public-comments/{comment_id}")
async def handle(comment_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.MOVE_BY_HAND)
    window_id = (await get_or_404(session, PublicComment, comment_id, "comment_id")).window_id
    try:
        data = CommentHandling.model_validate({"action": form.get("action"), "note": form.get("note", "")})
        await handle_comment(session, comment_id, data, desk.principal.actor)
    except (DomainError, ValidationError) as error:
        await session.rollback()
        problems = (error.problems if isinstance(error, DomainError)
                    else problems_of_validation(error, labels={"note": "Nội dung trả lời hoặc lý do tạm dừng"}))
        status = error.status if isinstance(error, DomainError) else 422
        return page(request, "public_comment_list.html", {
            **await _window_context(session, desk, window_id),
            "refusals": Refusals.of(problems, ()), "refused_comment": comment_id}, status)
    await session.commit()
    return RedirectResponse(f"/desk/public-comment/{window_id}#comment-{comment_id}", status_code=303)
