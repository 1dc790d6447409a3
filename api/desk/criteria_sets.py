"""Criteria sets at the desk (bảng tiêu chí chấm điểm thi đua): the list, one set as a tree with its bands, and a
new version made by copying it and editing its maximum points, caps and bands, for the same or a new year.

The form posts the copied set to the API's own upload handler (api/routes/criteria_sets.py), so the same
permission (a block head writes only their own block's set), the same consistency rules and the same problem+json
fields apply; every editable box is named by the API's field path (`groups.0.children.1.max_points`,
`bands.2.from_points`), so a refusal lands beside the box it names.
"""

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import Refusals, page, problems_of_validation, templates
from api.desk.route import DeskRoute
from api.routes import criteria_sets
from models.domain.errors import DomainError, Problem
from models.domain.permissions import Action, may
from models.domain.scoring import points_vi
from models.tables.movement_scoring import CriteriaSetPublic
from models.tables.organisation import EmulationBlock

router = APIRouter(route_class=DeskRoute)
templates.env.globals["points_vi"] = points_vi
PROVINCE = "province"  # the owner box's value for the province's own set (block_id none)


def editable_boxes(definition: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every box the form offers: (the API's field path, what the box is called in Vietnamese)."""
    def nodes(items: list[Mapping[str, Any]], path: str) -> Iterator[tuple[str, str]]:
        for i, node in enumerate(items):
            yield f"{path}.{i}.max_points", f"Điểm tối đa của «{node['name']}»"
            yield from nodes(node.get("children", []), f"{path}.{i}.children")
    yield from nodes(definition["groups"], "groups")
    for kind, label in (("bonus", "điểm thưởng"), ("penalties", "điểm trừ")):
        for i, item in enumerate(definition.get(kind, [])):
            yield f"{kind}.{i}.max_points", f"Điểm tối đa ({label}) của «{item['name']}»"
    yield "bonus_cap", "Tổng điểm thưởng tối đa"
    yield "penalty_cap", "Tổng điểm trừ tối đa"
    for i, _ in enumerate(definition["bands"]):
        yield f"bands.{i}.from_points", f"Khung xếp loại thứ {i + 1}: từ"
        yield f"bands.{i}.below_points", f"Khung xếp loại thứ {i + 1}: đến dưới"


def _set_path(data: Any, path: str, value: object) -> None:
    *parents, last = path.split(".")
    for step in parents:
        data = data[int(step)] if step.isdigit() else data[step]
    data[last] = value


def edited_copy(original: Mapping[str, Any], form: FormData) -> dict[str, Any]:
    """The original set with the boxes the form sent put in (a Vietnamese "92,5" read as 92.5; a band's empty
    upper end means none), and the year and owner chosen."""
    body = copy.deepcopy(dict(original))
    for path, _ in editable_boxes(original):
        if path in form:
            typed = str(form[path]).strip().replace(",", ".")
            _set_path(body, path, None if not typed and path.endswith("below_points") else typed)
    owner = str(form.get("block_id", PROVINCE))
    body |= {"year": str(form.get("year", "")).strip(), "block_id": None if owner == PROVINCE else owner}
    return body


def owners(desk: Desk) -> list[tuple[int, int]]:
    """The blocks (and years) whose own sets this person writes: a block head's headed blocks."""
    return sorted({(g.block_id, g.year) for g in desk.principal.grants
                   if g.block_id is not None and g.year is not None
                   and may((g,), Action.MANAGE_CRITERIA, g.block_id, g.year).allowed})


async def _context(session: AsyncSession, desk: Desk, shown: CriteriaSetPublic) -> dict[str, Any]:
    names = {b.id: b.name for b in (await session.exec(select(EmulationBlock).order_by(
        col(EmulationBlock.name)))).all()}
    definition = shown.definition.model_dump(mode="json")
    writes_province = may(desk.principal.grants, Action.MANAGE_CRITERIA).allowed and desk.principal.scope.whole_province
    headed = owners(desk)
    # The copy belongs where the original does when this person writes there; else to their first block.
    choices = [PROVINCE] * writes_province + [str(b) for b, _ in headed]
    same_owner = PROVINCE if shown.block_id is None else str(shown.block_id)
    return {"desk": desk, "shown": shown, "definition": definition, "block_names": names, "owners": headed,
            "may_write_province": writes_province,
            "default_owner": same_owner if same_owner in choices else next(iter(choices), ""),
            # The province's office writes next year's set; a block head the year their role covers (latest).
            "default_year": shown.year + 1 if writes_province else max((y for _, y in headed), default=shown.year),
            "versions": [
                s for s in await criteria_sets.list_sets(session, desk.principal)
                if s.code == shown.code and s.block_id == shown.block_id]}


@router.get("/criteria-sets")
async def list_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    names = {b.id: b.name for b in (await session.exec(select(EmulationBlock))).all()}
    return page(request, "criteria_sets.html", {"desk": desk, "block_names": names,
                                                "sets": await criteria_sets.list_sets(session, desk.principal)})


@router.get("/criteria-sets/{criteria_set_id}")
async def set_page(criteria_set_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    shown = await criteria_sets.read(criteria_set_id, session, desk.principal)  # another block's: 404
    return page(request, "criteria_set.html", {**await _context(session, desk, shown), "posted": None,
                                               "refusals": Refusals()})


@router.post("/criteria-sets/{criteria_set_id}/versions")
async def new_version(criteria_set_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    """Store the edited copy as a new version (same code, the year chosen), or show the refusal beside its box."""
    form = await checked_form(request, desk.session)
    shown = await criteria_sets.read(criteria_set_id, session, desk.principal)
    original = shown.definition.model_dump(mode="json")
    labels = dict(editable_boxes(original)) | {"year": "Năm áp dụng", "block_id": "Bảng tiêu chí của"}
    try:
        try:
            upload = criteria_sets.CriteriaSetUpload.model_validate(edited_copy(original, form))
        except ValidationError as error:
            raise DomainError(*problems_of_validation(error, labels=labels)) from None
        created = await criteria_sets.upload(upload, session, desk.principal)
    except DomainError as error:
        await session.rollback()
        if error.status == 404:
            raise  # another block's: not acknowledged, as in the API
        problems = [_as_box(p) for p in error.problems]
        return page(request, "criteria_set.html", {
            **await _context(session, desk, shown), "posted": form,
            "refusals": Refusals.of(problems, labels)}, error.status)
    return RedirectResponse(f"/desk/criteria-sets/{created.id}?created=1", status_code=303)


def _as_box(problem: Problem) -> Problem:
    """A refusal naming a criterion's whole node (too deep, say) stands beside that node's points box."""
    if problem.field.startswith("groups.") and not problem.field.endswith(("max_points", "code")):
        return Problem(f"{problem.field}.max_points", problem.rule, problem.message, vi=problem.vi)
    return problem
