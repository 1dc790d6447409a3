"""Stage 2: the block head's proposal submits the endorsed nominations; its Tờ trình is written."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import (
    PlannedMove,
    complete_stage,
    move_as_planned,
    publish_table,
    stage_flow,
    store_stage_document,
)
from flows.documents.achievement_reports import build_achievement_reports
from flows.documents.proposal import build_proposal
from models.domain.enums import StageKind
from models.domain.workflow import MoveContext
from models.recording.common import nominations_by_id
from models.recording.proposals import proposal_nomination_ids
from models.storage.queries import awards_by_id
from models.tables.proposal import Proposal

STAGE = StageKind.PROPOSAL_SUBMISSION


async def plan_submission(session: AsyncSession, proposal_id: int) -> list[PlannedMove]:
    proposal = await session.get_one(Proposal, proposal_id)
    ids = await proposal_nomination_ids(session, proposal_id)
    nominations = await nominations_by_id(session, ids, "proposal_id")
    awards = await awards_by_id(session)
    codes = {n.id: awards[n.award_id].code for n in nominations.values()}
    return [
        PlannedMove(
            nomination=nominations[nomination_id],
            context=MoveContext(proposal_id=proposal_id),
            evidence={"proposal": proposal.number,
                      # How this nomination got its quota place, when the meeting endorsed more than the quota left.
                      **({"quota_placement": proposal.quota_placement[codes[nomination_id]]}
                         if codes[nomination_id] in proposal.quota_placement else {})},
            report={"proposal": proposal.number},
        )
        for nomination_id in ids
    ]


async def submit_nominations(proposal_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, proposal_id, plan_submission)


@stage_flow("block-proposal-submission", "submit-proposal-{proposal_id}")
async def submit_block_proposal(proposal_id: int) -> list[dict[str, Any]]:
    submitted = await submit_nominations(proposal_id)
    await store_stage_document(STAGE, proposal_id, DocumentKind.BLOCK_PROPOSAL, build_proposal)
    # The reports the Tờ trình announces as attached: issued by the same stage, hashed beside it.
    await store_stage_document(STAGE, proposal_id, DocumentKind.ACHIEVEMENT_REPORTS, build_achievement_reports)
    await publish_table(f"proposal-{proposal_id}-submitted", submitted, f"Nominations in proposal {proposal_id}")
    await complete_stage(STAGE, proposal_id)
    return submitted
