"""Statistics at the desk: a year's figures as bar charts (inline SVG drawn by the template, no script) with the
numbers in tables beside them, and the same figures as a workbook. GET /statistics gives them as JSON."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal
from api.deps import SessionDep
from api.desk.guard import SignedIn
from api.desk.render import VIETNAM, page, templates
from api.desk.route import DeskRoute
from api.routes.statistics import years_export
from api.scope import blocks_of_year
from models.domain.permissions import Action
from models.storage.statistics import figures_of_year, latest_year
from models.storage.statistics_export import statistics_workbook

router = APIRouter(route_class=DeskRoute)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YearText = Annotated[str | None, Query(max_length=4)]


def percent(fraction: float) -> str:
    """As Vietnamese writes a share: 33,3%."""
    return f"{fraction * 100:.1f}".replace(".", ",") + "%"


templates.env.filters["percent"] = percent


async def chosen_year(session: AsyncSession, principal: Principal, asked: str | None) -> int:
    """The year asked for; else the latest with nominations the caller sees; else this year."""
    if asked and asked.isdigit() and 1945 <= int(asked) <= 2100:
        return int(asked)
    scope = principal.scope
    if scope.reads_nothing:
        principal.require(Action.READ_BLOCK)
    if not scope.whole_province:
        return max(y for _, y in scope.block_years)
    return await latest_year(session, None) or datetime.now(UTC).astimezone(VIETNAM).year


@router.get("/statistics")
async def statistics_page(request: Request, session: SessionDep, desk: SignedIn, year: YearText = None
                          ) -> HTMLResponse:
    chosen = await chosen_year(session, desk.principal, year)
    figures = await figures_of_year(session, chosen, blocks_of_year(desk.principal, chosen))
    return page(request, "statistics.html", {"desk": desk, "figures": figures})


@router.get("/statistics.xlsx")
async def statistics_download(session: SessionDep, desk: SignedIn, year: YearText = None) -> Response:
    chosen = await chosen_year(session, desk.principal, year)
    figures = await figures_of_year(session, chosen, blocks_of_year(desk.principal, chosen))
    return Response(statistics_workbook(figures), media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="thong-ke-{chosen}.xlsx"'})


@router.get("/statistics/years.xlsx")
async def years_download(session: SessionDep, desk: SignedIn) -> Response:
    """Units per rating and award counts across every year, as the API's GET /statistics/years.xlsx (same scope)."""
    return await years_export(session, desk.principal)
