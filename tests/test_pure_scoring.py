"""The scoring arithmetic without a database: totals, bonus and penalty caps, bands, ties; and the checks a criteria
set must pass before a block can adopt it."""

from decimal import Decimal
from typing import Any

import pytest

from models.domain.errors import DomainError
from models.domain.scoring import breakdown, leader, leader_problem, rank, score_problem
from models.domain.scoring_criteria import CriteriaSetDefinition, require_consistent
from models.domain.scoring_statistics import rating_statistics
from tests.scoring_sets import four_good, full_marks, other_province


def criteria(raw: dict[str, Any]) -> CriteriaSetDefinition:
    definition = CriteriaSetDefinition.model_validate(raw)
    require_consistent(definition)
    return definition


def points(raw: dict[str, float]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)) for k, v in raw.items()}


def refusals(raw: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(DomainError) as refused:
        require_consistent(CriteriaSetDefinition.model_validate(raw))
    assert all(p.vi for p in refused.value.problems)
    return [(p.field, p.rule) for p in refused.value.problems]


def test_a_total_adds_the_criteria_and_the_capped_bonus_less_the_capped_penalty() -> None:
    s = four_good()
    result = breakdown(criteria(s), 1, points(full_marks(s, {"CT1a": 2.5, "HD1": 5}) | {"T1": 3, "T2": 3, "TR1": 1}))
    assert result.groups == {"CT": Decimal("37.5"), "HD": 20, "DK": 20, "CB": 15}
    assert (result.bonus, result.penalty) == (Decimal(5), Decimal(1))  # 6 bonus points given, 5 count
    assert result.total == Decimal("96.5") and result.rating == "htxsnv" and result.unscored == ()
    penalised = breakdown(criteria(s), 2, points(full_marks(s) | {"TR1": 5, "TR2": 10}))
    # 15 points deducted, 10 count
    assert (penalised.penalty, penalised.total, penalised.rating) == (Decimal(10), Decimal(90), "htxsnv")


@pytest.mark.parametrize(("lost", "rating"), [(0, "htxsnv"), (10, "htxsnv"), (10.25, "httnv"), (25, "httnv"),
                                              (25.5, "htnv"), (50, "htnv"), (50.5, "khtnv")])
def test_a_total_gets_the_rating_of_the_band_that_holds_it(lost: float, rating: str) -> None:
    s = four_good()
    missing = {"CT1a": min(lost, 15), "CT2": min(max(lost - 15, 0), 15), "HD1": min(max(lost - 30, 0), 15),
               "DK1": max(lost - 45, 0)}
    result = breakdown(criteria(s), 1, points(full_marks(s, missing)))
    assert result.total == Decimal(100) - Decimal(str(lost))
    assert result.rating == rating


def test_unscored_criteria_count_nothing_and_are_named() -> None:
    s = four_good()
    result = breakdown(criteria(s), 1, points({"CT1a": 15, "T1": 2}))
    assert result.total == 17 and result.rating == "khtnv"
    assert result.unscored == ("CT1b", "CT2", "HD1", "HD2", "DK1", "CB1")


def test_ties_are_broken_by_the_named_group_then_fewer_penalties_then_the_block_vote() -> None:
    s = four_good()
    definition = criteria(s)
    a = breakdown(definition, 11, points(full_marks(s, {"CT2": 5})))  # 95, CT 35
    b = breakdown(definition, 12, points(full_marks(s, {"HD1": 5})))  # 95, CT 40: first on the group
    c = breakdown(definition, 13, points(full_marks(s, {"HD1": 4}) | {"TR1": 1}))  # 95, CT 40, a penalty
    d = breakdown(definition, 14, points(full_marks(s, {"HD1": 5})))  # b's twin: only the vote separates them
    ranked = rank(definition, [a, b, c, d])
    assert [(r.result.unit_id, r.rank, r.tied) for r in ranked] == [(12, 1, True), (14, 1, True), (13, 3, False),
                                                                   (11, 4, False)]
    assert leader(definition, ranked) is None
    problem = leader_problem(definition, ranked)
    assert problem is not None and problem.rule == "scoring.tie_for_first" and "12, 14" in problem.vi
    voted = rank(definition, [a, b, c, d], vote_order=[14, 12])
    assert [(r.result.unit_id, r.rank) for r in voted] == [(14, 1), (12, 2), (13, 3), (11, 4)]
    assert leader(definition, voted) == 14


def test_a_leader_must_reach_the_sets_minimum_rating() -> None:
    s = four_good()
    definition = criteria(s)
    ranked = rank(definition, [breakdown(definition, 1, points(full_marks(s, {"DK1": 20})))])  # 80: httnv
    problem = leader_problem(definition, ranked)
    assert problem is not None and problem.rule == "scoring.leader_rating"
    assert leader(definition, ranked) is None


def test_a_second_provinces_set_with_another_tree_and_bands_scores_through_the_same_code() -> None:
    s = other_province()
    definition = criteria(s)
    top = breakdown(definition, 1, points(full_marks(s, {"KT1": 20}) | {"P1": 40}))  # 180 - 30 (cap) = 150
    assert dict(top.groups) == {"KT": 80, "VH": 60, "AN": 40}
    assert (top.penalty, top.total, top.rating) == (Decimal(30), Decimal(150), "htnv")
    second = breakdown(definition, 2, points(full_marks(s, {"VH1": 10, "KT2": 0})))  # 190, VH 50
    third = breakdown(definition, 3, points(full_marks(s, {"KT1": 10})))  # 190, VH 60: first on the group VH
    ranked = rank(definition, [top, second, third])
    assert [(r.result.unit_id, r.rank, r.result.rating) for r in ranked] == [(3, 1, "htxsnv"), (2, 2, "htxsnv"),
                                                                            (1, 3, "htnv")]
    assert leader(definition, ranked) == 3
    low = rank(definition, [breakdown(definition, 9, points({"AN": 40}))])
    assert low[0].result.rating == "khtnv" and leader(definition, low) == 9  # this set sets no minimum rating


def test_a_score_over_its_maximum_or_for_an_unknown_or_group_code_is_refused() -> None:
    definition = criteria(four_good())
    over = score_problem(definition, "CT1a", Decimal("15.5"), "scores.0")
    assert over is not None and (over.field, over.rule) == ("scores.0.points", "scoring.over_maximum")
    assert "chấm 15,5 điểm" in over.vi and "(15 điểm)" in over.vi  # points as Vietnamese writes them
    for code in ("NO_SUCH", "CT", "CT1"):  # a group or a parent criterion is scored through its children
        unknown = score_problem(definition, code, Decimal(1), "scores.3")
        assert unknown is not None and (unknown.field, unknown.rule) == ("scores.3.criterion_code",
                                                                         "scoring.criterion")
    assert score_problem(definition, "TR2", Decimal(10), "scores.0") is None


def test_a_set_whose_bands_overlap_leave_a_gap_or_do_not_reach_zero_is_refused() -> None:
    s = four_good()
    s["bands"][1]["below_points"] = 91
    assert refusals(s) == [("bands.0.from_points", "criteria.band_overlap")]
    s = four_good()
    s["bands"][2]["below_points"] = 70
    assert refusals(s) == [("bands.1.from_points", "criteria.band_gap")]
    s = four_good()
    s["bands"][3]["from_points"] = 10
    assert refusals(s) == [("bands.3.from_points", "criteria.band_gap")]
    s = four_good()
    s["bands"][0]["below_points"] = 100
    assert refusals(s) == [("bands.0.below_points", "criteria.band_gap")]


def test_a_set_whose_criterion_exceeds_its_parent_or_repeats_a_code_is_refused() -> None:
    s = four_good()
    s["groups"][0]["children"][0]["children"][0]["max_points"] = 30  # CT1a: 30 under CT1's 25
    assert refusals(s) == [("groups.0.children.0.children.0.max_points", "criteria.child_over_parent")]
    s = four_good()
    s["groups"][1]["children"][1]["max_points"] = 12  # HD1 15 + HD2 12 = 27 > 25
    assert refusals(s) == [("groups.1.max_points", "criteria.children_over_parent")]
    s = four_good()
    s["penalties"][0]["code"] = "CT2"
    assert refusals(s) == [("penalties.0.code", "criteria.code_once")]
    s = four_good()
    s["tie_break"] = ["group:XX", "block_vote"]
    assert refusals(s) == [("tie_break.0", "criteria.tie_break_group")]


def test_statistics_count_each_rating_per_block_and_year_and_for_all_blocks() -> None:
    rows = rating_statistics([(2026, 2, ["htxsnv", "httnv", "httnv"]), (2025, 1, ["htnv"]),
                              (2026, 1, ["htxsnv", "htxsnv", "htxsnv", "khtnv"])])
    assert [(r.year, r.block_id, r.units) for r in rows] == [(2025, 1, 1), (2026, 1, 4), (2026, 2, 3), (2025, None, 1),
                                                             (2026, None, 7)]
    whole = rows[-1]
    assert whole.counts == {"htxsnv": 4, "httnv": 2, "htnv": 0, "khtnv": 1}
    assert whole.percents == {"htxsnv": Decimal("57.1"), "httnv": Decimal("28.6"), "htnv": 0, "khtnv": Decimal("14.3")}
    assert rows[2].percents["httnv"] == Decimal("66.7")  # 2 of 3, rounded half up
