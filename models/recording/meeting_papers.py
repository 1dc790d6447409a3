"""What the block meeting's papers need beyond the vote itself: the reason each absent unit gave, the counting
committee's ballot count, the votes for next year's head and deputy, and the minutes' number."""

from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.ballots import (
    ballot_count,
    ballot_problems,
    election_problems,
    secret_ballot_abstentions,
)
from models.domain.enums import VoteMethod
from models.domain.errors import DomainError, Problem
from models.domain.numbers import MINUTES_TYPE
from models.domain.votes import Tally
from models.storage.numbering import allocate_number
from models.tables.meeting import AbsenceRecord, BlockMeeting, MeetingResultsRecord
from models.tables.organisation import EmulationBlock

# What the results request sets on the meeting, as given.
BALLOT_FIELDS = ("ballots_issued", "ballots_returned", "ballots_invalid", "counting_committee",
                 "next_head_unit_id", "next_deputy_unit_id", "next_head_votes", "next_deputy_votes")


def absence_reasons(absences: list[AbsenceRecord], member_ids: set[int], present: set[int]) -> dict[int, str]:
    """The reason per absent member unit; a reason for a unit present, or not of the block, is refused."""
    problems, reasons = [], {}
    for i, absence in enumerate(absences):
        field = f"absences.{i}.unit_id"
        if absence.unit_id not in member_ids:
            problems.append(Problem(field, "block.member", f"Unit {absence.unit_id} is not a member of this block.",
                                    vi=f"Đơn vị mã số {absence.unit_id} không phải thành viên của Khối thi đua này."))
        elif absence.unit_id in present:
            problems.append(Problem(field, "meeting.absence_of_absent",
                                    f"Unit {absence.unit_id} is marked present: only an absent unit gives a reason.",
                                    vi=f"Đơn vị mã số {absence.unit_id} đã được ghi là có mặt; chỉ ghi lý do vắng "
                                       "cho đơn vị vắng mặt."))
        elif absence.unit_id in reasons:
            problems.append(Problem(field, "meeting.absence_once", f"Unit {absence.unit_id} is listed twice.",
                                    vi=f"Đơn vị mã số {absence.unit_id} được ghi lý do vắng hai lần."))
        reasons[absence.unit_id] = absence.reason.strip()
    if problems:
        raise DomainError(*problems)
    return reasons


def ballot_record_problems(meeting: BlockMeeting, data: MeetingResultsRecord, present: int) -> list[Problem]:
    """The committee's count against the units present and each tally line; a secret ballot has no abstention;
    the head and deputy cannot receive more ballots than there are voters."""
    tallies = [Tally(t.votes_for, t.votes_against, t.abstain, t.invalid) for t in data.tallies]
    problems = (secret_ballot_abstentions([t.abstain for t in tallies], "tallies")
                if meeting.method == VoteMethod.SECRET_BALLOT else [])
    count, incomplete = ballot_count(data.ballots_issued, data.ballots_returned, data.ballots_invalid,
                                     data.counting_committee)
    problems += incomplete
    if count is not None:
        problems += ballot_problems(count, present, [t.cast for t in tallies], "tallies")
    voters = count.valid if count is not None else present
    problems += election_problems(data.next_head_votes, "next_head_votes", voters)
    problems += election_problems(data.next_deputy_votes, "next_deputy_votes", voters)
    return problems


async def number_minutes(session: AsyncSession, meeting: BlockMeeting) -> None:
    """Number the minutes in the block's own Biên bản series (its registered symbol, unique per block) of the year
    the meeting is held (Decree 30/2020 Điều 15), in the transaction that records the vote they report; a rerun of
    the flow finds it numbered."""
    if meeting.minutes_number is not None:
        return
    block = await session.get_one(EmulationBlock, meeting.block_id)
    meeting.minutes_number = await allocate_number(session, block.symbol, MINUTES_TYPE,
                                                   meeting.held_on.year, f"minutes:meeting:{meeting.id}")
    session.add(meeting)
