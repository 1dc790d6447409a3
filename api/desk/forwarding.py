"""Awards decided above the province at the desk: the secretary prepares the Chairman's Tờ trình to the Prime
Minister from a council session's recommendations, the Chairman's office signs and sends it, and the secretary
records the central decision when it comes back. Each form posts to the same recording function as the API's
/forwardings routes."""

from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.render import VIETNAM, Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.presenters import stage_report, stages_public
from api.routes.forwarding import forwarding_public
from api.stages import commit_and_run
from models.domain.enums import StageKind, State
from models.domain.errors import DomainError
from models.domain.permissions import Action, may
from models.recording.central_decision import record_central_decision
from models.recording.forwarding import create_forwarding, sign_forwarding, upward_award_ids
from models.storage.queries import appraised_in_sessions, awards_by_id, candidate_labels, stage_of
from models.tables.council import CouncilSession
from models.tables.forwarding import (
    CentralDecisionCreate,
    ForwardingCreate,
    ForwardingItem,
    ForwardingSign,
)
from models.tables.nomination import Nomination
from models.tables.stage import Stage

router = APIRouter(route_class=DeskRoute)
SIGNER_FIELDS = ("issued_on", "signer_prefix", "signer_title", "signer_name")
CENTRAL_FIELDS = ("number", "decided_on", "decided_by")
Model = TypeVar("Model", bound=BaseModel)


def _today() -> str:
    return datetime.now(UTC).astimezone(VIETNAM).date().isoformat()


async def _waiting(session: AsyncSession, session_id: int) -> list[dict[str, Any]]:
    """The session's recommended nominations for awards decided above the province, not yet in a Tờ trình."""
    appraised = appraised_in_sessions()
    nominations = (await session.exec(select(Nomination).join(
        appraised, appraised.c.nomination_id == Nomination.id).where(
        appraised.c.session_id == session_id, Nomination.state == State.RECOMMENDED,
        col(Nomination.award_id).in_(await upward_award_ids(session)),
        col(Nomination.id).not_in(select(ForwardingItem.nomination_id))).order_by(col(Nomination.id)))).all()
    labels = await candidate_labels(session, nominations)
    awards = await awards_by_id(session)
    return [{"id": n.id, "name": labels[n.id].name, "award": awards[n.award_id].name} for n in nominations]


@router.get("/council-sessions/{session_id}/forwarding")
async def prepare_form(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.PREPARE_FORWARDING)
    council = await session.get_one(CouncilSession, session_id)
    return page(request, "forwarding_prepare.html", {"desk": desk, "council": council, "refusals": Refusals(),
                                                     "rows": await _waiting(session, session_id)})


@router.post("/council-sessions/{session_id}/forwarding")
async def prepare(session_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    await checked_form(request, desk.session)
    desk.principal.require(Action.PREPARE_FORWARDING)
    try:
        forwarding = await create_forwarding(session, ForwardingCreate(council_session_id=session_id),
                                             desk.principal.actor)
    except DomainError as error:
        await session.rollback()
        council = await session.get_one(CouncilSession, session_id)
        return page(request, "forwarding_prepare.html", {
            "desk": desk, "council": council, "rows": await _waiting(session, session_id),
            "refusals": Refusals.of(error.problems, [])}, error.status)
    await session.commit()
    return RedirectResponse(f"/desk/forwardings/{forwarding.id}", status_code=303)


async def _context(session: AsyncSession, desk: Desk, forwarding_id: int) -> dict[str, Any]:
    forwarding = await forwarding_public(session, forwarding_id)
    stages = [s for k in (StageKind.FORWARDING, StageKind.CENTRAL_DECISION)
              if (s := await stage_of(session, k, forwarding_id)) is not None]
    _, documents = await stages_public(session, stages)
    grants = desk.principal.grants
    roles = {"sign": may(grants, Action.SIGN_FORWARDING, None, None).allowed,
             "record": may(grants, Action.RECORD_CENTRAL_DECISION, None, None).allowed}
    award_names = {a.code: a.name for a in (await awards_by_id(session)).values()}
    return {"desk": desk, "forwarding": forwarding, "documents": documents, "today": _today(), "may": roles,
            "award_names": award_names,
            "refusals": Refusals(), "posted": {}}


@router.get("/forwardings/{forwarding_id}")
async def show(forwarding_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    desk.principal.require(Action.READ_PROVINCE)
    return page(request, "forwarding.html", await _context(session, desk, forwarding_id))


@router.post("/forwardings/{forwarding_id}/sign")
async def sign(forwarding_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.SIGN_FORWARDING)
    try:
        data = _validated(ForwardingSign, {name: str(form.get(name, "")) for name in SIGNER_FIELDS})
        stage = await sign_forwarding(session, forwarding_id, data, desk.principal.actor)
    except DomainError as error:
        return await _refused(request, session, desk, forwarding_id, error, form, SIGNER_FIELDS)
    return await _run(request, session, desk, forwarding_id, stage)


@router.post("/forwardings/{forwarding_id}/central-decision")
async def record(forwarding_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.RECORD_CENTRAL_DECISION)
    ids = [int(key.split(".", 1)[1]) for key in form if key.startswith("awarded.") and key[8:].isdigit()]
    body: dict[str, object] = {name: str(form.get(name, "")) for name in CENTRAL_FIELDS}
    body["results"] = [{"nomination_id": n, "awarded": form.get(f"awarded.{n}") == "yes",
                        "reason": str(form.get(f"reason.{n}", ""))} for n in ids]
    try:
        data = _validated(CentralDecisionCreate, body)
        stage = await record_central_decision(session, forwarding_id, data, desk.principal.actor)
    except DomainError as error:
        row_fields = [f"results.{i}.reason" for i in range(len(ids))]
        return await _refused(request, session, desk, forwarding_id, error, form, [*CENTRAL_FIELDS, *row_fields])
    return await _run(request, session, desk, forwarding_id, stage)


def _validated(model: type[Model], body: dict[str, object]) -> Model:
    try:
        return model.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error)) from None


async def _refused(request: Request, session: AsyncSession, desk: Desk, forwarding_id: int, error: DomainError,
                   form: FormData, fields: Any) -> HTMLResponse:
    await session.rollback()
    context = await _context(session, desk, forwarding_id)
    return page(request, "forwarding.html", {**context, "refusals": Refusals.of(error.problems, list(fields)),
                                             "posted": dict(form.items())}, error.status)


async def _run(request: Request, session: AsyncSession, desk: Desk, forwarding_id: int, stage: Stage) -> HTMLResponse:
    launched = Response()
    await commit_and_run(session, stage, launched)
    return page(request, "forwarding.html", {**await _context(session, desk, forwarding_id),
                                             "report": await stage_report(session, stage.id),
                                             "pending": launched.status_code == 202})

