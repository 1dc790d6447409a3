"""A block's members for an emulation year, one at a time: added with their role, their role changed, or a unit
taken out of the block for that year; every change in the registry's change log.

A block has one head a year: naming a new head makes the old one a member (both changes logged); the head itself
cannot be demoted or removed, only replaced. A unit is in one block a year. Writers queue on the block, so two
head changes of one block never both apply.
"""

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.enums import BlockRole
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import get_or_404, membership_of
from models.recording.registry_checks import known_unit
from models.storage.locks import serialize_on
from models.storage.registry_log import record_change, row_state
from models.tables.nomination import Nomination
from models.tables.organisation import BlockMembership, EmulationBlock, Person
from models.tables.registry_schemas import MembershipCreate

HEAD_ONLY_REPLACED = ("Trưởng khối không thể bị bỏ hay đổi vai trò; hãy chỉ định đơn vị khác làm Trưởng khối "
                      "(vai trò «Trưởng khối»), đơn vị hiện tại sẽ trở thành thành viên.")


async def add_member(session: AsyncSession, block_id: int, data: MembershipCreate, actor: Actor) -> BlockMembership:
    await serialize_on(session, EmulationBlock, block_id, "block_id")
    unit = await known_unit(session, data.unit_id, "unit_id")
    held = await membership_of(session, data.unit_id, data.year)
    if held is not None and held.block_id == block_id:
        if held.role == data.role:
            return held  # the same request twice: one membership
        raise Conflict(Problem("unit_id", "registry.member_exists",
                               f"Unit {unit.code} is already a member of this block in {data.year}.",
                               vi=f"Đơn vị {unit.code} đã là thành viên của Khối năm {data.year}; hãy sửa vai trò "
                                  "của thành viên đó."))
    if held is not None:
        raise refuse("unit_id", "registry.unit_in_two_blocks",
                     f"Unit {unit.code} is already in another block in {data.year}.",
                     vi=f"Đơn vị {unit.code} đã thuộc một Khối thi đua khác trong năm {data.year}; mỗi năm một "
                        "đơn vị chỉ thuộc một khối.")
    if data.role == BlockRole.HEAD:
        await _demote_head(session, block_id, data.year, actor)
    member = BlockMembership(block_id=block_id, unit_id=data.unit_id, year=data.year, role=data.role)
    session.add(member)
    await session.flush()
    await record_change(session, BlockMembership, member.id, None, row_state(member), actor)
    return member


async def change_role(session: AsyncSession, membership_id: int, role: BlockRole, actor: Actor) -> BlockMembership:
    member = await _locked(session, membership_id)
    if member.role == role:
        return member
    if member.role == BlockRole.HEAD:
        raise refuse("role", "registry.block_head", "The head can only be replaced by naming another head.",
                     vi=HEAD_ONLY_REPLACED)
    if role == BlockRole.HEAD:
        await _demote_head(session, member.block_id, member.year, actor)
    before = row_state(member)
    member.role = role
    session.add(member)
    await session.flush()
    await record_change(session, BlockMembership, member.id, before, row_state(member), actor)
    return member


async def remove_member(session: AsyncSession, membership_id: int, actor: Actor) -> None:
    """Take a unit out of its block for that year: not its head, and not a unit with nominations there."""
    member = await _locked(session, membership_id)
    if member.role == BlockRole.HEAD:
        raise refuse("membership_id", "registry.block_head", "The head cannot be taken out of the block.",
                     vi=HEAD_ONLY_REPLACED)
    staff = select(Person.id).where(Person.unit_id == member.unit_id)
    nominated = select(Nomination.id).where(
        Nomination.block_id == member.block_id, Nomination.year == member.year,
        (col(Nomination.unit_id) == member.unit_id) | col(Nomination.person_id).in_(staff)).limit(1)
    if (await session.exec(nominated)).first() is not None:
        raise Conflict(Problem("membership_id", "registry.referenced",
                               "The unit has nominations in this block and year; it stays a member.",
                               vi=f"Đơn vị đã có hồ sơ đề nghị khen thưởng trong Khối năm {member.year}, nên không thể "
                                  "rút khỏi Khối năm đó."))
    before = row_state(member)
    await session.delete(member)
    await session.flush()
    await record_change(session, BlockMembership, membership_id, before, None, actor)


async def _locked(session: AsyncSession, membership_id: int) -> BlockMembership:
    member = await get_or_404(session, BlockMembership, membership_id, "membership_id")
    await serialize_on(session, EmulationBlock, member.block_id, "block_id")
    await session.refresh(member)
    return member


async def _demote_head(session: AsyncSession, block_id: int, year: int, actor: Actor) -> None:
    query = select(BlockMembership).where(BlockMembership.block_id == block_id, BlockMembership.year == year,
                                          BlockMembership.role == BlockRole.HEAD)
    for head in (await session.exec(query)).all():
        before = row_state(head)
        head.role = BlockRole.MEMBER
        session.add(head)
        await session.flush()
        await record_change(session, BlockMembership, head.id, before, row_state(head), actor)
