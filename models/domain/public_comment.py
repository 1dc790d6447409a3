"""Public comment before the council's vote, pure: which awards need it (catalogue data), when a window closes on
the working calendar, whether it is open on a day, and why a vote on a dossier must wait for it.

ND 152/2025 Điều 60 khoản 3: the list of those proposed for a state-level form is published on the provincial
portal for people to comment on for 10 working days before the council votes; a province may require the same
for its own forms. Which awards and how long are the catalogue's `[[public_comment]]`, each with its source.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.domain.deadlines import WorkingCalendar
from models.domain.errors import Problem


@dataclass(frozen=True)
class CommentRule:
    """How long an award's list stays open for comment, and the text that requires it."""

    working_days: int
    basis: str


class CommentStatus(StrEnum):
    RECEIVED = "received"  # waiting for the office
    ANSWERED = "answered"  # the office noted it and answered (or found it needs no action)
    HELD = "held"  # the dossier was put on hold because of it


class WindowPhase(StrEnum):
    SCHEDULED = "scheduled"  # published ahead of its first day
    OPEN = "open"
    CLOSED = "closed"


def closes_on(opens_on: date, working_days: int, calendar: WorkingCalendar) -> date:
    """The last day comments are taken: the window's first day counts as its first working day when it is one."""
    first = opens_on if calendar.is_working_day(opens_on) else calendar.add_working_days(opens_on, 1)
    return calendar.add_working_days(first, working_days - 1)


def longest(rules: Iterable[CommentRule]) -> CommentRule:
    """One window for dossiers of several awards stays open as long as the longest of their rules requires."""
    found = list(rules)
    days = max(r.working_days for r in found)
    bases = dict.fromkeys(r.basis for r in found if r.working_days == days)
    return CommentRule(days, "; ".join(bases))


def phase(opens_on: date, last_day: date, today: date) -> WindowPhase:
    if today < opens_on:
        return WindowPhase.SCHEDULED
    return WindowPhase.OPEN if today <= last_day else WindowPhase.CLOSED


def comment_refusal(opens_on: date, last_day: date, today: date) -> Problem | None:
    """Why a comment cannot be taken today, if it cannot."""
    now = phase(opens_on, last_day, today)
    if now == WindowPhase.SCHEDULED:
        return Problem("window_id", "public_comment.not_open",
                       f"Comments are taken from {opens_on:%d/%m/%Y}.",
                       vi=f"Chưa đến thời gian lấy ý kiến: danh sách nhận ý kiến từ ngày {opens_on:%d/%m/%Y}.")
    if now == WindowPhase.CLOSED:
        return Problem("window_id", "public_comment.closed",
                       f"Comments were taken until {last_day:%d/%m/%Y}; the window has closed.",
                       vi=f"Đã hết thời gian lấy ý kiến nhân dân (đến hết ngày {last_day:%d/%m/%Y}); không nhận "
                          "thêm ý kiến.")
    return None


def vote_refusal(field: str, nomination_id: int, rule: CommentRule, last_day: date | None,
                 held_on: date) -> Problem | None:
    """Why the council may not yet decide on a dossier whose award requires public comment: its list was never
    published, or the session meets before the window has closed."""
    if last_day is None:
        return Problem(field, "public_comment.missing",
                       f"Nomination {nomination_id} must be published for public comment for {rule.working_days} "
                       f"working days before the council decides on it ({rule.basis}).",
                       vi=f"Hồ sơ mã số {nomination_id} phải được công khai lấy ý kiến nhân dân "
                          f"{rule.working_days} ngày làm việc trước khi Hội đồng xét (theo {rule.basis}); hồ sơ chưa "
                          "được đưa vào danh sách lấy ý kiến.")
    if held_on <= last_day:
        return Problem(field, "public_comment.window_open",
                       f"Nomination {nomination_id} is open for public comment until {last_day:%d/%m/%Y}; the "
                       f"session of {held_on:%d/%m/%Y} cannot decide on it ({rule.basis}).",
                       vi=f"Hồ sơ mã số {nomination_id} đang trong thời gian lấy ý kiến nhân dân đến hết ngày "
                          f"{last_day:%d/%m/%Y}; phiên họp ngày {held_on:%d/%m/%Y} chưa được xét hồ sơ này "
                          f"(theo {rule.basis}).")
    return None


# A public page takes comments from anyone: an address sending more than this in an hour is asked to wait, as
# failed logins are (a person comments on a few dossiers; a script does not get to fill the office's inbox).
COMMENTS_PER_ADDRESS_PER_HOUR = 20
