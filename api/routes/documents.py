"""Generated documents and the stages that produced them."""

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Response
from sqlmodel import col, select

from api.deps import SessionDep
from models.enums import StageStatus
from models.recording.common import get_or_404
from models.stage import Document, Stage, StagePublic

router = APIRouter(tags=["documents"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("/documents/{document_id}", response_class=Response, responses={200: {"content": {DOCX: {}}}})
async def download(document_id: int, session: SessionDep) -> Response:
    document = await get_or_404(session, Document, document_id, "document_id")
    return Response(document.content, media_type=DOCX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(document.filename)}",
        "ETag": f'"{document.sha256}"',
    })


@router.get("/stages")
async def list_stages(
    session: SessionDep, status: StageStatus | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[StagePublic]:
    query = select(Stage).order_by(col(Stage.id)).limit(limit)
    if status is not None:
        query = query.where(Stage.status == status)
    return [StagePublic.model_validate(s) for s in (await session.exec(query)).all()]
