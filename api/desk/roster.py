"""The province's own registry pages at the desk: the council's roster (every seat, its term and role), the
accounts (administrators only; no password or its hash is ever read into a page) and the registry as a workbook."""

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import col, select

from api.deps import SessionDep
from api.desk.guard import SignedIn
from api.desk.registry import registry_tabs
from api.desk.render import page
from api.desk.route import DeskRoute
from models.domain.permissions import Action
from models.storage.organisation_export import organisation_sheets
from models.storage.organisation_workbook import write_workbook
from models.tables.accounts import RoleGrant, User
from models.tables.council_roster import CouncilSeat
from models.tables.organisation import EmulationBlock, Unit

router = APIRouter(route_class=DeskRoute)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def term_status(seat: CouncilSeat, today: date) -> str:
    if seat.serves_from > today:
        return "Chưa bắt đầu"
    if seat.serves_until is not None and seat.serves_until < today:
        return "Đã hết nhiệm kỳ"
    return "Đang giữ"


@router.get("/registry/council")
async def council_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.READ_PROVINCE)
    rows = (await session.exec(select(CouncilSeat, Unit).outerjoin(Unit, col(Unit.id) == CouncilSeat.unit_id)
                               .order_by(col(CouncilSeat.serves_from).desc(), col(CouncilSeat.id)))).all()
    today = date.today()
    seats = [(seat, unit, term_status(seat, today)) for seat, unit in rows]
    seats.sort(key=lambda s: s[2] != "Đang giữ")  # the seats in force first, each group in its order
    return page(request, "registry_council.html", {"desk": desk, "tabs": registry_tabs(desk.principal),
                                                   "seats": seats, "here": "/desk/registry/council"})


@router.get("/registry/accounts")
async def accounts_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.MANAGE_ACCOUNTS)
    # Columns named one by one: the password's hash never leaves the database for this page.
    users = (await session.exec(select(User.id, User.username, User.full_name, User.is_active).order_by(
        col(User.username)))).all()
    grants = (await session.exec(select(RoleGrant).where(col(RoleGrant.revoked_at).is_(None)).order_by(
        col(RoleGrant.id)))).all()
    block_names = dict((await session.exec(select(EmulationBlock.id, EmulationBlock.name))).all())
    by_user: dict[int, list[dict[str, Any]]] = {}
    for g in grants:
        by_user.setdefault(g.user_id, []).append({"role": g.role, "block": block_names.get(g.block_id or 0),
                                                  "year": g.year})
    return page(request, "registry_accounts.html", {"desk": desk, "tabs": registry_tabs(desk.principal),
                                                    "users": users, "grants": by_user,
                                                    "here": "/desk/registry/accounts"})


@router.get("/registry/export")
async def registry_workbook(session: SessionDep, desk: SignedIn) -> Response:
    """The registry as the workbook the import reads (GET /organisation/export's)."""
    desk.principal.require(Action.READ_PROVINCE)
    return Response(write_workbook(await organisation_sheets(session, None)), media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="to-chuc.xlsx"'})
