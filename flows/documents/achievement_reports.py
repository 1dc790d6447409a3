"""Báo cáo thành tích: one report per nomination of a block's proposal, drafted from the facts the system holds
(ND 152/2025, its report templates), all in one .docx, a section each, issued with the block's Tờ trình."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Signer
from docx_templates.report_contexts import AchievementReport, AchievementReportsContext
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import file_stem, header
from models.domain.achievement import achievement_lines, award_lines
from models.domain.vietnamese import GENDER_VI
from models.recording.proposals import proposal_nomination_ids
from models.storage.achievements import Nominee, nominees
from models.storage.queries import nominations_in_order
from models.tables.organisation import EmulationBlock, Unit
from models.tables.proposal import Proposal

CHAIRMAN = "Chủ tịch Ủy ban nhân dân tỉnh"


async def build_achievement_reports(session: AsyncSession, proposal_id: int) -> tuple[dict[str, Any], str]:
    proposal = await session.get_one(Proposal, proposal_id)
    block = await session.get_one(EmulationBlock, proposal.block_id)
    issuer = await session.get_one(Unit, proposal.issuer_unit_id)
    listed = await nominees(session, await nominations_in_order(
        session, await proposal_nomination_ids(session, proposal_id)))
    context = AchievementReportsContext(reports=[_report(n, proposal, block, issuer) for n in listed])
    return dict(context), f"bao-cao-thanh-tich-{file_stem(proposal.number)}.docx"


def _report(n: Nominee, proposal: Proposal, block: EmulationBlock, issuer: Unit) -> AchievementReport:
    subject = f"Đề nghị tặng {n.award.name} năm {proposal.year}"
    name = n.person.full_name if n.person is not None else n.unit.name
    # Prefix, title and name on each side, so that both names stand level under the room left to sign.
    if n.person is None:
        signers = [Signer(prefix="XÁC NHẬN CỦA TRƯỞNG KHỐI", title=proposal.signer_title.upper(),
                          name=proposal.signer_name),
                   Signer(prefix="THỦ TRƯỞNG ĐƠN VỊ", title=n.unit.head_title.upper(), name=n.unit.head_name)]
    else:
        signers = [Signer(prefix="XÁC NHẬN CỦA ĐƠN VỊ", title=n.unit.head_title.upper(), name=n.unit.head_name),
                   Signer(prefix="NGƯỜI BÁO CÁO THÀNH TÍCH", title=n.person.position.upper(), name=name)]
    return AchievementReport(
        header=header(n.unit.parent_agency, [n.unit.name], "", proposal.issued_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        collective=n.person is None,
        profile=_profile(n, block, proposal.year),
        stated=[line.strip() for line in n.nomination.achievement.splitlines() if line.strip()],
        achievements=achievement_lines(n.facts),
        awards=award_lines(n.facts),
        closing=f"Trên đây là báo cáo thành tích năm {proposal.year} của {name}, kính đề nghị {CHAIRMAN} xem xét, "
        f"tặng {n.award.name}./.",
        signers=signers,
    )


def _profile(n: Nominee, block: EmulationBlock, year: int) -> list[str]:
    if n.person is None:
        lines = [f"Tên tập thể: {n.unit.name}"]
        if n.unit.parent_agency:
            lines.append(f"Cơ quan chủ quản: {n.unit.parent_agency}")
        if n.unit.head_name:
            lines.append(f"Thủ trưởng đơn vị: {n.unit.head_name}, {n.unit.head_title}")
        return [*lines, f"Thành viên {block.name} năm {year}"]
    p = n.person
    lines = [f"Họ và tên: {p.full_name}"]
    if p.gender is not None:
        lines.append(f"Giới tính: {GENDER_VI[p.gender]}")
    if p.birth_date is not None:
        lines.append(f"Ngày sinh: {p.birth_date:%d/%m/%Y}")
    if p.position:
        lines.append(f"Chức vụ: {p.position}")
    return [*lines, f"Đơn vị công tác: {n.unit.name}"]
