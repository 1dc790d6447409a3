"""How revocations read in the API and at the desk: the revocation with its award, the flags it raised, and the
note an award record carries once revoked. Each read is one query for any number of rows."""

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.presenters import stages_public
from models.domain.enums import StageKind
from models.recording.common import get_or_404
from models.recording.revocation_flags import flags_of
from models.storage.queries import stage_of
from models.storage.revocations import record_labels, revocations_in_effect
from models.tables.award import Award
from models.tables.nomination import AwardRecord
from models.tables.revocation import (
    Revocation,
    RevocationDetail,
    RevocationFlag,
    RevocationFlagPublic,
    RevocationNote,
    RevocationPublic,
)


async def revocation_notes(session: AsyncSession, record_ids: Sequence[int]) -> dict[int, RevocationNote]:
    """Award record id → its revocation (number, date, who, why), for the records that were revoked."""
    in_effect = await revocations_in_effect(session, record_ids)
    return {record_id: RevocationNote.model_validate(r, update={"revocation_id": r.id})
            for record_id, r in in_effect.items()}


async def flags_public(session: AsyncSession,
                       nomination_ids: Sequence[int] | None = None) -> list[RevocationFlagPublic]:
    """The flags on these nominations (all flags when None), oldest first, with the revoking decision's number."""
    query = select(RevocationFlag, Revocation.number).join(
        Revocation, col(Revocation.id) == RevocationFlag.revocation_id)
    if nomination_ids is not None:
        query = query.where(col(RevocationFlag.nomination_id).in_(nomination_ids))
    rows = (await session.exec(query.order_by(col(RevocationFlag.id)))).all()
    return [RevocationFlagPublic.model_validate(f, update={"revocation_number": number or ""}) for f, number in rows]


async def revocation_public(session: AsyncSession, revocation: Revocation) -> RevocationPublic:
    record = await session.get_one(AwardRecord, revocation.award_record_id)
    award = await session.get_one(Award, record.award_id)
    label = (await record_labels(session, [record]))[record.id]
    return RevocationPublic.model_validate(revocation, update={
        "recipient_name": label.name, "award_name": award.name, "year": record.year,
        "award_decision_number": record.decision_number})


async def revocation_detail(session: AsyncSession, revocation_id: int) -> RevocationDetail:
    revocation = await get_or_404(session, Revocation, revocation_id, "revocation_id")
    stage = await stage_of(session, StageKind.REVOCATION_ISSUE, revocation_id)
    _, documents = await stages_public(session, [stage] if stage else [])
    flags = await flags_of(session, [revocation_id])
    return RevocationDetail(
        revocation=await revocation_public(session, revocation), documents=documents,
        flags=[RevocationFlagPublic.model_validate(f, update={"revocation_number": revocation.number or ""})
               for f in flags])
