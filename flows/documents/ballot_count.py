"""Biên bản kiểm phiếu: the counting committee's record of a block meeting's or a council session's ballots, award
by award, each nominee's votes and their share of ALL members (thresholds count every member, not the ballots).

Issued only when the committee was named and its count recorded; the counts are printed as recorded with the vote
and the shares over the members the vote's moves counted."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import Header, Signer
from docx_templates.formatting import vn_date, vn_percent
from docx_templates.minutes_contexts import BallotCountContext, CountRow, CountSection
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import header, province_upper
from flows.documents.meeting_lines import COUNT_HEADINGS, ballot_count_lines, committee_lines, counts_of
from models.domain.enums import StageKind
from models.recording.council import council_outcomes
from models.storage.catalogue_file import catalogue
from models.storage.db import open_session
from models.storage.queries import CandidateLabel, awards_by_id, candidate_labels, evidence_of_stage, stage_of
from models.tables.ballots import BallotCountColumns
from models.tables.council import CouncilMember, CouncilSession
from models.tables.meeting import BallotTally, BlockMeeting
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock

COUNCIL_NAME = "Hội đồng Thi đua - Khen thưởng tỉnh"
# Broken where a clerk breaks it, the line break standing for the dash ("HỘI ĐỒNG THI ĐUA -" would leave it hanging,
# "THI ĐUA - KHEN THƯỞNG" does not fit the narrow column in bold).
COUNCIL_ISSUER_LINES = ["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"]


def was_counted(body: BallotCountColumns) -> bool:
    return bool(body.counting_committee) and body.ballots_issued is not None


async def meeting_was_counted(meeting_id: int) -> bool:
    async with open_session() as session:
        return was_counted(await session.get_one(BlockMeeting, meeting_id))


async def session_was_counted(session_id: int) -> bool:
    async with open_session() as session:
        return was_counted(await session.get_one(CouncilSession, session_id))


async def build_block_ballot_count(session: AsyncSession, meeting_id: int) -> tuple[dict[str, Any], str]:
    meeting = await session.get_one(BlockMeeting, meeting_id)
    block = await session.get_one(EmulationBlock, meeting.block_id)
    stage = await stage_of(session, StageKind.MEETING_TALLY, meeting_id)
    decided = await evidence_of_stage(session, stage.id) if stage is not None else {}
    rows = (await session.exec(select(Nomination, BallotTally).join(BallotTally).where(
        Nomination.meeting_id == meeting_id).order_by(col(Nomination.award_id), col(Nomination.id)))).all()
    total = int(next(iter(decided.values()))["members_total"]) if decided else 0
    labels = await candidate_labels(session, [n for n, _ in rows])
    lines = [(n, counts_of(meeting.method, t), t.votes_for, total) for n, t in rows]
    subject = f"Bình xét thi đua, khen thưởng năm {meeting.year} của {block.name}"
    context = _context(
        meeting, header(f"UBND {province_upper()}", [block.name], "", meeting.held_on), subject,
        intro=(f"{_day(meeting.held_on)}, tại {meeting.location}, hội nghị bình xét thi đua, khen thưởng năm "
               f"{meeting.year} của {block.name} đã bầu Ban kiểm phiếu gồm:"),
        basis=f"Tỷ lệ đồng ý tính trên tổng số {total} thành viên của Khối.",
        headings=COUNT_HEADINGS[meeting.method],
        sections=await _sections(session, lines, labels),
        written=0)
    return dict(context), f"bien-ban-kiem-phieu-{block.code}-{meeting.year}.docx"


async def build_council_ballot_count(session: AsyncSession, session_id: int) -> tuple[dict[str, Any], str]:
    council = await session.get_one(CouncilSession, session_id)
    members = list((await session.exec(select(CouncilMember).where(CouncilMember.session_id == session_id))).all())
    written = sum(1 for m in members if not m.present and m.written_opinion)
    voted = await council_outcomes(session, session_id)
    labels = await candidate_labels(session, [r.nomination for r in voted])
    lines = sorted(((r.nomination, [r.vote.votes_for, r.vote.votes_against, r.vote.abstain], r.vote.votes_for,
                     r.outcome.members_total) for r in voted), key=lambda line: (line[0].award_id, line[0].id))
    rules = catalogue().council
    counted = (" Ý kiến bằng văn bản của thành viên vắng mặt được tính vào kết quả theo "
               f"{rules.written_opinions_basis}." if written and rules.written_opinions_count else "")
    subject = f"Phiên họp {COUNCIL_NAME} xét khen thưởng năm {council.year}"
    context = _context(
        council, header(f"UBND {province_upper()}", COUNCIL_ISSUER_LINES, "", council.held_on),
        subject,
        intro=f"{_day(council.held_on)}, tại {council.location}, phiên họp {COUNCIL_NAME} đã bầu Ban kiểm phiếu gồm:",
        basis=f"Tỷ lệ đồng ý tính trên tổng số {len(members)} thành viên Hội đồng.{counted}",
        headings=["Đồng ý", "Không đồng ý", "Không biểu quyết"],
        sections=await _sections(session, lines, labels),
        written=written)
    return dict(context), f"bien-ban-kiem-phieu-hoi-dong-{council.held_on:%Y%m%d}-{council.id}.docx"


def _context(body: BallotCountColumns, head: Header, subject: str, *, intro: str, basis: str, headings: list[str],
             sections: list[CountSection], written: int) -> BallotCountContext:
    assert body.ballots_issued is not None and body.ballots_returned is not None and body.ballots_invalid is not None
    ballots = ballot_count_lines(body.ballots_issued, body.ballots_returned, body.ballots_invalid)
    if written:
        ballots.append(f"Số ý kiến bằng văn bản của thành viên vắng mặt: {written:02d}")
    return BallotCountContext(
        header=head, subject=subject, subject_rule_mm=subject_rule_mm(subject), intro=intro,
        committee=committee_lines(body.counting_committee), ballots=ballots, basis=basis,
        count_headings=headings, sections=sections,
        closing="Ban kiểm phiếu lập biên bản này và công bố kết quả kiểm phiếu trước hội nghị./.",
        head=Signer(prefix="", title="TRƯỞNG BAN KIỂM PHIẾU", name=body.counting_committee[0]),
        members=body.counting_committee[1:])


async def _sections(session: AsyncSession, lines: list[tuple[Nomination, list[int], int, int]],
                    labels: dict[int, CandidateLabel]) -> list[CountSection]:
    """One table per award, in award order, each nominee with the share of all members who voted for it."""
    awards = await awards_by_id(session)
    sections: list[CountSection] = []
    for nomination, counts, votes_for, total in lines:
        name = awards[nomination.award_id].name
        if not sections or sections[-1]["heading"] != f"{len(sections)}. {name}":
            sections.append(CountSection(heading=f"{len(sections) + 1}. {name}", rows=[]))
        label = labels[nomination.id]
        rows = sections[-1]["rows"]
        rows.append(CountRow(stt=len(rows) + 1, name=f"{label.name}, {label.detail}" if label.detail else label.name,
                             counts=counts, percent=vn_percent(votes_for, total)))
    return sections


def _day(day: Any) -> str:
    text = vn_date(day)
    return text[0].upper() + text[1:]
