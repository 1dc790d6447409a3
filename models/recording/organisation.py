"""Importing the organisation workbook: every row checked first, then applied all at once, or not at all.

Set-based: the registry is read in one query per table (organisation_plan), new rows are inserted per table in
one multi-row INSERT, changed rows updated in one executemany per table (tests/test_organisation_scale.py counts
them). One import runs at a time; a dry run reads only.
"""

import hashlib
from dataclasses import dataclass

from sqlalchemy import Table, bindparam, insert, text, update
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import DomainError, Forbidden, Problem
from models.domain.organisation_rules import read_organisation
from models.domain.organisation_sheets import ACCOUNTS, COUNCIL, HOUSEHOLDS, OrganisationSheets
from models.domain.registry_changes import Change, change_of, state
from models.recording.organisation_accounts import one_time_passwords, plan_accounts
from models.recording.organisation_council import plan_seats
from models.recording.organisation_households import commune_problems, plan_households
from models.recording.organisation_plan import (
    Registry,
    TablePlan,
    block_symbols_in_registry,
    heads_in_registry,
    load_members,
    load_registry,
    plan_import,
)
from models.storage.organisation_files import read_organisation_file
from models.storage.registry_log import object_type, record_changes
from models.tables.accounts import RoleGrant, User
from models.tables.council_roster import CouncilSeat
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit
from models.tables.organisation_import import OrganisationImport
from models.tables.registry import Household

MODELS: dict[str, type[SQLModel]] = {"units": Unit, "blocks": EmulationBlock, "people": Person,
                                     "memberships": BlockMembership, "council": CouncilSeat,
                                     "households": Household, "accounts": User, "roles": RoleGrant}
# Written in this order: a row names (by code or login) the rows of the tables before it.
ORDER = ("units", "blocks", "people", "memberships", "council", "households", "accounts", "roles")


@dataclass(frozen=True)
class ImportOutcome:
    dry_run: bool
    counts: dict[str, dict[str, int]]  # table → created / updated / unchanged
    changes: dict[str, dict[str, list[str]]]  # table → created / updated → labels (codes, names)
    log: OrganisationImport | None  # None for a dry run, which records nothing
    passwords: dict[str, str]  # new account → its one-time password (shown this once, stored hashed)


async def import_organisation(session: AsyncSession, content: bytes, file_name: str, actor: Actor, *,
                              dry_run: bool = False, may_manage_accounts: bool = True) -> ImportOutcome:
    """Apply the workbook (an .xlsx, or a .zip of one .csv per sheet) to the registry (or, for a dry run, say
    what applying it would do); any problem refuses the whole file with DomainError, and the caller rolls back
    (record_refusal keeps a trace of it). Accounts are changed only by whom `may_manage_accounts` (403)."""
    log = None if dry_run else await _one_import_at_a_time(session, content, file_name, actor)
    workbook = read_organisation_file(content)
    registry = await load_registry(session)
    found = read_organisation(workbook, registry.units.keys(), registry.blocks.keys())
    if found.problems:
        raise DomainError(*found.problems)
    plans = await _plans(session, found, registry, actor)
    if not may_manage_accounts and any(plans[t].create or plans[t].update for t in ("accounts", "roles")
                                       if t in plans):
        raise Forbidden(Problem(ACCOUNTS, "auth.role", f"Only an administrator may change accounts (sheet "
                                f"{ACCOUNTS!r}).", vi=f"Chỉ Quản trị hệ thống mới được tạo, sửa tài khoản (trang "
                                f"{ACCOUNTS!r}); hãy bỏ trang này hoặc nhờ Quản trị hệ thống nhập tệp."))
    counts = {t: {"created": len(p.create), "updated": len(p.update), "unchanged": p.unchanged}
              for t, p in plans.items()}
    changes = {t: {"created": p.created_labels, "updated": p.updated_labels} for t, p in plans.items()}
    passwords: dict[str, str] = {}
    if log is not None:
        if "accounts" in plans:
            passwords = await one_time_passwords(plans["accounts"])
        await _apply(session, plans, registry, Logged(actor, log.id))
        log.counts, log.accepted = counts, True
        session.add(log)
        await session.flush()
    return ImportOutcome(dry_run, counts, changes, log, passwords)


