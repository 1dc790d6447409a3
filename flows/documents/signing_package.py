"""A decision's pre-signing package: the PDF copy of every document of its dossier, and a manifest of their SHA-256
hashes, zipped for the digital signature system; and the check of a signed PDF brought back against the manifest."""

import hashlib
import io
import json
import zipfile
from pathlib import PurePosixPath
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates.render import normalise_docx
from flows.documents.pdf import docx_to_pdf
from models.domain.audit import Actor
from models.domain.errors import Conflict, Problem, refuse
from models.domain.papers import signed_copy_of
from models.recording.common import get_or_404
from models.tables.decision import Decision, DecisionItem
from models.tables.nomination import Transition
from models.tables.paper import SigningPackage
from models.tables.stage import Document

MANIFEST = "manifest.json"


async def dossier_documents(session: AsyncSession, decision_id: int) -> list[Document]:
    """The latest version of every document a stage issued for the decision's nominations, oldest first: minutes,
    Tờ trình, notices, the office's Tờ trình, and once signed the decision and its papers."""
    nominations = select(DecisionItem.nomination_id).where(DecisionItem.decision_id == decision_id)
    stages = select(Transition.stage_id).where(col(Transition.nomination_id).in_(nominations),
                                               col(Transition.stage_id).is_not(None)).distinct()
    documents = list((await session.exec(select(Document).where(col(Document.stage_id).in_(stages)).order_by(
        col(Document.id)))).all())
    superseded = {d.supersedes_id for d in documents if d.supersedes_id is not None}
    return [d for d in documents if d.id not in superseded]


async def make_signing_package(session: AsyncSession, decision_id: int, actor: Actor) -> tuple[SigningPackage, bytes]:
    """Convert, record the manifest, and return the zip; the caller commits."""
    decision = await get_or_404(session, Decision, decision_id, "decision_id")
    documents = await dossier_documents(session, decision_id)
    if not documents:
        raise Conflict(Problem("decision_id", "signing_package.empty",
                               "No document of this decision's dossier has been issued yet.",
                               vi="Hồ sơ của Quyết định này chưa có văn bản nào được ban hành để lập gói trình ký."))
    files: dict[str, bytes] = {}
    entries: list[dict[str, Any]] = []
    for document in documents:
        pdf = await docx_to_pdf(document.content)
        name = f"{len(entries) + 1:02d}-{PurePosixPath(document.filename).with_suffix('.pdf').name}"
        files[name] = pdf
        entries.append({"document_id": document.id, "kind": document.kind, "version": document.version,
                        "docx_filename": document.filename, "docx_sha256": document.sha256, "pdf_filename": name,
                        "pdf_sha256": hashlib.sha256(pdf).hexdigest(), "pdf_bytes": len(pdf)})
    package = SigningPackage(decision_id=decision_id, manifest=entries, created_by=actor.username)
    session.add(package)
    await session.flush()
    manifest = {"package_id": package.id, "decision_id": decision_id, "decision_number": decision.number,
                "documents": entries}
    files[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    return package, _zip(files)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return normalise_docx(buffer.getvalue())  # fixed entry times: only the content makes the bytes


async def check_signed_pdf(session: AsyncSession, decision_id: int, content: bytes) -> dict[str, Any]:
    """Which document of the decision's signing packages a signed PDF is, or a 422 saying it is none of them."""
    decision = await get_or_404(session, Decision, decision_id, "decision_id")
    if not content.startswith(b"%PDF-"):
        raise refuse("file", "signing_package.not_pdf", "The file is not a PDF.",
                     vi="Tệp tải lên không phải là tệp PDF.")
    packages = (await session.exec(select(SigningPackage).where(SigningPackage.decision_id == decision_id).order_by(
        col(SigningPackage.id)))).all()
    if not packages:
        raise Conflict(Problem("decision_id", "signing_package.none",
                               "No signing package was made for this decision: make one first.",
                               vi="Chưa lập gói trình ký cho Quyết định này; đề nghị lập gói trước khi đối chiếu."))
    for package in packages:
        found = signed_copy_of(content, package.manifest)
        if found is not None:
            entry, signed = found
            return {"match": True, "package_id": package.id, "signature_appended": signed, **entry}
    number = decision.number or f"mã số {decision_id}"
    raise refuse("file", "signing_package.no_match",
                 "The PDF matches no document of this decision's signing packages: it was changed, or it belongs "
                 "to another package.",
                 vi=f"Tệp PDF không khớp với văn bản nào trong gói trình ký của Quyết định {number}: nội dung đã bị "
                    "thay đổi hoặc tệp không thuộc gói này.")
