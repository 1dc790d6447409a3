"""Holding a council session at the desk: its day, place, and attendance marked on the council's roster as it
stood that day (the roster of GET /council/roster?on=…): present, a written opinion, or absent.

It posts to the same `create_council_session` as the API's POST /council-sessions; attendance is sent as the
API's `present_seat_ids` and `written_opinion_seat_ids`, and a refusal naming one of them (`present_seat_ids.2`)
is shown on that seat's row. The secretary chooses the body: the full council, whose votes are recorded on the
next page (api/desk/council_votes.py), or its standing body (Thường trực Hội đồng), whose roster is the standing
seats of that day and whose appraisal is recorded on the next page (api/desk/standing_appraisal.py).
"""

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import VIETNAM, Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from models.domain.enums import CouncilBody, State
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action
from models.recording.council import create_council_session
from models.recording.council_roster import roster_on
from models.tables.council import CouncilSessionCreate
from models.tables.nomination import Nomination

router = APIRouter(route_class=DeskRoute)
FIELDS = ("year", "body", "held_on", "location", "present_seat_ids")
MARKS = {"present": "Có mặt", "written": "Vắng, có ý kiến bằng văn bản", "absent": "Vắng"}


def _day(text: str | None) -> date:
    """The day whose roster is shown: the one typed, or today while none is."""
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return datetime.now(UTC).astimezone(VIETNAM).date()


def _body(text: str | None) -> CouncilBody:
    """The body chosen: the full council unless the standing body is asked for."""
    return CouncilBody.STANDING_BODY if text == CouncilBody.STANDING_BODY.value else CouncilBody.COUNCIL


async def _context(session: AsyncSession, desk: Desk, held_on: date, body: CouncilBody) -> dict[str, Any]:
    waiting = (await session.exec(select(Nomination.year).where(Nomination.state == State.ELIGIBLE).order_by(
        col(Nomination.year)))).first()
    roster = [s for s in await roster_on(session, held_on) if body == CouncilBody.COUNCIL or s.standing_body]
    return {"desk": desk, "held_on": held_on, "body": body, "roster": roster, "MARKS": MARKS,
            "default_year": waiting or held_on.year - 1}


@router.get("/council-sessions/new")
async def session_form(request: Request, session: SessionDep, desk: SignedIn, held_on: str | None = None,
                       body: str | None = None) -> HTMLResponse:
    desk.principal.require(Action.HOLD_COUNCIL_SESSION)
    context = {**await _context(session, desk, _day(held_on), _body(body)), "refusals": Refusals(), "posted": None}
    # The day or the body chosen changes the roster: htmx asks for the seats alone.
    return page(request, "_council_roster.html" if is_htmx(request) else "council_session.html", context)


@router.post("/council-sessions")
async def hold_session(request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.HOLD_COUNCIL_SESSION)
    present, written = _attendance(form)
    try:
        council = await create_council_session(session, _session(form, present, written), desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, _day(str(form.get("held_on", ""))), _body(str(form.get("body"))))
        fields = [*FIELDS, *(f"seat.{s.id}" for s in context["roster"])]
        opinions = [o["seat_id"] for o in _opinions(form)]
        problems = [_on_seat(p, present, written, opinions) for p in error.problems]
        return page(request, "council_session.html", {**context, "refusals": Refusals.of(problems, fields),
                                                      "posted": form}, error.status)
    await session.commit()
    next_page = "appraisals" if council.body == CouncilBody.STANDING_BODY else "votes"
    return RedirectResponse(f"/desk/council-sessions/{council.id}/{next_page}", status_code=303)


def _attendance(form: FormData) -> tuple[list[int], list[int]]:
    marks = {int(k.split(".", 1)[1]): str(v) for k, v in form.items()
             if k.startswith("seat.") and k.split(".", 1)[1].isdigit() and len(k) < 20}
    return ([s for s, m in marks.items() if m == "present"], [s for s, m in marks.items() if m == "written"])


def _session(form: FormData, present: list[int], written: list[int]) -> CouncilSessionCreate:
    body = {"year": str(form.get("year", "")).strip(), "body": str(form.get("body", CouncilBody.COUNCIL.value)),
            "held_on": str(form.get("held_on", "")).strip(), "location": str(form.get("location", "")).strip(),
            "present_seat_ids": present, "written_opinion_seat_ids": written, "written_opinions": _opinions(form)}
    try:
        return CouncilSessionCreate.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


def _opinions(form: FormData) -> list[dict[str, Any]]:
    """What each absent member wrote ("opinion.<seat id>"), for the session's minutes; empty boxes are left out."""
    return [{"seat_id": int(k.split(".", 1)[1]), "text": str(v).strip()} for k, v in form.items()
            if k.startswith("opinion.") and k.split(".", 1)[1].isdigit() and len(k) < 20 and str(v).strip()]


def _on_seat(problem: Problem, present: list[int], written: list[int], opinions: list[int] | None = None) -> Problem:
    parts = problem.field.split(".")
    seats = {"present_seat_ids": present, "written_opinion_seat_ids": written,
             "written_opinions": opinions or []}.get(parts[0])
    if seats is not None and len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) < len(seats):
        return Problem(f"seat.{seats[int(parts[1])]}", problem.rule, problem.message, vi=problem.vi)
    return problem
