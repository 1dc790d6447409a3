"""Movements launched, members' registrations (đăng ký thi đua) and the block's signed pledge (giao ước thi đua)."""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Conflict, DomainError, Problem, refuse
from models.recording.common import get_or_404, members_of, membership_of, require_unique, unknown_award
from models.storage.locks import serialize_on
from models.tables.award import Award
from models.tables.movement import (
    BlockPledge,
    BlockPledgeCreate,
    Movement,
    MovementBlock,
    MovementCreate,
    Registration,
    RegistrationCreate,
)
from models.tables.organisation import EmulationBlock


async def launch_movement(session: AsyncSession, data: MovementCreate, actor: Actor) -> Movement:
    if data.until_year < data.from_year:
        raise refuse("until_year", "movement.period", "The period ends before it starts.",
                     vi=f"Giai đoạn phong trào kết thúc (năm {data.until_year}) trước khi bắt đầu "
                        f"(năm {data.from_year}).")
    require_unique(data.block_ids, "block_ids")
    known = set((await session.exec(select(EmulationBlock.id).where(
        col(EmulationBlock.id).in_(data.block_ids)))).all())
    unknown = [Problem(f"block_ids.{i}", "exists", f"There is no block with id {b}.",
                       vi=f"Không tìm thấy Khối thi đua có mã số {b}.")
               for i, b in enumerate(data.block_ids) if b not in known]
    if unknown:
        raise DomainError(*unknown)
    movement = Movement(**data.model_dump(exclude={"block_ids"}), created_by=actor.username)
    session.add(movement)
    await session.flush()
    session.add_all(MovementBlock(movement_id=movement.id, block_id=b) for b in data.block_ids)
    await session.flush()
    return movement


async def movement_block_ids(session: AsyncSession, movement_id: int) -> list[int]:
    """The blocks taking part; empty when the movement is the whole province's."""
    rows = await session.exec(select(MovementBlock.block_id).where(MovementBlock.movement_id == movement_id))
    return sorted(rows.all())


async def require_taking_part(session: AsyncSession, movement: Movement, block_id: int, year: int,
                              field: str) -> None:
    """Refuse a block that does not take part in the movement, or a year outside its period."""
    if not movement.from_year <= year <= movement.until_year:
        raise refuse("year", "movement.year", f"The movement runs {movement.from_year}–{movement.until_year}.",
                     vi=f"Phong trào «{movement.name}» diễn ra từ năm {movement.from_year} đến năm "
                        f"{movement.until_year}; năm {year} nằm ngoài giai đoạn này.")
    blocks = await movement_block_ids(session, movement.id)
    if blocks and block_id not in blocks:
        raise refuse(field, "movement.block", f"Block {block_id} does not take part in this movement.",
                     vi=f"Khối thi đua mã số {block_id} không tham gia phong trào «{movement.name}».")


async def register(session: AsyncSession, movement_id: int, data: RegistrationCreate, actor: Actor) -> Registration:
    """A member's registration for the year; registered again, the new one replaces it."""
    await serialize_on(session, Movement, movement_id, "movement_id")
    movement = await get_or_404(session, Movement, movement_id, "movement_id")
    membership = await membership_of(session, data.unit_id, data.year)
    if membership is None:
        raise refuse("unit_id", "block.member", f"Unit {data.unit_id} belongs to no block in {data.year}.",
                     vi=f"Đơn vị mã số {data.unit_id} không là thành viên Khối thi đua nào trong năm {data.year}.")
    await require_taking_part(session, movement, membership.block_id, data.year, "unit_id")
    if data.award_code is not None and (await session.exec(
            select(Award.id).where(Award.code == data.award_code))).first() is None:
        raise unknown_award(data.award_code, "award_code")
    existing = (await session.exec(select(Registration).where(
        Registration.movement_id == movement_id, Registration.year == data.year,
        Registration.unit_id == data.unit_id))).first()
    registration = existing or Registration(movement_id=movement_id, unit_id=data.unit_id, year=data.year,
                                            block_id=membership.block_id, registered_on=data.registered_on,
                                            created_by=actor.username)
    registration.registered_on = data.registered_on
    registration.award_code = data.award_code
    registration.targets = [t.model_dump() for t in data.targets]
    registration.created_by = actor.username
    session.add(registration)
    await session.flush()
    return registration


async def sign_pledge(session: AsyncSession, movement_id: int, data: BlockPledgeCreate, actor: Actor) -> BlockPledge:
    """The block's pledge, signed once a year by its members' heads."""
    await serialize_on(session, Movement, movement_id, "movement_id")
    movement = await get_or_404(session, Movement, movement_id, "movement_id")
    await get_or_404(session, EmulationBlock, data.block_id, "block_id")
    await require_taking_part(session, movement, data.block_id, data.year, "block_id")
    if (await session.exec(select(BlockPledge.id).where(
            BlockPledge.movement_id == movement_id, BlockPledge.block_id == data.block_id,
            BlockPledge.year == data.year))).first() is not None:
        raise Conflict(Problem("block_id", "pledge.once", "The block already signed its pledge for this year.",
                               vi=f"Khối thi đua đã ký giao ước thi đua năm {data.year} của phong trào này."))
    members = {m.unit_id for m in await members_of(session, data.block_id, data.year)}
    outsiders = [Problem(f"signatories.{i}.unit_id", "block.member", f"Unit {s.unit_id} is not a member.",
                         vi=f"Đơn vị mã số {s.unit_id} không phải thành viên của Khối thi đua năm {data.year}.")
                 for i, s in enumerate(data.signatories) if s.unit_id not in members]
    if outsiders:
        raise DomainError(*outsiders)
    require_unique([s.unit_id for s in data.signatories], "signatories")
    pledge = BlockPledge(**data.model_dump(exclude={"signatories"}), movement_id=movement_id,
                         signatories=[s.model_dump() for s in data.signatories], created_by=actor.username)
    session.add(pledge)
    await session.flush()
    return pledge
