"""Tờ trình of the TĐKT office (Sở Nội vụ) to the Chairman: the council's vote on each nomination, counted over
all its members, and the awards it therefore proposes."""

from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import AppraisalContext, AppraisalRow, Signer
from docx_templates.formatting import vn_date, vn_percent
from flows.documents.citations import office_name, proposals_behind
from flows.documents.decision import RECIPIENT_WORDS
from flows.documents.header import file_stem, header, province_upper
from models.catalogue import Award, load_catalogue
from models.council import CouncilMember, CouncilSession, CouncilVote
from models.nomination import Nomination
from models.queries import awards_by_id, candidate_labels
from models.recording.council import council_members
from models.recording.decisions import ANNEX_ORDER
from models.votes import Tally, count_votes

CHAIRMAN = "Chủ tịch Ủy ban nhân dân tỉnh"


async def build_appraisal(session: AsyncSession, session_id: int) -> tuple[dict[str, Any], str]:
    council = await session.get_one(CouncilSession, session_id)
    assert council.appraisal_number is not None and council.appraisal_signed_on is not None, (
        "the Tờ trình is numbered when the votes are recorded")
    members = await council_members(session, session_id)
    voted = await _voted(session, session_id)
    awards = await awards_by_id(session)
    rows, recommended = await _rows(session, voted, awards, len(members))
    office = office_name()
    citations = await proposals_behind(session, [n.id for n, _ in voted])
    context = AppraisalContext(
        header=header(f"UBND {province_upper()}", [office], council.appraisal_number, council.appraisal_signed_on),
        subject=f"Đề nghị tặng thưởng danh hiệu thi đua, hình thức khen thưởng năm {council.year}",
        recipients=[CHAIRMAN],
        bases=[*load_catalogue()["province"]["legal_bases"][1:],
               *(f"{c.text()} của {c.proposer}" for c in citations),
               f"kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh {vn_date(council.held_on)}"],
        council=_council_paragraph(council, members),
        rows=rows,
        proposal=(f"Trên cơ sở kết quả bỏ phiếu của Hội đồng, {office} đề nghị {CHAIRMAN} xem xét, tặng:"
                  if recommended else "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."),
        awards=_award_lines(recommended, awards),
        closing=f"(Có dự thảo Quyết định và hồ sơ kèm theo). {office} kính trình {CHAIRMAN} xem xét, quyết định./.",
        receivers=["Như trên", "Lưu: VT, Phòng TĐKT"],
        signer=Signer(prefix=council.appraisal_signer_prefix, title=council.appraisal_signer_title,
                      name=council.appraisal_signer_name),
    )
    return dict(context), f"to-trinh-{file_stem(council.appraisal_number)}.docx"


async def _voted(session: AsyncSession, session_id: int) -> list[tuple[Nomination, CouncilVote]]:
    rows = (await session.exec(select(Nomination, CouncilVote).join(CouncilVote).where(
        CouncilVote.session_id == session_id))).all()
    # Grouped as the Chairman decides: award by award, collectives before individuals, then as nominated.
    return sorted(rows, key=lambda r: (r[0].award_id, ANNEX_ORDER[r[0].recipient_kind], r[0].id))


async def _rows(
    session: AsyncSession, voted: list[tuple[Nomination, CouncilVote]], awards: dict[int, Award], total: int
) -> tuple[list[AppraisalRow], list[Nomination]]:
    labels = await candidate_labels(session, [n for n, _ in voted])
    rows: list[AppraisalRow] = []
    recommended: list[Nomination] = []
    for stt, (nomination, vote) in enumerate(voted, start=1):
        award = awards[nomination.award_id]
        outcome = count_votes(Tally(vote.votes_for, vote.votes_against, vote.abstain), total,
                              award.council_threshold)
        if outcome.passed:
            recommended.append(nomination)
        label = labels[nomination.id]
        rows.append(AppraisalRow(
            stt=stt, name=f"{label.name}, {label.detail}" if label.detail else label.name, award=award.name,
            votes=f"{vote.votes_for}/{total}", percent=vn_percent(vote.votes_for, total),
            result="Đề nghị" if outcome.passed else "Không đề nghị",
        ))
    return rows, recommended


def _council_paragraph(council: CouncilSession, members: list[CouncilMember]) -> str:
    present = sum(1 for m in members if m.present)
    written = sum(1 for m in members if not m.present and m.written_opinion)
    silent = len(members) - present - written
    attendance = [f"{present:02d} thành viên dự họp"]
    if written:
        attendance.append(f"{written:02d} thành viên vắng mặt có ý kiến bằng văn bản")
    if silent:
        attendance.append(f"{silent:02d} thành viên vắng mặt")
    held = vn_date(council.held_on)
    return (f"{held[0].upper()}{held[1:]}, tại {council.location}, Hội đồng Thi đua - Khen thưởng tỉnh đã họp xét "
            f"đề nghị khen thưởng năm {council.year}. Hội đồng có {len(members):02d} thành viên; "
            f"{', '.join(attendance)}. Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng. "
            "Kết quả bỏ phiếu như sau:")


def _award_lines(recommended: list[Nomination], awards: dict[int, Award]) -> list[str]:
    counts: dict[int, int] = {}
    for nomination in recommended:
        counts[nomination.award_id] = counts.get(nomination.award_id, 0) + 1
    return [f"{awards[a].name} cho {n:02d} {RECIPIENT_WORDS[awards[a].recipient_kind]}"
            for a, n in sorted(counts.items())]

