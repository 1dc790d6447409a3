"""Document numbers: per issuing body, document type and calendar year, from 01, gapless.

The number is taken inside the caller's transaction: if that transaction rolls back, so does the number.
"""

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.numbers import format_number
from models.tables.decision import IssuedNumber, NumberCounter


async def allocate_number(
    session: AsyncSession, issuer_code: str, type_code: str, year: int, issued_for: str
) -> str:
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    counter = {"issuer_code": issuer_code, "type_code": type_code, "year": year, "last_seq": 0}
    await session.exec(insert(NumberCounter).values(counter).on_conflict_do_nothing())
    # The UPDATE locks the counter row until commit, so concurrent signers queue instead of sharing a number.
    bump = (
        update(NumberCounter)
        .where(
            NumberCounter.issuer_code == issuer_code,  # type: ignore[arg-type]
            NumberCounter.type_code == type_code,  # type: ignore[arg-type]
            NumberCounter.year == year,  # type: ignore[arg-type]
        )
        .values(last_seq=NumberCounter.last_seq + 1)
        .returning(col(NumberCounter.last_seq))
    )
    seq: int = (await session.exec(bump)).scalar_one()
    number = format_number(seq, type_code, issuer_code)
    session.add(IssuedNumber(issuer_code=issuer_code, type_code=type_code, year=year, seq=seq, number=number,
                             issued_for=issued_for))
    return number
