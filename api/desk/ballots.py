"""Recording the block meeting's counted ballots at the desk, with the count each candidate needs in view.

It posts to the same `record_meeting_results` as the API's POST /meetings/{id}/results; the form's fields are named
as the API's (`tallies.3.votes_for`, `next_head_unit_id`), so a refusal lands beside the field it names.
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
from api.presenters import nominations_public, stage_report
from api.stages import commit_and_run
from models.domain.enums import StageKind, VoteMethod
from models.domain.errors import DomainError
from models.domain.permissions import Action
from models.recording.common import get_or_404, members_of
from models.recording.meetings import record_meeting_results
from models.storage.catalogue_file import catalogue
from models.storage.queries import stage_of
from models.tables.meeting import BlockMeeting, MeetingAttendance, MeetingResultsRecord
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock, Unit

router = APIRouter(route_class=DeskRoute)
COUNTS = {"votes_for": "Đồng ý", "votes_against": "Không đồng ý", "abstain": "Không biểu quyết",
          "invalid": "Phiếu không hợp lệ"}
# A secret ballot keeps or strikes each name: it has no abstention to enter (models/domain/ballots.py).
SECRET_COUNTS = {k: v for k, v in COUNTS.items() if k != "abstain"}
# The counting committee's report (Biên bản kiểm phiếu) and the votes for next year's head and deputy.
COUNT_FIELDS = {"ballots_issued": "Số phiếu phát ra", "ballots_returned": "Số phiếu thu về",
                "ballots_invalid": "Số phiếu không hợp lệ", "next_head_votes": "Số phiếu bầu Trưởng Khối",
                "next_deputy_votes": "Số phiếu bầu Phó Trưởng Khối"}


async def _meeting(session: AsyncSession, desk: Desk, meeting_id: int) -> BlockMeeting:
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    # Another block's meeting answers 404, as in the API.
    desk.principal.require(Action.RECORD_BALLOTS, meeting.block_id, meeting.year, field="meeting_id")
    return meeting


async def _context(session: AsyncSession, desk: Desk, meeting: BlockMeeting) -> dict[str, Any]:
    members = await members_of(session, meeting.block_id, meeting.year)
    units = {u.id: u for u in (await session.exec(select(Unit).where(
        col(Unit.id).in_([m.unit_id for m in members])))).all()}
    present = len((await session.exec(select(MeetingAttendance).where(
        MeetingAttendance.meeting_id == meeting.id, col(MeetingAttendance.present)))).all())
    nominations = (await session.exec(select(Nomination).where(
        Nomination.meeting_id == meeting.id).order_by(col(Nomination.id)))).all()
    law = catalogue()
    return {"desk": desk, "meeting": meeting, "block": await session.get(EmulationBlock, meeting.block_id),
            "members": [units[m.unit_id] for m in members], "present": present,
            "required": law.block_vote_threshold().required(len(members)),
            "quorum": law.block_quorum().required(len(members)),
            "nominations": await nominations_public(session, nominations),
            "recorded": await stage_of(session, StageKind.MEETING_TALLY, meeting.id),
            "COUNTS": SECRET_COUNTS if meeting.method == VoteMethod.SECRET_BALLOT else COUNTS,
            "COUNT_FIELDS": COUNT_FIELDS}


def _answer(request: Request, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return page(request, "_ballots_form.html" if is_htmx(request) else "ballots.html", context, status_code)


@router.get("/meetings/{meeting_id}/results")
async def ballots_form(meeting_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    meeting = await _meeting(session, desk, meeting_id)
    return page(request, "ballots.html", {**await _context(session, desk, meeting), "refusals": Refusals(),
                                          "posted": {}})


@router.post("/meetings/{meeting_id}/results")
async def record_ballots(meeting_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    meeting = await _meeting(session, desk, meeting_id)
    try:
        stage = await record_meeting_results(session, meeting_id, _results(form), desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        context = await _context(session, desk, await _meeting(session, desk, meeting_id))
        rows = range(len(context["nominations"]))
        fields = [*(f"tallies.{i}" for i in rows), *(f"tallies.{i}.{c}" for i in rows for c in COUNTS),
                  "next_head_unit_id", "next_deputy_unit_id", "closed_at", "counting_committee", *COUNT_FIELDS]
        return _answer(request, {**context, "refusals": Refusals.of(error.problems, fields),
                                 "posted": dict(form.items())}, error.status)
    launched = Response()
    await commit_and_run(session, stage, launched)
    return _answer(request, {**await _context(session, desk, meeting), "report": await stage_report(
        session, stage.id), "pending": launched.status_code == 202, "refusals": Refusals(), "posted": {}})


def _results(form: FormData) -> MeetingResultsRecord:
    rows: dict[int, dict[str, str]] = {}
    for key, value in form.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "tallies" and parts[1].isdigit() and int(parts[1]) < 10_000:
            rows.setdefault(int(parts[1]), {})[parts[2]] = str(value).strip()
    body = {"tallies": [{k: v for k, v in r.items() if v != "" or k in ("votes_for", "votes_against")}
                        for _, r in sorted(rows.items())],
            "next_head_unit_id": form.get("next_head_unit_id") or None,
            "next_deputy_unit_id": form.get("next_deputy_unit_id") or None,
            "closed_at": form.get("closed_at") or None,
            # One name a line, the committee's head first.
            "counting_committee": [n.strip() for n in str(form.get("counting_committee", "")).splitlines()
                                   if n.strip()],
            **{name: str(form.get(name, "")).strip() or None for name in COUNT_FIELDS}}
    try:
        return MeetingResultsRecord.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None
