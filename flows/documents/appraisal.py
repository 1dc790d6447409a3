"""Tờ trình of the TĐKT office (Sở Nội vụ) to the Chairman: the council's vote on each nomination, counted over
all its members, or its standing body's appraisal (flows/documents/appraisal_standing.py), and the awards it
therefore proposes. It says which route the awards took."""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import AppraisalContext, AppraisalRow, Signer
from docx_templates.formatting import vn_date, vn_percent
from docx_templates.text_width import subject_rule_mm
from flows.documents.appraisal_findings import appraisal_findings
from flows.documents.appraisal_standing import Appraised, standing_part
from flows.documents.citations import office_name, proposals_behind
from flows.documents.decision import RECIPIENT_WORDS
from flows.documents.header import file_stem, header, province_upper
from models.domain.enums import CouncilBody, StageKind
from models.recording.council import CouncilOutcome, council_members, council_outcomes
from models.recording.decision_awards import ANNEX_ORDER
from models.storage.catalogue_file import catalogue
from models.storage.queries import awards_by_id, candidate_labels, evidence_of_stage, stage_of
from models.tables.award import Award
from models.tables.council import CouncilMember, CouncilSession
from models.tables.nomination import Nomination

CHAIRMAN = "Chủ tịch Ủy ban nhân dân tỉnh"
# The office's unit that drafts the Tờ trình (Ban/Phòng Thi đua - Khen thưởng), as "Lưu: VT, …" abbreviates it.
DRAFTING_UNIT = "TĐKT"


async def build_appraisal(session: AsyncSession, session_id: int) -> tuple[dict[str, Any], str]:
    """The Tờ trình of a full council's session (its votes) or of its standing body's (its appraisal)."""
    council = await session.get_one(CouncilSession, session_id)
    assert council.appraisal_number is not None and council.appraisal_signed_on is not None, (
        "the Tờ trình is numbered when the votes are recorded")
    office = office_name()
    standing = council.body == CouncilBody.STANDING_BODY
    part = (await standing_part(session, council, office, CHAIRMAN) if standing
            else await council_part(session, council, office))
    awards = await awards_by_id(session)
    recommended = part.recommended
    citations = await proposals_behind(session, [n.id for n in part.listed])
    subject = _subject(recommended or part.listed, awards, council.year, [c.block for c in citations])
    context = AppraisalContext(
        header=header(f"UBND {province_upper()}", [office], council.appraisal_number, council.appraisal_signed_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        recipients=[CHAIRMAN],
        bases=[*catalogue().province.legal_bases_on(council.appraisal_signed_on, with_authority=False),
               # Each block's Tờ trình, then the minutes it rests on: the office checked both.
               *(line for c in citations for line in (f"{c.text()} của {c.proposer}", c.minutes_text())),
               part.meeting_basis],
        findings=await appraisal_findings(session, [n.id for n in part.listed], office),
        standing=standing,
        council=part.paragraph,
        rows=part.rows,
        proposal=part.proposal,
        awards=award_lines(recommended, awards),
        closing=f"(Có dự thảo Quyết định và hồ sơ kèm theo). {office} kính trình {CHAIRMAN} xem xét, quyết định./.",
        receivers=["Như trên", f"Lưu: VT, {DRAFTING_UNIT}"],
        signer=Signer(prefix=council.appraisal_signer_prefix, title=council.appraisal_signer_title,
                      name=council.appraisal_signer_name),
    )
    return dict(context), f"to-trinh-{file_stem(council.appraisal_number)}.docx"


async def council_part(session: AsyncSession, council: CouncilSession, office: str) -> Appraised:
    members = await council_members(session, council.id)
    # Grouped as the Chairman decides: award by award, collectives before individuals, then as nominated.
    voted = sorted(await council_outcomes(session, council.id), key=lambda r: (
        r.nomination.award_id, ANNEX_ORDER[r.nomination.recipient_kind], r.nomination.id))
    stage = await stage_of(session, StageKind.COUNCIL_REVIEW, council.id)
    decided = await evidence_of_stage(session, stage.id) if stage is not None else {}
    rows, recommended = await vote_rows(session, voted, decided)
    return Appraised(
        listed=[r.nomination for r in voted], recommended=recommended, rows=rows,
        paragraph=council_paragraph(council, members, decided, route_sentence(voted, decided)),
        meeting_basis=f"kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh {vn_date(council.held_on)}",
        proposal=(f"Trên cơ sở kết quả bỏ phiếu của Hội đồng, {office} đề nghị {CHAIRMAN} xem xét, tặng:"
                  if recommended else "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."))


async def vote_rows(
    session: AsyncSession, voted: list[CouncilOutcome], decided: dict[int, dict[str, Any]]
) -> tuple[list[AppraisalRow], list[Nomination]]:
    """Each vote as the council stage decided it (its evidence), never counted again with today's rules."""
    labels = await candidate_labels(session, [r.nomination for r in voted])
    rows: list[AppraisalRow] = []
    recommended: list[Nomination] = []
    for stt, r in enumerate(voted, start=1):
        evidence = decided.get(r.nomination.id)
        passed = evidence is not None and bool(evidence["passed"])
        if passed:
            recommended.append(r.nomination)
        label = labels[r.nomination.id]
        # All members but those recused from this nomination, as counted when the votes were recorded.
        voters = int(evidence["members_total"]) if evidence is not None else r.outcome.members_total
        result = "Không xét" if evidence is None else "Đề nghị" if passed else "Không đề nghị"
        rows.append(AppraisalRow(
            stt=stt, name=f"{label.name}, {label.detail}" if label.detail else label.name, award=r.award.name,
            votes=f"{r.vote.votes_for}/{voters}", percent=vn_percent(r.vote.votes_for, voters), result=result,
            opinion="",
        ))
    return rows, recommended


def council_paragraph(council: CouncilSession, members: list[CouncilMember],
                      decided: dict[int, dict[str, Any]], route: str) -> str:
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
            f"{', '.join(attendance)}. {_counted_over(len(members), decided)}{route} Kết quả bỏ phiếu như sau:")


