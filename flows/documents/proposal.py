"""Tờ trình of the block head: the block's proposal to the Chairman and the TĐKT office."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import ProposalContext, ProposalRow, Signer
from docx_templates.formatting import vn_date
from docx_templates.text_width import subject_rule_mm
from flows.documents.ballot_count import was_counted
from flows.documents.header import file_stem, header
from models.domain.achievement import summary
from models.recording.proposals import proposal_nomination_ids
from models.storage.achievements import nominees
from models.storage.catalogue_file import catalogue
from models.storage.queries import nominations_in_order
from models.tables.meeting import BlockMeeting
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal


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
        closing=f"{attachments(meeting, len(collectives), len(individuals))} {issuer.name} kính đề nghị "
        "Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
        receivers=["Như trên", f"Các đơn vị thành viên {block.name}", f"Lưu: VT, {issuer.code}"],
        signer=Signer(prefix="", title=proposal.signer_title.upper(), name=proposal.signer_name),
    )
    return dict(context), f"to-trinh-{file_stem(proposal.number)}.docx"


def attachments(meeting: BlockMeeting, collectives: int, individuals: int) -> str:
    """Only the papers the system issued and sends with the Tờ trình: the meeting's minutes (and its Biên bản kiểm
    phiếu when the ballots were counted), the list printed above, and the achievement reports of the same stage."""
    minutes = "Biên bản họp bình xét" + (f" số {meeting.minutes_number}" if meeting.minutes_number else "")
    papers = [minutes, *(["Biên bản kiểm phiếu"] if was_counted(meeting) else [])]
    recipients = [f"{n:02d} {word}" for n, word in ((collectives, "tập thể"), (individuals, "cá nhân")) if n]
    papers.append(f"báo cáo thành tích của {' và '.join(recipients)}")
    return f"(Danh sách tại Tờ trình này; kèm theo: {', '.join(papers[:-1])} và {papers[-1]})."


async def _rows(session: AsyncSession, proposal_id: int) -> tuple[list[ProposalRow], list[ProposalRow]]:
    """Each nomination with a short achievement from what the system holds (the whole is in its report)."""
    listed = await nominees(session, await nominations_in_order(
        session, await proposal_nomination_ids(session, proposal_id)))
    collectives: list[ProposalRow] = []
    individuals: list[ProposalRow] = []
    for n in listed:
        group = individuals if n.person is not None else collectives
        detail = ", ".join(part for part in (n.person.position, n.unit.name) if part) if n.person is not None else ""
        group.append(ProposalRow(stt=len(group) + 1, name=n.person.full_name if n.person else n.unit.name,
                                 detail=detail, award=n.award.name, achievement=summary(n.facts)))
    return collectives, individuals
