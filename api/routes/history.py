"""Award history: past years' decisions imported from CSV, and every award received, read back with filters."""

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status
from sqlmodel import col, select

from api.deps import CurrentPrincipal, QueryId, QueryYear, SessionDep
from api.revocation_views import revocation_notes
from api.scope import visible_award_records
from models.domain.limits import MAX_ID
from models.domain.permissions import Action
from models.recording.history import import_history
from models.storage.queries import count_rows, has_award_code, unit_or_its_people
from models.tables.award import Award
from models.tables.history import AwardHistoryEntry, HistoryImportPublic
from models.tables.nomination import AwardRecord
from models.tables.organisation import Person, Unit

router = APIRouter(prefix="/award-history", tags=["award history"])

UnitFilter = Annotated[int | None, Query(ge=1, le=MAX_ID, description="The collective, or the unit of the individual")]
CSV_HELP = ("UTF-8 CSV with the header year,award_code,unit_code,person_name,decision_number; person_name empty "
            "for a collective, else the full name of a person of that unit.")


@router.post("/import", status_code=status.HTTP_201_CREATED)
async def import_csv(
    file: Annotated[UploadFile, File(description=CSV_HELP)], session: SessionDep, principal: CurrentPrincipal
) -> HistoryImportPublic:
    """Import past years' award decisions. Any wrong row refuses the whole file (each listed as
    `rows.<n>.<column>`, the header being row 1); a row already recorded is skipped and counted."""
    principal.require(Action.IMPORT_HISTORY)
    log = await import_history(session, await file.read(), file.filename or "", principal.actor)
    await session.commit()
    return HistoryImportPublic.model_validate(log)


@router.get("")
async def list_history(
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    unit_id: UnitFilter = None,
    person_id: QueryId = None,
    award_code: str | None = None,
    year: QueryYear = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AwardHistoryEntry]:
    """Awards received, whether decided here or imported, oldest year first; the total is in X-Total-Count."""
    query = visible_award_records(principal, select(AwardRecord))
    if unit_id is not None:
        query = query.where(unit_or_its_people(AwardRecord.unit_id, AwardRecord.person_id, unit_id))
    if person_id is not None:
        query = query.where(AwardRecord.person_id == person_id)
    if award_code is not None:
        query = query.where(has_award_code(AwardRecord.award_id, award_code))
    if year is not None:
        query = query.where(AwardRecord.year == year)
    response.headers["X-Total-Count"] = str(await count_rows(session, query))
    page = query.order_by(col(AwardRecord.year), col(AwardRecord.id)).offset(offset).limit(limit).subquery()
    rows = (await session.exec(
        select(AwardRecord, Award, Unit, Person)
        .join(page, col(page.c.id) == AwardRecord.id)
        .join(Award, col(Award.id) == AwardRecord.award_id)
        .outerjoin(Unit, col(Unit.id) == AwardRecord.unit_id)
        .outerjoin(Person, col(Person.id) == AwardRecord.person_id)
        .order_by(col(AwardRecord.year), col(AwardRecord.id))
    )).all()
    revoked = await revocation_notes(session, [record.id for record, _, _, _ in rows])
    return [AwardHistoryEntry.model_validate(record, update={
        "award_code": award.code, "award_name": award.name, "revoked": revoked.get(record.id),
        "recipient_name": person.full_name if person is not None else unit.name if unit is not None else ""})
        for record, award, unit, person in rows]
