"""The screening form: the TĐKT office finds each dossier of a proposal eligible, or returns it with a reason.

It posts to the same `record_screening` the API's POST /proposals/{id}/screening calls, and starts the stage's flow
the same way (`commit_and_run`); a refusal comes back as the form with the Vietnamese message beside the field the
problem names (the form's fields are named as the API's, e.g. `results.2.reason`).
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import nominations_by_ids, stage_report
from api.stages import commit_and_run
from models.domain.eligibility import Outcome
from models.domain.eligibility_rules import overall
from models.domain.enums import StageKind
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.eligibility import eligibility_of
from models.recording.proposals import proposal_nomination_ids, record_screening
from models.storage.queries import stage_of
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock
from models.tables.proposal import Proposal, ScreeningRecord

router = APIRouter(route_class=DeskRoute)


async def _form_context(session: AsyncSession, desk: Desk, proposal_id: int) -> dict[str, Any]:
    proposal = await get_or_404(session, Proposal, proposal_id, "proposal_id")
    ids = await proposal_nomination_ids(session, proposal_id)
    rows = (await session.exec(select(Nomination).where(col(Nomination.id).in_(ids)))).all()
    checks = await eligibility_of(session, rows)  # two queries for the whole proposal
    return {"desk": desk, "proposal": proposal, "block": await session.get(EmulationBlock, proposal.block_id),
            "nominations": await nominations_by_ids(session, ids), "checks": checks,
            "overall": {i: overall(c) for i, c in checks.items()}, "PASS": Outcome.PASS,
            "screened": await stage_of(session, StageKind.SCREENING, proposal_id)}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    # An htmx post swaps the form alone; a browser without script gets the whole page.
    template = "_screening_form.html" if is_htmx(request) else "screening.html"
    return page(request, template, context, status_code)


@router.get("/proposals/{proposal_id}/screening")
async def screening_form(proposal_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.SCREEN)
    context = await _form_context(session, desk, proposal_id)
    return page(request, "screening.html", {**context, "refusals": Refusals(), "posted": {}})


@router.post("/proposals/{proposal_id}/screening")
async def screen(proposal_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.SCREEN)
    posted = dict(form.items())
    try:
        data = _screening_record(form)
        stage = await record_screening(session, proposal_id, data, desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _form_context(session, desk, proposal_id)
        fields = [f"results.{i}.{name}" for i in range(len(context["nominations"])) for name in ("eligible", "reason")]
        return _answer(request, {**context, "refusals": Refusals.of(error.problems, fields), "posted": posted},
                       error.status)
    launched = Response()
    await commit_and_run(session, stage, launched)
    report = await stage_report(session, stage.id)
    return _answer(request, {**await _form_context(session, desk, proposal_id), "report": report,
                             "pending": launched.status_code == 202, "refusals": Refusals(), "posted": {}})


def _screening_record(form: FormData) -> ScreeningRecord:
    """The form's rows (results.<i>.nomination_id / eligible / reason) as the API's request body."""
    rows: dict[int, dict[str, Any]] = {}
    for key, value in form.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "results" and parts[1].isdigit() and int(parts[1]) < 10_000:
            rows.setdefault(int(parts[1]), {})[parts[2]] = value
    unchosen = [Problem(f"results.{i}.eligible", "screening.choose", "Choose eligible or returned for each dossier.",
                        vi="Chọn “Đủ điều kiện” hoặc “Trả lại” cho hồ sơ này.")
                for i, r in sorted(rows.items()) if r.get("eligible") not in ("true", "false")]
    if unchosen:
        raise DomainError(*unchosen)
    results = [{"nomination_id": r.get("nomination_id"), "eligible": r.get("eligible") == "true",
                "reason": r.get("reason", "")} for _, r in sorted(rows.items())]
    try:
        return ScreeningRecord.model_validate({"results": results})
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None

