"""How much of each award's quota a block has used in a year, shown while it nominates."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from models.recording.common import get_or_404
from models.recording.quotas import block_quotas
from models.tables.organisation import EmulationBlock

router = APIRouter(tags=["quotas"])


class QuotaPublic(SQLModel):
    award_code: str
    award_name: str
    limit: int
    used: int
    remaining: int
    summary: str
    basis: str


@router.get("/blocks/{block_id}/quotas")
async def read_quotas(
    block_id: PathId, year: Annotated[int, Query(ge=1945, le=2100)], session: SessionDep,
    principal: CurrentPrincipal,
) -> list[QuotaPublic]:
    """Each award with a quota: its limit per block and year, how many places the block's nominations hold
    (from their proposal until the award; a returned dossier gives its place back), and the legal basis."""
    principal.require_to_see(principal.scope.sees_block(block_id, year), "block_id")
    await get_or_404(session, EmulationBlock, block_id, "block_id")
    return [QuotaPublic(award_code=award.code, award_name=award.name, limit=use.quota.limit, used=use.used,
                        remaining=use.remaining, summary=use.summary, basis=use.quota.basis)
            for award, use in await block_quotas(session, block_id, year)]
