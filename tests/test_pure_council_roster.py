"""The roster's attendance rules, pure: a seat named must be on the day's roster, once; the rest are absent."""

from datetime import date

from models.domain.council_roster import attendance, attendance_problems, form_problems, term_problems
from models.domain.errors import Problem

DAY = date(2027, 1, 3)


def rules(problems: list[Problem]) -> list[tuple[str, str]]:
    assert all(p.vi for p in problems)
    return [(p.field, p.rule) for p in problems]


def test_attendance_is_checked_against_the_roster_of_the_day() -> None:
    assert rules(attendance_problems(set(), DAY, [], [])) == [("held_on", "council.roster_empty")]
    assert rules(attendance_problems({1, 2, 3}, DAY, [1, 4], [2, 1])) == [
        ("present_seat_ids.1", "council.seat_not_on_roster"), ("written_opinion_seat_ids.1", "council.seat_repeated")]
    assert attendance_problems({1, 2, 3}, DAY, [1, 2], [3]) == []


def test_a_seat_not_named_is_absent() -> None:
    marks = attendance([1, 2, 3], {1}, {2})
    assert [(m.present, m.written_opinion) for m in marks.values()] == [(True, False), (False, True), (False, False)]


def test_one_form_and_a_term_in_order() -> None:
    assert rules(form_problems(True, True)) == [("members", "council.members_or_attendance")]
    assert rules(form_problems(False, False)) == [("present_seat_ids", "council.members_or_attendance")]
    assert form_problems(True, False) == form_problems(False, True) == []
    assert rules(term_problems(DAY, date(2027, 1, 2), "serves_until")) == [("serves_until", "council.term_order")]
    assert term_problems(DAY, DAY, "serves_until") == []
