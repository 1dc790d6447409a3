"""Signing a decision at the desk: the Chairman's office sees the draft's annex rows, strikes any with a reason,
and signs. It posts to the same `sign_decision` as the API's POST /decisions/{id}/sign.

The API names a struck row by its place in `declined` (`declined.2.reason`) or by its nomination
(`nominations.17`); the form has one row per nomination, so both are shown beside that row.
"""

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import VIETNAM, Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import stage_report
from api.routes.decisions import decision_public
from api.stages import commit_and_run
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action
from models.recording.decisions import sign_decision
from models.tables.award import Award
from models.tables.decision import Decision, DecisionSign

router = APIRouter(route_class=DeskRoute)
SIGNER_FIELDS = ("signed_on", "signer_prefix", "signer_title", "signer_name")


async def _context(session: AsyncSession, desk: Desk, decision_id: int) -> dict[str, Any]:
    decision = await decision_public(session, decision_id)
    stored = await session.get_one(Decision, decision_id)
    return {"desk": desk, "decision": decision, "award": await session.get_one(Award, stored.award_id),
            "today": datetime.now(UTC).astimezone(VIETNAM).date().isoformat()}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return page(request, "_signing_form.html" if is_htmx(request) else "signing.html", context, status_code)


@router.get("/decisions/{decision_id}/sign")
async def signing_form(decision_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.SIGN_DECISION)
    return page(request, "signing.html", {**await _context(session, desk, decision_id), "refusals": Refusals(),
                                          "posted": {}})


@router.post("/decisions/{decision_id}/sign")
async def sign(decision_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.SIGN_DECISION)
    struck = _struck(form)
    try:
        data = _decision_sign(form, struck)
        stage = await sign_decision(session, decision_id, data, desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, decision_id)
        row_fields = [f"reason.{i.nomination_id}" for i in context["decision"].items]
        problems = [_on_row(p, struck) for p in error.problems]
        return _answer(request, {**context, "refusals": Refusals.of(problems, [*SIGNER_FIELDS, *row_fields]),
                                 "posted": dict(form.items())}, error.status)
    launched = Response()
    await commit_and_run(session, stage, launched)
    return _answer(request, {**await _context(session, desk, decision_id), "report": await stage_report(
        session, stage.id), "pending": launched.status_code == 202, "refusals": Refusals(), "posted": {}})


def _struck(form: FormData) -> list[int]:
    """The nominations whose row is ticked to be struck out, in the order of the form."""
    return [int(key.split(".", 1)[1]) for key, value in form.items()
            if key.startswith("strike.") and key.split(".", 1)[1].isdigit() and value == "on"]


def _decision_sign(form: FormData, struck: list[int]) -> DecisionSign:
    body: dict[str, object] = {name: str(form.get(name, "")) for name in SIGNER_FIELDS}
    body["declined"] = [{"nomination_id": n, "reason": str(form.get(f"reason.{n}", "")).strip()} for n in struck]
    try:
        return DecisionSign.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


def _on_row(problem: Problem, struck: list[int]) -> Problem:
    """A problem about `declined.<i>…` or `nominations.<id>` is shown on that nomination's row of the annex."""
    parts = problem.field.split(".")
    if parts[0] == "declined" and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(struck):
        return Problem(f"reason.{struck[int(parts[1])]}", problem.rule, problem.message, vi=problem.vi)
    if parts[0] == "nominations" and len(parts) == 2:
        return Problem(f"reason.{parts[1]}", problem.rule, problem.message, vi=problem.vi)
    return problem
