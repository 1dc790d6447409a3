"""A year's figures: counts and shares by award, block, recipient kind and state (the desk's statistics page and
its workbook show the same numbers)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, QueryYear, SessionDep
from api.scope import block_years_read, blocks_of_year
from models.domain.enums import RecipientKind
from models.domain.statistics import YearFigures
from models.domain.vietnamese import RECIPIENT_VI
from models.storage.statistics import figures_of_year
from models.storage.statistics_years import award_counts, rating_counts, years_workbook

router = APIRouter(tags=["statistics"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/statistics")
async def year_statistics(
    session: SessionDep, principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=1945, le=2100, description="The emulation year")],
) -> YearFigures:
    """Nominations of the year (proposed, and of them awarded) by award, block, recipient kind and state, each
    with its share of the year's nominations; and per block, how many of its member units received each
    collective form. A block head's figures count their own block only."""
    return await figures_of_year(session, year, blocks_of_year(principal, year))


class AwardCountPublic(SQLModel):
    year: int
    block_id: int | None  # None: the year's total over the province
    award_code: str
    recipient_kind: RecipientKind
    recipient_kind_vi: str
    count: int


@router.get("/statistics/awards")
async def award_statistics(session: SessionDep, principal: CurrentPrincipal, from_year: QueryYear = None,
                           until_year: QueryYear = None) -> list[AwardCountPublic]:
    """Awards by form and recipient kind, per block and year (the recipient's block that year) and the year's
    totals, from the award records: decisions signed here and past years imported. A block head counts their own
    block's members and their people."""
    rows = await award_counts(session, from_year, until_year, block_years_read(principal))
    return [AwardCountPublic(year=r.year, block_id=r.block_id, award_code=r.award_code,
                             recipient_kind=r.recipient_kind, recipient_kind_vi=RECIPIENT_VI[r.recipient_kind],
                             count=r.count) for r in rows]


@router.get("/statistics/years.xlsx", response_class=Response,
            responses={200: {"content": {XLSX: {}}, "description": "Ratings and award counts across years"}})
async def years_export(session: SessionDep, principal: CurrentPrincipal, from_year: QueryYear = None,
                       until_year: QueryYear = None) -> Response:
    """The ratings statistics (GET /scorings/statistics) and the award counts (GET /statistics/awards) as one
    workbook, for the year-end report."""
    scope = block_years_read(principal)
    content = await years_workbook(session, await rating_counts(session, from_year, until_year, scope),
                                   await award_counts(session, from_year, until_year, scope))
    span = "-".join(str(y) for y in (from_year, until_year) if y is not None) or "cac-nam"
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="thong-ke-qua-cac-nam-{span}.xlsx"'})
