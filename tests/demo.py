"""The demo province, loaded for a test, with ids looked up by the names people use."""

from dataclasses import dataclass

from sqlmodel import select

from models.recording.demo import load_demo_province
from models.storage.db import open_session
from models.tables.organisation import EmulationBlock, Person, Unit


@dataclass(frozen=True)
class DemoProvince:
    blocks: dict[str, int]  # block code → id
    units: dict[str, int]  # unit code → id
    people: dict[str, int]  # full name → id


async def load_demo() -> DemoProvince:
    async with open_session() as session:
        await load_demo_province(session)
        await session.commit()
        blocks = {b.code: b.id for b in (await session.exec(select(EmulationBlock))).all()}
        units = {u.code: u.id for u in (await session.exec(select(Unit))).all()}
        people = {p.full_name: p.id for p in (await session.exec(select(Person))).all()}
    return DemoProvince(blocks, units, people)
