"""Council sessions and the votes they cast on eligible nominations."""

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.council import CouncilMember, CouncilSession, CouncilSessionCreate, CouncilVote, CouncilVotesRecord
from models.enums import StageKind, State
from models.errors import DomainError, refuse
from models.recording.common import (
    get_or_404,
    nominations_by_id,
    record_stage,
    refuse_if_recorded,
    require_states,
    require_unique,
)
from models.stage import Stage
from models.votes import Tally, tally_problems


async def create_council_session(
    session: AsyncSession, data: CouncilSessionCreate, actor: str
) -> CouncilSession:
    council = CouncilSession(**data.model_dump(exclude={"members"}), created_by=actor)
    session.add(council)
    await session.flush()
    for i, member in enumerate(data.members):
        if member.present and member.written_opinion:
            raise refuse(f"members.{i}.written_opinion", "council.written_opinion_absent_only",
                         "Only an absent member gives a written opinion.")
        session.add(CouncilMember(session_id=council.id, **member.model_dump()))
    await session.flush()
    return council


async def council_members(session: AsyncSession, session_id: int) -> list[CouncilMember]:
    query = select(CouncilMember).where(CouncilMember.session_id == session_id)
    return list((await session.exec(query)).all())


async def record_council_votes(
    session: AsyncSession, session_id: int, data: CouncilVotesRecord, actor: str
) -> Stage:
    council = await get_or_404(session, CouncilSession, session_id, "session_id")
    await refuse_if_recorded(session, StageKind.COUNCIL_REVIEW, session_id)
    ids = [v.nomination_id for v in data.votes]
    require_unique(ids, "votes")
    nominations = await nominations_by_id(session, ids, "votes")
    require_states(((i, nominations[n]) for i, n in enumerate(ids)), {State.ELIGIBLE}, "votes",
                   "a council vote")
    for i, nid in enumerate(ids):
        if nominations[nid].year != council.year:
            raise refuse(f"votes.{i}.nomination_id", "council.same_year",
                         f"Nomination {nid} is for {nominations[nid].year}; this session reviews {council.year}.")
    members = await council_members(session, session_id)
    voting = sum(1 for m in members if m.present or m.written_opinion)
    problems = [p for i, v in enumerate(data.votes)
                for p in tally_problems(Tally(v.votes_for, v.votes_against, v.abstain), voting, f"votes.{i}")]
    if problems:
        raise DomainError(*problems)
    session.add_all(CouncilVote(session_id=session_id, **v.model_dump()) for v in data.votes)
    return await record_stage(session, StageKind.COUNCIL_REVIEW, session_id, council.year, actor)
