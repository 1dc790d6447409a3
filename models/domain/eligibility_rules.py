"""The rules by id. Their logic is here; which awards use them, and the article each enforces, are catalogue data."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.domain.catalogue_rules import AFTER_DISCIPLINE, NOT_CHECKS, ONE_AWARD, REGULAR_ONLY, RuleEntry
from models.domain.eligibility import (
    Candidate,
    Check,
    Outcome,
    RuleResult,
    after_title_then_rated,
    all_of,
    any_of,
    consecutive_title,
    fact_is_true,
    initiatives_at_least,
    member_share,
    no_member_disciplined,
    not_received_this_year,
    path_claimed,
    rated_at_least_good,
    rated_excellent,
    title_times,
)
from models.domain.eligibility_holds import after_discipline, discipline_declared, regular_only, with_holds
from models.domain.vietnamese import facts_vi, rule_vi

CSTDCS, TTLDXS = "CHIEN_SI_THI_DUA_CO_SO", "TAP_THE_LAO_DONG_XUAT_SAC"
CSTD_TINH = "CHIEN_SI_THI_DUA_TINH"
BANG_KHEN_CA_NHAN, BANG_KHEN_TAP_THE = "BANG_KHEN_CT_CA_NHAN", "BANG_KHEN_CT_TAP_THE"
RuleBuilder = Callable[[RuleEntry], Check]


def _has_a_cstdcs(c: Candidate) -> tuple[Outcome, str, dict[str, Any], tuple[str, ...]]:
    value = c.facts.members_cstdcs
    if value is None:
        return Outcome.UNKNOWN, "The number of members with Chiến sĩ thi đua cơ sở is not declared.", {}, (
            "members_cstdcs",)
    outcome = Outcome.PASS if value >= 1 else Outcome.FAIL
    return outcome, f"{value} member(s) with Chiến sĩ thi đua cơ sở; at least 1 needed.", {"members_cstdcs": value}, ()


def _share(fact: str, meaning: str) -> RuleBuilder:
    """A share of the collective's members; the share itself is the catalogue's (the law and provinces differ)."""
    def build(entry: RuleEntry) -> Check:
        if entry.percent is None:
            raise ValueError("this rule needs the share it sets: percent")
        return member_share(fact, entry.percent, meaning, entry.strictly_more)
    return build


def _twice_cstd_tinh(entry: RuleEntry) -> Check:
    if entry.times is None or entry.window_years is None:
        raise ValueError("this rule needs how many conferrals within how many years: times, window_years")
    return title_times(CSTD_TINH, entry.times, entry.window_years)


def _fixed(check: Check) -> RuleBuilder:
    return lambda _entry: check


def _after_provincial_bang_khen(bang_khen: str, rated: str, meaning: str, with_initiatives: bool) -> RuleBuilder:
    """Bằng khen of the Prime Minister (Law Điều 71): a movement launched nationally, achievements across the
    province or sector, or the province's Bằng khen followed by years rated well (and, for a person, initiatives).
    How many years and initiatives is the catalogue's (window_years, times)."""
    def build(entry: RuleEntry) -> Check:
        if entry.window_years is None or (with_initiatives and entry.times is None):
            raise ValueError("this rule needs the years rated after the Bằng khen (window_years)"
                             + (" and the initiatives in them (times)" if with_initiatives else ""))
        return any_of(_NATIONAL_MOVEMENT, _WIDE_ACHIEVEMENTS, after_title_then_rated(
            bang_khen, entry.window_years, rated, meaning, entry.times if with_initiatives else None))
    return build


_NATIONAL_MOVEMENT = path_claimed("outstanding_in_national_movement",
                                  "outstanding in a movement launched by the President, Government or Prime Minister")
_WIDE_ACHIEVEMENTS = path_claimed("province_wide_achievements",
                                  "many achievements with an effect across the province or sector")

# Paths a Bằng khen dossier may claim besides the consecutive titles (Law Điều 74): each is a declared fact.
_MOVEMENT = path_claimed("outstanding_in_movement", "outstanding in an emulation movement launched by the province")
_SUDDEN = path_claimed("sudden_achievement", "an đột xuất (sudden, exemplary) achievement")
_CONTRIBUTION = path_claimed("notable_contribution", "a notable contribution to the locality's development or charity")

