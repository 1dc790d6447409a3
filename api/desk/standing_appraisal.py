"""Recording the standing body's appraisal at the desk (Thường trực Hội đồng): on each eligible dossier whose award
the catalogue routes to it, Đồng ý or Không đồng ý, and why (required when not agreed). No vote is counted.

It posts to the same `record_standing_appraisal` as the API's POST /council-sessions/{id}/appraisals; rows are
named as the API's (`results.3.reason`). A dossier left unticked is not put to this session: the API is given the
ticked rows only, and its `results.<k>` is mapped back to the form's row.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.council_votes import SIGNER_FIELDS
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.desk.ticked_rows import on_ticked_row, session_to_record, ticked_rows
from api.presenters import nominations_public, stage_report
from api.stages import commit_and_run
from models.domain.enums import CouncilBody, StageKind
from models.domain.errors import DomainError
from models.recording.council import council_members
from models.recording.routes import eligible_routed_to
from models.recording.standing_body import record_standing_appraisal
from models.storage.queries import stage_of
from models.tables.council import CouncilSession, StandingAppraisalRecord

router = APIRouter(route_class=DeskRoute)
VERDICTS = {"true": "Đồng ý", "false": "Không đồng ý"}


async def _context(session: AsyncSession, desk: Desk, council: CouncilSession) -> dict[str, Any]:
    members = await council_members(session, council.id)
    rows = await eligible_routed_to(session, council.year, CouncilBody.STANDING_BODY, council.held_on)
    return {"desk": desk, "council": council, "present": [m for m in members if m.present],
            "nominations": await nominations_public(session, rows), "VERDICTS": VERDICTS,
            "recorded": await stage_of(session, StageKind.STANDING_APPRAISAL, council.id)}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return page(request, "_standing_appraisal_form.html" if is_htmx(request) else "standing_appraisal.html", context,
                status_code)



@router.get("/council-sessions/{session_id}/appraisals")
async def appraisal_form(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    council = await session_to_record(session, desk, session_id)
    if council.body == CouncilBody.COUNCIL:  # the full council votes instead
        return RedirectResponse(f"/desk/council-sessions/{session_id}/votes", status_code=303)
    return _answer(request, {**await _context(session, desk, council), "refusals": Refusals(), "posted": None})


@router.post("/council-sessions/{session_id}/appraisals")
async def record_appraisal(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    council = await session_to_record(session, desk, session_id)
    rows = ticked_rows(form, "results")
    try:
        stage = await record_standing_appraisal(session, session_id, _results(form, rows), desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, await session_to_record(session, desk, session_id))
        count = len(context["nominations"])
        fields = [*SIGNER_FIELDS, "results", *(f"results.{i}" for i in range(count)),
                  *(f"results.{i}.{f}" for i in range(count) for f in ("agreed", "reason"))]
        problems = [on_ticked_row(p, rows, "results") for p in error.problems]
        return _answer(request, {**context, "refusals": Refusals.of(problems, fields), "posted": form},
                       error.status)
    launched = Response()
    await commit_and_run(session, stage, launched)
    return _answer(request, {**await _context(session, desk, council), "report": await stage_report(
        session, stage.id), "pending": launched.status_code == 202, "refusals": Refusals(), "posted": None})



def _results(form: FormData, rows: list[int]) -> StandingAppraisalRecord:
    results = [{"nomination_id": form.get(f"results.{i}.nomination_id"),
                "agreed": str(form.get(f"results.{i}.agreed", "")), "reason": str(form.get(f"results.{i}.reason", ""))}
               for i in rows]
    body: dict[str, Any] = {"results": results}
    body |= {f: str(form.get(f, "")).strip() for f in SIGNER_FIELDS if str(form.get(f, "")).strip()}
    try:
        return StandingAppraisalRecord.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None
