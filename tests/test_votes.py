"""Vote arithmetic: thresholds over all members, and tallies that must add up."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.domain.votes import SIMPLE_MAJORITY, Tally, Threshold, count_votes, tally_problems

AT_LEAST_80 = Threshold(Decimal(80), strictly_more=False)
AT_LEAST_90 = Threshold(Decimal(90), strictly_more=False)


@pytest.mark.parametrize(
    ("threshold", "members", "required"),
    [
        (AT_LEAST_80, 11, 9),  # 8.8 rounds up: 80 % of 11 members needs 9
        (AT_LEAST_80, 10, 8),
        (AT_LEAST_90, 10, 9),
        (AT_LEAST_90, 11, 10),
        (SIMPLE_MAJORITY, 7, 4),  # more than half of 7
        (SIMPLE_MAJORITY, 8, 5),  # exactly half is not more than half
        (SIMPLE_MAJORITY, 1, 1),
    ],
)
def test_required_votes_are_counted_over_all_members(threshold: Threshold, members: int, required: int) -> None:
    assert threshold.required(members) == required


def test_a_vote_passes_exactly_at_the_required_count() -> None:
    assert count_votes(Tally(9, 2), 11, AT_LEAST_80).passed
    assert not count_votes(Tally(8, 0, 3), 11, AT_LEAST_80).passed
    assert count_votes(Tally(8, 0), 11, AT_LEAST_80).describe() == (
        "8 of 11 members voted for, 9 needed: the vote did not pass")


def test_tallies_must_not_exceed_those_who_could_vote() -> None:
    [problem] = tally_problems(Tally(4, 2, 1, 1), members_voting=7, field="tallies.0")
    assert problem.rule == "vote.ballots_exceed_voters" and problem.field == "tallies.0"
    assert "add up to 8" in problem.message and "only 7" in problem.message
    assert tally_problems(Tally(4, 2, 1), members_voting=7, field="x") == []


def test_negative_counts_are_named_field_by_field() -> None:
    problems = tally_problems(Tally(-1, 2, 0, -3), members_voting=7, field="votes.2")
    assert [p.field for p in problems] == ["votes.2.votes_for", "votes.2.invalid"]
    assert {p.rule for p in problems} == {"vote.non_negative"}


MEMBERS = st.integers(min_value=1, max_value=500)
PERCENT = st.integers(min_value=1, max_value=100).map(Decimal)


@given(members=MEMBERS, percent=PERCENT, strictly=st.booleans())
def test_the_required_count_is_the_smallest_that_reaches_the_share(members: int, percent: Decimal,
                                                                    strictly: bool) -> None:
    threshold = Threshold(percent, strictly_more=strictly)
    required = threshold.required(members)

    def reaches(votes: int) -> bool:
        share = Fraction(votes * 100, members)
        return share > Fraction(percent) if strictly else share >= Fraction(percent)

    if required <= members:
        assert reaches(required), "the required count reaches the share"
    assert required == 0 or not reaches(required - 1), "one vote fewer does not"


@given(members=MEMBERS, percent=PERCENT, data=st.data())
def test_a_vote_passes_exactly_when_the_votes_for_reach_the_required_count(
    members: int, percent: Decimal, data: st.DataObject
) -> None:
    votes_for = data.draw(st.integers(min_value=0, max_value=members))
    outcome = count_votes(Tally(votes_for, members - votes_for), members, Threshold(percent, False))
    assert outcome.passed == (votes_for >= outcome.required)
    assert outcome.passed == (Fraction(votes_for * 100, members) >= Fraction(percent))


@given(members=MEMBERS, data=st.data())
def test_a_tally_is_accepted_exactly_when_it_fits_the_voters(members: int, data: st.DataObject) -> None:
    counts = data.draw(st.lists(st.integers(min_value=0, max_value=members), min_size=4, max_size=4))
    tally = Tally(*counts)
    assert (tally_problems(tally, members, "t") == []) == (sum(counts) <= members)
