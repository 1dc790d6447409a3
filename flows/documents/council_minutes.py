"""Biên bản phiên họp Hội đồng Thi đua - Khen thưởng: who attended (the roster's seats on the day), what each
absent member wrote, the result on each nomination as the council stage decided it, and the conclusion; numbered in
the council's own Biên bản series, signed by its secretary and, for the council, by whoever chaired."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date
from docx_templates.minutes_contexts import CouncilMinutesContext, CouncilMinutesRow
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import award_lines, council_part
from flows.documents.ballot_count import COUNCIL_ISSUER_LINES, COUNCIL_NAME
from flows.documents.citations import office_name
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import CouncilRole
from models.recording.council import council_members
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id
from models.tables.council import CouncilMember, CouncilSession
from models.tables.council_roster import CouncilSeat

# Who chairs when several are present, and how each signs for the council (Decree 30/2020 Điều 13: TM., KT.).
CHAIRS = [(CouncilRole.CHAIR, "TM. HỘI ĐỒNG", "CHỦ TỊCH"),
          (CouncilRole.STANDING_VICE_CHAIR, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"),
          (CouncilRole.VICE_CHAIR, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")]


async def build_council_minutes(session: AsyncSession, session_id: int) -> tuple[dict[str, Any], str]:
    council = await session.get_one(CouncilSession, session_id)
    assert council.minutes_number is not None, "the minutes are numbered when the votes are recorded"
    members = await council_members(session, session_id)
    roles = await seat_roles(session, members)
    part = await council_part(session, council, office_name())
    chair, signer = chair_of(members, roles)
    secretary = next((m for m in members if m.present and roles.get(m.id) == CouncilRole.SECRETARY), None)
    subject = f"Phiên họp {COUNCIL_NAME} xét khen thưởng năm {council.year}"
    context = CouncilMinutesContext(
        header=header(f"UBND {province_upper()}", COUNCIL_ISSUER_LINES, council.minutes_number,
                      council.held_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        opened_at=vn_date(council.held_on),
        location=council.location,
        chair=member_line(chair) if chair is not None else "",
        secretary=member_line(secretary) if secretary is not None else "",
        members_total=len(members),
        present=[member_line(m) for m in members if m.present],
        written=[f"{member_line(m)}: {m.written_opinion_text or 'có ý kiến bằng văn bản gửi kèm'}"
                 for m in members if not m.present and m.written_opinion],
        absent=[member_line(m) for m in members if not m.present and not m.written_opinion],
        method=_method(part.paragraph),
        rows=[CouncilMinutesRow(stt=r["stt"], name=r["name"], award=r["award"], votes=r["votes"],
                                percent=r["percent"], result=r["result"]) for r in part.rows],
        conclusion=("Kết luận: Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng:"
                    if part.recommended else
                    "Kết luận: không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."),
        awards=award_lines(part.recommended, await awards_by_id(session)),
        closing="Phiên họp kết thúc cùng ngày. Biên bản đã được đọc lại trước Hội đồng và được nhất trí thông qua./.",
        signers=[Signer(prefix="", title="THƯ KÝ", name=secretary.full_name if secretary is not None else ""),
                 signer],
    )
    return dict(context), f"bien-ban-hop-hoi-dong-{file_stem(council.minutes_number)}.docx"


async def seat_roles(session: AsyncSession, members: list[CouncilMember]) -> dict[int, CouncilRole]:
    """Each member's role on the roster seat they were copied from (typed-in members have none)."""
    seats = {s.id: s.role for s in (await session.exec(select(CouncilSeat).where(
        col(CouncilSeat.id).in_([m.seat_id for m in members if m.seat_id is not None])))).all()}
    return {m.id: seats[m.seat_id] for m in members if m.seat_id is not None}


def chair_of(members: list[CouncilMember], roles: dict[int, CouncilRole]) -> tuple[CouncilMember | None, Signer]:
    for role, prefix, title in CHAIRS:
        chair = next((m for m in members if m.present and roles.get(m.id) == role), None)
        if chair is not None:
            return chair, Signer(prefix=prefix, title=title, name=chair.full_name)
    first = next((m for m in members if m.present), None)
    return first, Signer(prefix="", title="CHỦ TRÌ", name=first.full_name if first is not None else "")


def member_line(member: CouncilMember) -> str:
    return f"{member.full_name}, {member.position}" if member.position else member.full_name


def _method(paragraph: str) -> str:
    """The Tờ trình's paragraph on the session, from the counting rule on, and the rule on written opinions."""
    counted = paragraph[paragraph.index("Tỷ lệ"):] if "Tỷ lệ" in paragraph else paragraph
    rules = catalogue().council
    written = (f" Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả biểu quyết theo "
               f"{rules.written_opinions_basis}." if rules.written_opinions_count else
               " Ý kiến bằng văn bản của thành viên vắng mặt được ghi nhận, không tính vào kết quả biểu quyết.")
    return f"Hội đồng đã xem xét hồ sơ đề nghị khen thưởng và biểu quyết từng trường hợp. {counted}{written}".replace(
        " Kết quả bỏ phiếu như sau:", "") + " Kết quả như sau:"
