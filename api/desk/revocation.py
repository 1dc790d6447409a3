"""Revoking an award at the desk, on the awarded nomination's page: the secretary prepares the revoking decision
(ground and reason, the reason required beside its box), the Chairman's office signs it. Both post to the same
recording functions as POST /revocations and POST /revocations/{id}/sign."""

from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import select
from starlette.datastructures import FormData

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn, checked_form
from api.desk.nominations import nomination_context
from api.desk.render import Refusals, page, problems_of_validation
from api.desk.route import DeskRoute
from api.routes.nominations import readable
from api.stages import commit_and_run
from models.domain.errors import DomainError, refuse
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.recording.revocations import revoke, sign_revocation
from models.tables.nomination import AwardRecord
from models.tables.revocation import Revocation, RevocationCreate, RevocationSign

router = APIRouter(route_class=DeskRoute)
Form = TypeVar("Form", RevocationCreate, RevocationSign)
REVOKE_FIELDS = ("ground", "reason")
SIGN_FIELDS = ("signed_on", "signer_prefix", "signer_title", "signer_name")
LABELS = {"ground": "Căn cứ hủy bỏ", "reason": "Lý do hủy bỏ", "signed_on": "Ngày ký",
          "signer_title": "Chức vụ", "signer_name": "Họ và tên người ký"}


@router.post("/nominations/{nomination_id}/revocation")
async def revoke_award(nomination_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.PREPARE_DECISION)
    await readable(session, desk.principal, nomination_id)
    try:
        record = await _award_of(session, nomination_id)
        data = _parsed(RevocationCreate, {"award_record_id": record.id, **{f: form.get(f, "") for f in REVOKE_FIELDS}})
        _, stage = await revoke(session, data, desk.principal.actor)
    except DomainError as error:
        return await _refused(request, session, desk, nomination_id, error, form, REVOKE_FIELDS)
    if stage is None:
        await session.commit()
    else:
        await commit_and_run(session, stage, Response())
    return RedirectResponse(f"/desk/nominations/{nomination_id}#huy-bo", status_code=303)


@router.post("/revocations/{revocation_id}/sign")
async def sign(revocation_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> Response:
    form = await checked_form(request, desk.session)
    desk.principal.require(Action.SIGN_DECISION)
    revocation = await get_or_404(session, Revocation, revocation_id, "revocation_id")
    nomination_id = (await session.get_one(AwardRecord, revocation.award_record_id)).nomination_id
    try:
        data = _parsed(RevocationSign, {f: form.get(f, "") for f in SIGN_FIELDS})
        stage = await sign_revocation(session, revocation_id, data, desk.principal.actor)
    except DomainError as error:
        if nomination_id is None:
            raise
        return await _refused(request, session, desk, nomination_id, error, form, SIGN_FIELDS)
    await commit_and_run(session, stage, Response())
    return RedirectResponse(f"/desk/nominations/{nomination_id}#huy-bo" if nomination_id else "/desk",
                            status_code=303)


async def _award_of(session: SessionDep, nomination_id: int) -> AwardRecord:
    record = (await session.exec(select(AwardRecord).where(AwardRecord.nomination_id == nomination_id))).first()
    if record is None:
        raise refuse("nomination_id", "revocation.awarded", f"Nomination {nomination_id} received no award to revoke.",
                     vi="Hồ sơ này chưa được khen thưởng nên không có khen thưởng nào để hủy bỏ.")
    return record


def _parsed(schema: type[Form], body: dict[str, object]) -> Form:
    try:
        return schema.model_validate(body)
    except ValidationError as error:
        raise DomainError(*problems_of_validation(error, labels=LABELS)) from None


async def _refused(request: Request, session: SessionDep, desk: Desk, nomination_id: int, error: DomainError,
                   form: FormData, fields: tuple[str, ...]) -> HTMLResponse:
    await session.rollback()
    context = await nomination_context(session, desk, nomination_id)
    return page(request, "nomination.html", {**context, "refusals": Refusals.of(error.problems, fields),
                                             "posted": dict(form.items())}, error.status)
