"""Store a generated province (benchmarks/province_plan.py) in a database before the service starts.

`create_province` is the only way the benchmarks create a province. It writes through the project's own tables and
catalogue seeding, not through the demo TOML.
The registry (units, staff, blocks, memberships) goes through the organisation workbook import, the path a real
province takes; the award history and the accounts, which the workbook does not hold, are written directly.
"""

import asyncio
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from benchmarks.province_plan import (
    CHAIRMAN_OFFICE,
    CSTDCS,
    PASSWORD,
    SECRETARY,
    YEAR,
    ProvincePlan,
    block_code,
    block_symbol,
    cstdcs_history,
    head_login,
    login,
    office_unit,
    person_name,
    unit_code,
)
from migrations import upgrade
from models.domain.audit import Actor
from models.domain.enums import RecipientKind
from models.domain.organisation_sheets import BLOCKS, MEMBERSHIPS, PEOPLE, UNITS
from models.domain.permissions import Role
from models.passwords import hash_password
from models.recording.organisation import import_organisation
from models.storage.db import is_sqlite, make_async_engine, make_sync_engine, open_session, use_engine
from models.storage.demo import seed_catalogue
from models.storage.organisation_workbook import workbook_of_records
from models.tables.accounts import RoleGrant, User
from models.tables.award import Award
from models.tables.nomination import AwardRecord
from models.tables.organisation import EmulationBlock, Person, Unit

PARENT_AGENCY = "UBND tỉnh Bắc Ninh"


@dataclass(frozen=True)
class Province:
    """The ids the year needs, by position in the plan."""

    plan: ProvincePlan
    blocks: list[int]  # block index → block id
    units: list[list[int]]  # [block][unit] → unit id
    people: list[list[list[int]]]  # [block][unit][staff] → person id
    office_unit: int


def fresh_database(base_url: str, label: str) -> str:
    """SQLite: `base_url` is a folder URL prefix, a new file per label. PostgreSQL: every table emptied."""
    if is_sqlite(base_url):
        return f"{base_url.rstrip('/')}/{label}.db"
    upgrade(base_url)
    empty_every_table(base_url)
    return base_url


def empty_every_table(database_url: str) -> None:
    """PostgreSQL: every table emptied and its ids restarted, for a benchmark run on a database of its own."""
    engine = make_sync_engine(database_url)
    with engine.begin() as connection:
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


def create_province(database_url: str, plan: ProvincePlan) -> Province:
    """Migrate the database and store the province: blocks, units, staff, memberships for the year (the first unit
    of each block heads it), the award history its CSTĐ tỉnh candidates rely on, and the accounts (one block head
    per block, the council secretary, the Chairman's office; all with the benchmark password)."""
    upgrade(database_url)
    return asyncio.run(_create(database_url, plan))


async def _create(database_url: str, plan: ProvincePlan) -> Province:
    engine = make_async_engine(database_url)
    use_engine(engine)
    try:
        return await store_province(plan)
    finally:
        use_engine(None)
        await engine.dispose()


