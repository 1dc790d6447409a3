"""Stage 4: the council's votes, counted over all its members, recommend or do not recommend each nomination;
the TĐKT office's Tờ trình reports them to the Chairman."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import PlannedMove, complete_stage, move_as_planned, publish_table, store_stage_document
from flows.documents.appraisal import build_appraisal
from models.council import CouncilVote
from models.enums import StageKind, State
from models.nomination import Nomination
from models.queries import awards_by_id
from models.recording.council import council_members
from models.votes import Tally, count_votes
from models.workflow import MoveFacts

STAGE = StageKind.COUNCIL_REVIEW


async def plan_council_votes(session: AsyncSession, session_id: int) -> list[PlannedMove]:
    members_total = len(await council_members(session, session_id))
    awards = await awards_by_id(session)
    votes = (await session.exec(select(CouncilVote).where(CouncilVote.session_id == session_id))).all()
    planned = []
    for vote in votes:
        nomination = await session.get_one(Nomination, vote.nomination_id)
        award = awards[nomination.award_id]
        outcome = count_votes(Tally(vote.votes_for, vote.votes_against, vote.abstain), members_total,
                              award.council_threshold)
        planned.append(PlannedMove(
            nomination=nomination,
            sources=(State.ELIGIBLE,),
            target=State.RECOMMENDED if outcome.passed else State.NOT_RECOMMENDED,
            facts=MoveFacts(vote=outcome),
            evidence={"council_session_id": session_id, "award": award.code, **outcome.as_evidence()},
            report={"award": award.code, "votes_for": vote.votes_for, "required": outcome.required},
        ))
    return planned


@task(cache_policy=NO_CACHE)
async def apply_council_votes(session_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, session_id, plan_council_votes)


@flow(name="council-review", flow_run_name="council-session-{session_id}")
async def review_in_council(session_id: int) -> list[dict[str, Any]]:
    reviewed = await apply_council_votes(session_id)
    await store_stage_document(STAGE, session_id, DocumentKind.OFFICE_APPRAISAL, build_appraisal)
    await publish_table(f"council-{session_id}-votes", reviewed, f"Council session {session_id}")
    await complete_stage(STAGE, session_id)
    return reviewed
