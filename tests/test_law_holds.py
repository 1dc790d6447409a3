"""The principles of ND 152/2025 Điều 4, pure: a discipline period and đột xuất or thematic awards drop out of a
chain of titles, the year proposed must itself fall after the discipline, and equals competing for a quota's places
are chosen by the tie-break the province's catalogue writes."""

from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from models.domain.catalogue import Catalogue
from models.domain.eligibility import Candidate, Outcome, RuleResult
from models.domain.eligibility_rules import evaluate, overall
from models.domain.facts import DossierFacts
from models.domain.quotas import Contender, TieBreak, place
from models.storage.catalogue_file import _load, catalogue

CSTDCS, CSTD_TINH = "CHIEN_SI_THI_DUA_CO_SO", "CHIEN_SI_THI_DUA_TINH"
BK_PERSON, BK_TTG = "BANG_KHEN_CT_CA_NHAN", "BANG_KHEN_THU_TUONG_CA_NHAN"
THREE_YEARS = {2024: {CSTDCS}, 2025: {CSTDCS}, 2026: {CSTDCS}}
INITIATIVE = {"province_wide_initiative": True}


def judge(award: str, facts: dict[str, Any], history: dict[int, set[str]],
          not_regular: dict[int, set[str]] | None = None, law: Catalogue | None = None) -> list[RuleResult]:
    law = law or catalogue()
    candidate = Candidate(2026, DossierFacts(**facts), {y: frozenset(c) for y, c in history.items()},
                          {y: frozenset(c) for y, c in (not_regular or {}).items()})
    return evaluate(award, law.award_rules(award), law.principles(), candidate)


def by_rule(results: list[RuleResult]) -> dict[str, RuleResult]:
    return {r.rule: r for r in results}


@pytest.mark.parametrize(("facts", "expected", "chain", "hold"), [
    # Served before the chain began: every year counts.
    ({"disciplined": True, "discipline_ended_on": "2023-12-31"}, Outcome.PASS, Outcome.PASS, Outcome.PASS),
    # Served in mid-2024: 2024 was partly under discipline and does not count, so three in a row is broken.
    ({"disciplined": True, "discipline_ended_on": "2024-06-30"}, Outcome.FAIL, Outcome.FAIL, Outcome.PASS),
    # Still under discipline in the year proposed: that year's achievement cannot count either.
    ({"discipline_ended_on": "2026-03-01"}, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL),
    # Disciplined, but not said until when: the rules cannot tell.
    ({"disciplined": True}, Outcome.UNKNOWN, Outcome.PASS, Outcome.UNKNOWN),
])
def test_a_year_under_discipline_does_not_count_in_a_chain_of_titles(
    facts: dict[str, Any], expected: Outcome, chain: Outcome, hold: Outcome
) -> None:
    results = by_rule(judge(CSTD_TINH, {**INITIATIVE, **facts}, THREE_YEARS))
    assert overall(list(results.values())) == expected
    assert results["cstd_tinh.three_years_cstdcs"].outcome == chain
    assert results["achievement.after_discipline"].outcome == hold
    assert results["achievement.after_discipline"].article.startswith("khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP")
    if chain == Outcome.FAIL:
        assert "within the discipline period, not counted" in results["cstd_tinh.three_years_cstdcs"].message
    if hold == Outcome.UNKNOWN:
        assert results["achievement.after_discipline"].missing == ("discipline_ended_on",)


def test_without_a_discipline_declared_the_principle_stays_out_of_the_results() -> None:
    results = by_rule(judge(CSTD_TINH, INITIATIVE, THREE_YEARS))
    assert overall(list(results.values())) == Outcome.PASS
    assert "achievement.after_discipline" not in results and "achievement.regular_only" not in results


def test_a_province_counting_the_year_a_discipline_ended_in_says_so_in_its_catalogue(tmp_path: Path) -> None:
    text = files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8")
    own = tmp_path / "catalogue.toml"
    own.write_text(text.replace("partial_year_counts = false", "partial_year_counts = true", 1), encoding="utf-8")
    mid_2024 = {**INITIATIVE, "disciplined": True, "discipline_ended_on": "2024-06-30"}
    assert overall(judge(CSTD_TINH, mid_2024, THREE_YEARS, law=_load(own))) == Outcome.PASS
    assert overall(judge(CSTD_TINH, mid_2024, THREE_YEARS)) == Outcome.FAIL


