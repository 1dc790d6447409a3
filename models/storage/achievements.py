"""What the system holds about the achievement of a proposal's nominations, read set-based: a handful of queries
whatever their number (the nominations, their people and units, the award history of all of them, the block's
closed scoring)."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.achievement import AchievementFacts, PastAward, Ranking
from models.domain.enums import RecipientKind
from models.domain.facts import DossierFacts
from models.domain.scoring import points_vi
from models.recording.scoring_meeting import scored_year
from models.storage.queries import awards_by_id, not_revoked
from models.tables.award import Award
from models.tables.nomination import AwardRecord, Nomination
from models.tables.organisation import Person, Unit


@dataclass(frozen=True)
class Nominee:
    """A nomination with the rows its papers print: its award, its unit (an individual's own unit), its person."""

    nomination: Nomination
    award: Award
    unit: Unit
    person: Person | None
    facts: AchievementFacts


async def nominees(session: AsyncSession, nominations: Sequence[Nomination]) -> list[Nominee]:
    """Each nomination (of one block and year) with what its achievement rests on, in the order given."""
    if not nominations:
        return []
    person_ids = {n.person_id for n in nominations if n.person_id is not None}
    people = {p.id: p for p in (await session.exec(select(Person).where(col(Person.id).in_(person_ids)))).all()}
    unit_ids = {n.unit_id for n in nominations if n.person_id is None and n.unit_id is not None}
    unit_ids |= {p.unit_id for p in people.values()}
    units = {u.id: u for u in (await session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))).all()}
    awards = await awards_by_id(session)
    past = await _past_awards(session, nominations, awards)
    first = nominations[0]
    scored = await scored_year(session, first.block_id, first.year)
    listed: list[Nominee] = []
    for n in nominations:
        person = people[n.person_id] if n.person_id is not None else None
        unit = units[person.unit_id if person is not None else n.unit_id or 0]
        collective = n.recipient_kind == RecipientKind.COLLECTIVE
        row = scored.row(unit.id) if scored is not None and collective else None
        ranking = None if row is None or scored is None else Ranking(
            rank=int(row["rank"]), ranked=len(scored.result["rows"]), points=points_vi(row["total"]),
            leads=scored.result.get("leader_unit_id") == unit.id)
        key = ("person", person.id) if person is not None else ("unit", unit.id)
        facts = AchievementFacts(
            year=n.year, collective=collective, stated=n.achievement, facts=DossierFacts.model_validate(n.facts),
            ranking=ranking, past=tuple(p for nomination_id, p in past[key]
                                        if nomination_id != n.id and p.year <= n.year))
        listed.append(Nominee(n, awards[n.award_id], unit, person, facts))
    return listed


async def _past_awards(session: AsyncSession, nominations: Sequence[Nomination], awards: dict[int, Award]
                       ) -> dict[tuple[str, int], list[tuple[int | None, PastAward]]]:
    """The award history of every unit and person among the nominations, in one query, oldest first."""
    units = {n.unit_id for n in nominations if n.person_id is None and n.unit_id is not None}
    people = {n.person_id for n in nominations if n.person_id is not None}
    query = select(AwardRecord).where(or_(
        and_(col(AwardRecord.unit_id).in_(units), col(AwardRecord.person_id).is_(None)),
        col(AwardRecord.person_id).in_(people)), not_revoked()).order_by(col(AwardRecord.year), col(AwardRecord.id))
    history: dict[tuple[str, int], list[tuple[int | None, PastAward]]] = defaultdict(list)
    for r in (await session.exec(query)).all():
        key = ("person", r.person_id) if r.person_id is not None else ("unit", r.unit_id or 0)
        award = awards[r.award_id]
        history[key].append((r.nomination_id, PastAward(r.year, award.code, award.name, r.decision_number)))
    return history
