"""What an awarded nomination's desk page shows of revocation: its award record, the revocation (draft or signed)
with its printed decision, and the flags other revocations raised on it."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.presenters import stages_public
from api.revocation_views import flags_public, revocation_public
from models.domain.enums import StageKind
from models.domain.permissions import Action, Grant, may
from models.storage.queries import stage_of
from models.tables.nomination import AwardRecord
from models.tables.revocation import Revocation, RevocationFlagPublic, RevocationPublic
from models.tables.stage import DocumentPublic


@dataclass(frozen=True)
class RevocationPanel:
    record: AwardRecord | None  # what the nomination received, when it was awarded
    revocation: RevocationPublic | None
    documents: list[DocumentPublic]
    flags: list[RevocationFlagPublic]
    may_prepare: bool  # the secretary prepares the revoking decision
    may_sign: bool  # the Chairman's office signs it


async def revocation_panel(session: AsyncSession, nomination_id: int, grants: Iterable[Grant]) -> RevocationPanel:
    record = (await session.exec(select(AwardRecord).where(AwardRecord.nomination_id == nomination_id))).first()
    revocation = None if record is None else (await session.exec(
        select(Revocation).where(Revocation.award_record_id == record.id))).first()
    documents: list[DocumentPublic] = []
    if revocation is not None:
        stage = await stage_of(session, StageKind.REVOCATION_ISSUE, revocation.id)
        documents = (await stages_public(session, [stage] if stage else []))[1]
    grants = list(grants)
    return RevocationPanel(record, await revocation_public(session, revocation) if revocation else None, documents,
                           await flags_public(session, [nomination_id]),
                           may_prepare=may(grants, Action.PREPARE_DECISION).allowed,
                           may_sign=may(grants, Action.SIGN_DECISION).allowed)
