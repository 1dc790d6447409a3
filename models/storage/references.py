"""What points to a row: every foreign key of the schema that references its table, one query per such column.

Read from the tables' own metadata, so a table added later (a nomination of a household, say) is covered
without touching this module. The cost depends on the schema, never on how many rows there are.
"""

from sqlalchemy import Column, Table
from sqlmodel import SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession


def _class_names() -> dict[str, str]:
    """Table name → the class that maps it (for the Vietnamese name of what points to a row)."""
    return {mapper.local_table.name: mapper.class_.__name__
            for mapper in SQLModel._sa_registry.mappers if isinstance(mapper.local_table, Table)}


def referencing_columns(model: type[SQLModel]) -> list[Column[int]]:
    target: Table = model.__table__  # type: ignore[attr-defined]
    return [fk.parent for table in SQLModel.metadata.sorted_tables for fk in table.foreign_keys
            if fk.column.table is target]


async def referrers(session: AsyncSession, model: type[SQLModel], row_id: int) -> list[str]:
    """The class names of the tables that have a row pointing to this one (each named once)."""
    names = _class_names()
    found: list[str] = []
    for column in referencing_columns(model):
        if (await session.exec(select(column).where(column == row_id).limit(1))).first() is not None:
            name = names.get(column.table.name, column.table.name)
            if name not in found:
                found.append(name)
    return found
