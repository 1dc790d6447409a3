"""One member's scores at the desk: the criteria tree with each maximum, the self-scores with their evidence (bảng tự
chấm điểm) and, criterion by criterion, the head's adjustment with its reason; the self-score stays beside it.

The forms post to the API's own handlers (PUT /scorings/{id}/units/{unit_id}/self-scores, POST
/scorings/{id}/adjustments). The API names a refused score by its place in the list (`scores.3.points`); the desk
names its boxes by criterion (`points.CT2`), so each problem is moved beside the criterion it is about.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.desk.scorings import may_score, may_self_score, scoring_view
from api.routes import scoring
from models.domain.errors import DomainError, NotFound, Problem
from models.domain.scoring_criteria import CriteriaSetDefinition, Criterion
from models.tables.movement_scoring import AdjustmentCreate, SelfScoresSubmit

router = APIRouter(route_class=DeskRoute)
ADJUSTMENT_LABELS = {"points": "Điểm thẩm định", "reason": "Lý do điều chỉnh"}
INDEXED = re.compile(r"^scores\.(\d+)\.(\w+)$")


@dataclass(frozen=True)
class Item:
    """A line of the member's sheet: a group or criterion (scored through its children) or a scored item."""

    code: str
    name: str
    max_points: Decimal
    depth: int
    scored: bool
    kind: str  # "criterion", "bonus", "penalty"
    guidance: str = ""


def sheet(definition: CriteriaSetDefinition) -> list[Item]:
    def walk(nodes: Sequence[Criterion], depth: int) -> Iterator[Item]:
        for n in nodes:
            yield Item(n.code, n.name, n.max_points, depth, not n.children, "criterion", n.guidance)
            yield from walk(n.children, depth + 1)
    items = list(walk(definition.groups, 0))
    items += [Item(a.code, a.name, a.max_points, 0, True, "bonus") for a in definition.bonus]
    items += [Item(a.code, a.name, a.max_points, 0, True, "penalty") for a in definition.penalties]
    return items


async def _context(session: AsyncSession, desk: Desk, scoring_id: int, unit_id: int) -> dict[str, Any]:
    table, criteria = await scoring_view(session, desk.principal, scoring_id)
    row = next((r for r in table.rows if r.unit_id == unit_id), None)
    if row is None:  # not a member of this block: as the API's 404
        raise NotFound(Problem("unit_id", "exists", "There is no unit with that id in this block.",
                               vi="Không tìm thấy đơn vị này trong Khối thi đua."))
    return {"desk": desk, "table": table, "row": row, "criteria": criteria.definition,
            "items": sheet(criteria.definition), "entries": {e.criterion_code: e for e in row.entries},
            "may_score": may_score(desk.principal, table),
            "may_self_score": may_self_score(desk.principal, table, unit_id)}


def _url(scoring_id: int, unit_id: int) -> str:
    return f"/desk/scorings/{scoring_id}/units/{unit_id}"


@router.get("/scorings/{scoring_id}/units/{unit_id}")
async def unit_page(scoring_id: PathId, unit_id: PathId, request: Request, session: SessionDep,
                    desk: SignedIn) -> HTMLResponse:
    context = await _context(session, desk, scoring_id, unit_id)
    return page(request, "scoring_unit.html", {**context, "refusals": Refusals(), "posted": None})


async def _refused(request: Request, session: AsyncSession, desk: Desk, ids: tuple[int, int], form: FormData,
                   problems: list[Problem], status: int) -> HTMLResponse:
    await session.rollback()
    context = await _context(session, desk, *ids)
    fields = [f"{kind}.{i.code}" for i in context["items"] for kind in ("points", "evidence", "adjust_points",
                                                                       "adjust_reason")]
    return page(request, "scoring_unit.html", {**context, "posted": form,
                                               "refusals": Refusals.of(problems, fields)}, status)


@router.post("/scorings/{scoring_id}/units/{unit_id}/self-scores")
async def self_scores(scoring_id: PathId, unit_id: PathId, request: Request, session: SessionDep,
                      desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    await _context(session, desk, scoring_id, unit_id)  # another block's round or unit: 404 before reading the form
    codes = [key.removeprefix("points.") for key, value in form.items()
             if key.startswith("points.") and str(value).strip()]
    try:
        await scoring.self_scores(scoring_id, unit_id, _scores(form, codes), session, desk.principal)
    except DomainError as error:
        problems = [_by_criterion(p, codes) for p in error.problems]
        return await _refused(request, session, desk, (scoring_id, unit_id), form, problems, error.status)
    return RedirectResponse(f"{_url(scoring_id, unit_id)}?saved=1", status_code=303)


def _number(text: object) -> str:
    """Points as typed in Vietnam ("92,5") or as a browser sends them ("92.5")."""
    return str(text).strip().replace(",", ".")


def _scores(form: FormData, codes: list[str]) -> SelfScoresSubmit:
    body = {"scores": [{"criterion_code": code, "points": _number(form.get(f"points.{code}")),
                        "evidence": str(form.get(f"evidence.{code}", "")).strip()} for code in codes]}
    labels = {f"scores.{i}.{box}": f"{label} tiêu chí {code}" for i, code in enumerate(codes)
              for box, label in (("points", "Điểm tự chấm"), ("evidence", "Minh chứng"))}
    labels["scores"] = "Điểm tự chấm"
    try:
        return SelfScoresSubmit.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error, labels=labels)) from None


def _by_criterion(problem: Problem, codes: list[str]) -> Problem:
    """`scores.3.points` → `points.CT2`: the box of the criterion the API's list had at that place."""
    found = INDEXED.match(problem.field)
    if found is None or int(found.group(1)) >= len(codes):
        return problem
    box = "evidence" if found.group(2) == "evidence" else "points"
    return Problem(f"{box}.{codes[int(found.group(1))]}", problem.rule, problem.message, vi=problem.vi)


@router.post("/scorings/{scoring_id}/units/{unit_id}/adjustments")
async def adjust(scoring_id: PathId, unit_id: PathId, request: Request, session: SessionDep,
                 desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    await _context(session, desk, scoring_id, unit_id)
    code = str(form.get("criterion_code", "")).strip()
    body = {"unit_id": unit_id, "criterion_code": code, "points": _number(form.get("points", "")),
            "reason": str(form.get("reason", "")).strip()}
    try:
        try:
            data = AdjustmentCreate.model_validate(body)
        except ValidationError as error:
            raise DomainError(*problems_of_validation(error, labels=ADJUSTMENT_LABELS)) from None
        await scoring.adjustment(scoring_id, data, session, desk.principal, Response())
    except DomainError as error:
        problems = [Problem(f"adjust_{p.field}.{code}", p.rule, p.message, vi=p.vi)
                    if p.field in ("points", "reason") else p for p in error.problems]
        return await _refused(request, session, desk, (scoring_id, unit_id), form, problems, error.status)
    return RedirectResponse(f"{_url(scoring_id, unit_id)}?adjusted={code}#c-{code}", status_code=303)
