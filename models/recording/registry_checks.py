"""What a unit, person, block or household must satisfy before it is stored, whether created or updated.

A wrong reference or date in the body is a 422 naming the field (not a 404: the path was found, the body is
wrong), worded in Vietnamese.
"""

from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import UnitKind
from models.domain.errors import refuse
from models.domain.numbers import block_symbol, symbol_problem
from models.domain.vietnamese import UNIT_KIND_VI, object_vi
from models.tables.organisation import EmulationBlock, Person, Unit
from models.tables.registry import Household


def check_period(active_from: date | None, active_until: date | None) -> None:
    if active_from is not None and active_until is not None and active_until < active_from:
        raise refuse("active_until", "registry.date_order",
                     f"The last day ({active_until:%d/%m/%Y}) is before the first ({active_from:%d/%m/%Y}).",
                     vi=f"«Đến ngày» ({active_until:%d/%m/%Y}) không được trước «Hoạt động từ ngày» "
                        f"({active_from:%d/%m/%Y}).")


async def _code_free(session: AsyncSession, model: type[Unit] | type[EmulationBlock],
                     row: Unit | EmulationBlock) -> None:
    code, row_id = row.code, row.id
    query = select(model.id).where(model.code == code)
    if row_id is not None:
        query = query.where(col(model.id) != row_id)
    if (await session.exec(query)).first() is not None:
        raise refuse("code", "registry.duplicate_code", f"The code {code!r} is already used.",
                     vi=f"Mã {code!r} đã được dùng cho {object_vi(model.__name__)} khác.")


async def known_unit(session: AsyncSession, unit_id: int, field: str) -> Unit:
    unit = await session.get(Unit, unit_id)
    if unit is None:
        raise refuse(field, "registry.unknown_unit", f"There is no unit with id {unit_id}.",
                     vi=f"Không có đơn vị mã số {unit_id} trong danh sách đơn vị.")
    return unit


async def check_unit(session: AsyncSession, unit: Unit) -> None:
    check_period(unit.active_from, unit.active_until)
    await _code_free(session, Unit, unit)


async def check_person(session: AsyncSession, person: Person) -> None:
    check_period(person.active_from, person.active_until)
    await known_unit(session, person.unit_id, "unit_id")


async def check_block(session: AsyncSession, block: EmulationBlock) -> None:
    await _code_free(session, EmulationBlock, block)
    block.symbol = (block.symbol or block_symbol(block.code)).strip().upper()
    if (problem := symbol_problem(block.symbol)) is not None:
        raise refuse("symbol", "registry.block_symbol_form", f"The block's {problem[0]}.",
                     vi=f"Khối thi đua: {problem[1]}.")
    query = select(EmulationBlock).where(EmulationBlock.symbol == block.symbol)
    if block.id is not None:
        query = query.where(col(EmulationBlock.id) != block.id)
    if (other := (await session.exec(query)).first()) is not None:
        raise refuse("symbol", "registry.block_symbol",
                     f"Block {other.code} already numbers its papers {block.symbol}: give this block its own symbol.",
                     vi=f"Ký hiệu {block.symbol!r} đã là ký hiệu văn bản của {other.name} (mã {other.code}); mỗi "
                        "khối có sổ biên bản riêng, đề nghị nhập ký hiệu khác cho khối này.")


async def check_household(session: AsyncSession, household: Household) -> None:
    """A household lives in a commune: its unit must be a commune (Xã, phường)."""
    check_period(household.active_from, household.active_until)
    commune = await known_unit(session, household.commune_id, "commune_id")
    if commune.kind != UnitKind.COMMUNE:
        raise refuse("commune_id", "registry.household_commune",
                     f"Unit {commune.code} is not a commune ({commune.kind.value}).",
                     vi=f"Đơn vị {commune.code} ({commune.name}) không phải là "
                        f"«{UNIT_KIND_VI[UnitKind.COMMUNE]}»; hộ gia đình thuộc một xã, phường.")
