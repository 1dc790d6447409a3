"""Tờ trình of the block head: the block's proposal to the Chairman and the TĐKT office."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import ProposalContext, ProposalRow, Signer
from docx_templates.formatting import vn_date
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import file_stem, header
from models.domain.enums import RecipientKind
from models.recording.proposals import proposal_nomination_ids
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id, candidate_labels, nominations_in_order
from models.tables.meeting import BlockMeeting
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal

# A nomination recorded without its achievement: a blank cell reads as "nothing achieved"; say who completes it.
NO_ACHIEVEMENT = "(Khối bổ sung tóm tắt thành tích)"


async def build_proposal(session: AsyncSession, proposal_id: int) -> tuple[dict[str, Any], str]:
    proposal = await session.get_one(Proposal, proposal_id)
    issuer = await session.get_one(Unit, proposal.issuer_unit_id)
    block = await session.get_one(EmulationBlock, proposal.block_id)
    meeting = await session.get_one(BlockMeeting, proposal.meeting_id)
    collectives, individuals = await _rows(session, proposal_id)
    year = proposal.year
    subject = (f"Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm {year} "
               f"cho các tập thể, cá nhân thuộc {block.name}")
    context = ProposalContext(
        header=header(issuer.parent_agency, [issuer.name], proposal.number, proposal.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        recipients=["Chủ tịch Ủy ban nhân dân tỉnh", "Sở Nội vụ"],
        bases=[*catalogue().province.legal_bases_on(proposal.issued_on, with_authority=False),
               f"Biên bản họp bình xét thi đua, khen thưởng năm {year} của {block.name} {vn_date(meeting.held_on)}"],
        body=f"{issuer.name}, đơn vị Trưởng {block.name} năm {year}, kính trình Chủ tịch Ủy ban nhân dân tỉnh "
        f"xem xét, tặng thưởng cho {len(collectives):02d} tập thể và {len(individuals):02d} cá nhân đã được "
        f"Khối bình xét, suy tôn tại Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}, cụ thể như sau:",
        collectives=collectives,
        individuals=individuals,
        # Only what the system holds and sends with it: the minutes it produced. No achievement report is held.
        closing=f"(Biên bản họp bình xét kèm theo). {issuer.name} kính đề nghị "
        "Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
        receivers=["Như trên", f"Các đơn vị thành viên {block.name}", f"Lưu: VT, {issuer.code}"],
        signer=Signer(prefix="", title=proposal.signer_title.upper(), name=proposal.signer_name),
    )
    return dict(context), f"to-trinh-{file_stem(proposal.number)}.docx"


async def _rows(session: AsyncSession, proposal_id: int) -> tuple[list[ProposalRow], list[ProposalRow]]:
    ids = await proposal_nomination_ids(session, proposal_id)
    nominations = await nominations_in_order(session, ids)
    labels = await candidate_labels(session, nominations)
    awards = await awards_by_id(session)
    collectives: list[ProposalRow] = []
    individuals: list[ProposalRow] = []
    for n in nominations:
        group = collectives if n.recipient_kind == RecipientKind.COLLECTIVE else individuals
        group.append(ProposalRow(stt=len(group) + 1, name=labels[n.id].name, detail=labels[n.id].detail,
                                 award=awards[n.award_id].name, achievement=n.achievement.strip() or NO_ACHIEVEMENT))
    return collectives, individuals
