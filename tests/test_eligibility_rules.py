"""Every eligibility rule, table-driven: passing, failing and cannot-tell cases, year boundaries included."""

from typing import Any

import pytest

from models.domain.catalogue_rules import ONE_AWARD
from models.domain.eligibility import Candidate, Check, Outcome
from models.domain.eligibility_rules import evaluate, explain, overall, rule_check
from models.domain.facts import DossierFacts
from models.storage.catalogue_file import catalogue

CSTDCS, TTLDXS = "CHIEN_SI_THI_DUA_CO_SO", "TAP_THE_LAO_DONG_XUAT_SAC"
GOOD_COLLECTIVE = {"rating": "htxsnv", "members_total": 20, "members_completing_tasks": 20, "members_ldtt": 14,
                   "members_cstdcs": 1, "members_disciplined": 0}


def candidate(facts: dict[str, Any] | None = None, history: dict[int, set[str]] | None = None) -> Candidate:
    return Candidate(2026, DossierFacts(**(facts or {})),
                     {y: frozenset(codes) for y, codes in (history or {}).items()})


def check(rule: str) -> Check:
    return rule_check(rule, catalogue().rules[rule])


CASES = [
    ("flag.leads_block", {"leads_block": True}, None, Outcome.PASS),
    ("flag.leads_block", {"leads_block": False}, None, Outcome.FAIL),
    ("flag.leads_block", {}, None, Outcome.UNKNOWN),
    ("cstd_tinh.three_years_cstdcs", {}, {2024: {CSTDCS}, 2025: {CSTDCS}, 2026: {CSTDCS}}, Outcome.PASS),
    # Three titles, but not consecutive: 2023 does not stand in for the missing 2025.
    ("cstd_tinh.three_years_cstdcs", {}, {2023: {CSTDCS}, 2024: {CSTDCS}, 2026: {CSTDCS}}, Outcome.FAIL),
    # The window ends with the nomination year: 2023–2025 is not enough for a 2026 nomination.
    ("cstd_tinh.three_years_cstdcs", {}, {2023: {CSTDCS}, 2024: {CSTDCS}, 2025: {CSTDCS}}, Outcome.FAIL),
    ("cstd_tinh.province_initiative", {"province_wide_initiative": True}, None, Outcome.PASS),
    ("cstd_tinh.province_initiative", {}, None, Outcome.UNKNOWN),
    ("bang_khen.individual", {}, {2025: {CSTDCS}, 2026: {CSTDCS}}, Outcome.PASS),
    ("bang_khen.individual", {"rating": "htxsnv", "rating_previous_year": "htxsnv", "initiatives": 1,
                              "initiatives_previous_year": 1}, None, Outcome.PASS),
    ("bang_khen.individual", {"rating": "htxsnv", "rating_previous_year": "httnv", "initiatives": 3,
                              "initiatives_previous_year": 0}, {2026: {CSTDCS}}, Outcome.FAIL),
    ("bang_khen.individual", {"rating": "htxsnv"}, {2026: {CSTDCS}}, Outcome.UNKNOWN),
    ("bang_khen.collective", {"rating": "htxsnv", "rating_previous_year": "htxsnv"}, None, Outcome.PASS),
    ("bang_khen.collective", {}, {2025: {TTLDXS}, 2026: {TTLDXS}}, Outcome.PASS),
    ("bang_khen.collective", {"rating": "htxsnv", "rating_previous_year": "htnv"}, {2026: {TTLDXS}}, Outcome.FAIL),
    ("ttldxs.rated_excellent", {"rating": "httnv"}, None, Outcome.FAIL),
    ("ttldxs.all_complete_tasks", GOOD_COLLECTIVE, None, Outcome.PASS),
    ("ttldxs.all_complete_tasks", {**GOOD_COLLECTIVE, "members_completing_tasks": 19}, None, Outcome.FAIL),
    ("ttldxs.ldtt_share", GOOD_COLLECTIVE, None, Outcome.PASS),  # 14 of 20 is exactly 70 %
    ("ttldxs.ldtt_share", {**GOOD_COLLECTIVE, "members_ldtt": 13}, None, Outcome.FAIL),
    ("ttldxs.ldtt_share", {"members_total": 20}, None, Outcome.UNKNOWN),
    ("ttldxs.has_cstdcs", {**GOOD_COLLECTIVE, "members_cstdcs": 0}, None, Outcome.FAIL),
    ("ttldxs.no_discipline", {**GOOD_COLLECTIVE, "members_disciplined": 1}, None, Outcome.FAIL),
    # An unclaimed path of Bằng khen is not taken, and does not hold the dossier up; a claimed one suffices.
    ("bang_khen.individual", {"sudden_achievement": True}, None, Outcome.PASS),
    ("bang_khen.collective", {"outstanding_in_movement": True}, None, Outcome.PASS),
]


@pytest.mark.parametrize(("rule", "facts", "history", "expected"), CASES)
def test_each_rule_passes_fails_or_cannot_tell(rule: str, facts: dict[str, Any], history: dict[int, set[str]] | None,
                                              expected: Outcome) -> None:
    outcome, message, _, missing = check(rule)(candidate(facts, history))
    assert outcome == expected, message
    assert message
    assert bool(missing) == (expected == Outcome.UNKNOWN), "cannot-tell names exactly what is missing"


def test_an_award_already_received_for_the_year_is_refused_as_a_second_award_for_one_achievement() -> None:
    law = catalogue()
    results = evaluate(TTLDXS, law.award_rules(TTLDXS), law.principles(),
                       candidate({**GOOD_COLLECTIVE, "members_disciplined": 0}, {2026: {TTLDXS}}))
    assert overall(results) == Outcome.FAIL
    [refusal] = [r for r in results if r.outcome == Outcome.FAIL]
    assert refusal.rule == ONE_AWARD and "Điều 5" in refusal.article


def test_a_refusal_explains_the_failed_rules_with_their_articles_and_asks_for_exactly_what_is_missing() -> None:
    law = catalogue()
    results = evaluate("CHIEN_SI_THI_DUA_TINH", law.award_rules("CHIEN_SI_THI_DUA_TINH"), law.principles(),
                       candidate({}, {2025: {CSTDCS}, 2026: {CSTDCS}}))
    assert overall(results) == Outcome.FAIL
    words = explain(results)
    assert "missing [2024]" in words and "Điều 22" in words
    assert words.endswith("Please provide: province_wide_initiative.")
