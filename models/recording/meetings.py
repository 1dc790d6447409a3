"""The block meeting: its candidates, then the counted ballots and the election of next year's head."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import RecipientKind, StageKind, State
from models.domain.errors import Conflict, DomainError, Problem, not_found, refuse
from models.domain.vietnamese import object_vi
from models.domain.votes import Tally, tally_problems
from models.recording.common import (
    get_or_404,
    members_of,
    record_stage,
    refuse_if_recorded,
    require_in_emulation_year,
    require_states,
    require_unique,
    unknown_award,
)
from models.recording.meeting_papers import (
    BALLOT_FIELDS,
    absence_reasons,
    ballot_record_problems,
    number_minutes,
)
from models.recording.scoring_meeting import apply_scoring, scored_year
from models.storage.catalogue_file import catalogue
from models.storage.db import insert_rows
from models.storage.locks import serialize_on
from models.storage.moves import record_creation
from models.tables.award import Award
from models.tables.meeting import (
    BallotTally,
    BlockMeeting,
    BlockMeetingCreate,
    CandidateCreate,
    MeetingAttendance,
    MeetingResultsRecord,
)
from models.tables.nomination import Nomination
from models.tables.organisation import EmulationBlock, Person
from models.tables.stage import Stage


async def create_meeting(session: AsyncSession, data: BlockMeetingCreate, actor: Actor) -> BlockMeeting:
    await serialize_on(session, EmulationBlock, data.block_id, "block_id")  # the meeting opened twice at once: once
    held = (await session.exec(select(BlockMeeting).where(
        BlockMeeting.block_id == data.block_id, BlockMeeting.year == data.year))).first()
    if held is not None:
        raise Conflict(Problem("year", "meeting.once",
                               f"Block {data.block_id} already opened its year-end meeting for {data.year} "
                               f"(meeting {held.id}, {held.held_on:%d/%m/%Y}).",
                               vi=f"Khối thi đua mã số {data.block_id} đã mở hội nghị tổng kết năm {data.year} "
                                  f"(hội nghị mã số {held.id}, ngày {held.held_on:%d/%m/%Y})."))
    require_in_emulation_year(data.held_on, data.year, "held_on", "year-end meeting", "Hội nghị tổng kết")
    member_ids = {m.unit_id for m in await members_of(session, data.block_id, data.year)}
    if not member_ids:
        raise refuse("year", "block.members", f"Block {data.block_id} has no members in {data.year}.",
                     vi=f"Khối thi đua mã số {data.block_id} không có đơn vị thành viên nào trong năm {data.year}.")
    require_unique(data.present_unit_ids, "present_unit_ids")
    outsiders = [Problem(f"present_unit_ids.{i}", "block.member", f"Unit {u} is not a member of this block.",
                         vi=f"Đơn vị mã số {u} không phải thành viên của Khối thi đua này.")
                 for i, u in enumerate(data.present_unit_ids) if u not in member_ids]
    if outsiders:
        raise DomainError(*outsiders)
    # Every candidate's award and person in two queries, however many candidates the block puts forward.
    known_awards = {a.code: a for a in (await session.exec(select(Award).where(
        col(Award.code).in_({c.award_code for c in data.candidates})))).all()}
    people = {p.id: p for p in (await session.exec(select(Person).where(
        col(Person.id).in_({c.person_id for c in data.candidates if c.person_id is not None})))).all()}
    awards = [_checked_candidate(c, known_awards, people, member_ids, f"candidates.{i}")
              for i, c in enumerate(data.candidates)]
    _refuse_repeated_candidates(data.candidates)
    # A block that closed its year-end scoring takes each unit's rating and leads_block from its ranking.
    scored = await scored_year(session, data.block_id, data.year)
    from_scoring = (apply_scoring(scored, data.candidates, [a.recipient_kind for a in awards]) if scored
                    else [None] * len(awards))

    present = set(data.present_unit_ids)
    reasons = absence_reasons(data.absences, member_ids, present)
    meeting = BlockMeeting(**data.model_dump(exclude={"present_unit_ids", "candidates", "absences"}),
                           created_by=actor.username)
    session.add(meeting)
    await session.flush()
    session.add_all(MeetingAttendance(meeting_id=meeting.id, unit_id=u, present=u in present,
                                      absence_reason=reasons.get(u, "")) for u in sorted(member_ids))
    nominations = [Nomination(
        year=data.year, award_id=award.id, block_id=data.block_id, meeting_id=meeting.id,
        recipient_kind=award.recipient_kind, unit_id=candidate.unit_id, person_id=candidate.person_id,
        achievement=candidate.achievement, facts=candidate.facts.model_dump(mode="json", exclude_none=True),
    ) for candidate, award in zip(data.candidates, awards, strict=True)]
    session.add_all(nominations)
    await session.flush()  # one batched insert; the creations below need the ids
    await insert_rows(session, [record_creation(n, actor, {"meeting_id": meeting.id, "facts": n.facts}
                                                | ({"facts_from_scoring": scoring} if scoring else {}))
                                for n, scoring in zip(nominations, from_scoring, strict=True)])
    return meeting


def _checked_candidate(candidate: CandidateCreate, awards: dict[str, Award], people: dict[int, Person],
                       member_ids: set[int], field: str) -> Award:
    award = awards.get(candidate.award_code)
    if award is None:
        raise unknown_award(candidate.award_code, f"{field}.award_code")
    if award.recipient_kind == RecipientKind.INDIVIDUAL:
        if candidate.person_id is None or candidate.unit_id is not None:
            raise refuse(f"{field}.person_id", "candidate.recipient",
                         f"{award.name} is for an individual: give person_id and no unit_id.",
                         vi=f"{award.name} dành cho cá nhân: ghi mã cá nhân (person_id), không ghi mã đơn vị.")
        person = people.get(candidate.person_id)
        if person is None:
            raise not_found(f"{field}.person_id", "person", candidate.person_id, what_vi=object_vi("Person"))
        home_unit = person.unit_id
    else:
        if candidate.unit_id is None or candidate.person_id is not None:
            raise refuse(f"{field}.unit_id", "candidate.recipient",
                         f"{award.name} is for a collective: give unit_id and no person_id.",
                         vi=f"{award.name} dành cho tập thể: ghi mã đơn vị (unit_id), không ghi mã cá nhân.")
        home_unit = candidate.unit_id
    if home_unit not in member_ids:
        raise refuse(f"{field}.unit_id", "block.member",
                     "The candidate must belong to a member unit of the block in that year.",
                     vi="Người hoặc tập thể được đề cử phải thuộc một đơn vị thành viên của Khối trong năm đó.")
    return award


def _refuse_repeated_candidates(candidates: list[CandidateCreate]) -> None:
    seen: set[tuple[str, int | None, int | None]] = set()
    for i, c in enumerate(candidates):
        key = (c.award_code, c.unit_id, c.person_id)
        if key in seen:
            raise refuse(f"candidates.{i}", "candidate.once",
                         "The same candidate is put forward twice for the same award.",
                         vi="Một trường hợp được đề cử hai lần cho cùng một hình thức khen thưởng.")
        seen.add(key)


async def record_meeting_results(
    session: AsyncSession, meeting_id: int, data: MeetingResultsRecord, actor: Actor
) -> Stage:
    await serialize_on(session, BlockMeeting, meeting_id, "meeting_id")
    meeting = await get_or_404(session, BlockMeeting, meeting_id, "meeting_id")
    await refuse_if_recorded(session, StageKind.MEETING_TALLY, meeting_id)
    nominations = {n.id: n for n in (await session.exec(
        select(Nomination).where(Nomination.meeting_id == meeting_id).order_by(col(Nomination.id))
    )).all()}
    tallied = [t.nomination_id for t in data.tallies]
    require_unique(tallied, "tallies")
    if set(tallied) != set(nominations):
        raise refuse("tallies", "meeting.tally_every_candidate",
                     f"Give exactly one tally for each of the meeting's candidates {sorted(nominations)}.",
                     vi="Cần ghi đúng một kết quả kiểm phiếu cho mỗi hồ sơ được đề cử tại hội nghị "
                        f"(mã số {', '.join(str(n) for n in sorted(nominations))}).")
    require_states(((i, nominations[t]) for i, t in enumerate(tallied)), {State.NOMINATED}, "tallies",
                   "recording the block vote", action_vi="ghi kết quả bỏ phiếu của Khối")
    present = len((await session.exec(select(MeetingAttendance).where(
        MeetingAttendance.meeting_id == meeting_id, col(MeetingAttendance.present)))).all())
    members_total = len(await members_of(session, meeting.block_id, meeting.year))
    if (quorum := catalogue().block_quorum().problem(present, members_total, "meeting_id")) is not None:
        raise DomainError(quorum)
    problems = [p for i, t in enumerate(data.tallies)
                for p in tally_problems(Tally(t.votes_for, t.votes_against, t.abstain, t.invalid),
                                        present, f"tallies.{i}")]
    if problems := problems + ballot_record_problems(meeting, data, present):
        raise DomainError(*problems)
    await _check_election(session, meeting, data)

    session.add_all(BallotTally(meeting_id=meeting_id, **t.model_dump()) for t in data.tallies)
    for name in BALLOT_FIELDS:
        setattr(meeting, name, getattr(data, name))
    meeting.closed_at = data.closed_at or meeting.closed_at
    session.add(meeting)
    stage = await record_stage(session, StageKind.MEETING_TALLY, meeting_id, meeting.year, actor,
                               block_id=meeting.block_id)
    await number_minutes(session, meeting)  # last: the number is taken only if everything else holds
    return stage


async def _check_election(session: AsyncSession, meeting: BlockMeeting, data: MeetingResultsRecord) -> None:
    member_ids = {m.unit_id for m in await members_of(session, meeting.block_id, meeting.year)}
    for field, unit_id in (("next_head_unit_id", data.next_head_unit_id),
                           ("next_deputy_unit_id", data.next_deputy_unit_id)):
        if unit_id is not None and unit_id not in member_ids:
            raise refuse(field, "block.member", f"Unit {unit_id} is not a member of this block.",
                         vi=f"Đơn vị mã số {unit_id} không phải thành viên của Khối thi đua này.")
    if data.next_head_unit_id == data.next_deputy_unit_id:
        raise refuse("next_deputy_unit_id", "block.head_deputy_differ",
                     "The head and the deputy must be different units.",
                     vi="Đơn vị Trưởng Khối và đơn vị Phó Trưởng Khối phải là hai đơn vị khác nhau.")
