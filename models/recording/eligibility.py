"""Eligibility against stored data: a candidate's declared facts and their award history."""

from collections import defaultdict

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.eligibility import Candidate, RuleResult
from models.domain.eligibility_rules import evaluate
from models.domain.facts import DossierFacts
from models.storage.catalogue_file import catalogue
from models.tables.award import Award
from models.tables.nomination import AwardRecord, Nomination


async def awards_by_year(session: AsyncSession, unit_id: int | None, person_id: int | None,
                     excluding_nomination: int | None = None) -> dict[int, frozenset[str]]:
    """Year → codes of the awards the unit (or the person) received, by decisions here or imported ones."""
    query = select(AwardRecord.year, Award.code).join(Award, col(Award.id) == AwardRecord.award_id)
    if person_id is not None:
        query = query.where(AwardRecord.person_id == person_id)
    else:
        query = query.where(AwardRecord.unit_id == unit_id, col(AwardRecord.person_id).is_(None))
    if excluding_nomination is not None:
        query = query.where(col(AwardRecord.nomination_id).is_distinct_from(excluding_nomination))
    held: dict[int, set[str]] = defaultdict(set)
    for year, code in (await session.exec(query)).all():
        held[year].add(code)
    return {year: frozenset(codes) for year, codes in held.items()}


async def check_candidate(session: AsyncSession, award_code: str, year: int, unit_id: int | None,
                          person_id: int | None, facts: DossierFacts,
                          excluding_nomination: int | None = None) -> list[RuleResult]:
    history = await awards_by_year(session, unit_id, person_id, excluding_nomination)
    rules, articles = catalogue().award_rules(award_code)
    return evaluate(award_code, rules, articles, Candidate(year, facts, history))


async def nomination_eligibility(session: AsyncSession, nomination: Nomination) -> list[RuleResult]:
    award = await session.get_one(Award, nomination.award_id)
    return await check_candidate(session, award.code, nomination.year, nomination.unit_id, nomination.person_id,
                                 DossierFacts.model_validate(nomination.facts), nomination.id)


def as_evidence(results: list[RuleResult]) -> list[dict[str, object]]:
    return [{"rule": r.rule, "article": r.article, "outcome": r.outcome.value, "message": r.message,
             "facts": r.facts_read, "missing": list(r.missing)} for r in results]
