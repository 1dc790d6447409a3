"""Stage 3: the TĐKT office's screening makes each submitted dossier eligible or returns it for correction."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import (
    PlannedMove,
    complete_stage,
    load_stage,
    move_as_planned,
    publish_table,
    stage_flow,
    store_stage_document,
)
from flows.documents.return_notice import build_return_notice, returned_by, screening_day
from models.domain.eligibility_rules import overall, screening_verdict
from models.domain.enums import StageKind
from models.domain.workflow import MoveContext
from models.recording.eligibility import as_evidence, eligibility_of
from models.storage.db import open_session
from models.storage.papers import number_office_notice
from models.tables.nomination import Nomination
from models.tables.proposal import Proposal, ScreeningResult

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


async def apply_screening(proposal_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, proposal_id, plan_screening)


async def number_return_notice(proposal_id: int) -> bool:
    """Number the office's notice returning the dossiers, if the screening returned any (once: a rerun finds it)."""
    async with open_session() as session:
        stage = await load_stage(session, STAGE, proposal_id)
        if not await returned_by(session, stage.id):
            return False
        proposal = await session.get_one(Proposal, proposal_id)
        await number_office_notice(session, stage, DocumentKind.RETURN_NOTICE, screening_day(stage, proposal))
        await session.commit()
    return True


async def issue_return_notice(proposal_id: int) -> None:
    """One notice per proposal with returned dossiers, listing each with its reasons, numbered and stored."""
    if await number_return_notice(proposal_id):
        await store_stage_document(STAGE, proposal_id, DocumentKind.RETURN_NOTICE, build_return_notice)


@stage_flow("proposal-screening", "screen-proposal-{proposal_id}")
async def screen_proposal(proposal_id: int) -> list[dict[str, Any]]:
    screened = await apply_screening(proposal_id)
    await issue_return_notice(proposal_id)
    await publish_table(f"proposal-{proposal_id}-screening", screened, f"Screening of proposal {proposal_id}")
    await complete_stage(STAGE, proposal_id)
    return screened
