"""A transition's reason in Vietnamese when only its English one was stored (rows written before migration 0012).

The engine's own sentences are rebuilt from what the row kept (its rule, its evidence, its states) by the same
functions that write them today, and used only when the rebuilt English is exactly what was stored: whatever else
the reason holds is a person's own words (a withdrawal, a hold, a returned dossier's reason, a struck nomination's
reason), which stay as written. Nothing is written back: the row stays as it was appended.
"""

import re
from collections.abc import Mapping
from typing import Any

from models.domain.eligibility import Outcome, RuleResult
from models.domain.eligibility_rules import screening_verdict
from models.domain.enums import State
from models.domain.standing_body import StandingAppraisal
from models.domain.votes import Tally, VoteOutcome
from models.domain.workflow import MoveContext, check_move

_PROPOSAL = re.compile(r"Listed in proposal (\d+)\.")
_DECISION = re.compile(r"Listed in decision (\d+)\.")
_STANDING = re.compile(r"The council's standing body (?:agreed to propose it to the Chairman|did not agree to "
                       r"propose it)(?:: (?P<reason>.*)|\.)", re.DOTALL)
_DEFAULT_SCREENING = "Meets the conditions checked at screening."


def reason_vi(from_state: State | None, to_state: State, rule: str, reason: str, reason_vi: str,
              evidence: Mapping[str, Any]) -> str:
    """The reason as the desk shows it: the stored Vietnamese, else the engine's sentence rebuilt in Vietnamese,
    else the stored reason as written (a person's words)."""
    if reason_vi or not reason:
        return reason_vi or reason
    context = _context(rule, reason, evidence)
    if context is not None and from_state is not None:
        verdict = check_move(from_state, to_state, context)
        if verdict.allowed and verdict.reason == reason:
            return verdict.reason_vi
    if rule == "screening.result":
        return _screening_vi(reason, evidence) or reason
    return reason


def _context(rule: str, reason: str, evidence: Mapping[str, Any]) -> MoveContext | None:
    """What the move's guard read when it wrote `reason`, as far as the row keeps it."""
    if rule in ("vote.passed", "vote.failed") and {"votes_for", "members_total", "required"} <= evidence.keys():
        tally = Tally(int(evidence["votes_for"]), int(evidence.get("votes_against", 0)),
                      int(evidence.get("abstain", 0)), int(evidence.get("invalid", 0)))
        return MoveContext(vote=VoteOutcome(tally, int(evidence["members_total"]), int(evidence["required"])))
    if rule in ("standing.agreed", "standing.not_agreed") and (found := _STANDING.fullmatch(reason)):
        return MoveContext(appraisal=StandingAppraisal(rule == "standing.agreed", found["reason"] or ""))
    if rule == "proposal.submitted" and (found := _PROPOSAL.fullmatch(reason)):
        return MoveContext(proposal_id=int(found[1]))
    if rule == "decision.signed" and (found := _DECISION.fullmatch(reason)):
        return MoveContext(decision_id=int(found[1]))
    if rule == "screening.result" and reason == _DEFAULT_SCREENING:
        return MoveContext(screening_passed=True)
    return None


def _screening_vi(reason: str, evidence: Mapping[str, Any]) -> str | None:
    """A returned dossier's reason: the office's words followed by the failed rules' explanation, which is rebuilt
    from the rule results kept in the evidence (None: no explanation of the engine's in it)."""
    results = [_rule_result(r) for r in evidence.get("rules", []) if isinstance(r, Mapping)]
    if not results or all(r.outcome == Outcome.PASS for r in results):
        return None  # the office's own words alone
    rebuilt = screening_verdict(False, "", results)
    if not reason.endswith(rebuilt.reason):
        return None
    office_words = reason.removesuffix(rebuilt.reason).strip()
    return screening_verdict(False, office_words, results).reason_vi


def _rule_result(kept: Mapping[str, Any]) -> RuleResult:
    return RuleResult(rule=str(kept.get("rule", "")), article=str(kept.get("article", "")),
                      outcome=Outcome(kept.get("outcome", Outcome.UNKNOWN)), message=str(kept.get("message", "")),
                      facts_read=dict(kept.get("facts") or {}), missing=tuple(kept.get("missing") or ()))