def route_sentence(voted: list[CouncilOutcome], decided: dict[int, dict[str, Any]]) -> str:
    """Which route these awards took and the texts that set it and the shares, as the vote stage recorded them
    (the regulation in force on the session's day; an older record without them: the session's day again)."""
    routes = list(dict.fromkeys(str(decided.get(r.nomination.id, {}).get("route_basis", r.route_basis))
                                for r in voted))
    shares = {r.award.name: str(decided.get(r.nomination.id, {}).get("threshold_basis", r.basis)) for r in voted}
    if not voted:
        return ""
    return (f" Các hình thức khen thưởng này do Hội đồng họp xét, bỏ phiếu ({'; '.join(routes)}); tỷ lệ phiếu "
            f"đồng ý cần đạt: {'; '.join(f'{name} theo {basis}' for name, basis in shares.items())}.")


def _counted_over(members: int, decided: dict[int, dict[str, Any]]) -> str:
    """What the shares were counted over, as the vote evidence says (not as today's catalogue would count)."""
    recusing = [e for e in decided.values() if e.get("recused")]
    if any(e.get("members_total", members) < members for e in recusing):
        return ("Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng, không kể thành viên thuộc đơn vị "
                "được đề nghị (không biểu quyết đối với đơn vị mình).")
    if recusing:
        return ("Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng; thành viên thuộc đơn vị được đề "
                "nghị không biểu quyết đối với đơn vị mình.")
    return "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng."


def _subject(nominations: list[Nomination], awards: dict[int, Award], year: int, blocks: list[str]) -> str:
    """ "Về việc đề nghị tặng Cờ thi đua … năm 2026 cho 01 tập thể thuộc Khối thi đua …": the forms it proposes, in
    award order, how many collectives and individuals, and the blocks they come from."""
    # The collective and the individual Bằng khen share a name: print it once.
    names = list(dict.fromkeys(awards[a].name for a in sorted({n.award_id for n in nominations})))
    listed = f"{', '.join(names[:-1])} và {names[-1]}" if len(names) > 1 else "".join(names)
    individuals = sum(1 for n in nominations if n.person_id is not None)
    counts = [f"{k:02d} {word}" for k, word in ((len(nominations) - individuals, "tập thể"),
                                               (individuals, "cá nhân")) if k]
    distinct = list(dict.fromkeys(blocks))
    source = f" thuộc {distinct[0]}" if len(distinct) == 1 else f" thuộc {len(distinct):02d} Khối thi đua" if (
        distinct) else ""
    return (f"Về việc đề nghị tặng {listed or 'thưởng danh hiệu thi đua, hình thức khen thưởng'} năm {year}"
            + (f" cho {' và '.join(counts)}{source}" if counts else ""))


def award_lines(recommended: list[Nomination], awards: dict[int, Award]) -> list[str]:
    counts: dict[int, int] = {}
    for nomination in recommended:
        counts[nomination.award_id] = counts.get(nomination.award_id, 0) + 1
    return [f"{awards[a].name} cho {n:02d} {RECIPIENT_WORDS[awards[a].recipient_kind]}"
            for a, n in sorted(counts.items())]

