"""The registry and the council's roster as the organisation workbook's five sheets, so an office can edit them
and import them again.

Columns and choices are written exactly as the import reads them (models.domain.organisation_sheets.LAYOUT and
the Vietnamese names), so exporting and importing again changes nothing.
"""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.organisation_sheets import (
    ACCOUNTS,
    BLOCKS,
    COUNCIL,
    HOUSEHOLDS,
    LAYOUT,
    MEMBERSHIPS,
    PEOPLE,
    UNITS,
)
from models.domain.vietnamese import BLOCK_KIND_VI, BLOCK_ROLE_VI, COUNCIL_ROLE_VI, GENDER_VI, ROLE_VI, UNIT_KIND_VI
from models.tables.accounts import RoleGrant, User
from models.tables.council_roster import CouncilSeat
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit
from models.tables.registry import Household


async def organisation_sheets(session: AsyncSession, year: int | None = None) -> dict[str, list[list[Any]]]:
    """Every unit, person and block, the memberships of `year` (of every year when None), and every seat the
    council's roster has held (ended terms too: the import matches them and changes nothing)."""
    units = (await session.exec(select(Unit).order_by(col(Unit.id)))).all()
    codes = {u.id: u.code for u in units}
    blocks = (await session.exec(select(EmulationBlock).order_by(col(EmulationBlock.id)))).all()
    block_codes = {b.id: b.code for b in blocks}
    people = (await session.exec(select(Person).order_by(col(Person.id)))).all()
    memberships = select(BlockMembership).order_by(col(BlockMembership.year), col(BlockMembership.block_id),
                                                   col(BlockMembership.id))
    if year is not None:
        memberships = memberships.where(BlockMembership.year == year)
    return {
        UNITS: _sheet(UNITS, [u.model_dump() | {"kind": UNIT_KIND_VI[u.kind]} for u in units]),
        PEOPLE: _sheet(PEOPLE, [p.model_dump() | {"unit_code": codes[p.unit_id],
                                                  "gender": GENDER_VI[p.gender] if p.gender else None}
                                for p in people]),
        BLOCKS: _sheet(BLOCKS, [b.model_dump() | {"kind": BLOCK_KIND_VI[b.kind]} for b in blocks]),
        MEMBERSHIPS: _sheet(MEMBERSHIPS, [
            {"year": m.year, "block_code": block_codes[m.block_id], "unit_code": codes[m.unit_id],
             "role": BLOCK_ROLE_VI[m.role]} for m in (await session.exec(memberships)).all()]),
        COUNCIL: _sheet(COUNCIL, [
            s.model_dump() | {"unit_code": codes.get(s.unit_id or 0), "role": COUNCIL_ROLE_VI[s.role],
                              "standing_body": "Có" if s.standing_body else "Không"}
            for s in (await session.exec(select(CouncilSeat).order_by(col(CouncilSeat.id)))).all()]),
        HOUSEHOLDS: _sheet(HOUSEHOLDS, [h.model_dump() | {"unit_code": codes[h.commune_id]} for h in (
            await session.exec(select(Household).order_by(col(Household.id)))).all()]),
        ACCOUNTS: _sheet(ACCOUNTS, await _accounts(session, block_codes, codes)),
    }


async def _accounts(session: AsyncSession, block_codes: dict[int, str],
                    unit_codes: dict[int, str]) -> list[Mapping[str, Any]]:
    """Each active account with each role it holds now (an account without a role: one row, role empty); never
    a password."""
    users = (await session.exec(select(User).where(col(User.is_active)).order_by(col(User.id)))).all()
    grants = (await session.exec(select(RoleGrant).where(col(RoleGrant.revoked_at).is_(None)).order_by(
        col(RoleGrant.id)))).all()
    by_user: dict[int, list[RoleGrant | None]] = defaultdict(list)
    for grant in grants:
        by_user[grant.user_id].append(grant)
    rows: list[Mapping[str, Any]] = []
    for user in users:
        held = by_user.get(user.id) or [None]
        rows += [{"username": user.username, "full_name": user.full_name,
                  "role": ROLE_VI[g.role] if g else None, "block_code": block_codes.get(g.block_id or 0) if g else None,
                  "year": g.year if g else None,
                  "unit_code": unit_codes.get(g.unit_id or 0) if g else None} for g in held]
    return rows


def _sheet(sheet: str, rows: list[Mapping[str, Any]]) -> list[list[Any]]:
    columns = LAYOUT[sheet]
    return [[c.header for c in columns], *[[row.get(c.key) or None for c in columns] for row in rows]]
