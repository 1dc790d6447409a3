"""A block's scoring rounds at the desk (chấm điểm thi đua): the head opens a round under a criteria set, sees the
block's table (totals, rating, rank, the leader and the head's adjustments), closes it with the block's vote order
when the set breaks ties by vote, and downloads the Bảng tổng hợp điểm.

Every page and form calls the API's own handlers (api/routes/scoring.py, criteria_sets.py): the same permission
(another block's round answers 404), the same recording functions, the same table. The forms' fields are named as
the API's (`criteria_set_id`, `vote_order`), so a refusal lands beside the field it names.
"""

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.auth import Principal
from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation, templates
from api.desk.route import DeskRoute
from api.routes import criteria_sets, scoring
from api.routes.movements import list_movements
from api.routes.scoring_public import ScoringPublic
from flows.documents.pdf import docx_to_pdf
from models.domain.errors import DomainError, Problem
from models.domain.movements import ScoringRound, ScoringStatus
from models.domain.permissions import Action, Role, may
from models.domain.scoring import points_vi
from models.tables.movement_scoring import BlockScoringCreate, CriteriaSetPublic, ScoringClose
from models.tables.organisation import EmulationBlock

router = APIRouter(route_class=DeskRoute)
templates.env.globals["points_vi"] = points_vi  # 92,5 as Vietnamese writes it
OPEN_FIELDS = ("block_id", "year", "round", "criteria_set_id", "movement_id")


async def scoring_view(session: AsyncSession, principal: Principal,
                       scoring_id: int) -> tuple[ScoringPublic, CriteriaSetPublic]:
    """The round's table and its criteria set, read by the API's handlers (another block's: 404)."""
    table = await scoring.read(scoring_id, session, principal)
    return table, await criteria_sets.read(table.criteria_set_id, session, principal)


def may_score(principal: Principal, table: ScoringPublic) -> bool:
    allowed = may(principal.grants, Action.SCORE_BLOCK, table.block_id, table.year).allowed
    return allowed and table.status == ScoringStatus.OPEN


def may_self_score(principal: Principal, table: ScoringPublic, unit_id: int) -> bool:
    """The member unit itself (or its block head) may send this unit's sheet while the round is open."""
    allowed = may(principal.grants, Action.SUBMIT_SELF_SCORES, table.block_id, table.year, unit_id).allowed
    return allowed and table.status == ScoringStatus.OPEN


async def _block_name(session: AsyncSession, block_id: int) -> str:
    block = await session.get(EmulationBlock, block_id)
    return block.name if block else str(block_id)


async def _rounds_context(session: AsyncSession, desk: Desk) -> dict[str, Any]:
    headed = sorted({(g.block_id, g.year) for g in desk.principal.grants
                     if g.role == Role.BLOCK_HEAD and g.block_id is not None and g.year is not None})
    blocks = {b.id: b.name for b in (await session.exec(select(EmulationBlock).order_by(
        col(EmulationBlock.name)))).all()}
    return {"desk": desk, "rounds": await scoring.list_scorings(session, desk.principal),
            "headed": headed, "block_names": blocks, "rounds_vi": list(ScoringRound),
            "criteria_sets": await criteria_sets.list_sets(session, desk.principal),
            "movements": await list_movements(session, desk.principal)}


@router.get("/scorings")
async def rounds_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    return page(request, "scorings.html", {**await _rounds_context(session, desk), "refusals": Refusals(),
                                           "posted": None})


