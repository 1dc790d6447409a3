"""Nominations: lists, one nomination with its whole history, and the moves people make by hand."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import SQLModel, col, select

from api.deps import ActorDep, SessionDep
from api.presenters import nominations_public
from models.catalogue import Award
from models.decision import Decision
from models.enums import State
from models.nomination import AwardRecord, AwardRecordPublic, Nomination, NominationPublic, TransitionPublic
from models.queries import history_of
from models.recording.common import get_or_404
from models.recording.nominations import ManualMove, move_by_hand

router = APIRouter(prefix="/nominations", tags=["nominations"])

class NominationDetail(SQLModel):
    nomination: NominationPublic
    history: list[TransitionPublic]
    flow_run_ids: list[str]
    award_records: list[AwardRecordPublic]


@router.get("")
async def list_nominations(
    session: SessionDep,
    block_id: int | None = None,
    year: int | None = None,
    state: State | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[NominationPublic]:
    query = select(Nomination)
    if block_id is not None:
        query = query.where(Nomination.block_id == block_id)
    if year is not None:
        query = query.where(Nomination.year == year)
    if state is not None:
        query = query.where(Nomination.state == state)
    rows = (await session.exec(query.order_by(col(Nomination.id)).offset(offset).limit(limit))).all()
    return await nominations_public(session, rows)


@router.get("/{nomination_id}")
async def read(nomination_id: int, session: SessionDep) -> NominationDetail:
    nomination = await get_or_404(session, Nomination, nomination_id, "nomination_id")
    history = await history_of(session, nomination_id)
    records = (await session.exec(
        select(AwardRecord, Award, Decision)
        .join(Award, col(Award.id) == AwardRecord.award_id)
        .join(Decision, col(Decision.id) == AwardRecord.decision_id)
        .where(AwardRecord.nomination_id == nomination_id)
    )).all()
    return NominationDetail(
        nomination=(await nominations_public(session, [nomination]))[0],
        history=[TransitionPublic.model_validate(t) for t in history],
        flow_run_ids=list(dict.fromkeys(t.flow_run_id for t in history if t.flow_run_id)),
        award_records=[AwardRecordPublic(year=r.year, award_code=a.code, decision_number=d.number or "",
                                         golden_book_no=r.golden_book_no) for r, a, d in records],
    )


@router.post("/{nomination_id}/moves", status_code=201)
async def move_nomination(
    nomination_id: int, data: ManualMove, session: SessionDep, actor: ActorDep
) -> NominationDetail:
    """Withdraw a nomination, put it on hold (discipline review, complaint), or lift its hold."""
    await move_by_hand(session, nomination_id, data, actor)
    await session.commit()
    return await read(nomination_id, session)
