"""Council sessions: the full council's, with its votes, or its standing body's, with its appraisal."""

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport, nominations_by_ids, stages_public
from api.stages import commit_and_run
from models.domain.enums import CouncilBody, StageKind
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.council import council_members, create_council_session, record_council_votes
from models.recording.standing_body import record_standing_appraisal
from models.storage.queries import stage_nomination_ids, stage_of
from models.tables.council import (
    CouncilMemberPublic,
    CouncilSession,
    CouncilSessionCreate,
    CouncilSessionPublic,
    CouncilVotesRecord,
    StandingAppraisalRecord,
)
from models.tables.nomination import NominationPublic
from models.tables.stage import StagePublic

router = APIRouter(prefix="/council-sessions", tags=["council"])
STAGE_OF_BODY = {CouncilBody.COUNCIL: StageKind.COUNCIL_REVIEW, CouncilBody.STANDING_BODY: StageKind.STANDING_APPRAISAL}


class CouncilSessionDetail(SQLModel):
    session: CouncilSessionPublic
    members: list[CouncilMemberPublic]
    nominations: list[NominationPublic]
    stages: list[StagePublic]


async def council_detail(session: SessionDep, session_id: PathId) -> CouncilSessionDetail:
    council = await get_or_404(session, CouncilSession, session_id, "session_id")
    members = await council_members(session, session_id)
    kind = STAGE_OF_BODY[council.body]
    stage = await stage_of(session, kind, session_id)
    stages, _ = await stages_public(session, [stage] if stage else [])
    public = CouncilSessionPublic.model_validate(council, update={
        "members_total": len(members), "members_voting": sum(1 for m in members if m.present or m.written_opinion)})
    ids = await stage_nomination_ids(session, kind, session_id)
    return CouncilSessionDetail(session=public, members=[CouncilMemberPublic.model_validate(m) for m in members],
                                nominations=await nominations_by_ids(session, ids), stages=stages)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: CouncilSessionCreate, session: SessionDep, principal: CurrentPrincipal) -> CouncilSessionDetail:
    """Open a council session: the roster's seats in force on `held_on`, with who attended (present_seat_ids) and
    who sent a written opinion (written_opinion_seat_ids); or, without a roster, every member typed in. With
    `body: "standing_body"`, a session of the council's standing body: the roster's standing seats only."""
    principal.require(Action.HOLD_COUNCIL_SESSION)
    council = await create_council_session(session, data, principal.actor)
    await session.commit()
    return await council_detail(session, council.id)


@router.post("/{session_id}/votes", status_code=status.HTTP_201_CREATED)
async def vote(
    session_id: PathId, data: CouncilVotesRecord, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Record the council's vote on each eligible nomination; thresholds count all members."""
    principal.require(Action.RECORD_COUNCIL_VOTES)
    stage = await record_council_votes(session, session_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.post("/{session_id}/appraisals", status_code=status.HTTP_201_CREATED)
async def appraise(
    session_id: PathId, data: StandingAppraisalRecord, session: SessionDep, principal: CurrentPrincipal,
    response: Response,
) -> StageReport:
    """Record the standing body's appraisal of each eligible nomination routed to it (agreed or not, and why): it
    recommends them or not without a vote, and the office's Tờ trình reports it straight to the Chairman."""
    principal.require(Action.RECORD_COUNCIL_VOTES)
    stage = await record_standing_appraisal(session, session_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/{session_id}")
async def read(session_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> CouncilSessionDetail:
    principal.require(Action.READ_PROVINCE)
    return await council_detail(session, session_id)
