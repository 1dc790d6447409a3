"""Which body appraises each nomination: the full council or its standing body, as the catalogue routes its award."""

from collections.abc import Iterable
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.enums import CouncilBody, State
from models.domain.errors import DomainError
from models.domain.standing_body import Route, route_problem
from models.storage.catalogue_file import catalogue
from models.tables.award import Award
from models.tables.nomination import Nomination


async def require_route(
    session: AsyncSession, listed: Iterable[tuple[int, Nomination]], body: CouncilBody, held_on: date, field: str
) -> None:
    """Refuse (nothing recorded) a nomination whose award this body does not appraise on the session's day."""
    listed = list(listed)
    award_ids = {n.award_id for _, n in listed}
    awards = {a.id: a for a in (await session.exec(select(Award).where(col(Award.id).in_(award_ids)))).all()}
    problems = [p for i, n in listed
                if (p := route_problem(f"{field}.{i}.nomination_id", n.id, route_of(awards[n.award_id], held_on),
                                          body))]
    if problems:
        raise DomainError(*problems)


def route_of(award: Award, on: date) -> Route:
    """The body that appraises the award by the province's regulation in force on `on`, the session's day."""
    route = catalogue().awards[award.code].route_on(on)
    return Route(award.name, route.appraised_by, route.basis)


async def eligible_routed_to(session: AsyncSession, year: int, body: CouncilBody, on: date) -> list[Nomination]:
    """The eligible nominations of a year that this body may appraise on `on` (one query, the route per award)."""
    rows = (await session.exec(select(Nomination, Award).join(Award, col(Award.id) == Nomination.award_id).where(
        Nomination.state == State.ELIGIBLE, Nomination.year == year).order_by(col(Nomination.id)))).all()
    return [n for n, award in rows if route_of(award, on).appraised_by == body]
