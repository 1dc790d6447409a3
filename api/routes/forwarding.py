"""Awards decided above the province: the Chairman's Tờ trình to the Prime Minister (prepared by the secretary,
signed and sent by the Chairman's office) and the central decision the secretary records when it arrives."""

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel, col, select

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport, stages_public
from api.stages import commit_and_run
from models.domain.enums import StageKind
from models.domain.permissions import Action
from models.recording.central_decision import record_central_decision
from models.recording.common import get_or_404, nominations_by_id
from models.recording.forwarding import create_forwarding, forwarding_items, sign_forwarding
from models.storage.queries import awards_by_id, candidate_labels, stage_of
from models.tables.forwarding import (
    CentralDecision,
    CentralDecisionCreate,
    CentralDecisionItem,
    CentralDecisionPublic,
    Forwarding,
    ForwardingCreate,
    ForwardingItemPublic,
    ForwardingPublic,
    ForwardingSign,
)
from models.tables.stage import DocumentPublic, StagePublic

router = APIRouter(prefix="/forwardings", tags=["forwardings"])


class ForwardingDetail(SQLModel):
    forwarding: ForwardingPublic
    stages: list[StagePublic]
    documents: list[DocumentPublic]


async def forwarding_public(session: SessionDep, forwarding_id: int) -> ForwardingPublic:
    forwarding = await get_or_404(session, Forwarding, forwarding_id, "forwarding_id")
    items = await forwarding_items(session, forwarding_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "forwarding_id")
    labels = await candidate_labels(session, list(nominations.values()))
    awards = await awards_by_id(session)
    central = (await session.exec(select(CentralDecision).where(
        CentralDecision.forwarding_id == forwarding_id))).first()
    answers: dict[int, bool] = {}
    if central is not None:
        answers = {i.nomination_id: i.awarded for i in (await session.exec(select(CentralDecisionItem).where(
            col(CentralDecisionItem.central_decision_id) == central.id))).all()}
    return ForwardingPublic.model_validate(forwarding, update={
        "items": [ForwardingItemPublic(
            nomination_id=i.nomination_id, row_no=i.row_no, candidate_name=labels[i.nomination_id].name,
            award_code=awards[nominations[i.nomination_id].award_id].code,
            state=nominations[i.nomination_id].state, awarded=answers.get(i.nomination_id)) for i in items],
        "central_decision": CentralDecisionPublic.model_validate(central) if central else None,
    })


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: ForwardingCreate, session: SessionDep, principal: CurrentPrincipal) -> ForwardingPublic:
    """Prepare the Chairman's draft Tờ trình to the Prime Minister from the nominations a council session
    recommended for awards decided above the province."""
    principal.require(Action.PREPARE_FORWARDING)
    forwarding = await create_forwarding(session, data, principal.actor)
    await session.commit()
    return await forwarding_public(session, forwarding.id)


@router.post("/{forwarding_id}/sign", status_code=status.HTTP_201_CREATED)
async def sign(
    forwarding_id: PathId, data: ForwardingSign, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Sign and send: the Tờ trình takes the People's Committee's next Tờ trình number; its flow forwards the
    nominations and prints it."""
    principal.require(Action.SIGN_FORWARDING)
    stage = await sign_forwarding(session, forwarding_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.post("/{forwarding_id}/central-decision", status_code=status.HTTP_201_CREATED)
async def central_decision(
    forwarding_id: PathId, data: CentralDecisionCreate, session: SessionDep, principal: CurrentPrincipal,
    response: Response,
) -> StageReport:
    """Record the central decision: its number, date and who decided, and per nomination awarded or not."""
    principal.require(Action.RECORD_CENTRAL_DECISION)
    stage = await record_central_decision(session, forwarding_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/{forwarding_id}")
async def read(forwarding_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> ForwardingDetail:
    """The Tờ trình with its rows, the central decision once recorded, their flow runs and the printed document."""
    principal.require(Action.READ_PROVINCE)
    forwarding = await forwarding_public(session, forwarding_id)
    stages = [s for k in (StageKind.FORWARDING, StageKind.CENTRAL_DECISION)
              if (s := await stage_of(session, k, forwarding_id)) is not None]
    stages_out, documents = await stages_public(session, stages)
    return ForwardingDetail(forwarding=forwarding, stages=stages_out, documents=documents)
