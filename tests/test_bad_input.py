"""Bad input gets a 4xx problem that names the field and the rule, and changes nothing."""

from typing import Any

import httpx
import pytest
from sqlmodel import SQLModel, func, select

from models.storage.db import open_session
from models.tables.meeting import MeetingAttendance
from tests.demo import DemoProvince
from tests.year import (
    BLOCK_HEAD,
    SECRETARY,
    Year,
    as_user,
    candidates,
    hold_meeting,
    open_meeting,
    results_body,
    submit_and_screen,
)


async def row_counts() -> dict[str, int]:
    async with open_session() as session:
        return {t.name: (await session.exec(select(func.count()).select_from(t))).one()
                for t in SQLModel.metadata.sorted_tables}


async def refused(http: httpx.AsyncClient, path: str, body: Any, status: int, field: str, rule: str,
                  user: str | None = BLOCK_HEAD) -> dict[str, Any]:
    headers = await as_user(http, user) if user else {"Authorization": ""}  # logging in is recorded: first
    before = await row_counts()
    response = await http.post(path, json=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status and problem["detail"]
    named = [{"field": e["field"], "rule": e["rule"]} for e in problem["errors"]]
    assert {"field": field, "rule": rule} in named, problem
    assert await row_counts() == before, "a refused request changes nothing"
    return problem


def meeting_body(demo: DemoProvince, **changes: Any) -> dict[str, Any]:
    body = {"block_id": demo.blocks["KHOI-KINH-TE"], "year": 2026, "held_on": "2026-12-15", "opened_at": "08:00:00",
            "location": "Hội trường", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Trưởng Khối",
            "secretary_name": "Lê Văn Đức", "secretary_title": "Thư ký", "present_unit_ids": [demo.units["SCT"]],
            "candidates": [c for _, c, _ in candidates(demo)][:2]}
    return {**body, **changes}


async def test_a_meeting_is_refused_for_what_is_wrong_with_it(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    await refused(client, "/meetings", meeting_body(demo, candidates=[{"award_code": "HUAN_CHUONG_VANG",
                                                                       "unit_id": demo.units["SCT"]}]),
                  422, "candidates.0.award_code", "award.exists")
    await refused(client, "/meetings", meeting_body(demo, candidates=[{"award_code": "BANG_KHEN_CT_CA_NHAN",
                                                                       "unit_id": demo.units["SCT"]}]),
                  422, "candidates.0.person_id", "candidate.recipient")
    await refused(client, "/meetings", meeting_body(demo, present_unit_ids=[demo.units["SYT"]]),
                  422, "present_unit_ids.0", "block.member")
    await refused(client, "/meetings", meeting_body(demo, candidates=[{"award_code": "CO_THI_DUA_UBND_TINH",
                                                                       "unit_id": demo.units["SYT"]}]),
                  422, "candidates.0.unit_id", "block.member")
    await refused(client, "/meetings", meeting_body(demo, candidates=[]), 422, "candidates", "input.too_short")
    await refused(client, "/meetings", meeting_body(demo, held_on="15/12/2026"), 422, "held_on",
                  "input.date_from_datetime_parsing")
    await refused(client, "/meetings", meeting_body(demo, block_id=999), 404, "block_id", "exists")
    await refused(client, "/meetings", meeting_body(demo), 401, "Authorization", "auth.token", user=None)


async def test_ballots_that_do_not_add_up_are_refused(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    body = results_body(demo, year)
    body["tallies"][2].update(votes_for=5, votes_against=2)  # 7 ballots, but only 6 members are present
    problem = await refused(client, f"/meetings/{year.meeting_id}/results", body, 422, "tallies.2",
                            "vote.ballots_exceed_voters")
    assert "only 6 members could vote" in problem["detail"]
    body = results_body(demo, year)
    body["tallies"][0]["votes_for"] = -1
    await refused(client, f"/meetings/{year.meeting_id}/results", body, 422, "tallies.0.votes_for",
                  "input.greater_than_equal")
    body = results_body(demo, year)
    body["tallies"].pop()
    await refused(client, f"/meetings/{year.meeting_id}/results", body, 422, "tallies",
                  "meeting.tally_every_candidate")
    body = results_body(demo, year)
    body["next_deputy_unit_id"] = body["next_head_unit_id"]
    await refused(client, f"/meetings/{year.meeting_id}/results", body, 422, "next_deputy_unit_id",
                  "block.head_deputy_differ")
    await refused(client, "/meetings/999/results", results_body(demo, year), 404, "meeting_id", "exists")


async def test_a_stage_cannot_be_recorded_twice(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await refused(client, f"/meetings/{year.meeting_id}/results", results_body(demo, year), 409, "stage",
                  "stage.already_recorded")


async def test_steps_out_of_order_are_refused(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    not_endorsed = year.candidates["flag_sxd"]
    await refused(client, "/proposals", {"meeting_id": year.meeting_id, "nomination_ids": [not_endorsed],
                                         "issued_on": "2026-12-16", "signer_name": "A", "signer_title": "Giám đốc"},
                  409, "nomination_ids.0", "workflow.state")
    await refused(client, "/council-sessions", {"year": 2026, "held_on": "2027-01-03", "location": "UBND tỉnh",
                                                "members": [{"full_name": "A", "position": "Ủy viên", "present": True,
                                                             "written_opinion": True}]},
                  422, "members.0.written_opinion", "council.written_opinion_absent_only", user=SECRETARY)


@pytest.mark.parametrize("path", ["/meetings/999", "/proposals/999", "/council-sessions/999", "/decisions/999",
                                  "/nominations/999", "/documents/999"])
async def test_reading_what_does_not_exist_is_a_404_problem(
    client: httpx.AsyncClient, demo: DemoProvince, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.json()["errors"][0]["rule"] == "exists"


async def test_a_hold_stops_a_nomination_and_lifting_it_resumes_where_it_was(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    nid = year.candidates["flag_sct"]
    version = (await client.get(f"/nominations/{nid}")).json()["nomination"]["version"]
    await refused(client, f"/nominations/{nid}/moves", {"to_state": "on_hold", "reason": "x", "version": version - 1},
                  409, "version", "nomination.changed", user=SECRETARY)
    held = await client.post(f"/nominations/{nid}/moves", headers=await as_user(client, SECRETARY), json={
        "to_state": "on_hold", "reason": "Đang xem xét kỷ luật thủ trưởng đơn vị", "version": version})
    assert held.status_code == 201 and held.json()["nomination"]["state"] == "on_hold"
    await refused(client, f"/nominations/{nid}/moves", {"to_state": "submitted", "reason": "x", "version": version + 1},
                  409, "state", "hold.resume_state", user=SECRETARY)
    lifted = await client.post(f"/nominations/{nid}/moves", headers=await as_user(client, SECRETARY), json={
        "to_state": "endorsed", "reason": "Đã có kết luận không kỷ luật", "version": version + 1})
    assert lifted.status_code == 201
    assert [t["to_state"] for t in lifted.json()["history"]][-2:] == ["on_hold", "endorsed"]


async def test_a_vote_without_quorum_is_refused(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    async with open_session() as session:  # only 4 of the 7 member units turned up
        for row in (await session.exec(select(MeetingAttendance).where(
                MeetingAttendance.meeting_id == year.meeting_id))).all():
            row.present = row.unit_id in {demo.units[c] for c in ("SCT", "STC", "SNNMT", "SXD")}
            session.add(row)
        await session.commit()
    body = results_body(demo, year)
    for tally in body["tallies"]:
        tally.update(votes_for=min(tally["votes_for"], 4), votes_against=0)
    problem = await refused(client, f"/meetings/{year.meeting_id}/results", body, 422, "meeting_id", "vote.quorum")
    assert "Only 4 of 7 members are present" in problem["detail"] and "needs at least 5" in problem["detail"]


async def test_a_council_without_quorum_or_with_a_recused_members_vote_is_refused(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    members = [{"full_name": f"Thành viên {i}", "position": "Ủy viên", "present": i < 7,
                "unit_id": demo.units["SCT"] if i == 0 else None} for i in range(10)]
    thin = (await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": 2026, "held_on": "2027-01-03", "location": "UBND tỉnh", "members": members})).json()
    vote = [{"nomination_id": year.candidates["flag_sct"], "votes_for": 6, "votes_against": 0}]
    problem = await refused(client, f"/council-sessions/{thin['session']['id']}/votes", {"votes": vote}, 422,
                            "session_id", "vote.quorum", user=SECRETARY)
    assert "at least 8" in problem["detail"] and "80%" in problem["detail"]
    members = [{**m, "present": i < 8} for i, m in enumerate(members)]  # it meets again the next day
    full = (await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": 2026, "held_on": "2027-01-04", "location": "UBND tỉnh", "members": members})).json()
    vote = [{"nomination_id": year.candidates["flag_sct"], "votes_for": 8, "votes_against": 0}]
    await refused(client, f"/council-sessions/{full['session']['id']}/votes", {"votes": vote}, 422, "votes.0",
                  "vote.ballots_exceed_voters", user=SECRETARY)
