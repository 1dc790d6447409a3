"""Submitting the block's proposal (Tờ trình) at the desk: the block head ticks the endorsed (or corrected) dossiers
and sends them. It posts to the same `submit_proposal` as the API's POST /proposals.

The API names a dossier by its place in `nomination_ids`; the form has one row per dossier, so the problem is shown
on that row.
"""

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import VIETNAM, Refusals, is_htmx, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import nominations_public, stage_report
from api.stages import commit_and_run
from models.domain.enums import StageKind
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.proposals import PROPOSABLE, submit_proposal
from models.storage.queries import in_unfinished_proposals, stage_of
from models.tables.meeting import BlockMeeting
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock
from models.tables.proposal import ProposalCreate

router = APIRouter(route_class=DeskRoute)
FIELDS = ("issued_on", "signer_name", "signer_title")


async def _meeting(session: AsyncSession, desk: Desk, meeting_id: int) -> BlockMeeting:
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    desk.principal.require(Action.SUBMIT_PROPOSAL, meeting.block_id, meeting.year, field="meeting_id")
    return meeting


async def _context(session: AsyncSession, desk: Desk, meeting: BlockMeeting) -> dict[str, Any]:
    rows = (await session.exec(select(Nomination).where(
        Nomination.meeting_id == meeting.id, col(Nomination.state).in_(PROPOSABLE)).order_by(col(Nomination.id)))).all()
    taken = await in_unfinished_proposals(session, [n.id for n in rows])
    return {"desk": desk, "meeting": meeting, "block": await session.get(EmulationBlock, meeting.block_id),
            "nominations": await nominations_public(session, [n for n in rows if n.id not in taken]),
            "tallied": await stage_of(session, StageKind.MEETING_TALLY, meeting.id),
            "today": datetime.now(UTC).astimezone(VIETNAM).date().isoformat()}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return page(request, "_proposal_form.html" if is_htmx(request) else "proposal.html", context, status_code)


@router.get("/meetings/{meeting_id}/proposal")
async def proposal_form(meeting_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    meeting = await _meeting(session, desk, meeting_id)
    return page(request, "proposal.html", {**await _context(session, desk, meeting), "refusals": Refusals(),
                                           "posted": None})


@router.post("/meetings/{meeting_id}/proposal")
async def submit(meeting_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    meeting = await _meeting(session, desk, meeting_id)
    chosen = [int(str(v)) for v in form.getlist("nomination_ids") if str(v).isdigit() and len(str(v)) < 12]
    try:
        proposal = await submit_proposal(session, _proposal(form, meeting_id, chosen), desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, await _meeting(session, desk, meeting_id))
        fields = [*FIELDS, *(f"nomination.{n.id}" for n in context["nominations"])]
        problems = [_on_row(p, chosen) for p in error.problems]
        return _answer(request, {**context, "refusals": Refusals.of(problems, fields), "posted": form},
                       error.status)
    stage = await stage_of(session, StageKind.PROPOSAL_SUBMISSION, proposal.id)
    assert stage is not None  # submit_proposal records it
    launched = Response()
    await commit_and_run(session, stage, launched)
    return _answer(request, {**await _context(session, desk, meeting), "report": await stage_report(
        session, stage.id), "number": proposal.number, "pending": launched.status_code == 202,
        "refusals": Refusals(), "posted": None})


def _proposal(form: FormData, meeting_id: int, chosen: list[int]) -> ProposalCreate:
    body = {"meeting_id": meeting_id, "nomination_ids": chosen, **{f: str(form.get(f, "")).strip() for f in FIELDS}}
    try:
        return ProposalCreate.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


def _on_row(problem: Problem, chosen: list[int]) -> Problem:
    parts = problem.field.split(".")
    if parts[0] == "nomination_ids" and len(parts) == 2 and parts[1].isdigit() and int(parts[1]) < len(chosen):
        return Problem(f"nomination.{chosen[int(parts[1])]}", problem.rule, problem.message, vi=problem.vi)
    return problem
