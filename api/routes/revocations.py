"""Revoking an award (Law Điều 93): the secretary prepares the province's decision, or records the decision of the
authority that awarded; the Chairman's office signs the province's. The award history keeps both."""

from fastapi import APIRouter, Response, status

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport
from api.revocation_views import flags_public, revocation_detail
from api.stages import commit_and_run
from models.domain.permissions import Action
from models.recording.revocations import revoke, sign_revocation
from models.tables.revocation import RevocationCreate, RevocationDetail, RevocationFlagPublic, RevocationSign

router = APIRouter(prefix="/revocations", tags=["revocations"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def create(data: RevocationCreate, session: SessionDep, principal: CurrentPrincipal,
                 response: Response) -> RevocationDetail:
    """Revoke an award of GET /award-history. For an award the province decides: a draft decision for the
    Chairman's office to sign. For one decided elsewhere (a unit head's CSTĐCS): that authority's decision,
    given in `authority_decision`, takes effect at once and the later nominations are re-evaluated."""
    principal.require(Action.PREPARE_DECISION)
    revocation, stage = await revoke(session, data, principal.actor)
    if stage is None:
        await session.commit()
    else:
        await commit_and_run(session, stage, response)
    return await revocation_detail(session, revocation.id)


@router.post("/{revocation_id}/sign", status_code=status.HTTP_201_CREATED)
async def sign(revocation_id: PathId, data: RevocationSign, session: SessionDep, principal: CurrentPrincipal,
               response: Response) -> StageReport:
    """Sign: the next number of the province's decision series; the flow prints the decision and flags the later
    nominations that relied on the award."""
    principal.require(Action.SIGN_DECISION)
    stage = await sign_revocation(session, revocation_id, data, principal.actor)
    return await commit_and_run(session, stage, response)


@router.get("/flags")
async def flags(session: SessionDep, principal: CurrentPrincipal) -> list[RevocationFlagPublic]:
    """Every nomination flagged because an award it relied on was revoked, with the rule it now fails."""
    principal.require(Action.READ_PROVINCE)
    return await flags_public(session)


@router.get("/{revocation_id}")
async def read(revocation_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> RevocationDetail:
    """The revocation, its printed decision (when the province issued it), and the nominations it flagged."""
    principal.require(Action.READ_PROVINCE)
    return await revocation_detail(session, revocation_id)
