"""The workbook's "Hộ gia đình" sheet against the registered households: matched by commune, head of household and
address (case, accents and spacing aside); a matched one is updated, a new one added, none removed."""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import UnitKind
from models.domain.errors import Problem
from models.domain.organisation_cells import loose_key
from models.domain.organisation_sheets import HOUSEHOLDS, UNITS, OrganisationSheets
from models.domain.vietnamese import UNIT_KIND_VI
from models.recording.organisation_plan import Registry, TablePlan
from models.tables.registry import Household


def commune_problems(found: OrganisationSheets, registry: Registry) -> list[Problem]:
    """A household's unit is a commune, as the workbook's units sheet or the registry says."""
    kinds = {code: u.kind for code, u in registry.units.items()} | {u.code: u.kind for u in found.units}
    problems: list[Problem] = []
    for h in found.households:
        if kinds.get(h.unit_code, UnitKind.COMMUNE) != UnitKind.COMMUNE:
            place = found.place(HOUSEHOLDS, "unit_code", h.row)
            problems.append(Problem(place, "organisation.household_commune",
                                    f"{place}: unit {h.unit_code!r} is not a commune.",
                                    vi=f"{place}: đơn vị {h.unit_code!r} không phải là "
                                       f"«{UNIT_KIND_VI[UnitKind.COMMUNE]}» (trang {UNITS!r}); hộ gia đình thuộc "
                                       "một xã, phường."))
    return problems


async def plan_households(session: AsyncSession, found: OrganisationSheets, registry: Registry) -> TablePlan:
    """The households of the communes the sheet names, read in one query."""
    communes = {registry.units[h.unit_code].id for h in found.households if h.unit_code in registry.units}
    rows = (await session.exec(select(Household).where(col(Household.commune_id).in_(communes)))).all()
    held = {(h.commune_id, loose_key(h.head_name), loose_key(h.address)): h for h in rows}
    present = {{"unit_code": "commune_id"}.get(key, key) for key in found.columns.get(HOUSEHOLDS, {})}
    plan = TablePlan()
    for record in found.households:
        unit = registry.units.get(record.unit_code)
        fields: dict[str, Any] = {
            "head_name": record.head_name, "address": record.address,
            "commune_id": unit.id if unit is not None else record.unit_code,
            "active_from": record.active_from, "active_until": record.active_until}
        match = held.get((unit.id, loose_key(record.head_name), loose_key(record.address))) if unit else None
        plan.add(f"{record.head_name}, {record.address} ({record.unit_code})",
                 {k: v for k, v in fields.items() if k in present}, match)
    return plan
