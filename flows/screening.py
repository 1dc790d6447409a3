"""Stage 3: the TĐKT office's screening makes each submitted dossier eligible or returns it for correction."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from flows.common import PlannedMove, complete_stage, move_as_planned, publish_table
from models.domain.eligibility_rules import overall, screening_verdict
from models.domain.enums import StageKind
from models.domain.workflow import MoveContext
from models.recording.eligibility import as_evidence, eligibility_of
from models.tables.nomination import Nomination
from models.tables.proposal import ScreeningResult

STAGE = StageKind.SCREENING


async def plan_screening(session: AsyncSession, proposal_id: int) -> list[PlannedMove]:
    """Each dossier's screening result, judged with the award's rules (`screening_verdict`)."""
    rows = (await session.exec(select(ScreeningResult, Nomination).join(
        Nomination, col(Nomination.id) == ScreeningResult.nomination_id).where(
        ScreeningResult.proposal_id == proposal_id).order_by(col(Nomination.id)))).all()
    eligibility = await eligibility_of(session, [n for _, n in rows])
    planned = []
    for r, nomination in rows:
        checks = eligibility[nomination.id]
        verdict = screening_verdict(r.eligible, r.reason, checks)
        eligible, reason = verdict.eligible, verdict.reason
        planned.append(PlannedMove(
            nomination=nomination,
            context=MoveContext(screening_passed=eligible, reason=reason, reason_vi=verdict.reason_vi),
            evidence={"proposal_id": proposal_id, "office_found_eligible": r.eligible,
                      "eligibility": overall(checks).value, "rules": as_evidence(checks)},
            report={"eligible": eligible, "reason": reason},
        ))
    return planned


@task(cache_policy=NO_CACHE)
async def apply_screening(proposal_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, proposal_id, plan_screening)


@flow(name="proposal-screening", flow_run_name="screen-proposal-{proposal_id}")
async def screen_proposal(proposal_id: int) -> list[dict[str, Any]]:
    screened = await apply_screening(proposal_id)
    await publish_table(f"proposal-{proposal_id}-screening", screened, f"Screening of proposal {proposal_id}")
    await complete_stage(STAGE, proposal_id)
    return screened
