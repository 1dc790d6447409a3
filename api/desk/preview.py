"""A document's PDF preview at the desk: the API's conversion (flows/documents/pdf.py), shown in the browser.

Where LibreOffice is not installed the nomination page says so beside each document instead of offering a link
that would fail, and the preview's address answers with the same plain Vietnamese sentence (503)."""

import shutil
from pathlib import PurePosixPath
from urllib.parse import quote

from fastapi import APIRouter, Response

from api.deps import PathId, SessionDep
from api.desk.guard import SignedIn
from api.desk.render import templates
from api.desk.route import DeskRoute
from api.routes.documents import readable_document
from flows.documents.pdf import docx_to_pdf
from models.settings import get_settings

router = APIRouter(route_class=DeskRoute)
PDF = "application/pdf"


def pdf_preview_available() -> bool:
    return shutil.which(get_settings().soffice) is not None


templates.env.globals["pdf_preview_available"] = pdf_preview_available


@router.get("/documents/{document_id}/pdf")
async def preview(document_id: PathId, session: SessionDep, desk: SignedIn) -> Response:
    """Inline, so the browser shows it in a tab of its own; the .docx stays the issued document."""
    document = await readable_document(session, desk.principal, document_id)  # another block's: 404
    filename = PurePosixPath(document.filename).with_suffix(".pdf").name
    return Response(await docx_to_pdf(document.content), media_type=PDF,
                    headers={"Content-Disposition": f"inline; filename*=UTF-8''{quote(filename)}"})
