"""Public comment, pure: which awards the catalogue publishes (state-level by default, a province's own on top),
when a window closes on the working calendar, and why a vote waits. No database."""

import tomllib
from datetime import date
from importlib.resources import files
from typing import Any

import pytest
from pydantic import ValidationError

from models.domain.catalogue import Catalogue
from models.domain.deadlines import WorkingCalendar
from models.domain.public_comment import CommentRule, WindowPhase, closes_on, comment_refusal, phase, vote_refusal

NEW_YEAR_2027 = WorkingCalendar(frozenset({date(2027, 1, 1)}))
RULE = CommentRule(10, "khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP")


def shipped() -> dict[str, Any]:
    return tomllib.loads(files("models").joinpath("data/catalogue.toml").read_text(encoding="utf-8"))


def test_the_shipped_catalogue_publishes_the_state_level_forms_for_ten_working_days() -> None:
    rules = Catalogue.model_validate(shipped()).public_comment_rules()
    assert set(rules) == {"CO_THI_DUA_CHINH_PHU", "CHIEN_SI_THI_DUA_TOAN_QUOC", "BANG_KHEN_THU_TUONG",
                          "BANG_KHEN_THU_TUONG_CA_NHAN"}, "the forms the Prime Minister decides; none of the province's"
    assert {r.working_days for r in rules.values()} == {10}
    assert all("khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP" in r.basis for r in rules.values())


def test_a_province_adds_its_own_forms_and_the_catalogue_refuses_an_unknown_or_doubly_named_award() -> None:
    own = {"awards": ["CHIEN_SI_THI_DUA_TINH"], "working_days": 5, "basis": "Điều 12 Quy chế của tỉnh"}
    data = shipped()
    data["public_comment"].append(own)
    assert Catalogue.model_validate(data).public_comment_rules()["CHIEN_SI_THI_DUA_TINH"] == CommentRule(
        5, "Điều 12 Quy chế của tỉnh")
    for wrong, says in ((own | {"awards": ["HUAN_CHUONG_VANG"]}, "there is no award 'HUAN_CHUONG_VANG'"),
                        (own | {"awards": ["CO_THI_DUA_CHINH_PHU"]}, "already named by an earlier entry"),
                        ({"working_days": 5, "basis": "x"}, "name the awards")):
        data = shipped()
        data["public_comment"].append(wrong)
        with pytest.raises(ValidationError, match=says):
            Catalogue.model_validate(data)


@pytest.mark.parametrize(("opens_on", "last_day"), [
    (date(2026, 12, 17), date(2026, 12, 30)),  # Thursday: the first day counts
    (date(2026, 12, 19), date(2027, 1, 4)),  # Saturday: counting starts Monday, and New Year's Day is off
])
def test_a_window_stays_open_for_its_working_days(opens_on: date, last_day: date) -> None:
    assert closes_on(opens_on, 10, NEW_YEAR_2027) == last_day


def test_comments_are_taken_from_the_first_day_to_the_last_and_a_vote_waits_until_after_it() -> None:
    first, last = date(2026, 12, 17), date(2026, 12, 30)
    assert phase(first, last, date(2026, 12, 16)) == WindowPhase.SCHEDULED
    assert phase(first, last, last) == WindowPhase.OPEN and comment_refusal(first, last, last) is None
    not_yet, closed = comment_refusal(first, last, date(2026, 12, 16)), comment_refusal(first, last, date(2026, 12, 31))
    assert not_yet is not None and not_yet.rule == "public_comment.not_open"
    assert closed is not None and closed.rule == "public_comment.closed" and "30/12/2026" in closed.vi
    missing = vote_refusal("votes.0.nomination_id", 7, RULE, None, date(2027, 1, 3))
    assert missing is not None and missing.rule == "public_comment.missing" and "10 ngày làm việc" in missing.vi
    on_last_day = vote_refusal("votes.0.nomination_id", 7, RULE, last, last)
    assert on_last_day is not None and on_last_day.rule == "public_comment.window_open"
    assert vote_refusal("votes.0.nomination_id", 7, RULE, last, date(2026, 12, 31)) is None
