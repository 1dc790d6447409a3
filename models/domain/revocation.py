"""Revoking an award, pure: what a revocation request must say, and which rules a later nomination now fails
because of it (the same eligibility rules, evaluated with and without the revoked award)."""

from collections.abc import Sequence

from models.domain.eligibility import Outcome, RuleResult
from models.domain.errors import refuse


def require_reason(reason: str) -> str:
    """A revocation states why, in words a person wrote: an empty or blank reason is refused."""
    if not reason.strip():
        raise refuse("reason", "revocation.reason_required",
                     "A revocation states its reason: what was false, forged or unlawful.",
                     vi="Phải ghi lý do hủy bỏ khen thưởng: nội dung gian dối, giả mạo hoặc trái pháp luật.")
    return reason.strip()


def newly_failed(before: Sequence[RuleResult], after: Sequence[RuleResult]) -> list[RuleResult]:
    """The rules a nomination passed while the revoked award counted, and no longer passes without it."""
    passed = {r.rule for r in before if r.outcome == Outcome.PASS}
    return [r for r in after if r.rule in passed and r.outcome != Outcome.PASS]
