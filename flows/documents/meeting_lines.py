"""Lines the block meeting's papers print beyond the vote table: attendance with the reasons for absence, the
counting committee and its count, the election of next year's head, and the scoring table the meeting rests on."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.formatting import vn_date, vn_percent
from models.domain.enums import VoteMethod
from models.domain.movements import ScoringRound, ScoringStatus
from models.domain.scoring import points_vi
from models.tables.meeting import BallotTally, BlockMeeting, MeetingAttendance
from models.tables.movement_scoring import BlockScoring
from models.tables.organisation import Unit

# The three counts of a vote table, as each method produces them: a secret ballot keeps or strikes each name, so
# it has spoilt lines but no abstention; a show of hands has members who raise no hand but no spoilt ballot.
COUNT_HEADINGS = {VoteMethod.SECRET_BALLOT: ["Đồng ý", "Không đồng ý", "Phiếu không hợp lệ"],
                  VoteMethod.SHOW_OF_HANDS: ["Đồng ý", "Không đồng ý", "Không biểu quyết"]}


def counts_of(method: VoteMethod, tally: BallotTally) -> list[int]:
    third = tally.invalid if method == VoteMethod.SECRET_BALLOT else tally.abstain
    return [tally.votes_for, tally.votes_against, third]


async def attendance_lines(session: AsyncSession, meeting_id: int) -> tuple[list[str], list[str]]:
    """The units present, and the units absent each with the reason it gave, in the registry's order."""
    rows = (await session.exec(select(MeetingAttendance, Unit).join(Unit).where(
        MeetingAttendance.meeting_id == meeting_id).order_by(col(Unit.id)))).all()
    present = [unit.name for a, unit in rows if a.present]
    absent = [f"{unit.name} (lý do: {a.absence_reason})" if a.absence_reason else f"{unit.name} (không rõ lý do)"
              for a, unit in rows if not a.present]
    return present, absent


def committee_lines(names: list[str]) -> list[str]:
    """The counting committee, its head first."""
    return [f"{name}, {'Trưởng ban' if i == 0 else 'Thành viên'}" for i, name in enumerate(names)]


def ballot_lines(meeting: BlockMeeting) -> list[str]:
    if meeting.ballots_issued is None or meeting.ballots_returned is None or meeting.ballots_invalid is None:
        return []
    return ballot_count_lines(meeting.ballots_issued, meeting.ballots_returned, meeting.ballots_invalid)


def ballot_count_lines(issued: int, returned: int, invalid: int) -> list[str]:
    return [f"Số phiếu phát ra: {issued:02d} phiếu", f"Số phiếu thu về: {returned:02d} phiếu",
            f"Số phiếu hợp lệ: {returned - invalid:02d} phiếu", f"Số phiếu không hợp lệ: {invalid:02d} phiếu"]


async def election_sentences(session: AsyncSession, meeting: BlockMeeting, members_total: int) -> tuple[str, str]:
    """Who the meeting elected to head the block (and be its deputy) next year, with the ballots they received
    when the count was recorded."""
    names = {u.id: u.name for u in (await session.exec(select(Unit).where(col(Unit.id).in_(
        [i for i in (meeting.next_head_unit_id, meeting.next_deputy_unit_id) if i is not None])))).all()}

    def sentence(unit_id: int | None, votes: int | None, role: str) -> str:
        if unit_id is None:
            return ""
        counted = (f" với {votes}/{members_total} phiếu đồng ý ({vn_percent(votes, members_total)} tổng số thành "
                   "viên của Khối)" if votes is not None else "")
        verb = "bầu" if votes is not None else "thống nhất bầu"
        return f"Hội nghị {verb} {names[unit_id]} làm {role} năm {meeting.year + 1}{counted}."

    return (sentence(meeting.next_head_unit_id, meeting.next_head_votes, "Trưởng Khối"),
            sentence(meeting.next_deputy_unit_id, meeting.next_deputy_votes, "Phó Trưởng Khối"))


async def scoring_sentence(session: AsyncSession, block_id: int, year: int) -> str:
    """The block's closed year-end scoring table and the unit it ranks first, which the vote on the flag rests on;
    "" when the year was not scored here."""
    scoring = (await session.exec(select(BlockScoring).where(
        BlockScoring.block_id == block_id, BlockScoring.year == year, BlockScoring.round == ScoringRound.FINAL,
        BlockScoring.status == ScoringStatus.CLOSED))).first()
    if scoring is None or scoring.closed_at is None:
        return ""
    result = scoring.result
    table = (f"Căn cứ Bảng tổng hợp điểm thi đua năm {year} của Khối (bộ tiêu chí mã {result['criteria_set_code']}, "
             f"phiên bản {result['criteria_set_version']}, chốt {vn_date(scoring.closed_at.date())})")
    leader_id = result.get("leader_unit_id")
    row = next((r for r in result["rows"] if r["unit_id"] == leader_id), None)
    if row is None:
        return f"{table}, chưa xác định được đơn vị dẫn đầu Khối."
    leader = await session.get_one(Unit, leader_id)
    return (f"{table}, {leader.name} xếp thứ {row['rank']} với {points_vi(row['total'])} điểm, là đơn vị dẫn đầu "
            "Khối.")
