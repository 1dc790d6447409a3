"""Thông báo trả lại hồ sơ: the TĐKT office returns to the block head's agency the dossiers screening found
ineligible, each with the reasons the screening recorded with its move (the office's words, then the rules')."""

from datetime import date
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date
from docx_templates.paper_contexts import ReturnedRow, ReturnNoticeContext
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import DRAFTING_UNIT
from flows.documents.citations import office_name
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import StageKind, State
from models.domain.papers import return_reason_vi
from models.recording.deadlines import VIETNAM
from models.storage.papers import paper_of
from models.storage.queries import awards_by_id, candidate_labels, stage_of
from models.tables.nomination import Nomination, Transition
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal, ProposalItem, ScreeningResult
from models.tables.stage import Stage


def screening_day(stage: Stage, proposal: Proposal) -> date:
    """The notice is dated the day the office recorded its screening, on the Vietnamese calendar, and never before
    the Tờ trình it answers (a proposal dated ahead of the day it is entered, as a demo year is)."""
    return max(stage.recorded_at.astimezone(VIETNAM).date(), proposal.issued_on)


async def returned_by(session: AsyncSession, stage_id: int) -> list[tuple[Nomination, str]]:
    """The dossiers the stage returned, in the proposal's order, each with why in Vietnamese: the office's words as
    it recorded them and the rules as the screening's move logged them (never judged again with today's rules)."""
    query = select(Nomination, Transition, ScreeningResult).join(Transition).join(
        Stage, col(Stage.id) == Transition.stage_id).join(
        ProposalItem, (col(ProposalItem.nomination_id) == Nomination.id)
        & (col(ProposalItem.proposal_id) == Stage.subject_id)).join(
        ScreeningResult, (col(ScreeningResult.nomination_id) == Nomination.id)
        & (col(ScreeningResult.proposal_id) == Stage.subject_id)).where(
        Transition.stage_id == stage_id, Transition.to_state == State.RETURNED).order_by(col(ProposalItem.position))
    return [(n, return_reason_vi(r.reason, list(t.evidence.get("rules", []))))
            for n, t, r in (await session.exec(query)).all()]


async def build_return_notice(session: AsyncSession, proposal_id: int) -> tuple[dict[str, Any], str]:
    stage = await stage_of(session, StageKind.SCREENING, proposal_id)
    assert stage is not None
    paper = await paper_of(session, stage.id, DocumentKind.RETURN_NOTICE)
    assert paper is not None, "the notice is numbered before it is rendered"
    proposal = await session.get_one(Proposal, proposal_id)
    block = await session.get_one(EmulationBlock, proposal.block_id)
    issuer = await session.get_one(Unit, proposal.issuer_unit_id)
    returned = await returned_by(session, stage.id)
    labels = await candidate_labels(session, [n for n, _ in returned])
    awards = await awards_by_id(session)
    office = office_name()
    subject = f"Về việc trả lại hồ sơ đề nghị khen thưởng năm {proposal.year} của {block.name}"
    context = ReturnNoticeContext(
        header=header(f"UBND {province_upper()}", [office], paper.number, paper.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        recipients=[issuer.name],
        proposer=f"{issuer.name} (đơn vị Trưởng {block.name})",
        office=office,
        proposal=f"Tờ trình số {proposal.number} {vn_date(proposal.issued_on)}",
        returned_count=len(returned),
        rows=[ReturnedRow(stt=stt, name=", ".join(p for p in (labels[n.id].name, labels[n.id].detail) if p),
                          award=awards[n.award_id].name, reason=reason)
              for stt, (n, reason) in enumerate(returned, start=1)],
        receivers=["Như trên", f"Lưu: VT, {DRAFTING_UNIT}"],
        signer=Signer(prefix=paper.signer_prefix, title=paper.signer_title, name=paper.signer_name),
    )
    return dict(context), f"thong-bao-tra-lai-ho-so-{file_stem(paper.number)}.docx"
