"""The register of what was issued: document numbers (voiding one), corrections of issued documents, PDF copies."""

from pathlib import PurePosixPath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Response, status

from api.deps import CurrentPrincipal, PathId, QueryYear, SessionDep
from api.presenters import document_public
from api.routes.documents import readable_document
from flows.documents.corrections import issue_correction
from flows.documents.pdf import docx_to_pdf
from models.domain.permissions import Action
from models.recording.numbers import number_register, void_number
from models.tables.decision import IssuedNumberPublic, NumberVoid
from models.tables.stage import DocumentCorrection, DocumentPublic

router = APIRouter(tags=["register"])
PDF = "application/pdf"


@router.get("/numbers")
async def list_numbers(
    session: SessionDep,
    principal: CurrentPrincipal,
    issuer_code: Annotated[str | None, Query(max_length=20, description="e.g. UBND, SNV, SCT")] = None,
    type_code: Annotated[str | None, Query(max_length=10, description="e.g. QĐ, TTr")] = None,
    year: QueryYear = None,
) -> list[IssuedNumberPublic]:
    """The register of numbers given, per issuing body, type and calendar year, voided ones included."""
    principal.require(Action.READ_PROVINCE)
    rows = await number_register(session, issuer_code, type_code, year)
    return [IssuedNumberPublic.model_validate(r) for r in rows]


@router.post("/numbers/void")
async def void(data: NumberVoid, session: SessionDep, principal: CurrentPrincipal) -> IssuedNumberPublic:
    """Void a number with its reason; it stays in the register and is never given again."""
    principal.require(Action.MANAGE_DOCUMENTS)
    issued = await void_number(session, data, principal.actor)
    await session.commit()
    return IssuedNumberPublic.model_validate(issued)


@router.post("/documents/{document_id}/corrections", status_code=status.HTTP_201_CREATED)
async def correct(
    document_id: PathId, data: DocumentCorrection, session: SessionDep, principal: CurrentPrincipal
) -> DocumentPublic:
    """Issue a corrected version rendered from the current data; the corrected version stays downloadable."""
    principal.require(Action.MANAGE_DOCUMENTS)
    corrected = await issue_correction(session, document_id, data.reason, principal.actor)
    await session.commit()
    return document_public(corrected)


@router.get("/documents/{document_id}/pdf", response_class=Response, responses={200: {"content": {PDF: {}}}})
async def pdf(document_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> Response:
    """A PDF copy made by LibreOffice; 503 when it is not installed on the server."""
    document = await readable_document(session, principal, document_id)
    filename = PurePosixPath(document.filename).with_suffix(".pdf").name
    return Response(await docx_to_pdf(document.content), media_type=PDF, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})
