"""How much of each award's quota a block has used in a year, shown while it nominates."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import Field, SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from models.domain.quotas import QuotaScope
from models.recording.common import get_or_404
from models.recording.quotas import block_quotas
from models.tables.organisation import EmulationBlock

router = APIRouter(tags=["quotas"])


class QuotaPublic(SQLModel):
    award_code: str
    award_name: str
    scope: QuotaScope = Field(description="block: this block's own limit; province: all blocks together")
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
    """Each award with a quota: the block's limit for the year (a number, by the block's size, or a share of its
    member units) and the province's total where there is one; how many places are held (from the proposal until
    the award; a returned dossier gives its place back), and the legal basis."""
    principal.require_to_see(principal.scope.sees_block(block_id, year), "block_id")
    await get_or_404(session, EmulationBlock, block_id, "block_id")
    return [QuotaPublic(award_code=award.code, award_name=award.name, scope=use.scope, limit=use.limit, used=use.used,
                        remaining=use.remaining, summary=use.summary, basis=use.quota.basis)
            for award, use in await block_quotas(session, block_id, year)]
