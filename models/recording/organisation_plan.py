"""What an organisation workbook would change: the registry read in one query per table, compared row by row.

Rows are matched by their natural keys: units and blocks by code, people by unit, full name and birth date (a
person registered without a birth date is matched by unit and name, so adding birth dates updates, not
duplicates), memberships by unit and year. Nothing is deleted: a unit that stops is ended by its active_until.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import BlockRole
from models.domain.errors import Problem
from models.domain.numbers import block_symbol
from models.domain.organisation_cells import loose_key
from models.domain.organisation_records import BlockRecord, MembershipRecord, PersonRecord, UnitRecord
from models.domain.organisation_sheets import BLOCKS, MEMBERSHIPS, PEOPLE, UNITS, OrganisationSheets
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit

TABLES = ("units", "people", "blocks", "memberships")


@dataclass
class TablePlan:
    """Rows to insert (their fields; ids of units and blocks not created yet are filled in when applying), rows
    to update (id and fields), and how many are already as the workbook says; labels name them for people."""

    create: list[dict[str, Any]] = field(default_factory=list)
    update: list[dict[str, Any]] = field(default_factory=list)
    before: list[dict[str, Any]] = field(default_factory=list)  # each updated row as it was, for the change log
    unchanged: int = 0
    created_labels: list[str] = field(default_factory=list)
    updated_labels: list[str] = field(default_factory=list)

    def add(self, label: str, fields: dict[str, Any], row: SQLModel | None) -> None:
        if row is None:
            self.create.append(fields)
            self.created_labels.append(label)
        elif any(getattr(row, k) != v for k, v in fields.items()):
            self.update.append({"id": row.id, **fields})  # type: ignore[attr-defined]
            self.before.append(row.model_dump())
            self.updated_labels.append(label)
        else:
            self.unchanged += 1


@dataclass
class Registry:
    """The rows a workbook may touch, loaded once."""

    units: dict[str, Unit]
    blocks: dict[str, EmulationBlock]
    people: list[Person]
    memberships: dict[tuple[int, int], BlockMembership]  # (unit id, year) → membership


async def load_registry(session: AsyncSession) -> Registry:
    """Every unit and block: their codes are what the workbook's other rows name."""
    units = {u.code: u for u in (await session.exec(select(Unit))).all()}
    blocks = {b.code: b for b in (await session.exec(select(EmulationBlock))).all()}
    return Registry(units, blocks, [], {})


async def load_members(session: AsyncSession, registry: Registry, found: OrganisationSheets) -> None:
    """The people of the workbook's registered units and the memberships of its years, one query each."""
    unit_ids = {registry.units[p.unit_code].id for p in found.people if p.unit_code in registry.units}
    registry.people = list((await session.exec(select(Person).where(col(Person.unit_id).in_(unit_ids)))).all())
    years = {m.year for m in found.memberships if m.year is not None}
    held = (await session.exec(select(BlockMembership).where(col(BlockMembership.year).in_(years)))).all()
    registry.memberships = {(m.unit_id, m.year): m for m in held}


def plan_import(found: OrganisationSheets, registry: Registry) -> dict[str, TablePlan]:
    """A column the sheet leaves out leaves the stored values alone (new rows take the table's default)."""
    plans = {table: TablePlan() for table in TABLES}
    units, people, blocks = (_present(found, sheet) for sheet in (UNITS, PEOPLE, BLOCKS))
    for unit in found.units:
        plans["units"].add(unit.code, _only(unit_fields(unit), units), registry.units.get(unit.code))
    for block in found.blocks:
        known = registry.blocks.get(block.code)
        fields = _only(block_fields(block), blocks)
        if block.symbol or known is None:  # an empty cell keeps the series a registered block has
            fields["symbol"] = symbol_after(block, registry)
        plans["blocks"].add(block.code, fields, known)
    _plan_people(found.people, registry, plans["people"], people)
    for m in found.memberships:
        registered = registry.units.get(m.unit_code)
        held = registry.memberships.get((registered.id, m.year or 0)) if registered is not None else None
        plans["memberships"].add(f"{m.year} {m.block_code} {m.unit_code}", membership_fields(m, registry), held)
    return plans


def _present(found: OrganisationSheets, sheet: str) -> set[str]:
    """The table fields the sheet has columns for (a code column fills the id field that names it)."""
    renamed = {"unit_code": "unit_id", "block_code": "block_id"}
    return {renamed.get(key, key) for key in found.columns.get(sheet, {})}


def _only(fields: dict[str, Any], present: set[str]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k in present}


