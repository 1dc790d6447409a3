"""Reads of revocations shared by the API, the desk and the documents: who an award record names, and the
revocations in effect on a set of award records (one query each, whatever their number)."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import DecisionStatus
from models.tables.nomination import AwardRecord
from models.tables.organisation import Person, Unit
from models.tables.revocation import Revocation


@dataclass(frozen=True)
class RecordLabel:
    name: str  # the unit's name, or the person's full name
    detail: str  # a person's position and unit; "" for a collective


async def record_labels(session: AsyncSession, records: Sequence[AwardRecord]) -> dict[int, RecordLabel]:
    person_ids = {r.person_id for r in records if r.person_id is not None}
    people = {p.id: p for p in (await session.exec(select(Person).where(col(Person.id).in_(person_ids)))).all()}
    unit_ids = {r.unit_id for r in records if r.unit_id is not None} | {p.unit_id for p in people.values()}
    units = {u.id: u for u in (await session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))).all()}
    labels = {}
    for r in records:
        if r.person_id is not None:
            person = people[r.person_id]
            detail = ", ".join(part for part in (person.position, units[person.unit_id].name) if part)
            labels[r.id] = RecordLabel(person.full_name, detail)
        else:
            labels[r.id] = RecordLabel(units[r.unit_id or 0].name, "")
    return labels


async def revocations_in_effect(session: AsyncSession, record_ids: Sequence[int]) -> dict[int, Revocation]:
    """Award record id → the signed revocation that annulled it."""
    query = select(Revocation).where(col(Revocation.award_record_id).in_(record_ids),
                                     Revocation.status == DecisionStatus.SIGNED)
    return {r.award_record_id: r for r in (await session.exec(query)).all()}
