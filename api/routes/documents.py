"""Generated documents and the stages that produced them."""

from urllib.parse import quote

from fastapi import APIRouter, Response

from api.auth import Principal
from api.deps import CurrentPrincipal, PathId, SessionDep
from models.recording.common import get_or_404
from models.tables.stage import Document, Stage

router = APIRouter(tags=["documents"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def readable_document(session: SessionDep, principal: Principal, document_id: PathId) -> Document:
    """A block's documents are read by its head and the province's roles; decisions by the province's roles."""
    document = await get_or_404(session, Document, document_id, "document_id")
    stage = await session.get_one(Stage, document.stage_id)
    principal.require_to_see(principal.scope.sees_document(stage.block_id, stage.year), "document_id")
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
