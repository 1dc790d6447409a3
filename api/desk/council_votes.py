"""Recording a council session's votes at the desk, with the count each dossier needs in view: the award's
threshold in force on the session's day, counted over all members (as the API counts it), and how many may vote.
Only the dossiers whose award the catalogue routes to the full council are listed: the standing body's are
appraised in its own session (api/desk/standing_appraisal.py).

It posts to the same `record_council_votes` as the API's POST /council-sessions/{id}/votes; rows are named as the
API's (`votes.3.votes_for`). A dossier left unticked is not put to this session: the API is given the ticked
rows only, and its `votes.<k>` is mapped back to the form's row.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.desk.ticked_rows import on_ticked_row, session_to_record, ticked_rows
from api.presenters import nominations_public, stage_report
from api.stages import commit_and_run
from models.domain.council import may_cast, members_counted
from models.domain.enums import CouncilBody, StageKind
from models.domain.errors import DomainError
from models.recording.council import council_members, record_council_votes, recusals
from models.recording.routes import eligible_routed_to
from models.storage.catalogue_file import catalogue
from models.storage.queries import stage_of
from models.tables.award import Award
from models.tables.council import CouncilSession, CouncilVotesRecord

router = APIRouter(route_class=DeskRoute)
COUNTS = {"votes_for": "Đồng ý", "votes_against": "Không đồng ý", "abstain": "Không biểu quyết"}
SIGNER_FIELDS = ("appraisal_signed_on", "appraisal_signer_name", "appraisal_signer_title", "appraisal_signer_prefix")


async def _context(session: AsyncSession, desk: Desk, council: CouncilSession) -> dict[str, Any]:
    members = await council_members(session, council.id)
    # What the council may vote on: the awards routed to it on the session's day.
    rows = await eligible_routed_to(session, council.year, CouncilBody.COUNCIL, council.held_on)
    recusing = await recusals(session, members, list(rows))
    codes = {a.id: a.code for a in (await session.exec(select(Award))).all()}
    law = catalogue()
    needs = {}
    for n in rows:
        counted = members_counted(members, recusing[n.id], law.council.recusal_reduces_total)
        threshold = law.threshold_in_force(codes[n.award_id], council.held_on).threshold
        needs[n.id] = {"required": threshold.required(counted), "counted": counted, "recused": len(recusing[n.id]),
                       "may_cast": may_cast(members, recusing[n.id],
                                            written_opinions_count=law.council.written_opinions_count)}
    return {"desk": desk, "council": council, "members": members,
            "present": sum(1 for m in members if m.present),
            "quorum": law.council_quorum(council.held_on).required(len(members)),
            "nominations": await nominations_public(session, rows), "needs": needs, "COUNTS": COUNTS,
            "recorded": await stage_of(session, StageKind.COUNCIL_REVIEW, council.id)}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return page(request, "_council_votes_form.html" if is_htmx(request) else "council_votes.html", context,
                status_code)



@router.get("/council-sessions/{session_id}/votes")
async def votes_form(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    council = await session_to_record(session, desk, session_id)
    if council.body == CouncilBody.STANDING_BODY:  # it does not vote: its appraisal is recorded instead
        return RedirectResponse(f"/desk/council-sessions/{session_id}/appraisals", status_code=303)
    return page(request, "council_votes.html", {**await _context(session, desk, council), "refusals": Refusals(),
                                                "posted": None})


@router.post("/council-sessions/{session_id}/votes")
async def record_votes(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    council = await session_to_record(session, desk, session_id)
    rows = ticked_rows(form, "votes")
    try:
        stage = await record_council_votes(session, session_id, _votes(form, rows), desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, await session_to_record(session, desk, session_id))
        count = len(context["nominations"])
        fields = [*SIGNER_FIELDS, "votes", *(f"votes.{i}" for i in range(count)),
                  *(f"votes.{i}.{c}" for i in range(count) for c in COUNTS)]
        problems = [on_ticked_row(p, rows, "votes") for p in error.problems]
        return _answer(request, {**context, "refusals": Refusals.of(problems, fields), "posted": form},
                       error.status)
    launched = Response()
    await commit_and_run(session, stage, launched)
    return _answer(request, {**await _context(session, desk, council), "report": await stage_report(
        session, stage.id), "pending": launched.status_code == 202, "refusals": Refusals(), "posted": None})



def _votes(form: FormData, rows: list[int]) -> CouncilVotesRecord:
    votes = [{"nomination_id": form.get(f"votes.{i}.nomination_id"),
              **{c: str(form.get(f"votes.{i}.{c}", "")).strip() or ("0" if c == "abstain" else "")
                 for c in COUNTS}} for i in rows]
    body: dict[str, Any] = {"votes": votes}
    body |= {f: str(form.get(f, "")).strip() for f in SIGNER_FIELDS if str(form.get(f, "")).strip()}
    try:
        return CouncilVotesRecord.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None
