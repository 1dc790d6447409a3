"""The award catalogue and the demo province's data, so a newcomer can run a whole year at once.

The demo's units, people, blocks and council roster are not written here: demo_workbook() turns them into the
organisation workbook, and models.recording.demo imports it through the same path as a real province's."""

import tomllib
from importlib.resources import files
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.organisation_sheets import BLOCKS, COUNCIL, MEMBERSHIPS, PEOPLE, UNITS
from models.domain.permissions import Role
from models.passwords import hash_demo_password
from models.storage.catalogue_file import catalogue_awards
from models.storage.organisation_workbook import workbook_of_records
from models.tables.accounts import RoleGrant, User
from models.tables.award import Award
from models.tables.organisation import EmulationBlock, Unit


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


def demo_workbook() -> bytes:
    """The demo province as the organisation workbook an office would import (models.recording.demo does)."""
    data = demo_data()
    units = [{"code": u["code"], "name": u["name"], "parent_agency": data["parent_agency"],
              "kind": u.get("kind", b["unit_kind"]), "head_title": u.get("head_title", "Giám đốc"),
              "head_name": u["head_name"]} for b in data["blocks"] for u in b["units"]]
    people = [person | {"unit_code": code} for code, staff in data["people"].items() for person in staff]
    blocks = [{"code": b["code"], "name": b["name"], "kind": b["kind"]} for b in data["blocks"]]
    members = [{"year": data["year"], "block_code": b["code"], "unit_code": u["code"], "role": u.get("role", "member")}
               for b in data["blocks"] for u in b["units"]]
    seats = [{"full_name": m["full_name"], "position": m["position"], "unit_code": m.get("unit"), "role": m["role"],
              "standing_body": "Có" if m.get("standing_body") else "Không",
              "serves_from": data["council_serves_from"]} for m in data["council"]]
    sheets = {UNITS: units, PEOPLE: people, BLOCKS: blocks, MEMBERSHIPS: members, COUNCIL: seats}
    return workbook_of_records(sheets)


async def demo_loaded(session: AsyncSession) -> bool:
    first_block = demo_data()["blocks"][0]["code"]
    return (await session.exec(select(EmulationBlock).where(EmulationBlock.code == first_block))).first() is not None


async def load_demo_accounts(session: AsyncSession) -> None:
    await _load_accounts(session, demo_data())


async def _load_accounts(session: AsyncSession, data: dict[str, Any]) -> None:
    blocks = {b.code: b.id for b in (await session.exec(select(EmulationBlock))).all()}
    units = {u.code: u.id for u in (await session.exec(select(Unit))).all()}
    password_hash = hash_demo_password(data["accounts"]["password"])
    for account in data["accounts"]["users"]:
        user = User(username=account["username"], full_name=account["full_name"], password_hash=password_hash)
        session.add(user)
        await session.flush()
        block_id = blocks.get(account.get("block", ""))
        session.add(RoleGrant(user_id=user.id, role=Role(account["role"]), block_id=block_id,
                              year=data["year"] if block_id else None, unit_id=units.get(account.get("unit", "")),
                              created_by="demo"))
    await session.flush()
