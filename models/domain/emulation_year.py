"""When the acts reviewing an emulation year may be dated: a meeting held in 2023 does not review 2026.

The window is province data (the law sets no dates for it): by default from 1 October of the year to 30 June of the
next, which holds every year-end meeting, proposal, council session and decision of the provinces in domain.md.
"""

from dataclasses import dataclass
from datetime import date

from models.domain.errors import Problem


@dataclass(frozen=True)
class MonthDay:
    month: int
    day: int

    @classmethod
    def parse(cls, text: str) -> "MonthDay":
        """ "10-01" → 1 October; ValueError when it is no day of a year."""
        month, day = (int(part) for part in text.split("-"))
        date(2024, month, day)  # a leap year, so 02-29 is allowed
        return cls(month, day)

    def of(self, year: int) -> date:
        return date(year, self.month, min(self.day, 28) if (self.month, self.day) == (2, 29) else self.day)


@dataclass(frozen=True)
class ReviewWindow:
    opens: MonthDay  # in the emulation year itself
    closes: MonthDay  # in the year after

    def of(self, year: int) -> tuple[date, date]:
        return self.opens.of(year), self.closes.of(year + 1)

    def outside(self, day: date, year: int, field: str, what: str, what_vi: str) -> Problem | None:
        """A problem naming the field when `day` cannot date an act that reviews emulation year `year`."""
        first, last = self.of(year)
        if first <= day <= last:
            return None
        span, span_vi = f"{first:%d/%m/%Y}–{last:%d/%m/%Y}", f"từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}"
        return Problem(field, "date.emulation_year",
                       f"A {what} dated {day:%d/%m/%Y} cannot review emulation year {year}: it must fall in {span}.",
                       vi=f"{what_vi} ngày {day:%d/%m/%Y} không thể thuộc năm thi đua {year}: ngày phải nằm trong "
                          f"khoảng {span_vi}.")
