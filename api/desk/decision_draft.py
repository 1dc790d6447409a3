"""Preparing a draft decision at the desk: the secretary chooses the council session and the award, sees the
annex rows the draft will list, may leave some out of it, and creates it.

It posts to the same `create_decision` as the API's POST /decisions. The API lets the draft list a chosen subset
of the session's recommendations (`nomination_ids`); a dossier left out stays recommended for a later draft.
Striking a dossier with a reason is the signer's act, done at signing (api/desk/signing.py), as in the API.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import nominations_public
from models.domain.enums import State
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.decision_awards import ANNEX_ORDER
from models.recording.decisions import create_decision
from models.storage.queries import appraised_in_sessions
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionCreate, DecisionItem
from models.tables.nomination import Nomination

router = APIRouter(route_class=DeskRoute)


def _waiting(session_id: int) -> Any:
    """The session's recommendations (the council's vote or its standing body's appraisal) not yet listed in any
    decision."""
    appraised = appraised_in_sessions()
    return select(Nomination).join(appraised, appraised.c.nomination_id == Nomination.id).where(
        appraised.c.session_id == session_id, Nomination.state == State.RECOMMENDED,
        col(Nomination.id).not_in(select(DecisionItem.nomination_id)))


async def _context(session: AsyncSession, desk: Desk, council: CouncilSession, award_code: str | None
                   ) -> dict[str, Any]:
    waiting = _waiting(council.id).subquery()
    awards = (await session.exec(select(Award, func.count()).join(waiting, col(waiting.c.award_id) == Award.id)
                                 .group_by(col(Award.id)).order_by(col(Award.name)))).all()
    chosen = next((a for a, _ in awards if a.code == award_code), awards[0][0] if awards else None)
    rows = [] if chosen is None else list((await session.exec(
        _waiting(council.id).where(Nomination.award_id == chosen.id).order_by(col(Nomination.id)))).all())
    rows.sort(key=lambda n: ANNEX_ORDER[n.recipient_kind])  # the annex's order: collectives, individuals, households
    return {"desk": desk, "council": council, "awards": awards, "award": chosen,
            "rows": await nominations_public(session, rows)}


async def _council(session: AsyncSession, desk: Desk, session_id: int) -> CouncilSession:
    desk.principal.require(Action.PREPARE_DECISION)
    return await get_or_404(session, CouncilSession, session_id, "council_session_id")


@router.get("/council-sessions/{session_id}/decision")
async def draft_form(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn,
                     award_code: str | None = None, created: int | None = None) -> HTMLResponse:
    council = await _council(session, desk, session_id)
    context = {**await _context(session, desk, council, award_code), "refusals": Refusals(), "posted": None,
               "created": await session.get(Decision, created) if created else None}
    # Choosing another award asks for its annex rows alone.
    return page(request, "_decision_rows.html" if is_htmx(request) else "decision_draft.html", context)


@router.post("/council-sessions/{session_id}/decision")
async def prepare(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    await _council(session, desk, session_id)  # the secretary only, and a session that exists
    award_code = str(form.get("award_code", ""))
    chosen = [str(v) for v in form.getlist("nomination_ids")]
    try:
        decision = await create_decision(session, _draft(session_id, award_code, chosen), desk.principal.actor)
    except DomainError as error:
        await session.rollback()  # which expires what was read: the session is read again
        context = await _context(session, desk, await _council(session, desk, session_id), award_code)
        fields = ["award_code", "nomination_ids", *(f"nomination.{n.id}" for n in context["rows"])]
        problems = [_on_row(p, chosen) for p in error.problems]
        return page(request, "decision_draft.html", {**context, "refusals": Refusals.of(problems, fields),
                                                     "posted": form, "created": None}, error.status)
    await session.commit()
    return RedirectResponse(f"/desk/council-sessions/{session_id}/decision?created={decision.id}", status_code=303)


def _draft(session_id: int, award_code: str, chosen: list[str]) -> DecisionCreate:
    try:
        return DecisionCreate.model_validate({"council_session_id": session_id, "award_code": award_code,
                                              "nomination_ids": chosen})
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


def _on_row(problem: Problem, chosen: list[str]) -> Problem:
    parts = problem.field.split(".")
    if parts[0] == "nomination_ids" and len(parts) == 2 and parts[1].isdigit() and int(parts[1]) < len(chosen):
        return Problem(f"nomination.{chosen[int(parts[1])]}", problem.rule, problem.message, vi=problem.vi)
    return problem