# The logic of each rule by id. Which awards use a rule, its source and its figures are catalogue data.
RULES: dict[str, RuleBuilder] = {
    "flag.leads_block": _fixed(fact_is_true("leads_block", "the unit leads its emulation block this year")),
    "cstd_tinh.three_years_cstdcs": _fixed(consecutive_title(CSTDCS, 3)),
    "cstd_tinh.province_initiative": _fixed(fact_is_true(
        "province_wide_initiative", "an initiative with province-wide effect is recognised")),
    "cstd_toan_quoc.twice_cstd_tinh": _twice_cstd_tinh,
    "cstd_toan_quoc.nationwide_initiative": _fixed(fact_is_true(
        "nationwide_initiative", "an initiative with nationwide effect is recognised")),
    # Either way the dossier must say: a flag of the Government is never proposed on an unstated ground.
    "co_chinh_phu.leading": _fixed(any_of(
        fact_is_true("leads_central_block", "the unit leads a block organised by the Central council"),
        fact_is_true("outstanding_among_flags", "the unit is the most outstanding of the province's flag holders"))),
    "bang_khen.individual": _fixed(any_of(_MOVEMENT, _SUDDEN, _CONTRIBUTION, consecutive_title(CSTDCS, 2),
                                          all_of(rated_excellent(2), initiatives_at_least(2, 2)))),
    "bang_khen.collective": _fixed(any_of(_MOVEMENT, _SUDDEN, _CONTRIBUTION, rated_excellent(2),
                                          consecutive_title(TTLDXS, 2))),
    "bang_khen.household": _fixed(fact_is_true(
        "notable_contribution", "the household contributed labour, land or assets to the locality")),
    "ttldxs.rated_excellent": _fixed(rated_excellent(1)),
    "ttldxs.all_complete_tasks": _fixed(member_share("members_completing_tasks", 100, "completed their tasks")),
    "ttldxs.ldtt_share": _share("members_ldtt", "hold Lao động tiên tiến"),
    "ttldxs.has_cstdcs": _fixed(_has_a_cstdcs),
    "ttldxs.no_discipline": _fixed(no_member_disciplined),
    "ttldtt.rated_good": _fixed(rated_at_least_good()),
    "ttldtt.regular_emulation": _fixed(fact_is_true(
        "regular_emulation", "the collective runs regular, practical and effective emulation")),
    "ttldtt.ldtt_share": _share("members_ldtt", "hold Lao động tiên tiến"),
    "ttldtt.no_discipline": _fixed(no_member_disciplined),
    "ldtt.rated_good": _fixed(rated_at_least_good()),
    "ldtt.active_in_emulation": _fixed(fact_is_true("active_in_emulation", "takes an active part in emulation")),
    "cstdcs.excellent_or_initiative": _fixed(any_of(rated_excellent(1), initiatives_at_least(1, 1))),
    "bang_khen_ttg.individual": _after_provincial_bang_khen(
        BANG_KHEN_CA_NHAN, "consecutive_years_good", "hoàn thành tốt nhiệm vụ or better", with_initiatives=True),
    "bang_khen_ttg.collective": _after_provincial_bang_khen(
        BANG_KHEN_TAP_THE, "consecutive_years_excellent", "hoàn thành xuất sắc nhiệm vụ", with_initiatives=False),
}


def rule_check(rule: str, entry: RuleEntry) -> Check:
    """The check of one rule with the figures its catalogue entry sets (ValueError if the entry lacks one)."""
    if rule in NOT_CHECKS:
        raise ValueError(f"{rule} is applied to every award by evaluate(), not as an award's prerequisite")
    if rule not in RULES:
        raise ValueError(f"there is no eligibility rule {rule!r}; known rules: {', '.join(sorted(RULES))}")
    return RULES[rule](entry)


def evaluate(award_code: str, rules: Mapping[str, RuleEntry], principles: Mapping[str, RuleEntry],
             candidate: Candidate) -> list[RuleResult]:
    """Every rule of the award, plus the principles for every award, each citing its source: one achievement →
    one award (Law Điều 5); and, where they bear on the dossier, achievements counted only after a discipline and
    no đột xuất or thematic award counted toward a higher one (ND 152/2025 Điều 4 khoản 3–4; the award's chains of
    titles leave those years and awards out)."""
    candidate = with_holds(candidate, principles[AFTER_DISCIPLINE].partial_year_counts)
    checks = [(rule, entry, rule_check(rule, entry)) for rule, entry in rules.items()]
    checks.append((ONE_AWARD, principles[ONE_AWARD], not_received_this_year(award_code)))
    if discipline_declared(candidate):
        checks.append((AFTER_DISCIPLINE, principles[AFTER_DISCIPLINE], after_discipline))
    if any(candidate.not_regular.values()):
        checks.append((REGULAR_ONLY, principles[REGULAR_ONLY], regular_only))
    results = []
    for rule, entry, check in checks:
        outcome, message, facts, missing = check(candidate)
        results.append(RuleResult(rule, entry.citation, outcome, message, facts, missing))
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
    """The same refusal in Vietnamese: each failed rule by its Vietnamese name and article, then the facts still
    missing, by the names the desk's form gives them."""
    failed = [f"«{rule_vi(r.rule)}» ({r.article})" for r in results if r.outcome == Outcome.FAIL]
    missing = sorted({m for r in results for m in r.missing})
    parts = [*([f"Không đạt tiêu chuẩn {'; '.join(failed)}."] if failed else []),
             *([f"Đề nghị bổ sung thông tin: {facts_vi(missing)}."] if missing else [])]
    return " ".join(parts)


@dataclass(frozen=True)
class ScreeningVerdict:
    eligible: bool
    reason: str
    reason_vi: str


def screening_verdict(office_found_eligible: bool, office_reason: str,
                      results: Sequence[RuleResult]) -> ScreeningVerdict:
    """Eligible only when the office found the dossier complete AND every rule of the award passes; otherwise
    returned, the reason giving the office's words and then each failed rule and the facts still missing."""
    passes = overall(results) == Outcome.PASS
    reason = " ".join(part for part in (office_reason, "" if passes else explain(results)) if part)
    reason_vi = " ".join(part for part in (office_reason, "" if passes else explain_vi(results)) if part)
    return ScreeningVerdict(office_found_eligible and passes, reason, reason_vi)
