"""The migrations build exactly the models' schema; document numbers are gapless and never shared."""

import asyncio

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, col, select

from models.storage.db import make_sync_engine, open_session
from models.storage.numbering import allocate_number
from models.tables.decision import IssuedNumber
from models.tables.nomination import Transition
from tests.demo import DemoProvince
from tests.year import Year, hold_meeting


async def test_migrations_build_the_schema_the_models_describe(database_url: str) -> None:
    engine = make_sync_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


async def take(issuer: str, type_code: str, year: int, commit: bool = True) -> str:
    async with open_session() as session:
        number = await allocate_number(session, issuer, type_code, year, "test")
        if commit:
            await session.commit()
        return number


async def test_numbers_run_from_01_per_issuer_type_and_year_and_a_rollback_leaves_no_gap(database_url: str) -> None:
    assert [await take("UBND", "QĐ", 2027) for _ in range(2)] == ["01/QĐ-UBND", "02/QĐ-UBND"]
    assert await take("UBND", "QĐ", 2027, commit=False) == "03/QĐ-UBND"
    assert await take("UBND", "QĐ", 2027) == "03/QĐ-UBND", "the rolled-back number is given again"
    assert await take("UBND", "QĐ", 2028) == "01/QĐ-UBND", "a new calendar year starts at 01"
    assert await take("SCT", "TTr", 2027) == "01/TTr-SCT", "each issuing body has its own series"
    assert await take("UBND", "TTr", 2027) == "01/TTr-UBND", "each document type has its own series"


async def test_concurrent_signers_get_consecutive_distinct_numbers(database_url: str) -> None:
    numbers = await asyncio.gather(*(take("UBND", "QĐ", 2027) for _ in range(8)))
    assert sorted(numbers) == [f"{n:02d}/QĐ-UBND" for n in range(1, 9)]
    async with open_session() as session:
        register = (await session.exec(select(IssuedNumber.seq).where(IssuedNumber.year == 2027).order_by(
            col(IssuedNumber.seq)))).all()
    assert list(register) == list(range(1, 9))



async def test_the_transition_log_cannot_be_edited_or_deleted_through_the_orm(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await hold_meeting(client, demo, Year())
    async with open_session() as session:
        entry = (await session.exec(select(Transition).order_by(col(Transition.id)))).first()
        assert entry is not None
        entry.reason = "rewritten"
        session.add(entry)
        with pytest.raises(PermissionError, match="append-only"):
            await session.commit()
    async with open_session() as session:
        entry = (await session.exec(select(Transition).order_by(col(Transition.id)))).first()
        assert entry is not None and entry.reason == "Put forward at the block meeting"
        await session.delete(entry)
        with pytest.raises(PermissionError, match="append-only"):
            await session.commit()
