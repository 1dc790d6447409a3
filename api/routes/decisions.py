"""Decisions: prepared from the council's recommendations, signed by the Chairman's office."""

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport, stages_public
from api.stages import commit_and_run
from models.domain.enums import StageKind
from models.domain.permissions import Action
from models.recording.common import get_or_404, nominations_by_id
from models.recording.decision_awards import in_annex_order
from models.recording.decisions import create_decision, decision_items, sign_decision
from models.storage.queries import awards_by_id, candidate_labels, stage_of
from models.tables.decision import Decision, DecisionCreate, DecisionItemPublic, DecisionPublic, DecisionSign
from models.tables.stage import DocumentPublic, StagePublic

router = APIRouter(prefix="/decisions", tags=["decisions"])


class DecisionDetail(SQLModel):
    decision: DecisionPublic
    stages: list[StagePublic]
    documents: list[DocumentPublic]


async def decision_public(session: SessionDep, decision_id: PathId) -> DecisionPublic:
    decision = await get_or_404(session, Decision, decision_id, "decision_id")
    awards = await awards_by_id(session)
    items = await decision_items(session, decision_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "decision_id")
    labels = await candidate_labels(session, list(nominations.values()))
    ordered = sorted(items, key=lambda i: (i.golden_book_no is None, i.golden_book_no or 0, i.nomination_id))
    given = in_annex_order(awards[i] for i in {n.award_id for n in nominations.values()} | {decision.award_id})
    return DecisionPublic.model_validate(decision, update={
        "award_code": awards[decision.award_id].code,
        "award_codes": [a.code for a in given],
        "items": [DecisionItemPublic.model_validate(i, update={"candidate_name": labels[i.nomination_id].name})
                  for i in ordered],
    })


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: DecisionCreate, session: SessionDep, principal: CurrentPrincipal) -> DecisionPublic:
    """Prepare a draft decision from the nominations a council session recommended: for one award, or (award_codes)
    for several awards of one form, e.g. the Chairman's Bằng khen to collectives and to individuals."""
    principal.require(Action.PREPARE_DECISION)
    decision = await create_decision(session, data, principal.actor)
    await session.commit()
    return await decision_public(session, decision.id)


@router.post("/{decision_id}/sign", status_code=status.HTTP_201_CREATED)
async def sign(
    decision_id: PathId, data: DecisionSign, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> StageReport:
    """Sign: the decision takes the next number of the year; the issue flow awards and prints it."""
    principal.require(Action.SIGN_DECISION)
    stage = await sign_decision(session, decision_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/{decision_id}")
async def read(decision_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> DecisionDetail:
    """The decision with its annex rows, the flow run that issued it, and the printed document."""
    principal.require(Action.READ_PROVINCE)
    decision = await decision_public(session, decision_id)
    stage = await stage_of(session, StageKind.DECISION_ISSUE, decision_id)
    stages, documents = await stages_public(session, [stage] if stage else [])
    return DecisionDetail(decision=decision, stages=stages, documents=documents)
