"""Stage 4: the council's votes, counted over all members who may vote on each nomination, recommend it or not;
the TĐKT office's Tờ trình reports them to the Chairman."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import PlannedMove, complete_stage, move_as_planned, publish_table, stage_flow, store_stage_document
from flows.documents.appraisal import build_appraisal
from flows.documents.ballot_count import build_council_ballot_count, session_was_counted
from flows.documents.council_minutes import build_council_minutes
from models.domain.enums import StageKind
from models.domain.workflow import MoveContext
from models.recording.council import council_outcomes
from models.storage.catalogue_file import catalogue

STAGE = StageKind.COUNCIL_REVIEW


async def plan_council_votes(session: AsyncSession, session_id: int) -> list[PlannedMove]:
    recusal_basis = catalogue().council.recusal_basis
    return [
        PlannedMove(
            nomination=r.nomination,
            context=MoveContext(vote=r.outcome),
            evidence={"council_session_id": session_id, "award": r.award.code, **r.outcome.as_evidence(),
                      "threshold_basis": r.basis, "route_basis": r.route_basis, **r.quorum,
                      "recused": [m.full_name for m in r.recused],
                      **({"recusal_basis": recusal_basis} if r.recused else {})},
            report={"award": r.award.code, "votes_for": r.vote.votes_for, "required": r.outcome.required,
                    "recused": len(r.recused)},
        )
        for r in await council_outcomes(session, session_id)
    ]


async def apply_council_votes(session_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, session_id, plan_council_votes)


@stage_flow("council-review", "council-session-{session_id}")
async def review_in_council(session_id: int) -> list[dict[str, Any]]:
    reviewed = await apply_council_votes(session_id)
    await store_stage_document(STAGE, session_id, DocumentKind.OFFICE_APPRAISAL, build_appraisal)
    await store_stage_document(STAGE, session_id, DocumentKind.COUNCIL_MINUTES, build_council_minutes)
    if await session_was_counted(session_id):
        await store_stage_document(STAGE, session_id, DocumentKind.COUNCIL_BALLOT_COUNT, build_council_ballot_count)
    await publish_table(f"council-{session_id}-votes", reviewed, f"Council session {session_id}")
    await complete_stage(STAGE, session_id)
    return reviewed
