"""The block head's proposals (Tờ trình) and their screening by the TĐKT office."""

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport, nominations_by_ids, stages_public
from api.stages import commit_and_run
from models.domain.enums import StageKind
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.proposals import proposal_nomination_ids, record_screening, submit_proposal
from models.storage.queries import stage_of
from models.tables.meeting import BlockMeeting
from models.tables.nomination import NominationPublic
from models.tables.proposal import Proposal, ProposalCreate, ProposalPublic, ScreeningRecord
from models.tables.stage import DocumentPublic, StagePublic

router = APIRouter(prefix="/proposals", tags=["proposals"])


class ProposalDetail(SQLModel):
    proposal: ProposalPublic
    nominations: list[NominationPublic]
    stages: list[StagePublic]
    documents: list[DocumentPublic]


@router.post("", status_code=status.HTTP_201_CREATED)
async def submit(
    data: ProposalCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Submit the block's proposal under the next number of the head's agency; its Tờ trình is generated."""
    meeting = await get_or_404(session, BlockMeeting, data.meeting_id, "meeting_id")
    principal.require(Action.SUBMIT_PROPOSAL, meeting.block_id, meeting.year, field="meeting_id")
    proposal = await submit_proposal(session, data, principal.actor)
    stage = await stage_of(session, StageKind.PROPOSAL_SUBMISSION, proposal.id)
    assert stage is not None
    return await commit_and_run(session, stage, response)


@router.post("/{proposal_id}/screening", status_code=status.HTTP_201_CREATED)
async def screen(
    proposal_id: PathId, data: ScreeningRecord, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Record the screening result of each dossier: eligible, or returned with the reason."""
    principal.require(Action.SCREEN)
    stage = await record_screening(session, proposal_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/{proposal_id}")
async def read(proposal_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> ProposalDetail:
    proposal = await get_or_404(session, Proposal, proposal_id, "proposal_id")
    principal.require_to_see(principal.scope.sees_block(proposal.block_id, proposal.year), "proposal_id")
    ids = await proposal_nomination_ids(session, proposal_id)
    stages = [s for k in (StageKind.PROPOSAL_SUBMISSION, StageKind.SCREENING)
              if (s := await stage_of(session, k, proposal_id)) is not None]
    stages_out, documents = await stages_public(session, stages)
    return ProposalDetail(proposal=ProposalPublic.model_validate(proposal, update={"nomination_ids": ids}),
                          nominations=await nominations_by_ids(session, ids), stages=stages_out,
                          documents=documents)
