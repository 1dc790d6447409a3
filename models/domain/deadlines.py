"""Deadlines, pure: working days with the public holidays and a province's own days off, and each deadline of a
dossier worked out from the dates of the acts that start and end it.

Which deadlines apply, their length and their basis are catalogue data (`[[deadlines]]`); the holidays come from
the `holidays` package's calendar of Vietnam, read by storage, plus the province's `[calendar]`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.domain.emulation_year import MonthDay


class Act(StrEnum):
    """The acts whose document dates start or meet a deadline."""

    SUBMITTED = "submitted"  # the block's Tờ trình, its date of issue (the latest, when returned and resubmitted)
    FIRST_SUBMITTED = "first_submitted"  # the first Tờ trình that listed the dossier
    SCREENED = "screened"  # the office found the dossier eligible or returned it (the latest screening)
    COUNCIL = "council"  # the council session that voted on the dossier
    SIGNED = "signed"  # the decision that awarded or declined it
    FORWARDED = "forwarded"  # the Chairman's Tờ trình to the Prime Minister that listed it, its date of issue


@dataclass(frozen=True)
class WorkingCalendar:
    days_off: frozenset[date]  # public holidays and a province's own days off
    working_weekend_days: frozenset[date] = frozenset()  # Saturdays worked in exchange for a bridge day

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekend_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (the day of the act itself does not count)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            count -= self.is_working_day(day)
        return day

    def working_days_between(self, first: date, last: date) -> int:
        """Working days after `first` up to and including `last`; negative when `last` is before `first`."""
        if last < first:
            return -self.working_days_between(last, first)
        return sum(self.is_working_day(first + timedelta(days=n)) for n in range(1, (last - first).days + 1))


@dataclass(frozen=True)
class Deadline:
    code: str
    says: str  # in Vietnamese, as the desk shows it
    basis: str
    met_by: Act
    by_month_day: MonthDay | None = None  # a fixed day of the emulation year, e.g. 10/12
    after: Act | None = None  # or a number of working days after another act
    working_days: int | None = None
    # The awards it concerns (none: every award), e.g. the Government's flag only for the central level's date.
    awards: frozenset[str] = frozenset()
    year_offset: int = 0  # a fixed day in the emulation year (0) or in the year after it (1)

    def applies_to(self, award_code: str) -> bool:
        return not self.awards or award_code in self.awards

    def due(self, year: int, acts: Mapping[Act, date], calendar: WorkingCalendar) -> date | None:
        """The day it falls due; None while the act that starts it has not happened."""
        if self.by_month_day is not None:
            return self.by_month_day.of(year + self.year_offset)
        if self.after is None or self.working_days is None or self.after not in acts:
            return None
        return calendar.add_working_days(acts[self.after], self.working_days)


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: Deadline
    due: date | None
    met_on: date | None
    working_days_left: int | None  # while open: from today to the due day (negative: overdue)
    late: bool


def deadline_status(deadline: Deadline, year: int, acts: Mapping[Act, date], calendar: WorkingCalendar,
                    today: date) -> DeadlineStatus:
    due = deadline.due(year, acts, calendar)
    met_on = acts.get(deadline.met_by)
    started = acts.get(deadline.after) if deadline.after is not None else None
    if met_on is not None and started is not None and met_on < started:
        met_on = None  # an act before the one that started this count (a screening before the resubmission)
    if due is None:
        return DeadlineStatus(deadline, None, met_on, None, False)
    if met_on is not None:
        return DeadlineStatus(deadline, due, met_on, None, met_on > due)
    return DeadlineStatus(deadline, due, None, calendar.working_days_between(today, due), today > due)
