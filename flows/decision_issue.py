"""Stage 5: the signed decision awards its listed nominations, enters them in the award history, and is printed."""

from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.common import (
    PlannedMove,
    complete_stage,
    load_stage,
    move_as_planned,
    publish_table,
    stage_flow,
    store_stage_document,
)
from flows.documents.certificates import build_certificates
from flows.documents.decision import build_decision
from flows.documents.results_notice import build_results_notice
from models.domain.enums import AwardKind, StageKind, State
from models.domain.facts import DossierFacts
from models.domain.workflow import MoveContext
from models.recording.common import nominations_by_id
from models.recording.decisions import decision_items
from models.storage.catalogue_file import catalogue
from models.storage.db import insert_rows, open_session
from models.storage.papers import number_office_notice
from models.storage.queries import awards_by_id
from models.tables.decision import Decision
from models.tables.nomination import AwardRecord

STAGE = StageKind.DECISION_ISSUE


async def plan_decision(session: AsyncSession, decision_id: int) -> list[PlannedMove]:
    decision = await session.get_one(Decision, decision_id)
    items = await decision_items(session, decision_id)
    nominations = await nominations_by_id(session, [i.nomination_id for i in items], "decision_id")
    awards = await awards_by_id(session)
    signed_on = decision.signed_on
    assert signed_on is not None, "only a signed decision is issued"
    # The prize of each nomination's own award (a Bằng khen to a collective is worth more than to an individual)
    # with the base salary in force on the signing day: the log keeps it, the decision prints it.
    prizes = {a.id: catalogue().prize_on(a.code, signed_on).as_evidence()
              for a in awards.values() if a.id in {n.award_id for n in nominations.values()}}
    planned = []
    for item in items:
        nomination = nominations[item.nomination_id]
        planned.append(PlannedMove(
            nomination=nomination,
            context=MoveContext(decision_id=decision_id, struck=item.declined, reason=item.decline_reason),
            evidence={"decision": decision.number, "golden_book_no": item.golden_book_no,
                      **({} if item.declined else prizes[nomination.award_id])},
            report={"golden_book_no": item.golden_book_no, "reason": item.decline_reason},
        ))
    return planned


async def apply_decision(decision_id: int) -> list[dict[str, Any]]:
    return await move_as_planned(STAGE, decision_id, plan_decision)


async def enter_award_history(decision_id: int) -> None:
    """What each recipient received, in which year, by which decision: the basis of later eligibility."""
    async with open_session() as session:
        decision = await session.get_one(Decision, decision_id)
        recorded = set((await session.exec(select(AwardRecord.nomination_id).where(
            AwardRecord.decision_id == decision_id))).all())
        items = await decision_items(session, decision_id)
        nominations = await nominations_by_id(session, [i.nomination_id for i in items], "decision_id")
        records = []
        for item in items:
            nomination = nominations[item.nomination_id]
            if item.declined or item.nomination_id in recorded or nomination.state != State.AWARDED:
                continue
            records.append(AwardRecord(decision_number=decision.number or "",
                year=decision.year, award_id=nomination.award_id, recipient_kind=nomination.recipient_kind,
                unit_id=nomination.unit_id, person_id=nomination.person_id, decision_id=decision.id,
                nomination_id=nomination.id, golden_book_no=item.golden_book_no or 0,
                kind=DossierFacts.model_validate(nomination.facts).award_kind or AwardKind.REGULAR,
            ))
        await insert_rows(session, records)
        await session.commit()


async def number_results_notice(decision_id: int) -> None:
    """Number the office's notice of the results, dated the day the decision was signed (once)."""
    async with open_session() as session:
        stage = await load_stage(session, STAGE, decision_id)
        decision = await session.get_one(Decision, decision_id)
        assert decision.signed_on is not None, "only a signed decision is announced"
        await number_office_notice(session, stage, DocumentKind.RESULTS_NOTICE, decision.signed_on)
        await session.commit()


async def issue_decision_papers(decision_id: int) -> None:
    """The papers that follow the decision: a certificate per recipient (one .docx, a page each) and the office's
    notice of the results to the blocks, each stored with its hash beside the decision."""
    await store_stage_document(STAGE, decision_id, DocumentKind.CERTIFICATES, build_certificates)
    await number_results_notice(decision_id)
    await store_stage_document(STAGE, decision_id, DocumentKind.RESULTS_NOTICE, build_results_notice)


@stage_flow("decision-issue", "issue-decision-{decision_id}")
async def issue_decision(decision_id: int) -> list[dict[str, Any]]:
    issued = await apply_decision(decision_id)
    await enter_award_history(decision_id)
    await store_stage_document(STAGE, decision_id, DocumentKind.DECISION, build_decision)
    await issue_decision_papers(decision_id)
    await publish_table(f"decision-{decision_id}-issued", issued, f"Decision {decision_id}")
    await complete_stage(STAGE, decision_id)
    return issued
