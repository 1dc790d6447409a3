"""The working calendar of a province: Vietnam's public holidays (the `holidays` package computes Tết and the
other lunar holidays, offline) plus the province's own days off and exchanged working days from its catalogue."""

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import holidays

from models.domain.deadlines import WorkingCalendar
from models.storage.catalogue_file import catalogue


def working_calendar(years: Iterable[int]) -> WorkingCalendar:
    own = catalogue().calendar
    public = _public_holidays(tuple(sorted(set(years))))
    return WorkingCalendar(public | frozenset(own.days_off), frozenset(own.working_weekend_days))


@lru_cache(maxsize=64)
def _public_holidays(years: tuple[int, ...]) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=years))
