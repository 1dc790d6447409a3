"""The public page of the lists open for comment: anyone, without logging in, reads who is proposed for which form
(name, position and unit, the form: what the law publishes) and sends a comment while a list is open. It calls the
same `send_comment` as POST /public/comment-windows/{id}/comments, with the same bounds."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession

from api.deps import PathId, SessionDep
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from models.domain.errors import DomainError
from models.recording.deadlines import today_in_vietnam
from models.recording.public_comments import send_comment
from models.storage.catalogue_file import catalogue
from models.storage.public_comment import listings, windows_on
from models.tables.public_comment import CommentSend

router = APIRouter(route_class=DeskRoute)
LABELS = {"sender_name": "Họ và tên người góp ý", "contact": "Địa chỉ, điện thoại hoặc thư điện tử",
          "text": "Nội dung ý kiến", "nomination_id": "Hồ sơ góp ý"}


async def _context(session: AsyncSession) -> dict[str, Any]:
    today = today_in_vietnam()
    return {"desk": None, "lists": await listings(session, await windows_on(session, today, open_only=True), today),
            "office": catalogue().province.appraisal_issuer_name, "labels": LABELS}


@router.get("/lay-y-kien")
async def public_lists(request: Request, session: SessionDep) -> HTMLResponse:
    return page(request, "public_comment_page.html",
                {**await _context(session), "refusals": Refusals(), "posted": None, "sent": None})


@router.post("/lay-y-kien/{window_id}")
async def public_comment(window_id: PathId, request: Request, session: SessionDep) -> HTMLResponse:
    form = await request.form()
    body = {key: str(form.get(key, "")) for key in LABELS}
    address = request.client.host if request.client else None
    try:
        try:
            data = CommentSend.model_validate(body)
        except ValidationError as error:
            raise DomainError(*problems_of_validation(error, labels=LABELS)) from None
        stored = await send_comment(session, window_id, data, address, today_in_vietnam())
    except DomainError as error:
        await session.rollback()
        return page(request, "public_comment_page.html", {
            **await _context(session), "refusals": Refusals.of(error.problems, LABELS), "posted": body,
            "window_id": window_id, "sent": None}, error.status)
    await session.commit()
    return page(request, "public_comment_page.html", {**await _context(session), "refusals": Refusals(),
                                                      "posted": None, "sent": stored}, 201)
