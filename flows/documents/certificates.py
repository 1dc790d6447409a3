"""Bằng khen and Giấy chứng nhận of a signed decision: one per recipient awarded, in số sổ vàng order, all in one
.docx (a page each), so that a decision of hundreds of recipients is one rendering, not hundreds of files."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date, vn_place_date
from docx_templates.paper_contexts import Certificate, CertificatesContext
from flows.documents.decision import LEADS_PHRASE, authority
from flows.documents.header import file_stem
from models.domain.papers import is_bang_khen
from models.settings import get_settings
from models.storage.queries import awards_by_id, candidate_labels
from models.tables.award import Award
from models.tables.decision import Decision, DecisionItem
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock


async def awarded_items(session: AsyncSession, decision_id: int) -> list[tuple[Nomination, DecisionItem]]:
    """The recipients the decision awards (struck rows left out), in số sổ vàng order."""
    rows = (await session.exec(select(Nomination, DecisionItem).join(DecisionItem).where(
        DecisionItem.decision_id == decision_id, col(DecisionItem.declined).is_(False)
    ).order_by(col(DecisionItem.golden_book_no)))).all()
    return [(n, i) for n, i in rows]


async def block_names(session: AsyncSession, nominations: list[Nomination]) -> dict[int, str]:
    ids = {n.block_id for n in nominations}
    query = select(EmulationBlock).where(col(EmulationBlock.id).in_(ids))
    return {b.id: b.name for b in (await session.exec(query)).all()}


def certificate_reason(award: Award, block: str, year: int) -> str:
    """ "Đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác, dẫn đầu phong trào thi đua Khối … năm 2026": the
    decision's reason, the flag naming the block the recipient led."""
    phrase = f"{award.reason_phrase} {block}" if award.reason_phrase.endswith(LEADS_PHRASE) else award.reason_phrase
    return f"{phrase[:1].upper()}{phrase[1:]} năm {year}"


async def build_certificates(session: AsyncSession, decision_id: int) -> tuple[dict[str, Any], str]:
    decision = await session.get_one(Decision, decision_id)
    awards = await awards_by_id(session)  # a decision over collectives and individuals: each its own award
    assert decision.number is not None and decision.signed_on is not None, "only a signed decision is printed"
    awarded = await awarded_items(session, decision_id)
    labels = await candidate_labels(session, [n for n, _ in awarded])
    blocks = await block_names(session, [n for n, _ in awarded])
    context = CertificatesContext(
        authority=authority(decision.signer_prefix),
        decision_number=decision.number,
        decision_date=vn_date(decision.signed_on),
        place_date=vn_place_date(get_settings().province_name, decision.signed_on),
        signer=Signer(prefix=decision.signer_prefix, title=decision.signer_title, name=decision.signer_name),
        certificates=[Certificate(
            bang_khen=is_bang_khen(awards[n.award_id].name), award=awards[n.award_id].name, name=labels[n.id].name,
            detail=labels[n.id].detail,
            reason=certificate_reason(awards[n.award_id], blocks[n.block_id], decision.year),
            golden_book_no=f"{item.golden_book_no or 0:02d}") for n, item in awarded],
    )
    return dict(context), f"bang-khen-giay-chung-nhan-{file_stem(decision.number)}.docx"
