"""Refusals the domain explains: which field, which rule, in plain words."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True)
class Problem:
    field: str  # dotted path into the request, e.g. "tallies.2.votes_for"
    rule: str  # stable identifier of the rule, e.g. "vote.ballots_exceed_voters"
    message: str  # English, for the client's developers and the logs
    # What the desk shows a secretary: plain Vietnamese. Required, so no refusal can reach the desk in English only.
    vi: str = dataclass_field(kw_only=True)


class DomainError(Exception):
    """A request the rules refuse; nothing has been changed."""

    status = 422

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = list(problems)


class NotFound(DomainError):
    status = 404


class Unauthorized(DomainError):
    """No valid credentials: the client must log in (again)."""

    status = 401


class Forbidden(DomainError):
    """Logged in, but the role does not allow this."""

    status = 403


class Conflict(DomainError):
    """Someone else changed the object first, or it is no longer in a state that allows the request."""

    status = 409


class Unavailable(DomainError):
    """A tool the request needs is missing or failed on this server (e.g. LibreOffice for PDF copies)."""

    status = 503


class TooManyAttempts(DomainError):
    """Refused for now: the client must wait `retry_after` seconds (sent as the Retry-After header)."""

    status = 429

    def __init__(self, retry_after: int, *problems: Problem) -> None:
        super().__init__(*problems)
        self.retry_after = retry_after


def refuse(field: str, rule: str, message: str, *, vi: str) -> DomainError:
    return DomainError(Problem(field, rule, message, vi=vi))


def not_found(field: str, what: str, object_id: int, *, what_vi: str) -> NotFound:
    """`what_vi` names the kind of object in Vietnamese, e.g. "hồ sơ đề nghị" or "Quyết định"."""
    return NotFound(Problem(field, "exists", f"There is no {what} with id {object_id}.",
                            vi=f"Không tìm thấy {what_vi} có mã số {object_id}."))


def capped(problems: list[Problem], limit: int, field: str, rule: str) -> list[Problem]:
    """The first `limit` problems of an imported file and one saying how many more there are: a file wrong on every
    row would otherwise answer megabytes, and the first ones are enough to start fixing it."""
    if len(problems) <= limit:
        return problems
    more = len(problems) - limit
    return [*problems[:limit],
            Problem(field, rule, f"{more} more problems are not listed; fix these first.",
                    vi=f"Còn {more} lỗi khác chưa được liệt kê; đề nghị sửa các lỗi trên trước.")]
