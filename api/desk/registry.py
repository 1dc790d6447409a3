"""The registry at the desk, read only: units, people (paged, searched by name) and the blocks of a year with
their members, head and deputy. A block head sees the units and people of the blocks they head, and only those
blocks: the same scope conditions as GET /units, /people (api/scope.py)."""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import ColumnElement, func, or_
from sqlalchemy.orm import Mapped
from sqlmodel import col, select

from api.auth import Principal
from api.deps import SessionDep
from api.desk.guard import SignedIn
from api.desk.render import page
from api.desk.route import DeskRoute
from api.scope import in_headed_blocks, visible_people, visible_units
from models.domain.enums import BlockRole
from models.domain.permissions import Action, may
from models.storage.queries import count_rows
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit

router = APIRouter(route_class=DeskRoute)
PAGE_SIZE = 50
Search = Annotated[str, Query(max_length=100)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def registry_tabs(principal: Principal) -> list[tuple[str, str]]:
    """The registry's pages this person may open (the others answer 403, and are not offered)."""
    tabs = [("/desk/registry/units", "Đơn vị"), ("/desk/registry/people", "Cá nhân"),
            ("/desk/registry/blocks", "Khối thi đua")]
    granted = principal.grants
    if may(granted, Action.READ_PROVINCE).allowed:
        tabs.append(("/desk/registry/council", "Hội đồng Thi đua - Khen thưởng"))
    if may(granted, Action.MANAGE_ACCOUNTS).allowed:
        tabs.append(("/desk/registry/accounts", "Tài khoản"))
    if may(granted, Action.IMPORT_ORGANISATION).allowed:
        tabs.append(("/desk/registry/import", "Nhập từ Excel"))
    return tabs


def name_contains(column: Mapped[str], text: str) -> ColumnElement[bool]:
    """Case-insensitive "contains", with % and _ typed by the user taken literally."""
    return func.lower(column).contains(text.lower(), autoescape=True)


@router.get("/registry")
async def registry_home(_: SignedIn) -> RedirectResponse:
    return RedirectResponse("/desk/registry/units", status_code=303)


@router.get("/registry/units")
async def units_page(request: Request, session: SessionDep, desk: SignedIn, q: Search = "",
                     offset: Offset = 0) -> HTMLResponse:
    query = visible_units(desk.principal, select(Unit))
    if q.strip():
        query = query.where(or_(name_contains(col(Unit.name), q.strip()), name_contains(col(Unit.code), q.strip())))
    total = await count_rows(session, query)
    units = (await session.exec(query.order_by(col(Unit.name), col(Unit.id)).offset(offset).limit(PAGE_SIZE))).all()
    return page(request, "registry_units.html", {"desk": desk, "tabs": registry_tabs(desk.principal), "q": q,
                                                 "units": units, "total": total, "offset": offset,
                                                 "page_size": PAGE_SIZE, "here": "/desk/registry/units"})


@router.get("/registry/people")
async def people_page(request: Request, session: SessionDep, desk: SignedIn, q: Search = "",
                      offset: Offset = 0) -> HTMLResponse:
    query = visible_people(desk.principal, select(Person))
    if q.strip():
        query = query.where(name_contains(col(Person.full_name), q.strip()))
    total = await count_rows(session, query)
    ids = query.with_only_columns(col(Person.id)).order_by(None).scalar_subquery()
    rows = (await session.exec(select(Person, Unit).join(Unit, col(Unit.id) == Person.unit_id).where(
        col(Person.id).in_(ids)).order_by(col(Person.full_name), col(Person.id)).offset(offset).limit(
        PAGE_SIZE))).all()
    return page(request, "registry_people.html", {"desk": desk, "tabs": registry_tabs(desk.principal), "q": q,
                                                  "rows": rows, "total": total, "offset": offset,
                                                  "page_size": PAGE_SIZE, "here": "/desk/registry/people"})


@dataclass
class BlockOfYear:
    block: EmulationBlock
    members: list[tuple[Unit, BlockRole]] = field(default_factory=list)

    def unit_with(self, role: BlockRole) -> Unit | None:
        return next((u for u, r in self.members if r == role), None)


@router.get("/registry/blocks")
async def blocks_page(request: Request, session: SessionDep, desk: SignedIn,
                      year: Annotated[str | None, Query(max_length=4)] = None) -> HTMLResponse:
    headed = in_headed_blocks(desk.principal, col(BlockMembership.block_id), col(BlockMembership.year))
    years_query = select(BlockMembership.year).distinct().order_by(col(BlockMembership.year).desc())
    if headed is not None:
        years_query = years_query.where(headed)
    years = list((await session.exec(years_query)).all())
    chosen = int(year) if year and year.isdigit() else (years[0] if years else None)
    query = select(BlockMembership, Unit, EmulationBlock).join(Unit, col(Unit.id) == BlockMembership.unit_id).join(
        EmulationBlock, col(EmulationBlock.id) == BlockMembership.block_id).where(BlockMembership.year == chosen)
    if headed is not None:
        query = query.where(headed)
    order = {BlockRole.HEAD: 0, BlockRole.DEPUTY: 1, BlockRole.MEMBER: 2}
    blocks: dict[int, BlockOfYear] = {}
    for membership, unit, block in (await session.exec(query.order_by(col(EmulationBlock.name)))).all():
        blocks.setdefault(block.id, BlockOfYear(block)).members.append((unit, membership.role))
    for b in blocks.values():
        b.members.sort(key=lambda m: (order[m[1]], m[0].name))
    return page(request, "registry_blocks.html", {"desk": desk, "tabs": registry_tabs(desk.principal),
                                                  "year": chosen, "years": years, "blocks": list(blocks.values()),
                                                  "here": "/desk/registry/blocks"})
