"""The workbook's "Tài khoản" sheet: accounts for the people who act, and their roles (a block head's for their
block and year). An account is matched by login name, a role by its role, block and year among the account's
roles in force; nothing is revoked or removed.

A new account gets a one-time password, returned once by the import and stored only hashed; it must be changed
before the account can do anything (POST /login/change-password). An account already there keeps its password,
so importing the same file again changes nothing.
"""

import secrets
from dataclasses import dataclass, field
from typing import Any

import anyio
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.organisation_sheets import OrganisationSheets
from models.passwords import hash_password
from models.recording.organisation_plan import Registry, TablePlan
from models.tables.accounts import RoleGrant, User


@dataclass
class AccountPlans:
    users: TablePlan = field(default_factory=TablePlan)
    grants: TablePlan = field(default_factory=TablePlan)

    @property
    def changes_anything(self) -> bool:
        return any(p.create or p.update for p in (self.users, self.grants))


async def plan_accounts(session: AsyncSession, found: OrganisationSheets, registry: Registry,
                        actor: Actor) -> AccountPlans:
    """The sheet's accounts and the roles they hold now, read in one query each."""
    names = {a.username for a in found.accounts}
    users = {u.username: u for u in (await session.exec(select(User).where(col(User.username).in_(names)))).all()}
    held = (await session.exec(select(RoleGrant).where(
        col(RoleGrant.user_id).in_({u.id for u in users.values()}), col(RoleGrant.revoked_at).is_(None)))).all()
    grants = {(g.user_id, g.role, g.block_id, g.year, g.unit_id): g for g in held}
    plans = AccountPlans()
    listed: set[str] = set()
    for a in found.accounts:
        user = users.get(a.username)
        if a.username not in listed:
            listed.add(a.username)
            plans.users.add(a.username, {"username": a.username, "full_name": a.full_name}, user)
        if a.role is None:
            continue
        block = registry.blocks.get(a.block_code)
        block_id = block.id if block is not None else (a.block_code or None)
        unit = registry.units.get(a.unit_code)
        unit_id = unit.id if unit is not None else (a.unit_code or None)  # a code: a unit the same file creates
        wanted: dict[str, Any] = {"role": a.role, "block_id": block_id, "year": a.year, "unit_id": unit_id}
        grant = grants.get((user.id, a.role, block.id if block else None, a.year,
                            unit.id if unit else None)) if user is not None else None
        label = " ".join(str(part) for part in (a.username, a.role.value, a.block_code, a.year or "", a.unit_code)
                         if part)
        plans.grants.add(label, wanted | {"user_id": user.id if user is not None else a.username,
                                          "created_by": actor.username} if grant is None else wanted, grant)
    return plans


async def one_time_passwords(plan: TablePlan) -> dict[str, str]:
    """A password for each new account, set on its row (hashed, to be changed at first login); login → password."""
    passwords = {row["username"]: secrets.token_urlsafe(12) for row in plan.create}
    hashes = await anyio.to_thread.run_sync(lambda: {u: hash_password(p) for u, p in passwords.items()})
    for row in plan.create:
        row |= {"password_hash": hashes[row["username"]], "must_change_password": True}
    return passwords
