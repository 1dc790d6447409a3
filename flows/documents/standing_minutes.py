"""Biên bản họp Thường trực Hội đồng: the standing body's own record of its appraisal session, built as the council
session's minutes are (who attended, who wrote, who was absent, the result on each nomination, the conclusion), with
the appraisal in place of the votes; numbered in the standing body's own Biên bản series, named as the province's
catalogue names it ([standing_body])."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Signer
from docx_templates.formatting import vn_date
from docx_templates.minutes_contexts import StandingMinutesContext, StandingMinutesRow
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal import CHAIRMAN, award_lines
from flows.documents.appraisal_standing import standing_part
from flows.documents.ballot_count import COUNCIL_ISSUER_LINES
from flows.documents.citations import office_name
from flows.documents.council_minutes import chair_of, member_line, seat_roles
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import CouncilRole
from models.domain.vietnamese import COUNCIL_ROLE_VI
from models.recording.council import council_members
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id
from models.tables.council import CouncilMember, CouncilSession

# The standing body signs for itself, not for the whole council (Decree 30/2020 Điều 13: TM.).
STANDING_PREFIX = "TM. THƯỜNG TRỰC HỘI ĐỒNG"


async def build_standing_minutes(session: AsyncSession, session_id: int) -> tuple[dict[str, Any], str]:
    council = await session.get_one(CouncilSession, session_id)
    assert council.minutes_number is not None, "the minutes are numbered when the appraisal is recorded"
    body = catalogue().standing_body.name
    members = await council_members(session, session_id)
    roles = await seat_roles(session, members)
    part = await standing_part(session, council, office_name(), CHAIRMAN)
    chair, signer = chair_of(members, roles)
    if signer["prefix"] == "TM. HỘI ĐỒNG":
        signer = Signer(prefix=STANDING_PREFIX, title=signer["title"], name=signer["name"])
    subject = f"Phiên họp {body} xét, thẩm định hồ sơ khen thưởng năm {council.year}"
    context = StandingMinutesContext(
        header=header(f"UBND {province_upper()}", COUNCIL_ISSUER_LINES, council.minutes_number, council.held_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        opened_at=vn_date(council.held_on),
        location=council.location,
        chair=member_line(chair) if chair is not None else "",
        body=body,
        members_total=len(members),
        present=[member_line(m) for m in members if m.present],
        written=[f"{member_line(m)}: {m.written_opinion_text or 'có ý kiến bằng văn bản gửi kèm'}"
                 for m in members if not m.present and m.written_opinion],
        absent=[member_line(m) for m in members if not m.present and not m.written_opinion],
        method=_method(part.paragraph, body),
        rows=[StandingMinutesRow(stt=r["stt"], name=r["name"], award=r["award"], result=r["result"],
                                 reason=r["opinion"]) for r in part.rows],
        conclusion=(f"Kết luận: {body} thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng:"
                    if part.recommended else
                    f"Kết luận: {body} không thống nhất đề nghị khen thưởng tập thể, cá nhân nào."),
        awards=award_lines(part.recommended, await awards_by_id(session)),
        closing=f"Phiên họp kết thúc cùng ngày. Biên bản đã được đọc lại trước {body} và được nhất trí thông "
                "qua./.",
        signers=[_recorder(members, roles, chair), signer],
    )
    return dict(context), f"bien-ban-hop-thuong-truc-{file_stem(council.minutes_number)}.docx"


def _recorder(members: list[CouncilMember], roles: dict[int, CouncilRole], chair: CouncilMember | None) -> Signer:
    """Who signs on the left: the council's secretary when they attended, else the next standing member present
    (the standing seats often hold no secretary), under their role."""
    present = [m for m in members if m.present and m is not chair]
    secretary = next((m for m in present if roles.get(m.id) == CouncilRole.SECRETARY), None)
    if secretary is not None:
        return Signer(prefix="", title="THƯ KÝ", name=secretary.full_name)
    other = present[0] if present else None
    if other is None:
        return Signer(prefix="", title="THƯ KÝ", name="")
    role = roles.get(other.id)
    return Signer(prefix="", title=(COUNCIL_ROLE_VI[role] if role is not None else "Thành viên").upper(),
                  name=other.full_name)


def _method(paragraph: str, body: str) -> str:
    """The Tờ trình's account of the route, without the when, where and who the minutes give above."""
    routed = paragraph[paragraph.index("Các hình thức"):] if "Các hình thức" in paragraph else ""
    routed = routed.split(" Dự họp có:")[0]  # the members are listed above, with who was absent
    return f"{body} đã xem xét, thẩm định từng hồ sơ đề nghị khen thưởng. {routed} Kết quả thẩm định như sau:"
