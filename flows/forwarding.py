"""Awards decided above the province. Stage `forwarding`: the Chairman's signed Tờ trình moves each nomination it
lists `recommended → forwarded` and is printed. Stage `central_decision`: the central decision recorded by the
secretary moves each one `forwarded → awarded | declined` and enters the awards in the award history."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import PlannedMove, complete_stage, move_as_planned, publish_table, stage_flow, store_stage_document
from flows.documents.central_proposal import build_central_proposal
from models.domain.enums import AwardKind, StageKind, State
from models.domain.facts import DossierFacts
from models.domain.workflow import MoveContext
from models.recording.common import nominations_by_id
from models.recording.forwarding import forwarding_items
from models.storage.catalogue_file import catalogue
from models.storage.db import open_session
from models.storage.queries import awards_by_id
from models.tables.forwarding import CentralDecision, CentralDecisionItem, Forwarding
from models.tables.nomination import AwardRecord


async def plan_forwarding(session: AsyncSession, forwarding_id: int) -> list[PlannedMove]:
    forwarding = await session.get_one(Forwarding, forwarding_id)
    items = await forwarding_items(session, forwarding_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "forwarding_id")
    awards = await awards_by_id(session)
    entries = catalogue().awards
    planned = []
    for item in items:
        award = awards[nominations[item.nomination_id].award_id]
        planned.append(PlannedMove(
            nomination=nominations[item.nomination_id],
            context=MoveContext(forwarding_id=forwarding_id,
                                decided_above_province=entries[award.code].decided_above_province),
            evidence={"forwarding": forwarding.number, "issued_on": str(forwarding.issued_on),
                      "row_no": item.row_no, "award": award.code},
            report={"row_no": item.row_no, "award": award.code},
        ))
    return planned


async def apply_forwarding(forwarding_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(StageKind.FORWARDING, forwarding_id, plan_forwarding)


@stage_flow("forwarding", "forward-upward-{forwarding_id}")
async def forward_upward(forwarding_id: int) -> list[dict[str, Any]]:
    forwarded = await apply_forwarding(forwarding_id)
    await store_stage_document(StageKind.FORWARDING, forwarding_id, DocumentKind.CENTRAL_PROPOSAL,
                               build_central_proposal)
    await publish_table(f"forwarding-{forwarding_id}-sent", forwarded, f"Tờ trình upward {forwarding_id}")
    await complete_stage(StageKind.FORWARDING, forwarding_id)
    return forwarded


async def _central_of(session: AsyncSession, forwarding_id: int) -> tuple[CentralDecision, list[CentralDecisionItem]]:
    decision = (await session.exec(select(CentralDecision).where(
        CentralDecision.forwarding_id == forwarding_id))).one()
    items = (await session.exec(select(CentralDecisionItem).where(
        CentralDecisionItem.central_decision_id == decision.id).order_by(col(CentralDecisionItem.nomination_id)))).all()
    return decision, list(items)


async def plan_central_decision(session: AsyncSession, forwarding_id: int) -> list[PlannedMove]:
    decision, items = await _central_of(session, forwarding_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "forwarding_id")
    return [PlannedMove(
        nomination=nominations[item.nomination_id],
        context=MoveContext(central_decision_id=decision.id, struck=not item.awarded, reason=item.reason),
        evidence={"central_decision": decision.number, "decided_on": str(decision.decided_on),
                  "decided_by": decision.decided_by, "awarded": item.awarded},
        report={"awarded": item.awarded, "reason": item.reason},
    ) for item in items]


async def apply_central_decision(forwarding_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(StageKind.CENTRAL_DECISION, forwarding_id, plan_central_decision)


async def enter_central_awards(forwarding_id: int) -> None:
    """The awards the central level gave, under its decision's number: what later eligibility chains read."""
    async with open_session() as session:
        decision, items = await _central_of(session, forwarding_id)
        ids = [i.nomination_id for i in items if i.awarded]
        recorded = set((await session.exec(select(AwardRecord.nomination_id).where(
            col(AwardRecord.nomination_id).in_(ids)))).all())
        nominations = await nominations_by_id(session, ids, "forwarding_id")
        for nomination in nominations.values():
            if nomination.id in recorded or nomination.state != State.AWARDED:
                continue
            session.add(AwardRecord(
                year=nomination.year, award_id=nomination.award_id, recipient_kind=nomination.recipient_kind,
                unit_id=nomination.unit_id, person_id=nomination.person_id, decision_number=decision.number,
                nomination_id=nomination.id, source="central",
                kind=DossierFacts.model_validate(nomination.facts).award_kind or AwardKind.REGULAR))
        await session.commit()


@stage_flow("central-decision", "central-decision-{forwarding_id}")
async def enter_central_decision(forwarding_id: int) -> list[dict[str, Any]]:
    decided = await apply_central_decision(forwarding_id)
    await enter_central_awards(forwarding_id)
    await publish_table(f"central-decision-{forwarding_id}", decided, f"Central decision on Tờ trình {forwarding_id}")
    await complete_stage(StageKind.CENTRAL_DECISION, forwarding_id)
    return decided
