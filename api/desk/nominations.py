"""Nominations at the desk: the list with the API's filters, one nomination's page, and its documents."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn
from api.desk.render import Refusals, page
from api.desk.revocation_panel import revocation_panel
from api.desk.route import DeskRoute
from api.presenters import nominations_public, transitions_public
from api.routes.documents import document_response, readable_document
from api.routes.nominations import NominationFilters, filtered_nominations, readable, sorted_by
from models.domain.enums import State
from models.recording.deadlines import deadlines_of, today_in_vietnam
from models.storage.queries import candidate_labels, count_rows, transitions_of
from models.tables.award import Award
from models.tables.nomination import FactsRevision
from models.tables.organisation import EmulationBlock

router = APIRouter(route_class=DeskRoute)
PAGE_SIZE = 100


def _blank_is_none(value: str | None) -> str | None:
    return value or None  # an empty <select> option means "any"


@router.get("/nominations")
async def nomination_list(
    request: Request,
    session: SessionDep,
    desk: SignedIn,
    year: Annotated[str | None, Query(max_length=4)] = None,
    block_id: Annotated[str | None, Query(max_length=12)] = None,
    award_code: Annotated[str | None, Query(max_length=60)] = None,
    state: Annotated[str | None, Query(max_length=20)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    filters = filters_of_form(year, block_id, award_code, state)
    query = filtered_nominations(desk.principal, filters)
    total = await count_rows(session, query)
    rows = (await session.exec(sorted_by(query, "id").offset(offset).limit(PAGE_SIZE))).all()
    blocks_query = select(EmulationBlock).order_by(col(EmulationBlock.name))
    scope = desk.principal.scope
    if not scope.whole_province:  # a block head chooses among their own blocks only
        blocks_query = blocks_query.where(col(EmulationBlock.id).in_([b for b, _ in scope.block_years]))
    return page(request, "nominations.html", {
        "desk": desk, "filters": filters, "total": total, "offset": offset, "page_size": PAGE_SIZE,
        "nominations": await nominations_public(session, rows),
        "blocks": (await session.exec(blocks_query)).all(),
        "awards": (await session.exec(select(Award).order_by(col(Award.name)))).all(),
        "states": list(State),
    })


def filters_of_form(year: str | None, block_id: str | None, award_code: str | None,
                    state: str | None) -> NominationFilters:
    """Filters from a GET form; a value that is not a year, an id or a state is ignored rather than refused."""
    return NominationFilters(
        block_id=int(block_id) if block_id and block_id.isdigit() else None,
        year=int(year) if year and year.isdigit() else None,
        award_code=_blank_is_none(award_code),
        state=State(state) if state and state in set(State) else None,
    )


@router.get("/nominations/{nomination_id}")
async def nomination_page(nomination_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    return page(request, "nomination.html", await nomination_context(session, desk, nomination_id))


async def nomination_context(session: AsyncSession, desk: Desk, nomination_id: int) -> dict[str, Any]:
    """What the nomination's page shows: its facts, timeline, deadlines, and its award's revocation and flags."""
    nomination = await readable(session, desk.principal, nomination_id)  # another block's: 404, as in the API
    history = await transitions_of(session, nomination_id)
    revisions = (await session.exec(select(FactsRevision).where(
        FactsRevision.nomination_id == nomination_id).order_by(col(FactsRevision.id)))).all()
    label = (await candidate_labels(session, [nomination]))[nomination.id]
    return {
        "desk": desk, "nomination": (await nominations_public(session, [nomination]))[0], "label": label,
        "block": await session.get(EmulationBlock, nomination.block_id),
        "history": await transitions_public(session, desk.principal, history), "revisions": revisions,
        "deadlines": await deadlines_of(session, nomination, today_in_vietnam()),
        "revocation": await revocation_panel(session, nomination_id, desk.principal.grants),
        "refusals": Refusals(), "posted": {},
    }


@router.get("/documents/{document_id}")
async def document(document_id: PathId, session: SessionDep, desk: SignedIn) -> Response:
    return document_response(await readable_document(session, desk.principal, document_id))

