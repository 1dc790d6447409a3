"""A decision's pre-signing package for the digital signature system, and the check of a signed PDF brought back."""

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Response, UploadFile, status
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from flows.documents.signing_package import check_signed_pdf, make_signing_package
from models.domain.permissions import Action

router = APIRouter(prefix="/decisions", tags=["decisions"])
ZIP = "application/zip"


class SignedPdfCheck(SQLModel):
    match: bool
    package_id: int
    signature_appended: bool  # the file is the package's PDF with bytes appended (a PDF signature), not the bare copy
    document_id: int
    kind: str
    version: int
    docx_filename: str
    docx_sha256: str
    pdf_filename: str
    pdf_sha256: str
    pdf_bytes: int


@router.post("/{decision_id}/signing-package", status_code=status.HTTP_201_CREATED, response_class=Response,
             responses={201: {"content": {ZIP: {}}}})
async def make_package(decision_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> Response:
    """The PDF copy of every document of the decision's dossier and `manifest.json` with their SHA-256, as a zip;
    the manifest is kept to check the signed copies against. 503 when LibreOffice is not installed."""
    principal.require(Action.SIGN_DECISION)
    package, content = await make_signing_package(session, decision_id, principal.actor)
    await session.commit()
    filename = f"goi-trinh-ky-quyet-dinh-{decision_id}-{package.id}.zip"
    return Response(content, status_code=status.HTTP_201_CREATED, media_type=ZIP, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


@router.post("/{decision_id}/signing-package/check")
async def check_signed(
    decision_id: PathId, file: Annotated[UploadFile, File(description="A signed PDF of the package")],
    session: SessionDep, principal: CurrentPrincipal,
) -> SignedPdfCheck:
    """Which document of the decision's packages the signed PDF is; 422 `signing_package.no_match` when none."""
    principal.require(Action.SIGN_DECISION)
    return SignedPdfCheck.model_validate(await check_signed_pdf(session, decision_id, await file.read()))
