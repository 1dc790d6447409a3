"""The council's standing roster: read on a day, a seat added, a term ended."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import CurrentPrincipal, PathId, SessionDep
from models.domain.permissions import Action
from models.domain.vietnamese import COUNCIL_ROLE_VI
from models.recording.council_roster import add_seat, end_seat, roster_on
from models.tables.council_roster import CouncilSeat, CouncilSeatCreate, CouncilSeatEnd, CouncilSeatPublic

router = APIRouter(prefix="/council/roster", tags=["council"])


def public(seat: CouncilSeat) -> CouncilSeatPublic:
    return CouncilSeatPublic.model_validate(seat, update={"role_vi": COUNCIL_ROLE_VI[seat.role]})


@router.get("")
async def read_roster(
    session: SessionDep, principal: CurrentPrincipal,
    on: Annotated[date | None, Query(description="The day the roster is read for; today if left out")] = None,
) -> list[CouncilSeatPublic]:
    """The seats in force on the day, with who added (and ended) each one and when."""
    principal.require(Action.READ_PROVINCE)
    return [public(seat) for seat in await roster_on(session, on or date.today())]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_seat(data: CouncilSeatCreate, session: SessionDep, principal: CurrentPrincipal) -> CouncilSeatPublic:
    """Add a seat to the roster from `serves_from` (until `serves_until`, if its term is known)."""
    principal.require(Action.MANAGE_COUNCIL)
    seat = await add_seat(session, data, principal.actor)
    await session.commit()
    return public(seat)


@router.post("/{seat_id}/end")
async def end(seat_id: PathId, data: CouncilSeatEnd, session: SessionDep, principal: CurrentPrincipal
              ) -> CouncilSeatPublic:
    """End a seat's term on `serves_until` (its last day). Nothing is deleted: past sessions keep their members."""
    principal.require(Action.MANAGE_COUNCIL)
    seat = await end_seat(session, seat_id, data, principal.actor)
    await session.commit()
    return public(seat)
