"""The council's standing roster: seats added and terms ended (never deleted), and the roster on a day."""

from datetime import date

from sqlalchemy import or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.council_roster import attendance, attendance_problems, term_problems
from models.domain.errors import DomainError, Problem, refuse
from models.recording.common import get_or_404
from models.storage.locks import serialize_on
from models.storage.registry_log import record_change, row_state
from models.tables.base import utc_now
from models.tables.council import CouncilMember
from models.tables.council_roster import CouncilSeat, CouncilSeatCreate, CouncilSeatEnd
from models.tables.organisation import Unit


async def roster_on(session: AsyncSession, on: date) -> list[CouncilSeat]:
    """The seats in force on the day (a term includes its first and last day), in the order they were added."""
    query = select(CouncilSeat).where(
        col(CouncilSeat.serves_from) <= on,
        or_(col(CouncilSeat.serves_until).is_(None), col(CouncilSeat.serves_until) >= on),
    ).order_by(col(CouncilSeat.id))
    return list((await session.exec(query)).all())


def refuse_outside_standing_body(roster: list[CouncilSeat], present: list[int], written_opinion: list[int]) -> None:
    """A member of the council who is not of its standing body does not sit in the standing body's session."""
    outside = {s.id: s.full_name for s in roster if not s.standing_body}
    problems = [Problem(f"{name}.{i}", "council.seat_not_standing",
                        f"Seat {seat} ({outside[seat]}) is not a member of the council's standing body.",
                        vi=f"Thành viên mã số {seat} ({outside[seat]}) không thuộc Thường trực Hội đồng.")
                for name, seats in (("present_seat_ids", present), ("written_opinion_seat_ids", written_opinion))
                for i, seat in enumerate(seats) if seat in outside]
    if problems:
        raise DomainError(*problems)


async def add_seat(session: AsyncSession, data: CouncilSeatCreate, actor: Actor) -> CouncilSeat:
    if problems := term_problems(data.serves_from, data.serves_until, "serves_until"):
        raise DomainError(*problems)
    if data.unit_id is not None:
        await get_or_404(session, Unit, data.unit_id, "unit_id")
    seat = CouncilSeat(**data.model_dump(), created_by=actor.username)
    session.add(seat)
    await session.flush()
    await record_change(session, CouncilSeat, seat.id, None, row_state(seat), actor)
    return seat


async def end_seat(session: AsyncSession, seat_id: int, data: CouncilSeatEnd, actor: Actor) -> CouncilSeat:
    """Set the last day of a seat's term. Sessions already held keep their copy of it, whatever the day."""
    await serialize_on(session, CouncilSeat, seat_id, "seat_id")
    seat = await get_or_404(session, CouncilSeat, seat_id, "seat_id")
    if seat.serves_until is not None:
        raise refuse("seat_id", "council.seat_ended",
                     f"This seat's term already ended on {seat.serves_until:%d/%m/%Y} ({seat.ended_by or 'import'}).",
                     vi=f"Nhiệm kỳ của thành viên này đã kết thúc ngày {seat.serves_until:%d/%m/%Y}.")
    if problems := term_problems(seat.serves_from, data.serves_until, "serves_until"):
        raise DomainError(*problems)
    before = row_state(seat)
    seat.serves_until, seat.ended_by, seat.ended_at = data.serves_until, actor.username, utc_now()
    session.add(seat)
    await session.flush()
    await record_change(session, CouncilSeat, seat.id, before, row_state(seat), actor)
    return seat


async def members_from_roster(
    session: AsyncSession, council_id: int, held_on: date, present: list[int], written_opinion: list[int],
    *, standing_only: bool = False,
) -> list[CouncilMember]:
    """The session's members, copied from the roster in force on the day it met, with who attended; a session of
    the standing body takes the standing seats only (Thường trực Hội đồng)."""
    roster = await roster_on(session, held_on)
    if standing_only:
        refuse_outside_standing_body(roster, present, written_opinion)
        roster = [s for s in roster if s.standing_body]
    if problems := attendance_problems({s.id for s in roster}, held_on, present, written_opinion):
        raise DomainError(*problems)
    marks = attendance([s.id for s in roster], set(present), set(written_opinion))
    return [CouncilMember(session_id=council_id, seat_id=s.id, full_name=s.full_name, position=s.position,
                          unit_id=s.unit_id, present=marks[s.id].present,
                          written_opinion=marks[s.id].written_opinion) for s in roster]
