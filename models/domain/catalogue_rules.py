"""The parts of the award catalogue that are a province's rules rather than its awards: where each eligibility rule
comes from, quotas, the emulation year's dates, the working calendar and deadlines. Typed and pure, like the rest
of the catalogue (`models.domain.catalogue`)."""

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.domain.deadlines import Act, Deadline
from models.domain.emulation_year import MonthDay, ReviewWindow
from models.domain.quotas import Quota, SizeStep, TieBreak


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class EmulationYearRules(Entry):
    """The days on which the acts reviewing an emulation year may be dated, as a province sets them."""

    acts_from: str = Field(pattern=r"^\d\d-\d\d$", description="MM-DD in the emulation year")
    acts_until: str = Field(pattern=r"^\d\d-\d\d$", description="MM-DD in the year after")
    basis: str

    @model_validator(mode="after")
    def _real_days(self) -> "EmulationYearRules":
        self.window()
        return self

    def window(self) -> ReviewWindow:
        return ReviewWindow(MonthDay.parse(self.acts_from), MonthDay.parse(self.acts_until))


class CalendarEntry(Entry):
    """The province's own days off, and weekend days worked in exchange, on top of the public holidays."""

    days_off: list[date] = []
    working_weekend_days: list[date] = []
    basis: str = ""


class DeadlineEntry(Entry):
    """A deadline of a dossier: a fixed day of the emulation year, or working days after another act."""

    code: str = Field(pattern=r"^[a-z_]+$")
    says: str = Field(min_length=1)
    basis: str = Field(min_length=1)
    met_by: Act
    by_month_day: str | None = Field(default=None, pattern=r"^\d\d-\d\d$")
    after: Act | None = None
    working_days: int | None = Field(default=None, gt=0)
    # A late act is shown as late ("warn"), or refused ("refuse") where the province rules so.
    late: Literal["warn", "refuse"] = "warn"
    confidence: Literal["H", "M", "L"] = "H"
    awards: list[str] = Field(default_factory=list, description="Award codes it concerns; empty: every award")
    year_offset: int = Field(default=0, ge=0, le=1, description="by_month_day in the emulation year or the next")

    @model_validator(mode="after")
    def _one_way(self) -> "DeadlineEntry":
        fixed, counted = self.by_month_day is not None, self.after is not None and self.working_days is not None
        if fixed == counted:
            raise ValueError("give either by_month_day, or after with working_days")
        if self.late == "refuse" and not fixed:
            # A count of working days runs per dossier; an act covering many dossiers cannot be refused by it.
            raise ValueError('late = "refuse" is for a fixed day (by_month_day) only')
        self.deadline()
        return self

    def deadline(self) -> Deadline:
        return Deadline(self.code, self.says, self.basis, self.met_by,
                        MonthDay.parse(self.by_month_day) if self.by_month_day else None,
                        self.after, self.working_days, frozenset(self.awards), self.year_offset)


class ForwardingRules(Entry):
    """Where the Chairman's Tờ trình for the awards decided above the province goes, and in which series it is
    numbered; each province writes its own, with the source."""

    addressees: list[str] = Field(min_length=1, description="Its 'Kính gửi:' lines")
    decider: str = Field(min_length=1, description="Who decides, as the Tờ trình asks: 'Thủ tướng Chính phủ'")
    issuer_code: str = Field(min_length=1, description="The People's Committee's Tờ trình series: 'TTr-UBND'")
    attachments: str = Field(min_length=1, description="The dossier the central level requires, as the Tờ trình says")
    basis: str = Field(min_length=1)
    confidence: Literal["H", "M", "L"] = "H"


