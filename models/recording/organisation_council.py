"""The workbook's "Hội đồng" sheet against the council's roster: seats matched by name and first day of term.

A matched seat is updated, a new one added; none is removed (a seat a session was copied from stays, and a seat
that ends gets its "Đến ngày"). Who imported the file and when is in its OrganisationImport log; a term the
workbook ends also names the importer on the seat, as ending it through the API does.
"""

from datetime import date
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.organisation_cells import loose_key
from models.domain.organisation_records import SeatRecord
from models.domain.organisation_sheets import COUNCIL, OrganisationSheets
from models.recording.organisation_plan import Registry, TablePlan
from models.tables.base import utc_now
from models.tables.council_roster import CouncilSeat


async def plan_seats(session: AsyncSession, found: OrganisationSheets, registry: Registry, actor: Actor) -> TablePlan:
    """The roster is small (tens of seats over the years): read whole, in one query."""
    held: dict[tuple[str, date | None], CouncilSeat] = {
        (loose_key(s.full_name), s.serves_from): s for s in (await session.exec(select(CouncilSeat))).all()}
    present = {{"unit_code": "unit_id"}.get(key, key) for key in found.columns.get(COUNCIL, {})}
    plan = TablePlan()
    for record in found.seats:
        seat = held.get((loose_key(record.full_name), record.serves_from))
        fields = {k: v for k, v in seat_fields(record, registry).items() if k in present}
        if seat is None:
            fields |= {"created_by": actor.username}
        plan.add(f"{record.full_name} ({record.serves_from:%d/%m/%Y})" if record.serves_from else record.full_name,
                 fields, seat)
    ended = {s.id: s for s in held.values()}
    for row in plan.update:
        if row.get("serves_until") is not None and row["serves_until"] != ended[row["id"]].serves_until:
            row |= {"ended_by": actor.username, "ended_at": utc_now()}
    return plan


def seat_fields(seat: SeatRecord, registry: Registry) -> dict[str, Any]:
    """unit_id is the unit's id when it is registered, else its code until the unit is created (or none)."""
    unit = registry.units.get(seat.unit_code)
    return {"full_name": seat.full_name, "position": seat.position,
            "unit_id": unit.id if unit is not None else (seat.unit_code or None), "role": seat.role,
            "standing_body": seat.standing_body, "serves_from": seat.serves_from, "serves_until": seat.serves_until}
