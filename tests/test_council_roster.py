"""The council as a standing roster: read on a day, kept by the province (never by a block head), and a session
that takes its members from the roster of its day and keeps them whatever the roster becomes."""

from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.docx_read import paragraphs
from tests.year import (
    AUDITOR,
    BLOCK_HEAD,
    COUNCIL_HELD_ON,
    COUNCIL_VOTES,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    hold_meeting,
    ok,
    submit_and_screen,
)

ADMIN = "admin"
SESSION = {"year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh"}


async def roster(http: httpx.AsyncClient, on: str) -> list[dict[str, Any]]:
    return list(ok(await http.get("/council/roster", params={"on": on}, headers=await as_user(http, SECRETARY)), 200))


async def seat_of(http: httpx.AsyncClient, name: str) -> int:
    return next(int(s["id"]) for s in await roster(http, COUNCIL_HELD_ON) if s["full_name"] == name)


def refused(response: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert error["message_vi"], error
    return dict(error)


async def test_the_roster_on_a_day_and_who_changed_it(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    seats = await roster(client, COUNCIL_HELD_ON)
    assert [s["full_name"] for s in seats][:3] == ["Nguyễn Văn Thành", "Trần Thị Minh Hằng", "Lê Quang Huy"]
    assert len(seats) == 10 and all(s["created_by"] == "demo" for s in seats)
    assert [s["role_vi"] for s in seats if s["standing_body"]] == [
        "Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Phó Chủ tịch thường trực"]
    assert next(s for s in seats if s["full_name"] == "Đặng Minh Tuấn")["unit_id"] == demo.units["STC"]
    assert await roster(client, "2024-12-31") == []  # before the term the demo's roster begins

    secretary, admin = await as_user(client, SECRETARY), await as_user(client, ADMIN)
    added = ok(await client.post("/council/roster", headers=admin, json={
        "full_name": "Lương Thị Thu", "position": "Giám đốc Sở Y tế, Ủy viên", "role": "member",
        "serves_from": "2027-02-01"}))
    assert (added["created_by"], added["role_vi"], added["serves_until"]) == (ADMIN, "Ủy viên", None)
    yen = await seat_of(client, "Đỗ Thị Hải Yến")
    ended = ok(await client.post(f"/council/roster/{yen}/end", headers=secretary,
                                 json={"serves_until": "2026-12-31"}), 200)
    assert (ended["serves_until"], ended["ended_by"]) == ("2026-12-31", SECRETARY) and ended["ended_at"]
    assert yen in [s["id"] for s in await roster(client, "2026-12-31")]  # a term includes its last day
    assert {s["full_name"] for s in await roster(client, COUNCIL_HELD_ON)} == {
        s["full_name"] for s in seats} - {"Đỗ Thị Hải Yến"}
    assert "Lương Thị Thu" in {s["full_name"] for s in await roster(client, "2027-02-01")}

    again = refused(await client.post(f"/council/roster/{yen}/end", headers=secretary,
                                      json={"serves_until": "2027-01-01"}))
    assert again["rule"] == "council.seat_ended"
    backwards = refused(await client.post("/council/roster", headers=secretary, json={
        "full_name": "Lương Thị Thu", "serves_from": "2027-02-01", "serves_until": "2027-01-31"}))
    assert (backwards["field"], backwards["rule"]) == ("serves_until", "council.term_order")
    bell = refused(await client.post("/council/roster", headers=secretary, json={
        "full_name": "Lương\x07Thu", "serves_from": "2027-02-01"}))  # the workbook export could not hold it
    assert bell["field"] == "full_name"
    missing = refused(await client.post("/council/roster/9999/end", headers=secretary,
                                        json={"serves_until": "2027-01-01"}), 404)
    assert missing["field"] == "seat_id"


async def test_a_block_head_neither_reads_nor_keeps_the_roster(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    before = await roster(client, COUNCIL_HELD_ON)
    for user in (BLOCK_HEAD, AUDITOR):
        headers = await as_user(client, user)
        assert refused(await client.post("/council/roster", headers=headers, json={
            "full_name": "Người ngoài", "serves_from": "2027-01-01"}), 403)["rule"] == "auth.role"
        assert refused(await client.post(f"/council/roster/{before[0]['id']}/end", headers=headers,
                                         json={"serves_until": "2027-01-01"}), 403)["rule"] == "auth.role"
    assert refused(await client.get("/council/roster", headers=await as_user(client, BLOCK_HEAD)), 403)["rule"] == \
        "auth.role"
    assert ok(await client.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                               headers=await as_user(client, AUDITOR)), 200) == before
    assert await roster(client, COUNCIL_HELD_ON) == before


async def test_a_session_keeps_the_roster_of_its_day(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    secretary = await as_user(client, SECRETARY)
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    yen = await seat_of(client, "Đỗ Thị Hải Yến")
    ok(await client.post(f"/council/roster/{yen}/end", headers=secretary, json={"serves_until": "2027-01-02"}), 200)
    seats = [s["id"] for s in await roster(client, COUNCIL_HELD_ON)]
    assert len(seats) == 9 and yen not in seats  # her term ended the day before the session
    council = ok(await client.post("/council-sessions", headers=secretary, json={
        **SESSION, "present_seat_ids": seats[:8], "written_opinion_seat_ids": seats[8:]}))
    members = council["members"]
    assert [m["full_name"] for m in members] == [s["full_name"] for s in await roster(client, COUNCIL_HELD_ON)]
    assert ([m["present"] for m in members], [m["written_opinion"] for m in members]) == (
        [True] * 8 + [False], [False] * 8 + [True])
    assert council["session"]["members_total"] == 9 and [m["seat_id"] for m in members] == seats

    # The roster changes afterwards, even for the session's own day: the session keeps what it copied.
    long_ = await seat_of(client, "Hoàng Đức Long")
    ok(await client.post(f"/council/roster/{long_}/end", headers=secretary, json={"serves_until": "2027-01-01"}), 200)
    ok(await client.post("/council/roster", headers=secretary, json={
        "full_name": "Lương Thị Thu", "position": "Giám đốc Sở Y tế, Ủy viên", "serves_from": "2027-01-01"}))
    assert "Hoàng Đức Long" not in {s["full_name"] for s in await roster(client, COUNCIL_HELD_ON)}
    session_id = council["session"]["id"]
    kept = ok(await client.get(f"/council-sessions/{session_id}", headers=secretary), 200)
    assert kept["members"] == members

    votes = [{"nomination_id": year.candidates[label], "votes_for": min(v, 9 - a), "votes_against": a}
             for label, (v, a) in COUNCIL_VOTES.items()]
    report = ok(await client.post(f"/council-sessions/{session_id}/votes", headers=secretary, json={"votes": votes}))
    [document] = [d for d in report["documents"] if d["kind"] == "office_appraisal"]  # beside it, the minutes
    text = paragraphs((await client.get(document["download_url"])).content)
    assert any("Hội đồng có 09 thành viên; 08 thành viên dự họp, 01 thành viên vắng mặt có ý kiến bằng văn bản."
               in p for p in text), text


async def test_attendance_names_seats_of_the_day_and_one_form_only(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    secretary = await as_user(client, SECRETARY)
    seats = [s["id"] for s in await roster(client, COUNCIL_HELD_ON)]
    yen = await seat_of(client, "Đỗ Thị Hải Yến")
    ok(await client.post(f"/council/roster/{yen}/end", headers=secretary, json={"serves_until": "2027-01-02"}), 200)

    def post(body: dict[str, Any]) -> Any:
        return client.post("/council-sessions", headers=secretary, json={**SESSION, **body})

    off_roster = refused(await post({"present_seat_ids": seats[:8], "written_opinion_seat_ids": [yen]}))
    assert (off_roster["field"], off_roster["rule"]) == ("written_opinion_seat_ids.0", "council.seat_not_on_roster")
    assert "không có trong danh sách Hội đồng vào ngày 03/01/2027" in off_roster["message_vi"]
    twice = refused(await post({"present_seat_ids": seats[:2], "written_opinion_seat_ids": [seats[1]]}))
    assert (twice["field"], twice["rule"]) == ("written_opinion_seat_ids.0", "council.seat_repeated")
    typed = [{"full_name": "Nguyễn Văn Thành", "position": "Chủ tịch Hội đồng", "present": True}]
    both = refused(await post({"members": typed, "present_seat_ids": seats[:8]}))
    assert (both["field"], both["rule"]) == ("members", "council.members_or_attendance")
    neither = refused(await post({}))
    assert (neither["field"], neither["rule"]) == ("present_seat_ids", "council.members_or_attendance")
    empty = refused(await client.post("/council-sessions", headers=secretary, json={
        "year": 2024, "held_on": "2024-12-20", "location": "Phòng họp số 1", "present_seat_ids": []}))
    assert (empty["field"], empty["rule"]) == ("held_on", "council.roster_empty")
    # A province without a roster yet still types its members in.
    legacy = ok(await client.post("/council-sessions", headers=secretary, json={
        "year": 2024, "held_on": "2024-12-20", "location": "Phòng họp số 1", "members": typed}))
    assert legacy["session"]["members_total"] == 1 and legacy["members"][0]["seat_id"] is None
