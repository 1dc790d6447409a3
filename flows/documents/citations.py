"""The earlier documents of the chain that a later one cites: the blocks' Tờ trình and the office's Tờ trình."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.formatting import vn_date
from models.storage.catalogue_file import catalogue
from models.tables.council import CouncilSession
from models.tables.meeting import BlockMeeting
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal, ProposalItem


@dataclass(frozen=True)
class ProposalCitation:
    number: str  # "01/TTr-SCT"
    issued_on: date
    issuer: str  # "Sở Công Thương": the agency of the block head issues the block's Tờ trình, under its number
    block: str  # "Khối thi đua các sở quản lý kinh tế"
    year: int
    meeting_on: date  # the block meeting whose minutes the Tờ trình rests on

    @property
    def proposer(self) -> str:
        """ "Sở Công Thương (đơn vị Trưởng Khối thi đua các sở quản lý kinh tế)"."""
        return f"{self.issuer} (đơn vị Trưởng {self.block})"

    def text(self) -> str:
        return f"Tờ trình số {self.number} {vn_date(self.issued_on)}"

    def minutes_text(self) -> str:
        """ "Biên bản họp bình xét thi đua, khen thưởng năm 2026 của Khối … ngày 15 tháng 12 năm 2026"."""
        return (f"Biên bản họp bình xét thi đua, khen thưởng năm {self.year} của {self.block} "
                f"{vn_date(self.meeting_on)}")


async def proposals_behind(session: AsyncSession, nomination_ids: Sequence[int]) -> list[ProposalCitation]:
    """The block proposals that submitted these nominations, oldest first."""
    query = select(Proposal, EmulationBlock, Unit, BlockMeeting).join(ProposalItem).join(
        EmulationBlock, col(EmulationBlock.id) == Proposal.block_id
    ).join(Unit, col(Unit.id) == Proposal.issuer_unit_id).join(
        BlockMeeting, col(BlockMeeting.id) == Proposal.meeting_id
    ).where(col(ProposalItem.nomination_id).in_(nomination_ids)).order_by(col(Proposal.id)).distinct()
    return [ProposalCitation(p.number, p.issued_on, issuer.name, block.name, p.year, meeting.held_on)
            for p, block, issuer, meeting in (await session.exec(query)).all()]


def office_name() -> str:
    """The TĐKT office that appraises for the Chairman: "Sở Nội vụ"."""
    return catalogue().province.appraisal_issuer_name


def office_appraisal_citation(council: CouncilSession) -> str:
    """ "của Giám đốc Sở Nội vụ tại Tờ trình số 01/TTr-SNV ngày 04 tháng 01 năm 2027"."""
    assert council.appraisal_number is not None and council.appraisal_signed_on is not None, (
        "the office's Tờ trình is numbered when the council's votes are recorded")
    return (f"của Giám đốc {office_name()} tại Tờ trình số {council.appraisal_number} "
            f"{vn_date(council.appraisal_signed_on)}")
