"""A year's figures: counts and shares by award, block, recipient kind and state (the desk's statistics page and
its workbook show the same numbers)."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentPrincipal, SessionDep
from api.scope import blocks_of_year
from models.domain.statistics import YearFigures
from models.storage.statistics import figures_of_year

router = APIRouter(tags=["statistics"])


@router.get("/statistics")
async def year_statistics(
    session: SessionDep, principal: CurrentPrincipal,
    year: Annotated[int, Query(ge=1945, le=2100, description="The emulation year")],
) -> YearFigures:
    """Nominations of the year (proposed, and of them awarded) by award, block, recipient kind and state, each
    with its share of the year's nominations; and per block, how many of its member units received each
    collective form. A block head's figures count their own block only."""
    return await figures_of_year(session, year, blocks_of_year(principal, year))