# Checked for every award (Law Điều 5: one achievement, one award); its source is in [rules] like the others.
ONE_AWARD = "achievement.one_award"
# ND 152/2025 Điều 4: after a discipline, achievements count from the day it was served (khoản 4); đột xuất and
# thematic awards are no basis for a higher award (khoản 3). Applied to every award, shown when they bear on it.
AFTER_DISCIPLINE = "achievement.after_discipline"
REGULAR_ONLY = "achievement.regular_only"
# ND 152/2025 Điều 4 khoản 5: maternity leave counts as time worked. The engine has no rule counting months worked
# for it to relax, so it is a note with its source, not a check.
MATERNITY_LEAVE = "achievement.maternity_leave_counts"
FOR_EVERY_AWARD = (ONE_AWARD, AFTER_DISCIPLINE, REGULAR_ONLY)
NOT_CHECKS = (*FOR_EVERY_AWARD, MATERNITY_LEAVE)


class RuleEntry(Entry):
    """Where one eligibility rule comes from, checkable by a reader: the text, its article, clause and point, and
    what it says; the share or count it sets when the text sets one; how sure the source is."""

    text: str = Field(min_length=1, description="e.g. 'Luật Thi đua, khen thưởng số 06/2022/QH15'")
    article: int = Field(gt=0)
    clause: int | None = Field(default=None, gt=0)
    point: str | None = Field(default=None, min_length=1, max_length=2)
    says: str = Field(min_length=1)
    percent: Decimal | None = Field(default=None, ge=0, le=100)
    strictly_more: bool = False
    times: int | None = Field(default=None, gt=0)
    window_years: int | None = Field(default=None, gt=0)
    # achievement.after_discipline: whether the year in which a discipline was served counts (from that day on),
    # or only the years after it (the default, the stricter reading).
    partial_year_counts: bool = False
    # H: read in the text; M: from a secondary source or one province's practice; L: a guess to confirm.
    confidence: Literal["H", "M", "L"] = "H"

    @property
    def citation(self) -> str:
        """As Vietnamese legal writing cites, from the smallest part: 'điểm c khoản 1 Điều 27 Luật …: …'."""
        parts = [f"điểm {self.point}" if self.point else "", f"khoản {self.clause}" if self.clause else "",
                 f"Điều {self.article}", self.text]
        return f"{' '.join(p for p in parts if p)}: {self.says}"


class SizeStepEntry(Entry):
    members_at_least: int = Field(ge=1)
    limit: int = Field(ge=0)


class QuotaEntry(Entry):
    """One of the ways a province limits an award per block (a number, by block size, a share of the block's
    member units), a total for the whole province, or both."""

    per_block_per_year: int | None = Field(default=None, ge=0)
    by_block_size: list[SizeStepEntry] = []
    share_of_members_percent: Decimal | None = Field(default=None, gt=0, le=100)
    province_total_per_year: int | None = Field(default=None, ge=0)
    basis: str

    @model_validator(mode="after")
    def _one_way_per_block(self) -> "QuotaEntry":
        ways = [self.per_block_per_year is not None, bool(self.by_block_size),
                self.share_of_members_percent is not None]
        if sum(ways) > 1:
            raise ValueError("give one of per_block_per_year, by_block_size, share_of_members_percent")
        if not any(ways) and self.province_total_per_year is None:
            raise ValueError("give a limit per block, a province total, or both")
        return self

    def quota(self, award_code: str) -> Quota:
        return Quota(award_code, self.basis, self.per_block_per_year,
                     tuple(SizeStep(s.members_at_least, s.limit) for s in self.by_block_size),
                     self.share_of_members_percent, self.province_total_per_year)




class TieBreakEntry(Entry):
    """Among candidates equally qualified for the places of a quota, a woman, or a collective in which women are at
    least `collective_women_percent` of the members, is chosen (ND 152/2025 Điều 4 khoản 6)."""

    prefer_women: bool = True
    collective_women_percent: Decimal = Field(default=Decimal(70), gt=0, le=100)
    basis: str = Field(min_length=1)
    confidence: Literal["H", "M", "L"] = "H"

    def tie_break(self) -> TieBreak | None:
        return TieBreak(self.collective_women_percent, self.basis) if self.prefer_women else None
