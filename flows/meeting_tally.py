"""Stage 1: the block meeting's ballots are counted into endorsements, next year's block is set, minutes written."""

from typing import Any

from sqlmodel import col, select
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
from flows.documents.ballot_count import build_block_ballot_count, meeting_was_counted
from flows.documents.minutes import build_minutes
from models.domain.enums import BlockRole, StageKind
from models.domain.votes import Tally, count_votes
from models.domain.workflow import MoveContext
from models.recording.common import members_of
from models.storage.catalogue_file import catalogue
from models.storage.db import insert_rows, open_session
from models.tables.meeting import BallotTally, BlockMeeting
from models.tables.nomination import Nomination
from models.tables.organisation import BlockMembership

STAGE = StageKind.MEETING_TALLY


async def plan_block_vote(session: AsyncSession, meeting_id: int) -> list[PlannedMove]:
    """Endorse the candidates whose votes reach the block's threshold; the rest are not endorsed."""
    meeting = await session.get_one(BlockMeeting, meeting_id)
    members_total = len(await members_of(session, meeting.block_id, meeting.year))
    rows = (await session.exec(select(Nomination, BallotTally).join(BallotTally).where(
        Nomination.meeting_id == meeting_id).order_by(col(Nomination.id)))).all()
    threshold = catalogue().block_vote_threshold()
    # What the minutes will print, kept with each move: the document reads it back, never recounts.
    rule = {"threshold_percent": f"{threshold.percent.normalize():f}",
            "threshold_strictly_more": threshold.strictly_more}
    planned = []
    for nomination, t in rows:
        outcome = count_votes(Tally(t.votes_for, t.votes_against, t.abstain, t.invalid), members_total, threshold)
        planned.append(PlannedMove(
            nomination=nomination,
            context=MoveContext(vote=outcome),
            evidence={"meeting_id": meeting_id, **outcome.as_evidence(), **rule},
            report={"votes_for": t.votes_for, "required": outcome.required},
        ))
    return planned


async def apply_block_vote(meeting_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, meeting_id, plan_block_vote)


async def roll_over_block(meeting_id: int) -> None:
    """Carry the block's members into next year under the head and deputy the meeting elected."""
    async with open_session() as session:
        meeting = await session.get_one(BlockMeeting, meeting_id)
        next_year = meeting.year + 1
        if await members_of(session, meeting.block_id, next_year):
            return
        roles = {meeting.next_head_unit_id: BlockRole.HEAD, meeting.next_deputy_unit_id: BlockRole.DEPUTY}
        members = await members_of(session, meeting.block_id, meeting.year)
        # A unit that already moved to another block for next year keeps that place (one query for all of them).
        placed = set((await session.exec(select(BlockMembership.unit_id).where(
            BlockMembership.year == next_year,
            col(BlockMembership.unit_id).in_([m.unit_id for m in members])))).all())
        await insert_rows(session, [BlockMembership(block_id=meeting.block_id, unit_id=m.unit_id, year=next_year,
                                                    role=roles.get(m.unit_id, BlockRole.MEMBER))
                                    for m in members if m.unit_id not in placed])
        await session.commit()


@stage_flow("block-meeting-tally", "tally-meeting-{meeting_id}")
async def tally_block_meeting(meeting_id: int) -> list[dict[str, Any]]:
    decided = await apply_block_vote(meeting_id)
    await roll_over_block(meeting_id)
    await store_stage_document(STAGE, meeting_id, DocumentKind.MEETING_MINUTES, build_minutes)
    if await meeting_was_counted(meeting_id):
        await store_stage_document(STAGE, meeting_id, DocumentKind.BLOCK_BALLOT_COUNT, build_block_ballot_count)
    await publish_table(f"meeting-{meeting_id}-tally", decided, f"Block vote of meeting {meeting_id}")
    await complete_stage(STAGE, meeting_id)
    return decided
