"""Emulation movements: launched by the province, members' registrations and each block's signed pledge."""

from urllib.parse import quote

from fastapi import APIRouter, Response, status
from sqlmodel import SQLModel, col, select

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.scope import in_scored_blocks, require_scoring_reader
from flows.documents.pledge import issue_pledge
from models.domain.errors import NotFound, Problem
from models.domain.permissions import Action
from models.recording.common import get_or_404, membership_of
from models.recording.movements import launch_movement, movement_block_ids, register, sign_pledge
from models.tables.movement import (
    BlockPledge,
    BlockPledgeCreate,
    BlockPledgePublic,
    Movement,
    MovementBlock,
    MovementCreate,
    MovementPublic,
    Registration,
    RegistrationCreate,
    RegistrationPublic,
)

router = APIRouter(prefix="/movements", tags=["movements and scoring"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class MovementDetail(SQLModel):
    movement: MovementPublic
    registrations: list[RegistrationPublic]
    pledges: list[BlockPledgePublic]


async def movement_detail(session: SessionDep, principal: CurrentPrincipal, movement_id: int) -> MovementDetail:
    """The movement with the registrations and pledges of the blocks the caller reads."""
    require_scoring_reader(principal)  # an account that reads no block: 403, before saying what exists
    movement = await get_or_404(session, Movement, movement_id, "movement_id")
    registrations = select(Registration).where(Registration.movement_id == movement_id)
    pledges = select(BlockPledge).where(BlockPledge.movement_id == movement_id)
    if (headed := in_scored_blocks(principal, col(Registration.block_id), col(Registration.year))) is not None:
        registrations = registrations.where(headed)
    if (headed := in_scored_blocks(principal, col(BlockPledge.block_id), col(BlockPledge.year))) is not None:
        pledges = pledges.where(headed)
    public = MovementPublic.model_validate(movement, update={
        "block_ids": await movement_block_ids(session, movement_id)})
    return MovementDetail(
        movement=public,
        registrations=[RegistrationPublic.model_validate(r) for r in (await session.exec(
            registrations.order_by(col(Registration.year), col(Registration.unit_id)))).all()],
        pledges=[BlockPledgePublic.model_validate(p) for p in (await session.exec(
            pledges.order_by(col(BlockPledge.year), col(BlockPledge.block_id)))).all()])


@router.post("", status_code=status.HTTP_201_CREATED)
async def launch(data: MovementCreate, session: SessionDep, principal: CurrentPrincipal) -> MovementDetail:
    """Record a movement: its launching document (number, date, issuer), period and the blocks taking part."""
    principal.require(Action.LAUNCH_MOVEMENT)
    movement = await launch_movement(session, data, principal.actor)
    await session.commit()
    return await movement_detail(session, principal, movement.id)


@router.get("")
async def list_movements(session: SessionDep, principal: CurrentPrincipal) -> list[MovementPublic]:
    require_scoring_reader(principal)
    movements = (await session.exec(select(Movement).order_by(col(Movement.from_year), col(Movement.id)))).all()
    blocks: dict[int, list[int]] = {}
    for link in (await session.exec(select(MovementBlock).order_by(col(MovementBlock.block_id)))).all():
        blocks.setdefault(link.movement_id, []).append(link.block_id)
    return [MovementPublic.model_validate(m, update={"block_ids": blocks.get(m.id, [])}) for m in movements]


@router.get("/{movement_id}")
async def read(movement_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> MovementDetail:
    return await movement_detail(session, principal, movement_id)


@router.post("/{movement_id}/registrations", status_code=status.HTTP_201_CREATED)
async def registration(movement_id: PathId, data: RegistrationCreate, session: SessionDep,
                       principal: CurrentPrincipal) -> RegistrationPublic:
    """A member's registration (đăng ký thi đua) with its targets, sent by the member unit itself (or recorded by its
    block's head)."""
    membership = await membership_of(session, data.unit_id, data.year)
    principal.require(Action.REGISTER_TARGETS, membership.block_id if membership else None, data.year,
                      field="unit_id", unit_id=data.unit_id)
    row = await register(session, movement_id, data, principal.actor)
    await session.commit()
    return RegistrationPublic.model_validate(row)


@router.post("/{movement_id}/pledges", status_code=status.HTTP_201_CREATED)
async def pledge(movement_id: PathId, data: BlockPledgeCreate, session: SessionDep,
                 principal: CurrentPrincipal) -> BlockPledgePublic:
    """The block's signed pledge (bản giao ước thi đua): when, where, and who signed for each member."""
    principal.require(Action.RECORD_PLEDGES, data.block_id, data.year, field="block_id")
    row = await issue_pledge(session, await sign_pledge(session, movement_id, data, principal.actor))
    await session.commit()  # the pledge, its number and its printed bytes together
    return BlockPledgePublic.model_validate(row)


@router.get("/{movement_id}/pledges/{pledge_id}.docx", response_class=Response,
            responses={200: {"content": {DOCX: {}}, "description": "Bản giao ước thi đua, as printed when signed"}})
async def pledge_docx(movement_id: PathId, pledge_id: PathId, session: SessionDep,
                      principal: CurrentPrincipal) -> Response:
    """The block's pledge as it was numbered and printed when signed (the same bytes as its sha256)."""
    pledge = await get_or_404(session, BlockPledge, pledge_id, "pledge_id")
    if pledge.movement_id != movement_id:
        raise NotFound(Problem("pledge_id", "exists", "This movement has no such pledge.",
                               vi="Phong trào này không có bản giao ước thi đua mã số này."))
    principal.require(Action.READ_SCORING, pledge.block_id, pledge.year, field="pledge_id")
    return Response(pledge.content, media_type=DOCX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(pledge.filename)}",
        "ETag": f'"{pledge.sha256}"'})
