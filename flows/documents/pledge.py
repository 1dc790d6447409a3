"""Bản giao ước thi đua: the block's signed pledge, printed when it is signed, numbered in the head agency's series
and frozen with its SHA-256 on the pledge's row (Decree 30/2020 Điều 15: per issuer, type and calendar year).

The parties are the block's members that year, each with the targets it registered for the movement; each
signatory's head signs in the table at the end. A download prints the stored bytes, never a new rendering."""

import hashlib
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from docx_templates.formatting import vn_date
from docx_templates.paper_contexts import PledgeContext, PledgeMember, PledgeSignature, PledgeSignatureRow
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import file_stem, header, province_upper
from flows.documents.rendering import render_off_loop
from models.recording.common import block_head, members_of
from models.storage.catalogue_file import catalogue
from models.storage.numbering import allocate_number
from models.tables.award import Award
from models.tables.movement import BlockPledge, Movement, Registration
from models.tables.organisation import EmulationBlock, Unit

BLANK = PledgeSignature(unit="", title="", name="")


def _targets(registration: Registration | None) -> list[dict[str, str]]:
    if registration is None:
        return []
    return [{"text": f"{t['description']}: {t['target']}" if t.get("target") else t["description"]}
            for t in registration.targets]


def _signature_rows(signatures: list[PledgeSignature]) -> list[PledgeSignatureRow]:
    padded = signatures + [BLANK] * (len(signatures) % 2)
    return [PledgeSignatureRow(left=padded[i], right=padded[i + 1]) for i in range(0, len(padded), 2)]


async def build_pledge(session: AsyncSession, pledge: BlockPledge) -> tuple[dict[str, Any], str]:
    """The pledge's context from the block's members, their registrations and the signatories; a fixed handful of
    queries however many members the block has."""
    movement = await session.get_one(Movement, pledge.movement_id)
    block = await session.get_one(EmulationBlock, pledge.block_id)
    members = await members_of(session, pledge.block_id, pledge.year)
    units = {u.id: u for u in (await session.exec(select(Unit).where(
        col(Unit.id).in_([m.unit_id for m in members])))).all()}
    registrations = {r.unit_id: r for r in (await session.exec(select(Registration).where(
        Registration.movement_id == pledge.movement_id, Registration.year == pledge.year,
        Registration.block_id == pledge.block_id))).all()}
    award_names = {a.code: a.name for a in (await session.exec(select(Award).where(col(Award.code).in_(
        {r.award_code for r in registrations.values() if r.award_code})))).all()}
    signed = {s["unit_id"]: s for s in pledge.signatories}
    party_members = [PledgeMember(
        stt=i, name=units[m.unit_id].name,
        representative=f"{s['full_name']}, {s['title']}" if (s := signed.get(m.unit_id)) else "",
        award=award_names.get(r.award_code or "", "") if (r := registrations.get(m.unit_id)) else "",
        targets=_targets(registrations.get(m.unit_id)),  # type: ignore[typeddict-item]
    ) for i, m in enumerate(members, start=1)]
    signatures = [PledgeSignature(unit=units[m.unit_id].name.upper(), title=signed[m.unit_id]["title"].upper(),
                                  name=signed[m.unit_id]["full_name"]) for m in members if m.unit_id in signed]
    subject = f"Ký kết giao ước thi đua năm {pledge.year} của {block.name}"
    lowered = f"{movement.name[0].lower()}{movement.name[1:]}"
    # "Phong trào thi đua …" or "Thi đua …": the movement is named once, never "phong trào phong trào".
    movement_name = lowered if lowered.startswith("phong trào") else f"phong trào {lowered}"
    place = f", tại {pledge.place}" if pledge.place else ""
    context = PledgeContext(
        header=header(f"UBND {province_upper()}", [block.name], pledge.number, pledge.signed_on),
        subject=subject, subject_rule_mm=subject_rule_mm(subject),
        bases=[f"văn bản số {movement.launch_number} {vn_date(movement.launched_on)} của {movement.launched_by} về "
               f"phát động {movement_name}"],
        opening=f"Hôm nay, {vn_date(pledge.signed_on)}{place}, các đơn vị thành viên {block.name} gồm:",
        members=party_members,
        commitment=f"Các đơn vị thành viên cam kết tổ chức thực hiện đầy đủ các chỉ tiêu đã đăng ký, thường xuyên "
                   f"trao đổi, học tập kinh nghiệm lẫn nhau; cuối năm tự chấm điểm theo bảng tiêu chí của Khối, làm "
                   f"căn cứ bình xét, suy tôn đơn vị dẫn đầu {block.name} năm {pledge.year}.",
        closing=f"Bản giao ước được lập thành {len(members):02d} bản, mỗi đơn vị thành viên giữ 01 bản, có giá trị "
                "như nhau./.",
        signature_rows=_signature_rows(signatures),
    )
    return dict(context), f"ban-giao-uoc-thi-dua-{file_stem(pledge.number)}.docx"


async def issue_pledge(session: AsyncSession, pledge: BlockPledge) -> BlockPledge:
    """Number the pledge in its head agency's series and freeze its printed bytes and hash; the caller commits,
    so the number, the row and the document are stored together or not at all."""
    head = await session.get_one(Unit, (await block_head(session, pledge.block_id, pledge.year)).unit_id)
    pledge.number = await allocate_number(session, head.code, catalogue().province.pledge_type_code,
                                          pledge.signed_on.year, f"pledge:{pledge.id}")
    context, pledge.filename = await build_pledge(session, pledge)
    pledge.content = await render_off_loop(DocumentKind.PLEDGE, context)
    pledge.sha256 = hashlib.sha256(pledge.content).hexdigest()
    session.add(pledge)
    await session.flush()
    return pledge