def _plan_people(people: list[PersonRecord], registry: Registry, plan: TablePlan, present: set[str]) -> None:
    """A person is matched by unit, name and birth date; failing that, by unit and name when either side has no
    birth date (registered before birth dates were kept, or a sheet without them), so nobody is added twice."""
    by_name: dict[tuple[int, str], list[Person]] = defaultdict(list)
    for person in registry.people:
        by_name[(person.unit_id, loose_key(person.full_name))].append(person)
    taken: set[int] = set()
    for record in people:
        unit = registry.units.get(record.unit_code)
        free = [p for p in by_name.get((unit.id, loose_key(record.full_name)), []) if p.id not in taken] \
            if unit is not None else []
        match = next((p for p in free if p.birth_date == record.birth_date), None) \
            or next((p for p in free if p.birth_date is None or record.birth_date is None), None)
        if match is not None:
            taken.add(match.id)
        plan.add(f"{record.full_name} ({record.unit_code})", _only(person_fields(record, registry), present), match)


def unit_fields(unit: UnitRecord) -> dict[str, Any]:
    return {"code": unit.code, "name": unit.name, "parent_agency": unit.parent_agency, "kind": unit.kind,
            "head_title": unit.head_title, "head_name": unit.head_name, "active_from": unit.active_from,
            "active_until": unit.active_until}


def block_fields(block: BlockRecord) -> dict[str, Any]:
    return {"code": block.code, "name": block.name, "kind": block.kind}


def symbol_after(block: BlockRecord, registry: Registry) -> str:
    """The series the block's papers take once imported: the typed symbol, else the one registered, else the
    initials of its code."""
    registered = registry.blocks.get(block.code)
    return block.symbol or (registered.symbol if registered is not None else block_symbol(block.code))


def block_symbols_in_registry(found: OrganisationSheets, registry: Registry) -> list[Problem]:
    """Two blocks would share a Biên bản series: each symbol after the import belongs to one block only."""
    after = {code: b.symbol for code, b in registry.blocks.items()} | {
        b.code: symbol_after(b, registry) for b in found.blocks}
    holders: dict[str, list[str]] = defaultdict(list)
    for code, symbol in sorted(after.items()):
        holders[symbol].append(code)
    problems: list[Problem] = []
    for block in found.blocks:
        symbol = after[block.code]
        others = ", ".join(c for c in holders[symbol] if c != block.code)
        if others:
            place = found.place(BLOCKS, "symbol" if "symbol" in found.columns.get(BLOCKS, {}) else "code", block.row)
            problems.append(Problem(place, "organisation.block_symbol",
                                    f"{place}: block {block.code!r} would number its papers {symbol}, as {others} "
                                    "does; type a symbol of its own in the column 'Ký hiệu'.",
                                    vi=f"{place}: khối {block.code!r} có ký hiệu văn bản {symbol!r} trùng với khối "
                                       f"{others}, nên hai khối sẽ dùng chung sổ biên bản; đề nghị ghi ký hiệu riêng "
                                       "cho khối này ở cột «Ký hiệu»."))
    return problems


def person_fields(person: PersonRecord, registry: Registry) -> dict[str, Any]:
    """unit_id is the unit's id when it is registered, else its code until the unit is created."""
    unit = registry.units.get(person.unit_code)
    return {"full_name": person.full_name, "gender": person.gender, "birth_date": person.birth_date,
            "position": person.position, "unit_id": unit.id if unit is not None else person.unit_code,
            "active_from": person.active_from, "active_until": person.active_until}


def membership_fields(m: MembershipRecord, registry: Registry) -> dict[str, Any]:
    unit, block = registry.units.get(m.unit_code), registry.blocks.get(m.block_code)
    return {"year": m.year, "role": m.role, "unit_id": unit.id if unit is not None else m.unit_code,
            "block_id": block.id if block is not None else m.block_code}


def heads_in_registry(found: OrganisationSheets, registry: Registry) -> list[Problem]:
    """A block's head registered for a year and left out of the workbook would make two heads once the workbook's
    head is added: the memberships as they would be after the import, one head per block and year."""
    codes = {u.id: code for code, u in registry.units.items()}
    block_codes = {b.id: code for code, b in registry.blocks.items()}
    after: dict[tuple[str, int], tuple[str, BlockRole | None]] = {
        (codes[unit_id], year): (block_codes[m.block_id], m.role)
             for (unit_id, year), m in registry.memberships.items()}
    after |= {(m.unit_code, m.year): (m.block_code, m.role) for m in found.memberships if m.year is not None}
    heads: dict[tuple[str, int], list[str]] = defaultdict(list)
    for (unit, year), (block, role) in sorted(after.items()):
        if role == BlockRole.HEAD:
            heads[(block, year)].append(unit)
    problems: list[Problem] = []
    for m in found.memberships:
        held = heads.get((m.block_code, m.year or 0), [])
        if m.role == BlockRole.HEAD and len(held) > 1:
            place = found.place(MEMBERSHIPS, "role", m.row)
            others = ", ".join(u for u in held if u != m.unit_code)
            problems.append(Problem(place, "organisation.block_head",
                                    f"{place}: block {m.block_code!r} already has {others} as its head in {m.year}; "
                                    "list that unit in the workbook with its new role.",
                                    vi=f"{place}: khối {m.block_code!r} năm {m.year} đã có Trưởng khối là {others}; "
                                       "hãy ghi đơn vị đó vào tệp với vai trò mới."))
    return problems
