"""Opening the block's year-end meeting at the desk: attendance, and the candidates chosen from the registry, each
with an eligibility dry run before the vote.

The form posts to the same `create_meeting` as the API's POST /meetings, and the dry run calls the API's own
POST /eligibility/check handler (nothing is stored); the form's fields are named as the API's (`held_on`,
`candidates.2.award_code`), so a refusal lands beside the field it names.
"""

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.candidates import FACT_NAMES, CandidateRows, candidate_of, row_count, row_fields
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.routes.eligibility import EligibilityCheck, check
from models.domain.errors import DomainError, Problem
from models.domain.limits import YearNumber
from models.domain.permissions import Action
from models.recording.common import get_or_404, members_of
from models.recording.meetings import create_meeting
from models.tables.award import Award
from models.tables.meeting import BlockMeeting, BlockMeetingCreate
from models.tables.organisation import EmulationBlock, Person, Unit

router = APIRouter(route_class=DeskRoute)
FIELDS = ("year", "held_on", "opened_at", "location", "method", "chair_name", "chair_title", "secretary_name",
          "secretary_title", "present_unit_ids", "candidates")
TEXT_FIELDS = FIELDS[1:9]
REASON = "absence_reason"  # "absence_reason.<unit id>": why that unit is absent, printed in the minutes


async def _context(session: AsyncSession, desk: Desk, block_id: int, year: int) -> dict[str, Any]:
    desk.principal.require(Action.OPEN_MEETING, block_id, year, field="block_id")  # another block's: refused
    block = await get_or_404(session, EmulationBlock, block_id, "block_id")
    member_ids = [m.unit_id for m in await members_of(session, block_id, year)]
    units = {u.id: u for u in (await session.exec(select(Unit).where(col(Unit.id).in_(member_ids)))).all()}
    people = (await session.exec(select(Person).where(col(Person.unit_id).in_(member_ids)).order_by(
        col(Person.unit_id), col(Person.full_name)))).all()
    held = (await session.exec(select(BlockMeeting).where(
        BlockMeeting.block_id == block_id, BlockMeeting.year == year))).first()
    return {"desk": desk, "block": block, "year": year, "units": [units[u] for u in member_ids if u in units],
            "people": people, "awards": (await session.exec(select(Award).order_by(col(Award.name)))).all(),
            "facts": FACT_NAMES, "held": held}


def _url(block_id: int, year: int) -> str:
    return f"/desk/blocks/{block_id}/years/{year}/meeting"


@router.get("/blocks/{block_id}/years/{year}/meeting")
async def meeting_form(block_id: PathId, year: YearNumber, request: Request, session: SessionDep,
                       desk: SignedIn) -> HTMLResponse:
    context = await _context(session, desk, block_id, year)
    return page(request, "meeting_open.html", {**context, "refusals": Refusals(), "posted": None,
                                               "rows": row_count(None)})


@router.post("/blocks/{block_id}/years/{year}/meeting")
async def open_meeting(block_id: PathId, year: YearNumber, request: Request, session: SessionDep,
                       desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    rows = row_count(form)
    if form.get("more"):  # "Thêm đối tượng": the same form with one more blank row, nothing recorded
        return page(request, "meeting_open.html", {**await _context(session, desk, block_id, year),
                                                   "refusals": Refusals(), "posted": form, "rows": rows})
    read = CandidateRows.of(form, rows)
    absences = _absences(form)
    desk.principal.require(Action.OPEN_MEETING, block_id, year, field="block_id")
    try:
        meeting = await create_meeting(session, _meeting(form, block_id, year, read, absences),
                                       desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        problems = [_beside_reason(read.on_row(p), absences) for p in error.problems]
        refusals = Refusals.of(problems, [*FIELDS, *row_fields(rows), *(f"{REASON}.{u}" for u, _ in absences)])
        return page(request, "meeting_open.html", {**await _context(session, desk, block_id, year),
                                                   "refusals": refusals, "posted": form, "rows": rows},
                    error.status)
    await session.commit()
    return RedirectResponse(f"/desk/meetings/{meeting.id}/results?opened=1", status_code=303)


def _absences(form: FormData) -> list[tuple[str, str]]:
    """(unit id, reason) of each unit whose "Lý do vắng" box was filled, in the form's order."""
    return [(name.removeprefix(f"{REASON}."), str(value).strip()) for name, value in form.multi_items()
            if name.startswith(f"{REASON}.") and str(value).strip()]


def _beside_reason(problem: Problem, absences: list[tuple[str, str]]) -> Problem:
    """A refusal of `absences.2.…` shown beside the reason box of that unit."""
    parts = problem.field.split(".")
    if parts[0] == "absences" and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(absences):
        return replace(problem, field=f"{REASON}.{absences[int(parts[1])][0]}")
    return problem


def _meeting(form: FormData, block_id: int, year: int, read: CandidateRows,
             absences: list[tuple[str, str]]) -> BlockMeetingCreate:
    body: dict[str, Any] = {name: str(form.get(name, "")).strip() for name in TEXT_FIELDS}
    body |= {"block_id": block_id, "year": year, "candidates": read.candidates,
             "present_unit_ids": [str(u) for u in form.getlist("present_unit_ids")],
             "absences": [{"unit_id": u, "reason": reason} for u, reason in absences]}
    try:
        return BlockMeetingCreate.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


@router.post("/blocks/{block_id}/years/{year}/meeting/check/{row}")
async def dry_run(block_id: PathId, year: YearNumber, row: int, request: Request, session: SessionDep,
                  desk: SignedIn) -> HTMLResponse:
    """One candidate's rules, as POST /eligibility/check answers them, shown beside the row (nothing stored)."""
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.OPEN_MEETING, block_id, year, field="block_id")
    candidate = candidate_of(form, row) or {}
    context: dict[str, Any] = {"row": row}
    try:
        if not candidate.get("award_code") or not (candidate.get("unit_id") or candidate.get("person_id")):
            raise DomainError(Problem("recipient", "candidate.choose", "Choose the candidate and the award first.",
                                      vi="Hãy chọn đối tượng và hình thức khen thưởng trước khi kiểm tra."))
        data = _check_body(candidate, year)
        context["result"] = await check(data, session, desk.principal)
    except DomainError as error:
        context["problems"] = [p.vi or p.message for p in error.problems]
    return page(request, "_dry_run.html", context)


def _check_body(candidate: dict[str, Any], year: int) -> EligibilityCheck:
    try:
        return EligibilityCheck.model_validate({**candidate, "year": year})
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None