@router.post("/scorings")
async def open_round(request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    try:
        opened = await scoring.create(_opening(form), session, desk.principal)
    except DomainError as error:
        await session.rollback()
        if error.status == 404 and any(p.field == "block_id" for p in error.problems):
            raise  # another block's: not acknowledged, as in the API
        return page(request, "scorings.html", {**await _rounds_context(session, desk), "posted": form,
                                               "refusals": Refusals.of(error.problems, OPEN_FIELDS)}, error.status)
    return RedirectResponse(f"/desk/scorings/{opened.id}", status_code=303)


def _opening(form: FormData) -> BlockScoringCreate:
    block_year = str(form.get("block_year", "")).split(":")
    body = {"block_id": block_year[0], "year": block_year[-1], "round": form.get("round", "final"),
            "criteria_set_id": form.get("criteria_set_id") or None, "movement_id": form.get("movement_id") or None}
    try:
        return BlockScoringCreate.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


async def table_context(session: AsyncSession, desk: Desk, scoring_id: int) -> dict[str, Any]:
    table, criteria = await scoring_view(session, desk.principal, scoring_id)
    names = {r.unit_id: r.unit_name for r in table.rows}
    leaves = {leaf.code: leaf.name for _, leaf, _ in criteria.definition.leaves()}
    leaves |= {a.code: a.name for a in [*criteria.definition.bonus, *criteria.definition.penalties]}
    adjusted = [(r, e) for r in table.rows for e in r.entries if e.adjustments]
    return {"desk": desk, "table": table, "criteria": criteria.definition, "names": names, "item_names": leaves,
            "adjusted": adjusted, "block_name": await _block_name(session, table.block_id),
            "may_score": may_score(desk.principal, table), "by_vote": "block_vote" in criteria.definition.tie_break}


@router.get("/scorings/{scoring_id}")
async def table_page(scoring_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    context = await table_context(session, desk, scoring_id)
    return page(request, "scoring_table.html", {**context, "refusals": Refusals(), "posted": None})


@router.post("/scorings/{scoring_id}/close")
async def close_round(scoring_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    try:
        await scoring.close(scoring_id, _closing(form), session, desk.principal)
    except DomainError as error:
        await session.rollback()
        if error.status == 404:
            raise
        context = await table_context(session, desk, scoring_id)
        fields = ["vote_order", *(f"units.{r.unit_id}" for r in context["table"].rows)]
        problems = [Problem("vote_order", p.rule, p.message, vi=p.vi) if p.field.startswith("vote_order.") else p
                    for p in error.problems]
        return page(request, "scoring_table.html", {**context, "posted": form,
                                                    "refusals": Refusals.of(problems, fields)}, error.status)
    return RedirectResponse(f"/desk/scorings/{scoring_id}?closed=1", status_code=303)


def _closing(form: FormData) -> ScoringClose:
    """The block's vote order from the place typed beside each tied member (blank: not placed by the vote)."""
    placed: list[tuple[str, str]] = []
    for key, value in form.items():
        if key.startswith("vote_place.") and str(value).strip():
            placed.append((str(value).strip(), key.removeprefix("vote_place.")))
    try:
        order = sorted(placed, key=lambda p: (int(p[0]), p[1]))
    except ValueError:
        raise DomainError(Problem("vote_order", "input.int_parsing", "A place is a whole number.",
                                  vi="Thứ tự bình xét phải là số nguyên (1, 2, 3…).")) from None
    try:
        return ScoringClose.model_validate({"vote_order": [unit for _, unit in order]})
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


@router.get("/scorings/{scoring_id}/table.docx")
async def table_docx(scoring_id: PathId, session: SessionDep, desk: SignedIn) -> Response:
    return await scoring.table_docx(scoring_id, session, desk.principal)


@router.get("/scorings/{scoring_id}/table.pdf")
async def table_pdf(scoring_id: PathId, session: SessionDep, desk: SignedIn) -> Response:
    """The .docx converted by LibreOffice, shown in the browser's own tab; without LibreOffice a plain 503 page."""
    docx = await scoring.table_docx(scoring_id, session, desk.principal)
    disposition = docx.headers["Content-Disposition"]
    filename = PurePosixPath(unquote(disposition.split("''", 1)[-1])).with_suffix(".pdf").name
    return Response(await docx_to_pdf(bytes(docx.body)), media_type="application/pdf",
                    headers={"Content-Disposition": f"inline; filename*=UTF-8''{quote(filename)}"})
