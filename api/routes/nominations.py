"""Nominations: filtered lists, one nomination with its whole history and flow runs, and moves made by hand."""

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, QueryId, QueryYear, SessionDep
from api.presenters import nominations_public, transitions_public
from api.revocation_views import flags_public, revocation_notes
from api.scope import visible_nominations
from flows.monitoring import FlowRunSummary, flow_runs_tagged
from models.domain.enums import State
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.deadlines import deadlines_of, today_in_vietnam
from models.recording.nominations import ManualMove, move_by_hand
from models.storage.queries import count_rows, has_award_code, transitions_of, unit_or_its_people
from models.tables.award import Award
from models.tables.nomination import (
    AwardRecord,
    AwardRecordPublic,
    FactsRevision,
    FactsRevisionPublic,
    Nomination,
    NominationPublic,
    Transition,
    TransitionPublic,
)
from models.tables.revocation import RevocationFlagPublic, RevocationNote
from models.tables.stage import Stage

router = APIRouter(prefix="/nominations", tags=["nominations"])
SORTABLE = {"id": Nomination.id, "year": Nomination.year, "state": Nomination.state,
            "award": Nomination.award_id, "block": Nomination.block_id}
SortKey = Literal["id", "-id", "year", "-year", "state", "-state", "award", "-award", "block", "-block"]


class DeadlinePublic(SQLModel):
    code: str
    says: str
    basis: str
    due: date | None = Field(description="Empty while the act that starts it has not happened")
    met_on: date | None = Field(description="The date of the document that met it")
    working_days_left: int | None = Field(description="While open: working days from today (negative: overdue)")
    late: bool


class NominationDetail(SQLModel):
    nomination: NominationPublic
    history: list[TransitionPublic]
    flow_run_ids: list[str]
    award_records: list[AwardRecordPublic]
    # Awards this one relied on that were revoked since, and the rule it now fails: for the secretary to act on.
    revocation_flags: list[RevocationFlagPublic] = []
    revocations: list[RevocationNote] = Field(default_factory=list, description="The revocation of its own award")
    facts_revisions: list[FactsRevisionPublic]
    deadlines: list[DeadlinePublic]


@router.get("")
async def list_nominations(
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    block_id: QueryId = None,
    year: QueryYear = None,
    award_code: str | None = None,
    state: State | None = None,
    unit_id: Annotated[int | None, Query(description="The collective, or the unit of the individual")] = None,
    flow_run_id: Annotated[str | None, Query(description="Nominations this flow run moved")] = None,
    sort: SortKey = "id",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[NominationPublic]:
    """Nominations matching every filter given; the total is in the X-Total-Count header."""
    query = filtered_nominations(principal, NominationFilters(block_id, year, award_code, state, unit_id,
                                                              flow_run_id))
    response.headers["X-Total-Count"] = str(await count_rows(session, query))
    ordered = sorted_by(query, sort)
    return await nominations_public(session, (await session.exec(ordered.offset(offset).limit(limit))).all())


@dataclass(frozen=True)
class NominationFilters:
    """The filters of GET /nominations, shared with the desk's list so both find the same nominations."""

    block_id: int | None = None
    year: int | None = None
    award_code: str | None = None
    state: State | None = None
    unit_id: int | None = None
    flow_run_id: str | None = None


def filtered_nominations(principal: Principal, filters: NominationFilters) -> SelectOfScalar[Nomination]:
    """The nominations the caller may see that match every filter given."""
    query = visible_nominations(principal, select(Nomination))
    if filters.block_id is not None:
        query = query.where(Nomination.block_id == filters.block_id)
    if filters.year is not None:
        query = query.where(Nomination.year == filters.year)
    if filters.state is not None:
        query = query.where(Nomination.state == filters.state)
    if filters.award_code is not None:
        query = query.where(has_award_code(Nomination.award_id, filters.award_code))
    if filters.unit_id is not None:
        query = query.where(unit_or_its_people(Nomination.unit_id, Nomination.person_id, filters.unit_id))
    if filters.flow_run_id is not None:
        moved = select(Transition.nomination_id).where(Transition.flow_run_id == filters.flow_run_id)
        query = query.where(col(Nomination.id).in_(moved))
    return query


def sorted_by(query: SelectOfScalar[Nomination], sort: SortKey) -> SelectOfScalar[Nomination]:
    column = col(SORTABLE[sort.lstrip("-")])
    return query.order_by(column.desc() if sort.startswith("-") else column.asc(), col(Nomination.id))


async def readable(session: SessionDep, principal: Principal, nomination_id: PathId) -> Nomination:
    nomination = await get_or_404(session, Nomination, nomination_id, "nomination_id")
    principal.require_to_see(principal.scope.sees_block(nomination.block_id, nomination.year), "nomination_id")
    return nomination


@router.get("/{nomination_id}")
async def read(
    nomination_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> NominationDetail:
    """The nomination, every transition it went through, the flow runs that moved it, and what it received."""
    nomination = await readable(session, principal, nomination_id)
    history = await transitions_of(session, nomination_id)
    records = (await session.exec(
        select(AwardRecord, Award)
        .join(Award, col(Award.id) == AwardRecord.award_id)
        .where(AwardRecord.nomination_id == nomination_id)
    )).all()
    response.headers["ETag"] = f'"{nomination.version}"'
    return NominationDetail(
        nomination=(await nominations_public(session, [nomination]))[0],
        history=await transitions_public(session, principal, history),
        flow_run_ids=list(dict.fromkeys(t.flow_run_id for t in history if t.flow_run_id)),
        award_records=[AwardRecordPublic(id=r.id, year=r.year, award_code=a.code, decision_number=r.decision_number,
                                         golden_book_no=r.golden_book_no) for r, a in records],
        revocation_flags=await flags_public(session, [nomination_id]),
        revocations=list((await revocation_notes(session, [r.id for r, _ in records])).values()),
        facts_revisions=[FactsRevisionPublic.model_validate(f) for f in (await session.exec(
            select(FactsRevision).where(FactsRevision.nomination_id == nomination_id).order_by(
                col(FactsRevision.id)))).all()],
        deadlines=[DeadlinePublic(code=d.deadline.code, says=d.deadline.says, basis=d.deadline.basis, due=d.due,
                                  met_on=d.met_on, working_days_left=d.working_days_left, late=d.late)
                   for d in await deadlines_of(session, nomination, today_in_vietnam())],
    )


@router.get("/{nomination_id}/flow-runs")
async def flow_runs(nomination_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> list[FlowRunSummary]:
    """Every Prefect run of the stages that processed this nomination, failed attempts included (by tag)."""
    await readable(session, principal, nomination_id)
    stage_ids = {t.stage_id for t in await transitions_of(session, nomination_id) if t.stage_id is not None}
    stages = (await session.exec(select(Stage).where(col(Stage.id).in_(stage_ids)))).all()
    return await flow_runs_tagged([["tdkt", f"{s.kind.value}:{s.subject_id}"] for s in stages])


@router.post("/{nomination_id}/moves", status_code=201)
async def move_nomination(
    nomination_id: PathId,
    data: ManualMove,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header(description='The ETag you read, e.g. "3"')] = None,
) -> NominationDetail:
    """Withdraw a nomination, put it on hold (discipline review, complaint), or lift its hold."""
    principal.require(Action.MOVE_BY_HAND)
    if if_match is not None and data.version is None:
        data.version = int(if_match.strip('W/"')) if if_match.strip('W/"').isdigit() else -1
    await move_by_hand(session, nomination_id, data, principal.actor)
    await session.commit()
    return await read(nomination_id, session, principal, response)
