"""Generated documents and the stages that produced them."""

from urllib.parse import quote

from fastapi import APIRouter, Response

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, SessionDep
from api.scope import readable_documents
from models.recording.common import get_or_404
from models.tables.stage import Document

router = APIRouter(tags=["documents"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def readable_document(session: SessionDep, principal: Principal, document_id: PathId) -> Document:
    """A block's documents are read by its head and the province's roles; the province's papers by its roles, and
    a signed decision and its results notice also by the heads of the blocks it awards (api/scope.py)."""
    document = await get_or_404(session, Document, document_id, "document_id")
    principal.require_to_see(bool(await readable_documents(session, principal, [document])), "document_id")
    return document


@router.get("/documents/{document_id}", response_class=Response, responses={200: {"content": {DOCX: {}}}})
async def download(document_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> Response:
    return document_response(await readable_document(session, principal, document_id))


def document_response(document: Document) -> Response:
    """The issued .docx as a download, named as issued (the desk's links answer the same way)."""
    return Response(document.content, media_type=DOCX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(document.filename)}",
        "ETag": f'"{document.sha256}"',
    })
