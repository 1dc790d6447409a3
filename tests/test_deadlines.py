"""Deadlines in working days: Vietnam's holidays (Tết included) and a province's own days off skipped; a dossier's
page shows each deadline due, met or late; a province that enforces its filing day refuses a late Tờ trình."""

from datetime import date
from pathlib import Path

import httpx
import pytest

from models.domain.deadlines import Act, Deadline, WorkingCalendar, deadline_status
from models.domain.emulation_year import MonthDay
from models.storage.working_calendar import working_calendar
from tests.demo import DemoProvince
from tests.test_quotas import meeting_with_two_flags, proposal
from tests.year import BLOCK_HEAD, as_user, ok

FILING = Deadline("filing", "Gửi hồ sơ trước ngày 10/12", "Quy chế", Act.SUBMITTED, by_month_day=MonthDay(12, 10))
APPRAISAL = Deadline("appraisal", "Thẩm định trong 20 ngày làm việc", "Quy chế", Act.COUNCIL,
                     after=Act.SUBMITTED, working_days=20)


def test_working_days_skip_weekends_tet_and_the_provinces_own_days_off() -> None:
    tet_2027 = working_calendar([2027])  # Tết: 04–10/02/2027
    assert tet_2027.add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 11)
    assert tet_2027.add_working_days(date(2027, 2, 3), 5) == date(2027, 2, 17)
    own = WorkingCalendar(frozenset({date(2026, 12, 18)}), frozenset({date(2026, 12, 19)}))
    # Friday 18/12 is the province's day off, exchanged for Saturday 19/12.
    assert own.add_working_days(date(2026, 12, 17), 1) == date(2026, 12, 19)
    assert own.working_days_between(date(2026, 12, 17), date(2026, 12, 21)) == 2


def test_a_deadline_is_due_met_late_or_counting_down() -> None:
    calendar = working_calendar([2026, 2027])
    acts = {Act.SUBMITTED: date(2026, 12, 16), Act.COUNCIL: date(2027, 1, 3)}
    filing = deadline_status(FILING, 2026, acts, calendar, today=date(2027, 3, 1))
    assert (filing.due, filing.met_on, filing.late) == (date(2026, 12, 10), date(2026, 12, 16), True)
    # 20 working days after 16/12/2026, New Year's Day skipped: 14/01/2027.
    appraisal = deadline_status(APPRAISAL, 2026, acts, calendar, today=date(2027, 3, 1))
    assert (appraisal.due, appraisal.late) == (date(2027, 1, 14), False)
    waiting = deadline_status(APPRAISAL, 2026, {Act.SUBMITTED: date(2026, 12, 16)}, calendar, date(2027, 1, 12))
    assert (waiting.working_days_left, waiting.late) == (2, False)
    overdue = deadline_status(APPRAISAL, 2026, {Act.SUBMITTED: date(2026, 12, 16)}, calendar, date(2027, 1, 18))
    assert (overdue.working_days_left, overdue.late) == (-2, True)
    not_started = deadline_status(APPRAISAL, 2026, {}, calendar, date(2027, 1, 18))
    assert (not_started.due, not_started.late) == (None, False)


async def test_a_dossiers_page_shows_its_deadlines(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD),
                         json=proposal(meeting_id, ids["flag_sct"])))
    deadlines = {d["code"]: d for d in ok(await client.get(f"/nominations/{ids['flag_sct']}"), 200)["deadlines"]}
    # The Tờ trình is dated 16/12/2026, after the 10/12 the province asks for: shown late, not refused.
    assert (deadlines["filing"]["due"], deadlines["filing"]["met_on"], deadlines["filing"]["late"]) == (
        "2026-12-10", "2026-12-16", True)
    assert deadlines["appraisal"]["due"] == "2027-01-14" and deadlines["appraisal"]["met_on"] is None


@pytest.fixture
def filing_enforced(own_catalogue: Path) -> None:
    text = own_catalogue.read_text(encoding="utf-8")
    own_catalogue.write_text(text.replace('by_month_day = "12-10"\nlate = "warn"', 'by_month_day = "12-10"\n'
                                          'late = "refuse"', 1), encoding="utf-8")


async def test_a_province_enforcing_its_filing_day_refuses_a_late_proposal_and_keeps_nothing(
    client: httpx.AsyncClient, demo: DemoProvince, filing_enforced: None
) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    headers = await as_user(client, BLOCK_HEAD)
    late = await client.post("/proposals", headers=headers, json=proposal(meeting_id, ids["flag_sct"]))
    assert late.status_code == 422, late.text
    [error] = late.json()["errors"]
    assert (error["field"], error["rule"]) == ("issued_on", "deadline.filing")
    assert error["message_vi"].startswith("Ngày 16/12/2026 đã quá thời hạn 10/12/2026: Khối, cụm gửi hồ sơ")
    ok(await client.post("/proposals", headers=headers,
                         json={**proposal(meeting_id, ids["flag_sct"]), "issued_on": "2026-12-10"}))
