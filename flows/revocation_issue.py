"""A signed revocation: the nominations that relied on the revoked award are judged again and flagged for the
secretary, and the province's own revoking decision is printed. The award record stays, marked revoked."""

from typing import Any

from docx_templates import DocumentKind
from flows.common import complete_stage, load_stage, publish_table, stage_flow, store_stage_document
from flows.documents.revocation import build_revocation
from models.domain.enums import StageKind
from models.recording.revocation_flags import flag_relying
from models.storage.db import open_session
from models.tables.revocation import Revocation

STAGE = StageKind.REVOCATION_ISSUE


async def flag_relying_nominations(revocation_id: int) -> list[dict[str, Any]]:
    """Set-based: every later nomination of the recipient in a few queries; a rerun adds no flag twice."""
    async with open_session() as session:
        await load_stage(session, STAGE, revocation_id)
        flags = await flag_relying(session, revocation_id)
        await session.commit()
        return [{"nomination": f.nomination_id, "rule": f.rule, "article": f.article} for f in flags]


@stage_flow("revocation-issue", "issue-revocation-{revocation_id}")
async def issue_revocation(revocation_id: int) -> list[dict[str, Any]]:
    flagged = await flag_relying_nominations(revocation_id)
    async with open_session() as session:
        issued_here = (await session.get_one(Revocation, revocation_id)).issued_here
    if issued_here:
        await store_stage_document(STAGE, revocation_id, DocumentKind.REVOCATION_DECISION, build_revocation)
    await publish_table(f"revocation-{revocation_id}-flags", flagged, f"Revocation {revocation_id}")
    await complete_stage(STAGE, revocation_id)
    return flagged
