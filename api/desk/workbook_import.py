"""The registry's workbook import at the desk: upload an .xlsx, see what it would create and change, row by row
(a dry run that changes nothing), then apply that same file. A wrong file shows each problem where it is
(`<sheet>.<row>.<column>`) with its Vietnamese message. The same `run_import` as POST /organisation/import.

Applying needs the SHA-256 of the file that was previewed, so what is applied is what was looked at."""

import hashlib
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import UploadFile

from api.deps import SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.registry import registry_tabs
from api.desk.render import is_htmx, page
from api.desk.route import DeskRoute
from api.routes.organisation import run_import
from models.domain.errors import DomainError, refuse
from models.domain.organisation_sheets import BLOCKS, COUNCIL, MEMBERSHIPS, PEOPLE, UNITS
from models.domain.permissions import Action
from models.tables.organisation_import import OrganisationImport

router = APIRouter(route_class=DeskRoute)
TABLE_VI = {"units": UNITS, "people": PEOPLE, "blocks": BLOCKS, "memberships": MEMBERSHIPS, "council": COUNCIL}
RECENT = 15


async def _context(session: AsyncSession, desk: Desk) -> dict[str, Any]:
    recent = (await session.exec(select(OrganisationImport).order_by(col(OrganisationImport.id).desc()).limit(
        RECENT))).all()
    return {"desk": desk, "tabs": registry_tabs(desk.principal), "here": "/desk/registry/import",
            "recent": recent, "table_vi": TABLE_VI}


@router.get("/registry/import")
async def import_page(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.IMPORT_ORGANISATION)
    return page(request, "registry_import.html", await _context(session, desk))


@router.post("/registry/import")
async def import_workbook(request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.IMPORT_ORGANISATION)
    apply = form.get("step") == "apply"
    upload = form.get("file")
    result: dict[str, Any] = {"applying": apply}
    status = 200
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise refuse("file", "organisation.no_file", "Choose the workbook (.xlsx) to import.",
                         vi="Hãy chọn tệp Excel (.xlsx) cần nhập.")
        content = await upload.read()
        result["sha256"] = digest = hashlib.sha256(content).hexdigest()
        result["file_name"] = upload.filename
        if apply and form.get("reviewed") != digest:
            raise refuse("file", "organisation.not_previewed",
                         "Preview this file before applying it (it differs from the file previewed).",
                         vi="Tệp này khác tệp vừa xem trước: hãy bấm «Xem trước thay đổi» rồi mới áp dụng.")
        result["outcome"] = await run_import(session, content, upload.filename, desk.principal,
                                             dry_run=not apply)
    except DomainError as error:
        result["problems"], status = error.problems, error.status
    partial = is_htmx(request)
    # A partial answer also replaces the list of recent imports (out of band), which an apply has just changed.
    context = await _context(session, desk) | {"result": result, "oob": partial}
    template = "_import_result.html" if partial else "registry_import.html"
    return page(request, template, context, status)

