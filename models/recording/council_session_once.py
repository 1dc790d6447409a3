"""One session of a body a day for a year under review: opening the same session twice (a double click, two
secretaries at once) opens it once, and the second is refused with a 409 naming the session already held.

The rule is the table's unique (year, body, held_on). Checked first, for a message that names the session; a
concurrent opening that passed that check meets the constraint at insert (PostgreSQL waits for the first
transaction's unique index entry, SQLite for its one writer) and is refused in the same words.
"""

from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.errors import Conflict, Problem
from models.domain.vietnamese import COUNCIL_BODY_VI
from models.tables.council import CouncilSession


async def refuse_if_held(session: AsyncSession, council: CouncilSession) -> None:
    held = (await session.exec(select(CouncilSession).where(
        CouncilSession.year == council.year, CouncilSession.body == council.body,
        CouncilSession.held_on == council.held_on))).first()
    if held is not None:
        raise held_already(council, held.id)


async def insert_once(session: AsyncSession, council: CouncilSession) -> None:
    """Insert the session; one opened meanwhile by a concurrent request is refused like one opened before."""
    session.add(council)
    try:
        await session.flush()
    except IntegrityError:
        raise held_already(council, None) from None


def held_already(council: CouncilSession, held_id: int | None) -> Conflict:
    body_vi = COUNCIL_BODY_VI[council.body]
    which = f" (session {held_id})" if held_id is not None else ""
    which_vi = f" (phiên họp mã số {held_id})" if held_id is not None else ""
    return Conflict(Problem(
        "held_on", "council.session_once",
        f"The {council.body.value.replace('_', ' ')} already held its session of {council.held_on:%d/%m/%Y} "
        f"reviewing {council.year}{which}: a body meets once a day for a year under review.",
        vi=f"{body_vi} đã mở phiên họp ngày {council.held_on:%d/%m/%Y} xét khen thưởng năm {council.year}"
           f"{which_vi}; mỗi ngày chỉ mở một phiên họp cho mỗi năm xét khen thưởng."))
