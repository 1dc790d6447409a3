"""Stage 2: the block head's proposal submits the endorsed nominations; its Tờ trình is written."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from docx_templates import DocumentKind
from flows.common import complete_stage, current_flow_run_id, failpoint, load_stage, publish_table, store_stage_document
from flows.documents.proposal import build_proposal
from models.db import open_session
from models.enums import StageKind, State
from models.moves import move
from models.nomination import Nomination
from models.proposal import Proposal
from models.queries import moved_by_stage
from models.recording.proposals import proposal_nomination_ids
from models.workflow import MoveFacts

STAGE = StageKind.PROPOSAL_SUBMISSION


@task(cache_policy=NO_CACHE)
async def submit_nominations(proposal_id: int) -> list[dict[str, Any]]:
    async with open_session() as session:
        stage = await load_stage(session, STAGE, proposal_id)
        moved = await moved_by_stage(session, stage.id)  # a rerun leaves these alone
        proposal = await session.get_one(Proposal, proposal_id)
        submitted = []
        for nomination_id in await proposal_nomination_ids(session, proposal_id):
            nomination = await session.get_one(Nomination, nomination_id)
            if nomination.id not in moved and nomination.state in (State.ENDORSED, State.RETURNED):
                await move(session, nomination, State.SUBMITTED, MoveFacts(proposal_id=proposal_id),
                           actor=stage.recorded_by, evidence={"proposal": proposal.number}, stage_id=stage.id,
                           flow_run_id=current_flow_run_id())
            submitted.append({"nomination": nomination_id, "proposal": proposal.number,
                              "state": nomination.state.value})
        await session.commit()
        return submitted


@flow(name="block-proposal-submission", flow_run_name="submit-proposal-{proposal_id}")
async def submit_block_proposal(proposal_id: int) -> list[dict[str, Any]]:
    submitted = await submit_nominations(proposal_id)
    failpoint("proposal_submission.after_moves")
    await store_stage_document(STAGE, proposal_id, DocumentKind.BLOCK_PROPOSAL, build_proposal)
    await publish_table(f"proposal-{proposal_id}-submitted", submitted, f"Nominations in proposal {proposal_id}")
    await complete_stage(STAGE, proposal_id)
    return submitted
