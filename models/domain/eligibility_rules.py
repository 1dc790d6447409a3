"""The rules by id. Their logic is here; which awards use them, and the article each enforces, are catalogue data."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.domain.eligibility import (
    Candidate,
    Check,
    Outcome,
    RuleResult,
    all_of,
    any_of,
    consecutive_title,
    fact_is_true,
    initiatives_at_least,
    member_share,
    no_member_disciplined,
    not_received_this_year,
    rated_excellent,
)

CSTDCS, TTLDXS = "CHIEN_SI_THI_DUA_CO_SO", "TAP_THE_LAO_DONG_XUAT_SAC"


def _has_a_cstdcs(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
    value = c.facts.members_cstdcs
    if value is None:
        return Outcome.UNKNOWN, "The number of members with Chiến sĩ thi đua cơ sở is not declared.", {}, (
            "members_cstdcs",)
    outcome = Outcome.PASS if value >= 1 else Outcome.FAIL
    return outcome, f"{value} member(s) with Chiến sĩ thi đua cơ sở; at least 1 needed.", {"members_cstdcs": value}, ()


RULES: dict[str, Check] = {
    "flag.leads_block": fact_is_true("leads_block", "the unit leads its emulation block this year"),
    "cstd_tinh.three_years_cstdcs": consecutive_title(CSTDCS, 3),
    "cstd_tinh.province_initiative": fact_is_true(
        "province_wide_initiative", "an initiative with province-wide effect is recognised"),
    "bang_khen.individual": any_of(consecutive_title(CSTDCS, 2),
                                   all_of(rated_excellent(2), initiatives_at_least(2, 2))),
    "bang_khen.collective": any_of(rated_excellent(2), consecutive_title(TTLDXS, 2)),
    "ttldxs.rated_excellent": rated_excellent(1),
    "ttldxs.all_complete_tasks": member_share("members_completing_tasks", 100, "completed their tasks"),
    "ttldxs.ldtt_share": member_share("members_ldtt", 70, "hold Lao động tiên tiến"),
    "ttldxs.has_cstdcs": _has_a_cstdcs,
    "collective.no_discipline": no_member_disciplined,
}
ONE_AWARD = "achievement.one_award"


def evaluate(award_code: str, rule_ids: Sequence[str], articles: Mapping[str, str],
             candidate: Candidate) -> list[RuleResult]:
    """Every rule of the award, plus one achievement → one award (Law Điều 5), each with its article."""
    checks = [(rule, RULES[rule]) for rule in rule_ids]
    checks.append((ONE_AWARD, not_received_this_year(award_code)))
    results = []
    for rule, check in checks:
        outcome, message, facts, missing = check(candidate)
        results.append(RuleResult(rule, articles[rule], outcome, message, facts, missing))
    return results


def overall(results: Sequence[RuleResult]) -> Outcome:
    if any(r.outcome == Outcome.FAIL for r in results):
        return Outcome.FAIL
    return Outcome.UNKNOWN if any(r.outcome == Outcome.UNKNOWN for r in results) else Outcome.PASS


def explain(results: Sequence[RuleResult]) -> str:
    """The refusal in words: each failed rule with its article, then exactly the facts still missing."""
    failed = [f"{r.message} ({r.rule}; {r.article})" for r in results if r.outcome == Outcome.FAIL]
    missing = sorted({m for r in results for m in r.missing})
    parts = [*failed, *([f"Please provide: {', '.join(missing)}."] if missing else [])]
    return " ".join(parts)


def explain_vi(results: Sequence[RuleResult]) -> str:
    """The same refusal in Vietnamese: each failed rule by its id and article, then the facts still missing
    (named by their field in the dossier, as the form shows them)."""
    failed = [f"{r.rule} ({r.article})" for r in results if r.outcome == Outcome.FAIL]
    missing = sorted({m for r in results for m in r.missing})
    parts = [*([f"không đạt tiêu chuẩn {'; '.join(failed)}."] if failed else []),
             *([f"Đề nghị bổ sung thông tin: {', '.join(missing)}."] if missing else [])]
    return " ".join(parts)


@dataclass(frozen=True)
class ScreeningVerdict:
    eligible: bool
    reason: str


def screening_verdict(office_found_eligible: bool, office_reason: str,
                      results: Sequence[RuleResult]) -> ScreeningVerdict:
    """Eligible only when the office found the dossier complete AND every rule of the award passes; otherwise
    returned, the reason giving the office's words and then each failed rule and the facts still missing."""
    passes = overall(results) == Outcome.PASS
    reason = " ".join(part for part in (office_reason, "" if passes else explain(results)) if part)
    return ScreeningVerdict(office_found_eligible and passes, reason)
