"""Stage 3: the TĐKT office's screening makes each submitted dossier eligible or returns it for correction."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import select

from flows.common import complete_stage, current_flow_run_id, load_stage, publish_table
from models.db import open_session
from models.enums import StageKind, State
from models.moves import move
from models.nomination import Nomination
from models.proposal import ScreeningResult
from models.queries import moved_by_stage
from models.workflow import MoveFacts

STAGE = StageKind.SCREENING


@task(cache_policy=NO_CACHE)
async def apply_screening(proposal_id: int) -> list[dict[str, Any]]:
    async with open_session() as session:
        stage = await load_stage(session, STAGE, proposal_id)
        moved = await moved_by_stage(session, stage.id)  # a rerun leaves these alone
        results = (await session.exec(select(ScreeningResult).where(
            ScreeningResult.proposal_id == proposal_id))).all()
        screened = []
        for result in results:
            nomination = await session.get_one(Nomination, result.nomination_id)
            if nomination.id not in moved and nomination.state == State.SUBMITTED:
                target = State.ELIGIBLE if result.eligible else State.RETURNED
                facts = MoveFacts(screening_passed=result.eligible, reason=result.reason)
                await move(session, nomination, target, facts, actor=stage.recorded_by,
                           evidence={"proposal_id": proposal_id, "eligible": result.eligible}, stage_id=stage.id,
                           flow_run_id=current_flow_run_id())
            screened.append({"nomination": nomination.id, "eligible": result.eligible, "reason": result.reason,
                             "state": nomination.state.value})
        await session.commit()
        return screened


@flow(name="proposal-screening", flow_run_name="screen-proposal-{proposal_id}")
async def screen_proposal(proposal_id: int) -> list[dict[str, Any]]:
    screened = await apply_screening(proposal_id)
    await publish_table(f"proposal-{proposal_id}-screening", screened, f"Screening of proposal {proposal_id}")
    await complete_stage(STAGE, proposal_id)
    return screened
