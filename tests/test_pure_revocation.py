"""Revocation's pure rules: a reason is required, and a nomination is flagged for exactly the rules the revoked award
made it pass (the same eligibility rules, with and without the award)."""

import pytest

from models.domain.eligibility import Candidate, Outcome, RuleResult, consecutive_title
from models.domain.errors import DomainError
from models.domain.facts import DossierFacts
from models.domain.revocation import newly_failed, require_reason

CSTDCS = "CHIEN_SI_THI_DUA_CO_SO"


def chain(years: dict[int, frozenset[str]]) -> RuleResult:
    outcome, message, facts, missing = consecutive_title(CSTDCS, 3)(Candidate(2026, DossierFacts(), years))
    return RuleResult("cstd_tinh.three_years_cstdcs", "Điều 22", outcome, message, facts, missing)


def test_a_blank_reason_is_refused_with_its_field_and_vietnamese() -> None:
    with pytest.raises(DomainError) as refused:
        require_reason(" \n ")
    [problem] = refused.value.problems
    assert (problem.field, problem.rule) == ("reason", "revocation.reason_required") and problem.vi
    assert require_reason("  Giả mạo giấy xác nhận. ") == "Giả mạo giấy xác nhận."


def test_only_a_rule_that_passed_with_the_award_and_fails_without_it_is_flagged() -> None:
    held = {y: frozenset({CSTDCS}) for y in (2023, 2024, 2025, 2026)}
    without_2025 = {y: c for y, c in held.items() if y != 2025}
    without_2023 = {y: c for y, c in held.items() if y != 2023}
    broke = newly_failed([chain(held)], [chain(without_2025)])
    assert [(r.rule, r.outcome) for r in broke] == [("cstd_tinh.three_years_cstdcs", Outcome.FAIL)]
    assert newly_failed([chain(held)], [chain(without_2023)]) == [], "2023 lies outside the 2024–2026 chain"
    already_failing = {2025: frozenset({CSTDCS}), 2026: frozenset({CSTDCS})}
    assert newly_failed([chain(already_failing)], [chain({2026: frozenset({CSTDCS})})]) == [], "failed before too"
