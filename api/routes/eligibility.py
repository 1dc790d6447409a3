"""Eligibility: a dry run before a candidate is put to the vote, and correcting a dossier's declared facts."""

from typing import Annotated

from fastapi import APIRouter, Body
from sqlmodel import Field, SQLModel

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import nominations_public
from models.domain.eligibility_rules import overall
from models.domain.facts import DossierFacts
from models.domain.limits import RefId, YearNumber
from models.domain.permissions import Action
from models.recording.common import award_by_code, candidate_unit, get_or_404, membership_of
from models.recording.eligibility import as_evidence, check_candidate
from models.recording.nominations import update_facts
from models.tables.award import Award
from models.tables.nomination import Nomination, NominationPublic

router = APIRouter(tags=["eligibility"])


class EligibilityCheck(SQLModel):
    award_code: str = Field(max_length=60)
    year: YearNumber
    unit_id: RefId | None = None
    person_id: RefId | None = None
    facts: DossierFacts = DossierFacts()


class EligibilityResult(SQLModel):
    award_code: str
    outcome: str
    results: list[dict[str, object]]


@router.post("/eligibility/check")
async def check(data: EligibilityCheck, session: SessionDep, principal: CurrentPrincipal) -> EligibilityResult:
    """Which rules a candidate passes, fails or cannot be judged on, before anyone votes; nothing is stored."""
    award: Award = await award_by_code(session, data.award_code, "award_code")
    membership = await membership_of(session, await candidate_unit(session, data.unit_id, data.person_id), data.year)
    block_id = membership.block_id if membership else None
    principal.require_to_see(principal.scope.sees_block(block_id, data.year), "unit_id")
    results = await check_candidate(session, award.code, data.year, data.unit_id, data.person_id, data.facts)
    return EligibilityResult(award_code=award.code, outcome=overall(results).value, results=as_evidence(results))


@router.put("/nominations/{nomination_id}/facts")
async def correct_facts(
    nomination_id: PathId, facts: Annotated[DossierFacts, Body()], session: SessionDep, principal: CurrentPrincipal
) -> NominationPublic:
    """The block head supplies or corrects the dossier's facts (e.g. those a returned dossier was missing)."""
    nomination = await get_or_404(session, Nomination, nomination_id, "nomination_id")
    principal.require(Action.SUBMIT_PROPOSAL, nomination.block_id, nomination.year, field="nomination_id")
    await update_facts(session, nomination, facts, principal.actor)
    await session.commit()
    return (await nominations_public(session, [nomination]))[0]