async def _plans(session: AsyncSession, found: OrganisationSheets, registry: Registry,
                 actor: Actor) -> dict[str, TablePlan]:
    """What each table would get; an optional sheet left out leaves its table alone."""
    await load_members(session, registry, found)
    if wrong := (heads_in_registry(found, registry) + block_symbols_in_registry(found, registry)
                 + commune_problems(found, registry)):
        raise DomainError(*wrong)
    plans = plan_import(found, registry)
    if COUNCIL in found.columns:
        plans["council"] = await plan_seats(session, found, registry, actor)
    if HOUSEHOLDS in found.columns:
        plans["households"] = await plan_households(session, found, registry)
    if ACCOUNTS in found.columns:
        accounts = await plan_accounts(session, found, registry, actor)
        plans["accounts"], plans["roles"] = accounts.users, accounts.grants
    return plans


async def record_refusal(session: AsyncSession, content: bytes, file_name: str, actor: Actor,
                         problems: list[Problem]) -> OrganisationImport:
    """Keep a refused import's trace (in a transaction of its own, after the import's was rolled back)."""
    log = _log(content, file_name, actor)
    log.problems = [{"field": p.field, "rule": p.rule, "message": p.message, "vi": p.vi} for p in problems]
    session.add(log)
    await session.flush()
    return log


def _log(content: bytes, file_name: str, actor: Actor) -> OrganisationImport:
    return OrganisationImport(file_name=file_name[:255], sha256=hashlib.sha256(content).hexdigest(), accepted=False,
                              counts={}, problems=[], imported_by=actor.username, on_behalf_of=actor.on_behalf_of,
                              client_address=actor.client_address)


async def _one_import_at_a_time(session: AsyncSession, content: bytes, file_name: str,
                                actor: Actor) -> OrganisationImport:
    """Two workbooks applied at once could both create the same code, so imports queue here before reading."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await (await session.connection()).execute(
            text("LOCK TABLE organisationimport IN SHARE ROW EXCLUSIVE MODE"))
    log = _log(content, file_name, actor)
    session.add(log)
    await session.flush()  # on SQLite, the first write takes the database's single write lock
    return log


@dataclass(frozen=True)
class Logged:
    """Who the import's changes are logged as, and the import they belong to."""

    actor: Actor
    import_id: int


async def _apply(session: AsyncSession, plans: dict[str, TablePlan], registry: Registry, logged: Logged) -> None:
    """Table by table in ORDER; the codes (and logins) of rows created on the way become their ids."""
    unit_ids = {code: u.id for code, u in registry.units.items()}
    block_ids = {code: b.id for code, b in registry.blocks.items()}
    ids = {"unit_id": unit_ids, "commune_id": unit_ids, "block_id": block_ids, "user_id": dict[str, int]()}
    for table in (t for t in ORDER if t in plans):
        for row in plans[table].create + plans[table].update:
            for key, known in ids.items():
                if isinstance(row.get(key), str):  # a roster sheet may leave its unit column out
                    row[key] = known[row[key]]
        created = await _write(session, table, plans[table], logged)
        {"units": unit_ids, "blocks": block_ids, "accounts": ids["user_id"]}.get(table, {}).update(created)


async def _write(session: AsyncSession, table: str, plan: TablePlan, logged: Logged) -> dict[str, int]:
    """Insert the new rows in one statement and update the changed ones in one executemany, and log every change
    in one more; for units and blocks, the new rows' ids by code. Core statements, because the ORM inserts row
    by row where it cannot match the ids it gets back to its objects (SQLite)."""
    model = MODELS[table]
    core: Table = model.__table__  # type: ignore[attr-defined]
    connection = await session.connection()
    kind = object_type(model)
    changes: list[Change | None] = []
    created: dict[str, int] = {}
    if plan.create:
        rows = [model(**fields).model_dump(exclude={"id"}) for fields in plan.create]  # the tables' defaults
        # Each new row's id, matched by its whole content: a sheet lists a row once (its checks refuse
        # repeats), and SQLite cannot both batch the rows and return their ids in order.
        result = await connection.execute(insert(core).returning(*core.c), rows)
        by_content = {tuple(row[k] for k in rows[0]): row["id"] for row in result.mappings()}
        ids = [by_content[tuple(row.values())] for row in rows]
        created = {row.get("code") or row["username"]: row_id for row, row_id in zip(rows, ids, strict=True)
                   if "code" in row or "username" in row}
        changes += [change_of(kind, row_id, None, state({"id": row_id} | row)) for row, row_id in zip(rows, ids,
                                                                                                      strict=True)]
    if plan.update:
        statement = update(core).where(core.c.id == bindparam("row_id"))
        await connection.execute(statement, [{"row_id": fields["id"], **{k: v for k, v in fields.items() if k != "id"}}
                                             for fields in plan.update])
        changes += [change_of(kind, fields["id"], state(before), state(before | fields))
                    for fields, before in zip(plan.update, plan.before, strict=True)]
    await record_changes(session, [c for c in changes if c is not None], logged.actor, logged.import_id)
    return created
