"""Shape stored rows into the API's public models."""

from collections.abc import Sequence

from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from api.auth import Principal
from api.scope import readable_documents
from models.storage.queries import (
    awards_by_id,
    candidate_labels,
    documents_of,
    nominations_in_order,
    stage_nomination_ids,
)
from models.tables.nomination import Nomination, NominationPublic, Transition, TransitionPublic
from models.tables.stage import Document, DocumentPublic, Stage, StagePublic


class StageReport(SQLModel):
    """What a recorded stage did: its status, the documents it produced, the nominations it moved."""

    stage: StagePublic
    documents: list[DocumentPublic]
    nominations: list[NominationPublic]


async def nominations_public(session: AsyncSession, nominations: Sequence[Nomination]) -> list[NominationPublic]:
    labels = await candidate_labels(session, nominations)
    awards = await awards_by_id(session)
    return [
        NominationPublic.model_validate(n, update={"candidate_name": labels[n.id].name,
                                                  "award_name": awards[n.award_id].name})
        for n in nominations
    ]


async def nominations_by_ids(session: AsyncSession, ids: Sequence[int]) -> list[NominationPublic]:
    return await nominations_public(session, await nominations_in_order(session, ids))


def document_public(document: Document, superseded_by_id: int | None = None) -> DocumentPublic:
    return DocumentPublic.model_validate(document, update={
        "download_url": f"/documents/{document.id}", "pdf_url": f"/documents/{document.id}/pdf",
        "superseded_by_id": superseded_by_id})


def documents_public(documents: Sequence[Document]) -> list[DocumentPublic]:
    """Every version, each naming the version that corrected it (all versions of a stage are listed together)."""
    corrected_by = {d.supersedes_id: d.id for d in documents if d.supersedes_id is not None}
    return [document_public(d, corrected_by.get(d.id)) for d in documents]


async def transitions_public(session: AsyncSession, principal: Principal,
                             transitions: Sequence[Transition]) -> list[TransitionPublic]:
    """Each transition with the documents its stage issued that this caller may download, and their SHA-256.

    Transitions are append-only and the document is rendered after the moves, so the link is the stage both
    belong to rather than a field written back into the transition.
    """
    documents = await readable_documents(session, principal, await documents_of(
        session, sorted({t.stage_id for t in transitions if t.stage_id is not None})))
    by_stage: dict[int, list[DocumentPublic]] = {}
    for document, public in zip(documents, documents_public(documents), strict=True):
        by_stage.setdefault(document.stage_id, []).append(public)
    return [TransitionPublic.model_validate(t, update={"documents": by_stage.get(t.stage_id or 0, [])})
            for t in transitions]


async def stages_public(
    session: AsyncSession, stages: Sequence[Stage]
) -> tuple[list[StagePublic], list[DocumentPublic]]:
    documents = await documents_of(session, [s.id for s in stages])
    return [StagePublic.model_validate(s) for s in stages], documents_public(documents)


async def stage_report(session: AsyncSession, stage_id: int) -> StageReport:
    stage = await session.get_one(Stage, stage_id, populate_existing=True)
    stages, documents = await stages_public(session, [stage])
    ids = await stage_nomination_ids(session, stage.kind, stage.subject_id)
    return StageReport(stage=stages[0], documents=documents, nominations=await nominations_by_ids(session, ids))
