"""The earlier documents of the chain that a later one cites: the blocks' Tờ trình and the office's Tờ trình."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.formatting import vn_date
from models.storage.catalogue_file import catalogue
from models.tables.council import CouncilSession
from models.tables.organisation import EmulationBlock
from models.tables.proposal import Proposal, ProposalItem


@dataclass(frozen=True)
class ProposalCitation:
    number: str  # "01/TTr-SCT"
    issued_on: date
    proposer: str  # "Trưởng Khối thi đua các sở quản lý kinh tế"

    def text(self) -> str:
        return f"Tờ trình số {self.number} {vn_date(self.issued_on)}"


async def proposals_behind(session: AsyncSession, nomination_ids: Sequence[int]) -> list[ProposalCitation]:
    """The block proposals that submitted these nominations, oldest first."""
    query = select(Proposal, EmulationBlock).join(ProposalItem).join(
        EmulationBlock, col(EmulationBlock.id) == Proposal.block_id
    ).where(col(ProposalItem.nomination_id).in_(nomination_ids)).order_by(col(Proposal.id)).distinct()
    return [ProposalCitation(p.number, p.issued_on, f"Trưởng {block.name}")
            for p, block in (await session.exec(query)).all()]


def office_name() -> str:
    """The TĐKT office that appraises for the Chairman: "Sở Nội vụ"."""
    return catalogue().province.appraisal_issuer_name


def office_appraisal_citation(council: CouncilSession) -> str:
    """ "của Giám đốc Sở Nội vụ tại Tờ trình số 01/TTr-SNV ngày 04 tháng 01 năm 2027"."""
    assert council.appraisal_number is not None and council.appraisal_signed_on is not None, (
        "the office's Tờ trình is numbered when the council's votes are recorded")
    return (f"của Giám đốc {office_name()} tại Tờ trình số {council.appraisal_number} "
            f"{vn_date(council.appraisal_signed_on)}")
