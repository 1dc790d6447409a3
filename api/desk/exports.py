"""The nominations list, with the filters it shows, as an Excel workbook (every matching row, not one page)."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import SessionDep
from api.desk.guard import SignedIn
from api.desk.nominations import filters_of_form
from api.desk.route import DeskRoute
from api.routes.nominations import filtered_nominations
from models.storage.nomination_export import export_query, nominations_workbook

router = APIRouter(route_class=DeskRoute)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/nominations.xlsx")
async def nominations_download(
    session: SessionDep,
    desk: SignedIn,
    year: Annotated[str | None, Query(max_length=4)] = None,
    block_id: Annotated[str | None, Query(max_length=12)] = None,
    award_code: Annotated[str | None, Query(max_length=60)] = None,
    state: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The same nominations the list finds (a block head's own block only), in one query."""
    chosen = filtered_nominations(desk.principal, filters_of_form(year, block_id, award_code, state))
    rows = list((await (await session.connection()).execute(export_query(chosen))).all())
    name = f"ho-so-de-nghi-{year}.xlsx" if year and year.isdigit() else "ho-so-de-nghi.xlsx"
    return Response(nominations_workbook(rows), media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
