"""Thông báo kết quả khen thưởng: the TĐKT office tells the blocks and units who received what by a signed decision,
block by block; a row the Chairman struck says so, with the reason the decision recorded."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date
from docx_templates.paper_contexts import ResultBlock, ResultRow, ResultsNoticeContext
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import DRAFTING_UNIT
from flows.documents.certificates import block_names
from flows.documents.citations import office_name
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import StageKind
from models.storage.papers import paper_of
from models.storage.queries import candidate_labels, stage_of
from models.tables.award import Award
from models.tables.decision import Decision, DecisionItem
from models.tables.nomination import Nomination


async def build_results_notice(session: AsyncSession, decision_id: int) -> tuple[dict[str, Any], str]:
    decision = await session.get_one(Decision, decision_id)
    award = await session.get_one(Award, decision.award_id)
    assert decision.number is not None and decision.signed_on is not None, "only a signed decision is announced"
    stage = await stage_of(session, StageKind.DECISION_ISSUE, decision_id)
    paper = await paper_of(session, stage.id, DocumentKind.RESULTS_NOTICE) if stage is not None else None
    assert paper is not None, "the notice is numbered before it is rendered"
    items = (await session.exec(select(Nomination, DecisionItem).join(DecisionItem).where(
        DecisionItem.decision_id == decision_id).order_by(col(DecisionItem.nomination_id)))).all()
    blocks = await _blocks(session, [(n, i) for n, i in items], award.name)
    signer_words = ("Ủy ban nhân dân tỉnh" if decision.signer_prefix.upper().startswith("TM.")
                    else "Chủ tịch Ủy ban nhân dân tỉnh")  # as the decision's annex names its author
    subject = f"Kết quả khen thưởng năm {decision.year} theo Quyết định số {decision.number}"
    context = ResultsNoticeContext(
        header=header(f"UBND {province_upper()}", [office_name()], paper.number, paper.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        decision=f"Quyết định số {decision.number} {vn_date(decision.signed_on)} của {signer_words}",
        decision_subject=f"về việc tặng {award.name} năm {decision.year}",
        awarded_count=sum(1 for _, i in items if not i.declined),
        declined_count=sum(1 for _, i in items if i.declined),
        office=office_name(),
        blocks=blocks,
        receivers=[*(f"Trưởng {b['heading'].split('. ', 1)[1]}" for b in blocks),
                   "Các cơ quan, đơn vị có tên tại Thông báo", f"Lưu: VT, {DRAFTING_UNIT}"],
        signer=Signer(prefix=paper.signer_prefix, title=paper.signer_title, name=paper.signer_name),
    )
    return dict(context), f"thong-bao-ket-qua-{file_stem(paper.number)}.docx"


async def _blocks(session: AsyncSession, items: list[tuple[Nomination, DecisionItem]],
                  award: str) -> list[ResultBlock]:
    """Per block (in the order blocks first appear in the decision), its recipients in số sổ vàng order, then the
    rows struck."""
    labels = await candidate_labels(session, [n for n, _ in items])
    names = await block_names(session, [n for n, _ in items])
    ordered = sorted(items, key=lambda r: (r[1].declined, r[1].golden_book_no or 0, r[1].nomination_id))
    grouped: dict[int, list[ResultRow]] = {}
    for n, item in ordered:
        rows = grouped.setdefault(n.block_id, [])
        note = (f"Không khen thưởng: {item.decline_reason.strip()}" if item.declined
                else f"Số sổ vàng: {item.golden_book_no or 0:02d}")
        rows.append(ResultRow(stt=len(rows) + 1, name=", ".join(p for p in (labels[n.id].name, labels[n.id].detail)
                                                                  if p), award=award, note=note))
    return [ResultBlock(heading=f"{i}. {names[block_id]}", rows=rows)
            for i, (block_id, rows) in enumerate(grouped.items(), start=1)]
