"""The register of document numbers: reading it, and voiding a number without ever giving it again."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, NotFound, Problem, refuse
from models.tables.base import utc_now
from models.tables.decision import IssuedNumber, NumberVoid


async def number_register(
    session: AsyncSession, issuer_code: str | None = None, type_code: str | None = None, year: int | None = None
) -> list[IssuedNumber]:
    """Every number given, voided ones included, per issuing body, type and year in the order given."""
    query = select(IssuedNumber)
    if issuer_code is not None:
        query = query.where(IssuedNumber.issuer_code == issuer_code)
    if type_code is not None:
        query = query.where(IssuedNumber.type_code == type_code)
    if year is not None:
        query = query.where(IssuedNumber.year == year)
    order = (col(IssuedNumber.year), col(IssuedNumber.issuer_code), col(IssuedNumber.type_code),
             col(IssuedNumber.seq))
    return list((await session.exec(query.order_by(*order))).all())


async def void_number(session: AsyncSession, data: NumberVoid, actor: Actor) -> IssuedNumber:
    """Mark a number void with its reason. The counter is untouched, so the next number is still a new one.

    Voiding records that the document carrying the number was withdrawn; it does not undo what that document
    did (revoking an award needs a decision of its own).
    """
    if not data.reason.strip():
        raise refuse("reason", "number.void_reason", "Say why the number is voided.",
                     vi="Đề nghị ghi rõ lý do hủy số văn bản.")
    query = select(IssuedNumber).where(IssuedNumber.number == data.number.strip(), IssuedNumber.year == data.year)
    issued = (await session.exec(query.with_for_update())).first()
    if issued is None:
        raise NotFound(Problem("number", "number.issued",
                               f"No number {data.number} was given in {data.year}.",
                               vi=f"Không có văn bản nào được cấp số {data.number} trong năm {data.year}."))
    if issued.voided_at is not None:
        raise Conflict(Problem("number", "number.voided_once",
                               f"Number {issued.number} of {issued.year} was already voided by {issued.voided_by}: "
                               f"{issued.void_reason}",
                               vi=f"Số {issued.number} năm {issued.year} đã được {issued.voided_by} hủy trước đó, "
                                  f"lý do: {issued.void_reason}"))
    issued.voided_at = utc_now()
    issued.voided_by = actor.username
    issued.void_reason = data.reason.strip()
    session.add(issued)
    await session.flush()
    return issued

