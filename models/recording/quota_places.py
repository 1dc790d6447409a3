"""The places of a quota when a block proposes what its meeting endorsed and more were endorsed than the quota
leaves: by the block's votes, then the tie-break (ND 152/2025 Điều 4 khoản 6); a tie it cannot part is refused."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import Gender
from models.domain.errors import Conflict
from models.domain.quota_places import QuotaPlacing, placing, undecided_problem
from models.domain.quotas import Contender
from models.recording.quotas import block_quotas
from models.storage.catalogue_file import catalogue
from models.tables.meeting import BallotTally
from models.tables.nomination import Nomination
from models.tables.organisation import Person


async def place_endorsed(
    session: AsyncSession, block_id: int, year: int, endorsed: Sequence[Nomination]
) -> tuple[list[int], dict[str, Any]]:
    """The endorsed nominations that take a place, in their order, and per award how the places were given.

    Refuses (409, nothing recorded) when equal votes compete for the last places and the tie-break cannot part
    them: the block head then names the block's choice in nomination_ids."""
    uses = await block_quotas(session, block_id, year, leave_out=[n.id for n in endorsed])
    limited = {award.id for award, use in uses if sum(1 for n in endorsed if n.award_id == award.id) > use.remaining}
    if not limited:
        return [n.id for n in endorsed], {}
    contenders = await _contenders(session, [n for n in endorsed if n.award_id in limited])
    entry = catalogue().tie_break
    tie_break = entry.tie_break() if entry is not None else None
    left_out: set[int] = set()
    placements: dict[str, Any] = {}
    for award, use in uses:  # the block's limit, then the province's total, each on those still in the running
        running = [contenders[n.id] for n in endorsed if n.award_id == award.id and n.id not in left_out]
        if (placed := placing(use, running, tie_break)) is None:
            continue
        if (problem := undecided_problem(placed, "nomination_ids")) is not None:
            raise Conflict(problem)
        left_out.update(placed.placement.left_out)
        placements[award.code] = _merged(placements.get(award.code), placed)
    return [n.id for n in endorsed if n.id not in left_out], placements


def _merged(earlier: dict[str, Any] | None, placed: QuotaPlacing) -> dict[str, Any]:
    """The block's placing, then the province's on those the block kept: the last one says who got a place."""
    evidence = placed.as_evidence()
    if earlier is None:
        return evidence
    return evidence | {"left_out": [*earlier["left_out"], *evidence["left_out"]], "before": earlier}


async def _contenders(session: AsyncSession, nominations: list[Nomination]) -> dict[int, Contender]:
    """Each candidate's block votes and what the tie-break reads: a person's gender, a collective's women share
    as its dossier declares it (two queries, however many candidates)."""
    votes = {t.nomination_id: t.votes_for for t in (await session.exec(select(BallotTally).where(
        col(BallotTally.nomination_id).in_([n.id for n in nominations])))).all()}
    people = {p.id: p.gender for p in (await session.exec(select(Person).where(
        col(Person.id).in_([n.person_id for n in nominations if n.person_id is not None])))).all()}
    return {n.id: Contender(
        nomination_id=n.id, votes_for=votes.get(n.id, 0),
        woman=(people.get(n.person_id or 0) == Gender.FEMALE) if n.person_id is not None else None,
        members_total=n.facts.get("members_total"), members_women=n.facts.get("members_women"),
    ) for n in nominations}
