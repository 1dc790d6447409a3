"""Stage 5: the signed decision awards its listed nominations, enters them in the award history, and is printed."""

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import complete_stage, current_flow_run_id, failpoint, load_stage, publish_table, store_stage_document
from flows.documents.decision import build_decision
from models.db import open_session
from models.decision import Decision, DecisionItem
from models.enums import StageKind, State
from models.moves import move
from models.nomination import AwardRecord, Nomination
from models.queries import moved_by_stage
from models.recording.decisions import decision_items
from models.workflow import MoveFacts

STAGE = StageKind.DECISION_ISSUE


@task(cache_policy=NO_CACHE)
async def apply_decision(decision_id: int) -> list[dict[str, Any]]:
    async with open_session() as session:
        stage = await load_stage(session, STAGE, decision_id)
        moved = await moved_by_stage(session, stage.id)  # a rerun leaves these alone
        decision = await session.get_one(Decision, decision_id)
        issued = []
        for item in await decision_items(session, decision_id):
            nomination = await session.get_one(Nomination, item.nomination_id)
            if nomination.id not in moved and nomination.state == State.RECOMMENDED:
                target = State.DECLINED if item.declined else State.AWARDED
                await move(session, nomination, target, MoveFacts(decision_id=decision_id, reason=item.decline_reason),
                           actor=stage.recorded_by, evidence={"decision": decision.number,
                                                              "golden_book_no": item.golden_book_no},
                           stage_id=stage.id, flow_run_id=current_flow_run_id())
            if not item.declined:
                await _enter_history(session, decision, nomination, item)
            issued.append({"nomination": nomination.id, "golden_book_no": item.golden_book_no,
                           "state": nomination.state.value, "reason": item.decline_reason})
        await session.commit()
        return issued


async def _enter_history(session: AsyncSession, decision: Decision, nomination: Nomination, item: DecisionItem) -> None:
    exists = (await session.exec(select(AwardRecord).where(AwardRecord.nomination_id == nomination.id))).first()
    if exists is None:
        session.add(AwardRecord(
            year=decision.year, award_id=decision.award_id, recipient_kind=nomination.recipient_kind,
            unit_id=nomination.unit_id, person_id=nomination.person_id, decision_id=decision.id,
            nomination_id=nomination.id, golden_book_no=item.golden_book_no or 0,
        ))


@flow(name="decision-issue", flow_run_name="issue-decision-{decision_id}")
async def issue_decision(decision_id: int) -> list[dict[str, Any]]:
    issued = await apply_decision(decision_id)
    failpoint("decision_issue.after_moves")
    await store_stage_document(STAGE, decision_id, DocumentKind.DECISION, build_decision)
    await publish_table(f"decision-{decision_id}-issued", issued, f"Decision {decision_id}")
    await complete_stage(STAGE, decision_id)
    return issued
