"""Stage 4, standing-body route: the standing body's appraisal recommends each nomination routed to it or not,
without a vote; the TĐKT office's Tờ trình reports it straight to the Chairman, and the standing body's own minutes
record the session."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import PlannedMove, complete_stage, move_as_planned, publish_table, stage_flow, store_stage_document
from flows.documents.appraisal import build_appraisal
from flows.documents.standing_minutes import build_standing_minutes
from models.domain.enums import CouncilBody, StageKind
from models.domain.workflow import MoveContext
from models.recording.standing_body import standing_outcomes

STAGE = StageKind.STANDING_APPRAISAL


async def plan_standing_appraisal(session: AsyncSession, session_id: int) -> list[PlannedMove]:
    return [
        PlannedMove(
            nomination=o.nomination,
            context=MoveContext(appraisal=o.appraisal),
            evidence={"council_session_id": session_id, "body": CouncilBody.STANDING_BODY.value,
                      "award": o.award.code, "agreed": o.appraisal.agreed, "reason": o.appraisal.reason,
                      "appraised_by": [m.full_name for m in o.appraised_by], "route_basis": o.route.basis,
                      **o.quorum},
            report={"award": o.award.code, "agreed": o.appraisal.agreed, "reason": o.appraisal.reason},
        )
        for o in await standing_outcomes(session, session_id)
    ]


async def apply_standing_appraisal(session_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, session_id, plan_standing_appraisal)


@stage_flow("standing-appraisal", "standing-appraisal-{session_id}")
async def appraise_in_standing_body(session_id: int) -> list[dict[str, Any]]:
    appraised = await apply_standing_appraisal(session_id)
    await store_stage_document(STAGE, session_id, DocumentKind.OFFICE_APPRAISAL, build_appraisal)
    await store_stage_document(STAGE, session_id, DocumentKind.STANDING_MINUTES, build_standing_minutes)
    await publish_table(f"standing-{session_id}-appraisal", appraised, f"Standing body session {session_id}")
    await complete_stage(STAGE, session_id)
    return appraised
