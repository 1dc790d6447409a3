"""A dossier's deadlines as its page shows them: the dates of its acts read in one query each, the deadlines of
the catalogue worked out on the province's working calendar."""

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.deadlines import Act, DeadlineStatus, deadline_status
from models.domain.enums import State
from models.storage.catalogue_file import catalogue
from models.storage.queries import appraised_in_sessions
from models.storage.working_calendar import working_calendar
from models.tables.award import Award
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionItem
from models.tables.forwarding import Forwarding, ForwardingItem
from models.tables.nomination import Nomination, Transition
from models.tables.proposal import Proposal, ProposalItem, ScreeningResult


async def acts_of(session: AsyncSession, nomination: Nomination) -> dict[Act, date]:
    """The dates of the documents of a dossier's acts (the latest, when it was proposed again after a return)."""
    appraised = appraised_in_sessions()
    proposed = select(col(Proposal.issued_on)).join(ProposalItem).where(ProposalItem.nomination_id == nomination.id)
    found = {
        Act.SUBMITTED: await _first(session, proposed.order_by(col(Proposal.id).desc())),
        Act.FIRST_SUBMITTED: await _first(session, proposed.order_by(col(Proposal.id))),
        Act.SCREENED: await _screened_on(session, nomination.id),
        # The full council's vote or its standing body's appraisal, whichever route the award took.
        Act.COUNCIL: await _first(session, select(col(CouncilSession.held_on)).join(
            appraised, appraised.c.session_id == CouncilSession.id).where(
            appraised.c.nomination_id == nomination.id).order_by(col(CouncilSession.id).desc())),
        Act.SIGNED: await _first(session, select(col(Decision.signed_on)).join(DecisionItem).where(
            DecisionItem.nomination_id == nomination.id, col(Decision.signed_on).is_not(None))),
        Act.FORWARDED: await _first(session, select(col(Forwarding.issued_on)).join(ForwardingItem).where(
            ForwardingItem.nomination_id == nomination.id, col(Forwarding.issued_on).is_not(None))),
    }
    return {act: day for act, day in found.items() if day is not None}


async def _screened_on(session: AsyncSession, nomination_id: int) -> date | None:
    """The day of the latest screening: the date the office gave for it, else the Vietnamese day its result was
    recorded (the move out of `submitted` to eligible or returned)."""
    given = (await session.exec(select(col(ScreeningResult.screened_on)).where(
        ScreeningResult.nomination_id == nomination_id).order_by(col(ScreeningResult.proposal_id).desc()))).first()
    if given is not None:
        return given
    at = (await session.exec(select(col(Transition.at)).where(
        Transition.nomination_id == nomination_id, Transition.from_state == State.SUBMITTED,
        col(Transition.to_state).in_((State.ELIGIBLE, State.RETURNED))).order_by(col(Transition.id).desc()))).first()
    if at is None:
        return None
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone(VIETNAM).date()


async def _first(session: AsyncSession, query: Any) -> date | None:
    day = (await session.exec(query)).first()
    return day if isinstance(day, date) else None


# Deadlines fall on Vietnamese calendar days, whatever the server's clock zone.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def today_in_vietnam() -> date:
    return datetime.now(VIETNAM).date()


async def deadlines_of(session: AsyncSession, nomination: Nomination, today: date) -> list[DeadlineStatus]:
    acts = await acts_of(session, nomination)
    award = await session.get_one(Award, nomination.award_id)
    calendar = working_calendar({nomination.year, nomination.year + 1, today.year, *(d.year for d in acts.values())})
    return [deadline_status(entry.deadline(), nomination.year, acts, calendar, today)
            for entry in catalogue().deadlines if entry.deadline().applies_to(award.code)]
