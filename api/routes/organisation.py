"""The province's registry (units, people, blocks and their members per year) from and to a workbook."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Response, UploadFile
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.deps import CurrentPrincipal, PathId, QueryYear, SessionDep
from models.domain.audit import Actor
from models.domain.errors import DomainError, not_found
from models.domain.permissions import Action
from models.recording.organisation import ImportOutcome, import_organisation, record_refusal
from models.storage.organisation_export import organisation_sheets
from models.storage.organisation_workbook import write_workbook
from models.tables.organisation_import import OrganisationImport, OrganisationImportPublic

router = APIRouter(prefix="/organisation", tags=["organisation"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK_HELP = ("An .xlsx workbook with the sheets 'Đơn vị', 'Cá nhân', 'Khối' and 'Thành viên khối', and optionally "
                 "the council's roster 'Hội đồng' (README: 'How a province sets itself up'); GET "
                 "/organisation/export gives one to start from.")


class ImportResult(SQLModel):
    dry_run: bool
    counts: dict[str, dict[str, int]]
    changes: dict[str, dict[str, list[str]]]
    import_id: int | None = None


@router.post("/import")
async def import_workbook(
    file: Annotated[UploadFile, File(description=WORKBOOK_HELP)], session: SessionDep, principal: CurrentPrincipal,
    dry_run: Annotated[bool, Query(description="Only say what would be created, updated and left alone")] = False,
) -> ImportResult:
    """Create or update units, people, blocks and memberships from the workbook, matched by code (people by unit,
    name and birth date). Any wrong cell refuses the whole file, each named like `Đơn vị!C7`; a refused import
    is kept in GET /organisation/imports with its problems."""
    principal.require(Action.IMPORT_ORGANISATION)
    outcome = await run_import(session, await file.read(), file.filename or "", principal.actor, dry_run=dry_run)
    return ImportResult(dry_run=outcome.dry_run, counts=outcome.counts, changes=outcome.changes,
                        import_id=outcome.log.id if outcome.log is not None else None)


async def run_import(session: AsyncSession, content: bytes, name: str, actor: Actor, *,
                     dry_run: bool) -> ImportOutcome:
    """Import (or dry-run) the workbook and commit; a refused import is rolled back, and kept with its problems
    unless it was a dry run (the desk's import page answers through this too)."""
    try:
        outcome = await import_organisation(session, content, name, actor, dry_run=dry_run)
    except DomainError as error:
        await session.rollback()
        if not dry_run and error.status == 422:
            await record_refusal(session, content, name, actor, error.problems)
            await session.commit()
        raise
    await session.commit()
    return outcome


@router.get("/imports")
async def list_imports(
    session: SessionDep, principal: CurrentPrincipal, limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[OrganisationImportPublic]:
    """Imports accepted and refused, newest first."""
    principal.require(Action.READ_PROVINCE)
    rows = await session.exec(select(OrganisationImport).order_by(col(OrganisationImport.id).desc()).limit(limit))
    return [OrganisationImportPublic.model_validate(row) for row in rows.all()]


@router.get("/imports/{import_id}")
async def get_import(import_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> OrganisationImportPublic:
    principal.require(Action.READ_PROVINCE)
    row = await session.get(OrganisationImport, import_id)
    if row is None:
        raise not_found("import_id", "organisation import", import_id, what_vi="lần nhập danh sách")
    return OrganisationImportPublic.model_validate(row)


@router.get("/export", response_class=Response, responses={200: {"content": {XLSX: {}}}})
async def export_workbook(session: SessionDep, principal: CurrentPrincipal, year: QueryYear = None) -> Response:
    """The registry as the workbook the import reads: every unit, person and block, and the memberships of the
    year (of every year when none is given)."""
    principal.require(Action.READ_PROVINCE)
    sheets: dict[str, list[list[Any]]] = await organisation_sheets(session, year)
    name = f"to-chuc-{year}.xlsx" if year else "to-chuc.xlsx"
    return Response(write_workbook(sheets), media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