async def store_province(plan: ProvincePlan) -> Province:
    """The body of `create_province`, on the database this process's sessions use (which must be migrated): the
    registry through the organisation workbook import, as a province's office loads it; then the award history
    and the accounts, which the workbook does not hold."""
    async with open_session() as session:
        await seed_catalogue(session)
        await import_organisation(session, province_workbook(plan), "benchmark.xlsx", Actor("benchmark"))
        p = plan.province  # read back this province's rows only: the nation's others are not its concern
        codes = [office_unit(p), *(unit_code(b, u, p) for b in range(plan.blocks) for u in range(plan.units_per_block))]
        units_by_code = {u.code: u for u in (await session.exec(select(Unit).where(col(Unit.code).in_(codes)))).all()}
        blocks_by_code = {b.code: b for b in (await session.exec(select(EmulationBlock).where(
            col(EmulationBlock.code).in_([block_code(b, p) for b in range(plan.blocks)])))).all()}
        people_by_name = {(person.unit_id, person.full_name): person for person in (await session.exec(select(
            Person).where(col(Person.unit_id).in_([u.id for u in units_by_code.values()])))).all()}
        blocks = [blocks_by_code[block_code(b, p)] for b in range(plan.blocks)]
        units = [[units_by_code[unit_code(b, u, p)] for u in range(plan.units_per_block)] for b in range(plan.blocks)]
        people = [[[people_by_name[(unit.id, person_name(b, u, s))] for s in range(plan.staff_per_unit)]
                   for u, unit in enumerate(row)] for b, row in enumerate(units)]
        cstdcs = (await session.exec(select(Award).where(Award.code == CSTDCS))).one()
        session.add_all(AwardRecord(year=y, award_id=cstdcs.id, recipient_kind=RecipientKind.INDIVIDUAL,
                                    unit_id=units[b][u].id, person_id=people[b][u][s].id, source="import",
                                    decision_number=f"{y % 100:02d}/QĐ-{unit_code(b, u, p)}")
                        for b in range(plan.blocks) for u, s, y in cstdcs_history(plan))
        await _accounts(session, blocks, p)
        await session.commit()
        return Province(plan, [b.id for b in blocks], [[u.id for u in row] for row in units],
                        [[[person.id for person in unit_people] for unit_people in row] for row in people],
                        units_by_code[office_unit(p)].id)


def province_workbook(plan: ProvincePlan) -> bytes:
    """The generated province as the organisation workbook: units (the first of each block heads it), staff,
    blocks and the year's memberships, and the Sở Nội vụ office."""
    p = plan.province
    units = [{"code": unit_code(b, u, p), "name": f"Đơn vị {u + 1} Khối {b + 1}", "parent_agency": PARENT_AGENCY,
              "kind": "department", "head_title": "Giám đốc", "head_name": person_name(b, u, 0)}
             for b in range(plan.blocks) for u in range(plan.units_per_block)]
    office = {"code": office_unit(p), "name": "Sở Nội vụ", "parent_agency": PARENT_AGENCY, "kind": "department",
              "head_title": "Giám đốc", "head_name": "Lê Quang Huy"}
    people = [{"full_name": person_name(b, u, s), "unit_code": unit_code(b, u, p),
               "position": "Trưởng phòng" if s == 0 else "Chuyên viên"}
              for b in range(plan.blocks) for u in range(plan.units_per_block) for s in range(plan.staff_per_unit)]
    blocks = [{"code": block_code(b, p), "name": f"Khối thi đua số {b + 1}", "kind": "block",
               "symbol": block_symbol(b, p)} for b in range(plan.blocks)]
    members = [{"year": YEAR, "block_code": block_code(b, p), "unit_code": unit_code(b, u, p),
                "role": "head" if u == 0 else "member"}
               for b in range(plan.blocks) for u in range(plan.units_per_block)]
    return workbook_of_records({UNITS: [office, *units], PEOPLE: people, BLOCKS: blocks, MEMBERSHIPS: members})


async def _accounts(session: AsyncSession, blocks: list[EmulationBlock], p: int) -> None:
    password_hash = hash_password(PASSWORD)  # one Argon2 hash for every account: it is slow by design
    heads = [User(username=head_login(b, p), full_name=f"Trưởng Khối {b + 1}", password_hash=password_hash)
             for b in range(len(blocks))]
    secretary = User(username=login(SECRETARY, p), full_name="Bùi Thị Ngọc Hà", password_hash=password_hash)
    office = User(username=login(CHAIRMAN_OFFICE, p), full_name="Lý Minh Quân", password_hash=password_hash)
    session.add_all([*heads, secretary, office])
    await session.flush()
    session.add_all(RoleGrant(user_id=user.id, role=Role.BLOCK_HEAD, block_id=block.id, year=YEAR,
                              created_by="benchmark") for user, block in zip(heads, blocks, strict=True))
    session.add_all([RoleGrant(user_id=secretary.id, role=Role.COUNCIL_SECRETARY, created_by="benchmark"),
                     RoleGrant(user_id=office.id, role=Role.CHAIRMAN_OFFICE, created_by="benchmark")])
    await session.flush()
