"""Eligibility against stored data: a candidate's declared facts and their award history."""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import and_, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.eligibility import Candidate, RuleResult
from models.domain.eligibility_rules import evaluate
from models.domain.enums import AwardKind
from models.domain.facts import DossierFacts
from models.storage.catalogue_file import catalogue
from models.storage.queries import not_revoked
from models.tables.award import Award
from models.tables.nomination import AwardRecord, Nomination

History = dict[int, frozenset[str]]


def history_of(records: Iterable[tuple[int, str, str]]) -> tuple[History, History]:
    """Year → award codes received, and of those the đột xuất and thematic ones (ND 152/2025 Điều 4 khoản 3)."""
    held: dict[int, set[str]] = defaultdict(set)
    not_regular: dict[int, set[str]] = defaultdict(set)
    for year, code, kind in records:
        held[year].add(code)
        if kind != AwardKind.REGULAR:
            not_regular[year].add(code)
    return ({year: frozenset(codes) for year, codes in held.items()},
            {year: frozenset(codes) for year, codes in not_regular.items()})


async def awards_by_year(session: AsyncSession, unit_id: int | None, person_id: int | None,
                         excluding_nomination: int | None = None) -> tuple[History, History]:
    """The awards the unit (or the person) received, by decisions here or imported ones: see `history_of`."""
    query = select(AwardRecord.year, Award.code, AwardRecord.kind).join(
        Award, col(Award.id) == AwardRecord.award_id).where(not_revoked())
    if person_id is not None:
        query = query.where(AwardRecord.person_id == person_id)
    else:
        query = query.where(AwardRecord.unit_id == unit_id, col(AwardRecord.person_id).is_(None))
    if excluding_nomination is not None:
        query = query.where(col(AwardRecord.nomination_id).is_distinct_from(excluding_nomination))
    return history_of((await session.exec(query)).all())


async def check_candidate(session: AsyncSession, award_code: str, year: int, unit_id: int | None,
                          person_id: int | None, facts: DossierFacts,
                          excluding_nomination: int | None = None) -> list[RuleResult]:
    history, not_regular = await awards_by_year(session, unit_id, person_id, excluding_nomination)
    law = catalogue()
    return evaluate(award_code, law.award_rules(award_code), law.principles(),
                    Candidate(year, facts, history, not_regular))


async def eligibility_of(session: AsyncSession, nominations: Sequence[Nomination],
                         still_counting: int | None = None) -> dict[int, list[RuleResult]]:
    """Each nomination's rule results, read in two queries whatever their number: the award codes, and the award
    history of every unit and person among them (a nomination's own award record is not its own history; a revoked
    award is none, unless `still_counting` names its revocation)."""
    codes = {a.id: a.code for a in (await session.exec(select(Award))).all()}
    units = {n.unit_id for n in nominations if n.person_id is None and n.unit_id is not None}
    people = {n.person_id for n in nominations if n.person_id is not None}
    query = select(AwardRecord).where(or_(
        and_(col(AwardRecord.unit_id).in_(units), col(AwardRecord.person_id).is_(None)),
        col(AwardRecord.person_id).in_(people)), not_revoked(still_counting))
    records: dict[tuple[str, int], list[AwardRecord]] = defaultdict(list)
    for r in (await session.exec(query)).all():
        key = ("person", r.person_id) if r.person_id is not None else ("unit", r.unit_id or 0)
        records[key].append(r)
    law = catalogue()
    results = {}
    for n in nominations:
        key = ("person", n.person_id) if n.person_id is not None else ("unit", n.unit_id or 0)
        history, not_regular = history_of((r.year, codes[r.award_id], r.kind) for r in records[key]
                                          if r.nomination_id != n.id)
        candidate = Candidate(n.year, DossierFacts.model_validate(n.facts), history, not_regular)
        results[n.id] = evaluate(codes[n.award_id], law.award_rules(codes[n.award_id]), law.principles(),
                                 candidate)
    return results


def as_evidence(results: list[RuleResult]) -> list[dict[str, object]]:
    return [{"rule": r.rule, "article": r.article, "outcome": r.outcome.value, "message": r.message,
             "facts": r.facts_read, "missing": list(r.missing)} for r in results]
