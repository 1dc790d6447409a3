"""Biên bản họp bình xét: the block meeting's minutes.

The result of each vote is printed from the evidence the tally recorded with its move (members counted, votes
required, passed, the threshold in force), never counted again: a correction issued a year later, after the
province changed its threshold, still prints what was decided."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.contexts import MinutesCandidate, MinutesContext, PersonRole, Signer
from docx_templates.formatting import vn_date, vn_percent, vn_time
from docx_templates.text_width import subject_rule_mm
from flows.documents.header import header, province_upper
from flows.documents.meeting_lines import (
    COUNT_HEADINGS,
    attendance_lines,
    ballot_lines,
    committee_lines,
    counts_of,
    election_sentences,
    scoring_sentence,
)
from models.domain.enums import StageKind, VoteMethod
from models.storage.catalogue_file import catalogue
from models.storage.queries import CandidateLabel, awards_by_id, candidate_labels, evidence_of_stage, stage_of
from models.tables.meeting import BallotTally, BlockMeeting
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock

METHOD_WORDS = {VoteMethod.SECRET_BALLOT: "bỏ phiếu kín", VoteMethod.SHOW_OF_HANDS: "biểu quyết giơ tay"}


async def build_minutes(session: AsyncSession, meeting_id: int) -> tuple[dict[str, Any], str]:
    meeting = await session.get_one(BlockMeeting, meeting_id)
    block = await session.get_one(EmulationBlock, meeting.block_id)
    present, absent = await attendance_lines(session, meeting_id)
    stage = await stage_of(session, StageKind.MEETING_TALLY, meeting_id)
    evidence = await evidence_of_stage(session, stage.id) if stage is not None else {}
    decided = next(iter(evidence.values()), None)
    members_total = int(decided["members_total"]) if decided else len(present) + len(absent)
    head, deputy = await election_sentences(session, meeting, members_total)
    subject = f"Họp bình xét thi đua, khen thưởng năm {meeting.year} của {block.name}"
    context = MinutesContext(
        header=header(f"UBND {province_upper()}", [block.name], meeting.minutes_number or "", meeting.held_on),
        subject=subject,
        subject_rule_mm=subject_rule_mm(subject),
        opened_at=f"{vn_time(meeting.opened_at)}, {vn_date(meeting.held_on)}",
        location=meeting.location,
        chair=PersonRole(name=meeting.chair_name, title=meeting.chair_title),
        secretary=PersonRole(name=meeting.secretary_name, title=meeting.secretary_title),
        members_total=members_total,
        members_present=len(present),
        present_units=present,
        absentees=absent,
        scoring=await scoring_sentence(session, meeting.block_id, meeting.year),
        method=METHOD_WORDS[meeting.method],
        counting_committee=committee_lines(meeting.counting_committee),
        ballots=ballot_lines(meeting),
        threshold=_threshold_words(decided, members_total),
        count_headings=COUNT_HEADINGS[meeting.method],
        candidates=await _candidates(session, meeting, members_total, evidence),
        head_election=head,
        deputy_election=deputy,
        closed_at=f"{vn_time(meeting.closed_at)} cùng ngày" if meeting.closed_at else "",
        signers=[Signer(prefix="", title="THƯ KÝ", name=meeting.secretary_name),
                 Signer(prefix="", title="CHỦ TRÌ", name=meeting.chair_name)],
    )
    return dict(context), f"bien-ban-hop-khoi-{block.code}-{meeting.year}.docx"


async def _candidates(
    session: AsyncSession, meeting: BlockMeeting, members_total: int, evidence: dict[int, dict[str, Any]]
) -> list[MinutesCandidate]:
    rows = (await session.exec(select(Nomination, BallotTally).join(BallotTally).where(
        Nomination.meeting_id == meeting.id).order_by(col(Nomination.id)))).all()
    labels = await candidate_labels(session, [n for n, _ in rows])
    awards = await awards_by_id(session)
    result = []
    for stt, (nomination, t) in enumerate(rows, start=1):
        result.append(MinutesCandidate(
            stt=stt, name=_name(labels[nomination.id]), award=awards[nomination.award_id].name,
            counts=counts_of(meeting.method, t),
            percent=vn_percent(t.votes_for, members_total), result=_verdict(evidence.get(nomination.id)),
        ))
    return result


def _name(label: CandidateLabel) -> str:
    """ "Nguyễn Thị Hồng Nhung, Trưởng phòng …, Sở Công Thương": an individual with position and unit."""
    return f"{label.name}, {label.detail}" if label.detail else label.name


def _verdict(decided: dict[str, Any] | None) -> str:
    if decided is None:  # withdrawn or held before the tally moved it: the vote decided nothing
        return "Không xét"
    return "Đề nghị" if decided["passed"] else "Không đề nghị"


def _threshold_words(decided: dict[str, Any] | None, total: int) -> str:
    """The rule as the tally applied it; moves recorded before the rule was kept with them fall back to the
    catalogue's, which was the only one then."""
    if decided is not None and "threshold_percent" in decided:
        strictly_more, percent = bool(decided["threshold_strictly_more"]), str(decided["threshold_percent"])
        required = int(decided["required"])
    else:
        threshold = catalogue().block_vote_threshold()
        strictly_more, percent = threshold.strictly_more, f"{threshold.percent}"
        required = threshold.required(total)
    comparison = "quá" if strictly_more else "từ"
    return f"{comparison} {percent}% tổng số thành viên của Khối (tối thiểu {required}/{total} phiếu)"
