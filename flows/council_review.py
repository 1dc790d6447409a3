"""Stage 4: the council's votes, counted over all its members, recommend or do not recommend each nomination."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import select

from flows.common import complete_stage, current_flow_run_id, load_stage, publish_table
from models.council import CouncilVote
from models.db import open_session
from models.enums import StageKind, State
from models.moves import move
from models.nomination import Nomination
from models.queries import awards_by_id, moved_by_stage
from models.recording.council import council_members
from models.votes import Tally, count_votes
from models.workflow import MoveFacts

STAGE = StageKind.COUNCIL_REVIEW


@task(cache_policy=NO_CACHE)
async def apply_council_votes(session_id: int) -> list[dict[str, Any]]:
    async with open_session() as session:
        stage = await load_stage(session, STAGE, session_id)
        moved = await moved_by_stage(session, stage.id)  # a rerun leaves these alone
        members_total = len(await council_members(session, session_id))
        awards = await awards_by_id(session)
        votes = (await session.exec(select(CouncilVote).where(CouncilVote.session_id == session_id))).all()
        reviewed = []
        for vote in votes:
            nomination = await session.get_one(Nomination, vote.nomination_id)
            award = awards[nomination.award_id]
            outcome = count_votes(Tally(vote.votes_for, vote.votes_against, vote.abstain), members_total,
                                  award.council_threshold)
            if nomination.id not in moved and nomination.state == State.ELIGIBLE:
                target = State.RECOMMENDED if outcome.passed else State.NOT_RECOMMENDED
                await move(session, nomination, target, MoveFacts(vote=outcome), actor=stage.recorded_by,
                           evidence={"council_session_id": session_id, "award": award.code,
                                     **outcome.as_evidence()},
                           stage_id=stage.id, flow_run_id=current_flow_run_id())
            reviewed.append({"nomination": nomination.id, "award": award.code, "votes_for": vote.votes_for,
                             "required": outcome.required, "state": nomination.state.value})
        await session.commit()
        return reviewed


@flow(name="council-review", flow_run_name="council-session-{session_id}")
async def review_in_council(session_id: int) -> list[dict[str, Any]]:
    reviewed = await apply_council_votes(session_id)
    await publish_table(f"council-{session_id}-votes", reviewed, f"Council session {session_id}")
    await complete_stage(STAGE, session_id)
    return reviewed
