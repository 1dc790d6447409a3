"""Loading the award catalogue and a demo province, so a newcomer can run a whole year at once."""

import tomllib
from importlib.resources import files
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import BlockRole
from models.domain.permissions import Role
from models.passwords import hash_demo_password
from models.storage.catalogue_file import catalogue_awards
from models.tables.accounts import RoleGrant, User
from models.tables.award import Award
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit


def demo_data() -> dict[str, Any]:
    return tomllib.loads(files("models").joinpath("data/demo_province.toml").read_text(encoding="utf-8"))


async def seed_catalogue(session: AsyncSession) -> int:
    """Bring the Award table in line with the catalogue file: add new awards, update changed ones; returns how
    many were added or changed. An award the file no longer lists stays (past nominations refer to it)."""
    stored = {a.code: a for a in (await session.exec(select(Award))).all()}
    changed = 0
    for award in catalogue_awards():
        fields = award.model_dump(exclude={"id"})
        row = stored.get(award.code)
        if row is None:
            session.add(award)
        elif row.model_dump(exclude={"id"}) != fields:
            row.sqlmodel_update(fields)
            session.add(row)
        else:
            continue
        changed += 1
    await session.flush()
    return changed


async def load_demo_province(session: AsyncSession) -> bool:
    """Load the demo blocks, units and people once; returns False when they were already there."""
    data = demo_data()
    await seed_catalogue(session)
    first_block = data["blocks"][0]["code"]
    if (await session.exec(select(EmulationBlock).where(EmulationBlock.code == first_block))).first():
        return False
    units: dict[str, Unit] = {}
    for block_data in data["blocks"]:
        block = EmulationBlock(code=block_data["code"], name=block_data["name"])
        session.add(block)
        await session.flush()
        for unit_data in block_data["units"]:
            unit = Unit(code=unit_data["code"], name=unit_data["name"], parent_agency=data["parent_agency"],
                        head_title=unit_data.get("head_title", "Giám đốc"), head_name=unit_data["head_name"])
            session.add(unit)
            await session.flush()
            units[unit.code] = unit
            session.add(BlockMembership(block_id=block.id, unit_id=unit.id, year=data["year"],
                                        role=BlockRole(unit_data.get("role", "member"))))
    for code, people in data["people"].items():
        session.add_all(Person(unit_id=units[code].id, **person) for person in people)
    await session.flush()
    await _load_accounts(session, data)
    return True


async def _load_accounts(session: AsyncSession, data: dict[str, Any]) -> None:
    blocks = {b.code: b.id for b in (await session.exec(select(EmulationBlock))).all()}
    password_hash = hash_demo_password(data["accounts"]["password"])
    for account in data["accounts"]["users"]:
        user = User(username=account["username"], full_name=account["full_name"], password_hash=password_hash)
        session.add(user)
        await session.flush()
        block_id = blocks.get(account.get("block", ""))
        session.add(RoleGrant(user_id=user.id, role=Role(account["role"]), block_id=block_id,
                              year=data["year"] if block_id else None, created_by="demo"))
    await session.flush()
