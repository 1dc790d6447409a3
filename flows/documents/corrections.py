"""Corrections: an issued document is never changed; a new version, rendered from today's data, supersedes it."""

import hashlib
from pathlib import PurePosixPath

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.documents.registry import BUILDERS
from flows.documents.rendering import render_off_loop
from models.domain.audit import Actor
from models.domain.errors import Conflict, Problem, refuse
from models.recording.common import get_or_404
from models.tables.stage import Document, Stage


async def issue_correction(session: AsyncSession, document_id: int, reason: str, actor: Actor) -> Document:
    """Render the document again from the current data as the next version; the old bytes stay as they were.

    The caller commits. Two clerks correcting the same version at once cannot both succeed: the second one
    breaks the unique (stage, kind, version) and supersedes constraints.
    """
    if not reason.strip():
        raise refuse("reason", "document.correction_reason", "Say what the correction corrects.",
                     vi="Đề nghị ghi rõ nội dung đính chính.")
    document = await get_or_404(session, Document, document_id, "document_id")
    latest = await latest_version(session, document)
    if latest.id != document.id:
        raise Conflict(Problem("document_id", "document.superseded",
                               f"Version {document.version} was already corrected: correct the latest version, "
                               f"{latest.version} (document {latest.id}).",
                               vi=f"Bản số {document.version} đã được đính chính; đề nghị đính chính bản mới nhất "
                                  f"(bản số {latest.version}, văn bản mã số {latest.id})."))
    stage = await session.get_one(Stage, document.stage_id)
    kind = DocumentKind(document.kind)
    context, filename = await BUILDERS[kind](session, stage.subject_id)
    content = await render_off_loop(kind, context)
    sha256 = hashlib.sha256(content).hexdigest()
    if sha256 == document.sha256:
        raise refuse("document_id", "document.correction_unchanged",
                     "The current data print exactly this document again: correct the data first (a name, a "
                     "position, a date), then issue the correction.",
                     vi="Dữ liệu hiện tại in ra đúng văn bản này: đề nghị sửa dữ liệu trước (họ tên, chức vụ, "
                        "ngày tháng), sau đó mới ban hành văn bản đính chính.")
    version = document.version + 1
    corrected = Document(stage_id=document.stage_id, kind=document.kind, version=version, supersedes_id=document.id,
                         correction_reason=reason.strip(), filename=versioned(filename, version), sha256=sha256,
                         content=content, created_by=actor.username)
    session.add(corrected)
    await session.flush()
    return corrected


async def latest_version(session: AsyncSession, document: Document) -> Document:
    query = select(Document).where(Document.stage_id == document.stage_id, Document.kind == document.kind)
    return (await session.exec(query.order_by(col(Document.version).desc()))).first() or document


def versioned(filename: str, version: int) -> str:
    """'quyet-dinh-01-QĐ-UBND.docx' → 'quyet-dinh-01-QĐ-UBND-v2.docx', so the copies do not overwrite each other."""
    path = PurePosixPath(filename)
    return f"{path.stem}-v{version}{path.suffix}"
