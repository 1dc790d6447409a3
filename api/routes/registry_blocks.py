"""Blocks and clusters (khối / cụm thi đua) one by one, and their members per emulation year with the head and
deputy of that year; every change in the registry's change log."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlmodel import col, or_, select

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, QueryId, QueryYear, SessionDep
from api.registry_items import IfMatch, Limit, Offset, Page, Search, history, name_like, page_of, sees_block, tagged
from api.scope import in_headed_blocks
from models.domain.enums import BlockKind, BlockRole
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.registry import create_row, delete_row, update_row
from models.recording.registry_checks import check_block
from models.recording.registry_members import add_member, change_role, remove_member
from models.tables.organisation import BlockMembership, EmulationBlock, EmulationBlockBase
from models.tables.registry import RegistryChangePublic
from models.tables.registry_schemas import (
    BlockCreate,
    BlockUpdate,
    MembershipCreate,
    MembershipPublic,
    MembershipUpdate,
    changes,
)

router = APIRouter(prefix="/registry", tags=["registry"])


class BlockPublic(EmulationBlockBase):
    id: int


async def readable_block(session: SessionDep, principal: Principal, block_id: int) -> EmulationBlock:
    block = await get_or_404(session, EmulationBlock, block_id, "block_id")
    principal.require_to_see(sees_block(principal, block_id), "block_id")
    return block


async def readable_member(session: SessionDep, principal: Principal, membership_id: int) -> BlockMembership:
    member = await get_or_404(session, BlockMembership, membership_id, "membership_id")
    principal.require_to_see(principal.scope.sees_block(member.block_id, member.year), "membership_id")
    return member


@router.get("/blocks")
async def list_blocks(
    session: SessionDep, principal: CurrentPrincipal, q: Search = None, kind: BlockKind | None = None,
    year: Annotated[QueryYear, Query(description="Blocks with members that year")] = None,
    limit: Limit = 100, offset: Offset = 0,
) -> Page[BlockPublic]:
    query = select(EmulationBlock)
    if not principal.scope.whole_province:
        principal.require_to_see(True, "block_id")  # no role that reads a block: 403
        query = query.where(col(EmulationBlock.id).in_({b for b, _ in principal.scope.block_years}))
    if q:
        query = query.where(or_(name_like(EmulationBlock.name, q), name_like(EmulationBlock.code, q)))
    if kind is not None:
        query = query.where(EmulationBlock.kind == kind)
    if year is not None:
        query = query.where(col(EmulationBlock.id).in_(select(BlockMembership.block_id).where(
            BlockMembership.year == year)))
    return await page_of(session, query, col(EmulationBlock.id), limit, offset, BlockPublic.model_validate)


@router.post("/blocks", status_code=status.HTTP_201_CREATED)
async def create_block(data: BlockCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
                       ) -> BlockPublic:
    principal.require(Action.MANAGE_REGISTRY)
    block = await create_row(session, EmulationBlock(**data.model_dump()), principal.actor, check_block)
    await session.commit()
    tagged(response, block)
    return BlockPublic.model_validate(block)


@router.get("/blocks/{block_id}")
async def read_block(block_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response
                     ) -> BlockPublic:
    block = await readable_block(session, principal, block_id)
    tagged(response, block)
    return BlockPublic.model_validate(block)


@router.patch("/blocks/{block_id}")
async def update_block(block_id: PathId, data: BlockUpdate, session: SessionDep, principal: CurrentPrincipal,
                       response: Response, if_match: IfMatch = None) -> BlockPublic:
    await readable_block(session, principal, block_id)
    principal.require(Action.MANAGE_REGISTRY)
    block = await update_row(session, EmulationBlock, block_id, "block_id", changes(data), principal.actor,
                             check_block, if_match)
    await session.commit()
    tagged(response, block)
    return BlockPublic.model_validate(block)


@router.delete("/blocks/{block_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_block(block_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> None:
    """Only a block entered by mistake, with no members, meetings or nominations; otherwise 409. A block that
    stops simply has no members in the years after."""
    await readable_block(session, principal, block_id)
    principal.require(Action.MANAGE_REGISTRY)
    await delete_row(session, EmulationBlock, block_id, "block_id", principal.actor)
    await session.commit()


@router.get("/blocks/{block_id}/history")
async def block_history(block_id: PathId, session: SessionDep, principal: CurrentPrincipal
                        ) -> list[RegistryChangePublic]:
    await readable_block(session, principal, block_id)
    return await history(session, EmulationBlock, block_id)


@router.get("/memberships")
async def list_memberships(
    session: SessionDep, principal: CurrentPrincipal, block_id: QueryId = None, year: QueryYear = None,
    unit_id: QueryId = None, role: BlockRole | None = None, limit: Limit = 100, offset: Offset = 0,
) -> Page[MembershipPublic]:
    """Memberships the caller may read (a block head: of the blocks and years they head)."""
    query = select(BlockMembership)
    if (headed := in_headed_blocks(principal, col(BlockMembership.block_id), col(BlockMembership.year))) is not None:
        query = query.where(headed)
    for column, value in ((BlockMembership.block_id, block_id), (BlockMembership.year, year),
                          (BlockMembership.unit_id, unit_id), (BlockMembership.role, role)):
        if value is not None:
            query = query.where(col(column) == value)
    return await page_of(session, query, col(BlockMembership.id), limit, offset, MembershipPublic.model_validate)


@router.post("/blocks/{block_id}/members", status_code=status.HTTP_201_CREATED)
async def add(block_id: PathId, data: MembershipCreate, session: SessionDep, principal: CurrentPrincipal
              ) -> MembershipPublic:
    """Put a unit in the block for a year. Naming a head makes the year's previous head a member."""
    await readable_block(session, principal, block_id)
    principal.require(Action.MANAGE_REGISTRY)
    member = await add_member(session, block_id, data, principal.actor)
    await session.commit()
    return MembershipPublic.model_validate(member)


@router.patch("/memberships/{membership_id}")
async def set_role(membership_id: PathId, data: MembershipUpdate, session: SessionDep, principal: CurrentPrincipal
                   ) -> MembershipPublic:
    """Change a member's role that year: head, deputy or member (the head is replaced, never just demoted)."""
    await readable_member(session, principal, membership_id)
    principal.require(Action.MANAGE_REGISTRY)
    member = await change_role(session, membership_id, data.role, principal.actor)
    await session.commit()
    return MembershipPublic.model_validate(member)


@router.delete("/memberships/{membership_id}", status_code=status.HTTP_204_NO_CONTENT)
async def end_membership(membership_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> None:
    """End a unit's membership of the block for that year; refused (409) for a unit with nominations there."""
    await readable_member(session, principal, membership_id)
    principal.require(Action.MANAGE_REGISTRY)
    await remove_member(session, membership_id, principal.actor)
    await session.commit()


@router.get("/memberships/{membership_id}/history")
async def membership_history(membership_id: PathId, session: SessionDep, principal: CurrentPrincipal
                             ) -> list[RegistryChangePublic]:
    await readable_member(session, principal, membership_id)
    return await history(session, BlockMembership, membership_id)
