"""The province's registry (units, people, blocks and their members per year) from and to a workbook."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Response, UploadFile
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, QueryYear, SessionDep
from models.domain.errors import DomainError, not_found, refuse
from models.domain.permissions import Action, may
from models.recording.organisation import ImportOutcome, import_organisation, record_refusal
from models.storage.organisation_export import organisation_sheets
from models.storage.organisation_files import csv_bundle
from models.storage.organisation_workbook import write_workbook
from models.tables.organisation_import import OrganisationImport, OrganisationImportPublic

router = APIRouter(prefix="/organisation", tags=["organisation"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK_HELP = ("An .xlsx workbook with the sheets 'Đơn vị', 'Cá nhân', 'Khối' and 'Thành viên khối', and optionally "
                 "'Hội đồng' (the council's roster), 'Hộ gia đình' and 'Tài khoản' (README: 'How a province sets "
                 "itself up'); GET /organisation/export gives one to start from. Or the same sheets as .csv files, "
                 "one per sheet named after it: several `file` parts, or one .zip of them.")


class ImportResult(SQLModel):
    dry_run: bool
    counts: dict[str, dict[str, int]]
    changes: dict[str, dict[str, list[str]]]
    import_id: int | None = None
    one_time_passwords: dict[str, str] = Field(
        default_factory=dict, description="New account → its one-time password, shown this once; the account "
                                          "must change it (POST /login/change-password) before anything else")


def uploaded(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """One file as it came (an .xlsx, or a .zip of .csv files); several .csv files packed into one .zip."""
    if len(files) == 1 and not files[0][0].lower().endswith(".csv"):
        return files[0][1], files[0][0]
    if not all(name.lower().endswith(".csv") for name, _ in files):
        raise refuse("file", "organisation.file", "Several files are accepted only as .csv files, one per sheet.",
                     vi="Chỉ được gửi nhiều tệp khi đó là các tệp .csv, mỗi tệp một trang (sheet).")
    return csv_bundle(files), ", ".join(sorted(name for name, _ in files))


@router.post("/import")
async def import_workbook(
    file: Annotated[list[UploadFile], File(description=WORKBOOK_HELP)], session: SessionDep,
    principal: CurrentPrincipal,
    dry_run: Annotated[bool, Query(description="Only say what would be created, updated and left alone")] = False,
) -> ImportResult:
    """Create or update units, people, blocks and memberships from the workbook, matched by code (people by unit,
    name and birth date). Any wrong cell refuses the whole file, each named like `Đơn vị!C7`; a refused import
    is kept in GET /organisation/imports with its problems."""
    principal.require(Action.IMPORT_ORGANISATION)
    content, name = uploaded([(f.filename or "", await f.read()) for f in file])
    outcome = await run_import(session, content, name, principal, dry_run=dry_run)
    return ImportResult(dry_run=outcome.dry_run, counts=outcome.counts, changes=outcome.changes,
                        import_id=outcome.log.id if outcome.log is not None else None,
                        one_time_passwords=outcome.passwords)


async def run_import(session: AsyncSession, content: bytes, name: str, principal: Principal, *,
                     dry_run: bool) -> ImportOutcome:
    """Import (or dry-run) the workbook and commit; a refused import is rolled back, and kept with its problems
    unless it was a dry run (the desk's import page answers through this too). Only those who manage accounts
    may import the accounts sheet."""
    accounts = may(principal.grants, Action.MANAGE_ACCOUNTS).allowed
    try:
        outcome = await import_organisation(session, content, name, principal.actor, dry_run=dry_run,
                                            may_manage_accounts=accounts)
    except DomainError as error:
        await session.rollback()
        if not dry_run and error.status == 422:
            await record_refusal(session, content, name, principal.actor, error.problems)
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