def test_a_thematic_title_does_not_count_toward_a_higher_one() -> None:
    results = by_rule(judge(CSTD_TINH, INITIATIVE, THREE_YEARS, {2025: {CSTDCS}}))
    assert results["cstd_tinh.three_years_cstdcs"].outcome == Outcome.FAIL
    assert "2025: an đột xuất or thematic award, not counted" in results["cstd_tinh.three_years_cstdcs"].message
    regular_only = results["achievement.regular_only"]
    assert regular_only.article.startswith("khoản 3 Điều 4 Nghị định số 152/2025/NĐ-CP")
    assert regular_only.facts_read == {"not_counted": {"2025": [CSTDCS]}}


@pytest.mark.parametrize(("not_regular", "expected"), [({}, Outcome.PASS), ({2021: {BK_PERSON}}, Outcome.FAIL)])
def test_the_prime_ministers_bang_khen_rests_on_a_regular_provincial_bang_khen_only(
    not_regular: dict[int, set[str]], expected: Outcome
) -> None:
    facts = {"consecutive_years_good": 5, "initiatives_in_period": 5}
    assert overall(judge(BK_TTG, facts, {2021: {BK_PERSON}}, not_regular)) == expected


def test_a_discipline_also_voids_the_provincial_bang_khen_a_higher_award_would_rest_on() -> None:
    facts = {"consecutive_years_good": 5, "initiatives_in_period": 5, "discipline_ended_on": date(2021, 9, 1)}
    assert overall(judge(BK_TTG, facts, {2021: {BK_PERSON}})) == Outcome.FAIL


def test_the_dossier_schema_labels_every_fact_in_vietnamese() -> None:
    for name, field in DossierFacts.model_fields.items():
        assert field.title and any(ch in field.title for ch in "ăâđêôơưáàảãạếềểễệ"), name


WOMEN_FIRST = TieBreak(Decimal(70), "khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP")


def test_equal_votes_for_the_last_place_go_to_the_woman() -> None:
    placement = place([Contender(1, 6, woman=False), Contender(2, 7, woman=False), Contender(3, 6, woman=True)], 2,
                      WOMEN_FIRST)
    assert (placement.placed, placement.left_out, placement.undecided) == ((2, 3), (1,), ())
    assert "khoản 6 Điều 4" in placement.explanation


def test_a_collective_is_favoured_from_seventy_percent_women() -> None:
    seventy = Contender(1, 5, members_total=10, members_women=7)
    sixty_nine = Contender(2, 5, members_total=100, members_women=69)
    assert place([sixty_nine, seventy], 1, WOMEN_FIRST).placed == (1,)


@pytest.mark.parametrize(("contenders", "places", "tie_break", "placed", "undecided"), [
    # Two women tied for one place: the tie-break cannot choose between them; the people must.
    ([Contender(1, 6, woman=True), Contender(2, 6, woman=True), Contender(3, 6, woman=False)], 1, WOMEN_FIRST,
     (), (1, 2)),
    # One woman among three tied for two places: she is placed, the two men stay tied for the other place.
    ([Contender(1, 6, woman=False), Contender(2, 6, woman=True), Contender(3, 6, woman=False)], 2, WOMEN_FIRST,
     (2,), (1, 3)),
    # Without a tie-break in the province's catalogue, equals stay undecided.
    ([Contender(1, 6, woman=True), Contender(2, 6, woman=False)], 1, None, (), (1, 2)),
    # Votes decide first: a woman with fewer votes is not placed over a man with more.
    ([Contender(1, 4, woman=True), Contender(2, 6, woman=False)], 1, WOMEN_FIRST, (2,), ()),
    # Everyone fits.
    ([Contender(1, 4), Contender(2, 6)], 2, WOMEN_FIRST, (2, 1), ()),
])
def test_placement_by_votes_then_tie_break_leaves_true_ties_to_people(
    contenders: list[Contender], places: int, tie_break: TieBreak | None, placed: tuple[int, ...],
    undecided: tuple[int, ...]
) -> None:
    result = place(contenders, places, tie_break)
    assert (result.placed, result.undecided) == (placed, undecided)


def test_the_shipped_catalogue_writes_the_tie_break_with_its_source() -> None:
    entry = catalogue().tie_break
    assert entry is not None and entry.collective_women_percent == 70
    tie_break = entry.tie_break()
    assert tie_break is not None and place([Contender(1, 3, woman=False), Contender(2, 3, woman=True)], 1,
                                           tie_break).placed == (2,)
