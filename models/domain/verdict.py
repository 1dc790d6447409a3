"""A guard's answer, pure: allowed or not, by which rule, and why in English and in Vietnamese.

Its own module because both the state machine and the permissions answer with it, and the Vietnamese names
(models/domain/vietnamese.py) build on the permissions.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from models.domain.errors import Problem


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    rule: str
    reason: str  # English, for the log and the transition record
    # The same reason in Vietnamese: what the desk shows when the verdict refuses. Required, like Problem.vi.
    reason_vi: str = dataclass_field(kw_only=True)

    def problem(self, field: str) -> Problem:
        """The refusal this verdict gives, in both languages."""
        return Problem(field, self.rule, self.reason, vi=self.reason_vi)
