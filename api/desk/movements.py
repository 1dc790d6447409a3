"""The province's emulation movements at the desk (phong trào thi đua): the list as the API's GET /movements reads
it, and for the council's secretary or the administrator a form to launch one.

The form posts to the API's own POST /movements handler (the same permission and recording function); its fields
are named as the API's (`launch_number`, `block_ids`), so a refusal lands beside the field it names.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import defer
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.routes.movements import launch, list_movements, pledge_docx
from api.scope import in_scored_blocks
from models.domain.errors import DomainError
from models.domain.movements import MovementKind
from models.domain.permissions import Action, may
from models.tables.movement import BlockPledge, MovementCreate
from models.tables.organisation import EmulationBlock

router = APIRouter(route_class=DeskRoute)
FIELDS = ("name", "kind", "from_year", "until_year", "launch_number", "launched_on", "launched_by", "content",
          "block_ids")
TEXT_FIELDS = FIELDS[:-1]
LABELS = {"name": "Tên phong trào", "kind": "Loại phong trào", "from_year": "Từ năm", "until_year": "Đến năm",
          "launch_number": "Số văn bản phát động", "launched_on": "Ngày ban hành", "launched_by": "Cơ quan ban hành",
          "content": "Mục đích, nội dung", "block_ids": "Khối thi đua tham gia"}


async def _pledges(session: AsyncSession, desk: Desk) -> dict[int, list[BlockPledge]]:
    """The signed pledges of the blocks the caller reads, by movement, in one query (never their bytes)."""
    query = select(BlockPledge).options(defer(BlockPledge.content))  # type: ignore[arg-type]
    if (visible := in_scored_blocks(desk.principal, col(BlockPledge.block_id), col(BlockPledge.year))) is not None:
        query = query.where(visible)
    by_movement: dict[int, list[BlockPledge]] = {}
    for p in (await session.exec(query.order_by(col(BlockPledge.year), col(BlockPledge.block_id)))).all():
        by_movement.setdefault(p.movement_id, []).append(p)
    return by_movement


async def _context(session: AsyncSession, desk: Desk) -> dict[str, Any]:
    movements = await list_movements(session, desk.principal)  # its scope check: whoever reads a block or more
    blocks = (await session.exec(select(EmulationBlock).order_by(col(EmulationBlock.name)))).all()
    return {"desk": desk, "movements": movements, "blocks": blocks, "block_names": {b.id: b.name for b in blocks},
            "pledges": await _pledges(session, desk),
            "kinds": list(MovementKind), "may_launch": may(desk.principal.grants, Action.LAUNCH_MOVEMENT).allowed,
            # A block head scores their own block only: holding the role is what the link asks.
            "may_score": may(desk.principal.grants, Action.SCORE_BLOCK).rule != "auth.role"}


@router.get("/movements")
async def movements_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    context = await _context(session, desk)
    return page(request, "movements.html", {**context, "refusals": Refusals(), "posted": None})


@router.post("/movements")
async def launch_movement(request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    try:
        await launch(_movement(form), session, desk.principal)
    except DomainError as error:
        await session.rollback()
        if error.status in (403, 404):
            raise
        refusals = Refusals.of(error.problems, [*FIELDS, *_block_fields(form)])
        return page(request, "movements.html", {**await _context(session, desk), "refusals": refusals,
                                                "posted": form}, error.status)
    return RedirectResponse("/desk/movements?launched=1", status_code=303)


def _block_fields(form: FormData) -> list[str]:
    return [f"block_ids.{i}" for i in range(len(form.getlist("block_ids")))]


def _movement(form: FormData) -> MovementCreate:
    body: dict[str, Any] = {name: str(form.get(name, "")).strip() for name in TEXT_FIELDS}
    body["block_ids"] = [str(b) for b in form.getlist("block_ids")]
    try:
        return MovementCreate.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error, labels=LABELS)) from None


@router.get("/movements/{movement_id}/pledges/{pledge_id}.docx")
async def pledge_download(movement_id: PathId, pledge_id: PathId, session: SessionDep, desk: SignedIn) -> Response:
    """The block's pledge as numbered and printed when it was signed (the API's handler: the same scope)."""
    return await pledge_docx(movement_id, pledge_id, session, desk.principal)
