"""Block meetings: candidates, then ballots and the election of next year's head."""

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel, col, select

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport, nominations_public, stages_public
from api.stages import commit_and_run
from models.domain.enums import StageKind
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.meetings import create_meeting, record_meeting_results
from models.storage.queries import stage_of
from models.tables.meeting import (
    BlockMeeting,
    BlockMeetingCreate,
    BlockMeetingPublic,
    MeetingAttendance,
    MeetingResultsRecord,
)
from models.tables.nomination import Nomination, NominationPublic
from models.tables.stage import DocumentPublic, StagePublic

router = APIRouter(prefix="/meetings", tags=["block meetings"])


class MeetingDetail(SQLModel):
    meeting: BlockMeetingPublic
    nominations: list[NominationPublic]
    stages: list[StagePublic]
    documents: list[DocumentPublic]


async def meeting_detail(session: SessionDep, meeting_id: PathId) -> MeetingDetail:
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    attendance = (await session.exec(select(MeetingAttendance).where(
        MeetingAttendance.meeting_id == meeting_id))).all()
    nominations = (await session.exec(select(Nomination).where(
        Nomination.meeting_id == meeting_id).order_by(col(Nomination.id)))).all()
    stage = await stage_of(session, StageKind.MEETING_TALLY, meeting_id)
    stages, documents = await stages_public(session, [stage] if stage else [])
    public = BlockMeetingPublic.model_validate(meeting, update={
        "members_total": len(attendance), "members_present": sum(1 for a in attendance if a.present)})
    return MeetingDetail(meeting=public, nominations=await nominations_public(session, nominations),
                         stages=stages, documents=documents)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: BlockMeetingCreate, session: SessionDep, principal: CurrentPrincipal) -> MeetingDetail:
    """Open a block's year-end meeting with its attendance and the candidates put to the vote."""
    principal.require(Action.OPEN_MEETING, data.block_id, data.year, field="block_id")
    meeting = await create_meeting(session, data, principal.actor)
    await session.commit()
    return await meeting_detail(session, meeting.id)


@router.post("/{meeting_id}/results", status_code=status.HTTP_201_CREATED)
async def record_results(
    meeting_id: PathId, data: MeetingResultsRecord, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Record the counted ballots and the election; the tally flow endorses candidates and writes the minutes."""
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    principal.require(Action.RECORD_BALLOTS, meeting.block_id, meeting.year, field="meeting_id")
    stage = await record_meeting_results(session, meeting_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/{meeting_id}")
async def read(meeting_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> MeetingDetail:
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    principal.require_to_see(principal.scope.sees_block(meeting.block_id, meeting.year), "meeting_id")
    return await meeting_detail(session, meeting_id)
