"""A body meets once a day for a year under review: the same council session opened twice at once (a double click,
two secretaries) is opened once; the others are told, in Vietnamese, which session is already held."""

import asyncio
from collections import Counter
from typing import Any

import httpx
from sqlmodel import func, select

from models.storage.db import open_session
from models.tables.council import CouncilMember, CouncilSession
from tests.demo import DemoProvince
from tests.year import COUNCIL_HELD_ON, SECRETARY, YEAR, as_user, ok


async def counts() -> tuple[int, int]:
    async with open_session() as session:
        sessions = (await session.exec(select(func.count()).select_from(CouncilSession))).one()
        members = (await session.exec(select(func.count()).select_from(CouncilMember))).one()
    return sessions, members


async def test_twenty_identical_openings_at_once_hold_one_session(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    seats = ok(await client.get("/council/roster", params={"on": COUNCIL_HELD_ON}), 200)
    body: dict[str, Any] = {"year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
                            "present_seat_ids": [s["id"] for s in seats]}
    headers = await as_user(client, SECRETARY)
    responses = await asyncio.gather(*(client.post("/council-sessions", headers=headers, json=body)
                                       for _ in range(20)))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 19}
    [held] = [r.json()["session"]["id"] for r in responses if r.status_code == 201]
    problems = [r.json()["errors"] for r in responses if r.status_code == 409]
    assert {(p["field"], p["rule"]) for [p] in problems} == {("held_on", "council.session_once")}
    assert all(p["message_vi"].startswith("Hội đồng Thi đua - Khen thưởng tỉnh đã mở phiên họp ngày 03/01/2027 "
                                          "xét khen thưởng năm 2026") for [p] in problems)
    assert await counts() == (1, len(seats)), "one session, its members once"

    again = await client.post("/council-sessions", headers=headers, json=body)  # later: it names the session
    assert again.status_code == 409
    assert f"(phiên họp mã số {held})" in again.json()["errors"][0]["message_vi"]
    # The standing body's session that day, and the council's on another day, are other sessions.
    standing = [s["id"] for s in seats if s["standing_body"]]
    ok(await client.post("/council-sessions", headers=headers, json={
        **body, "body": "standing_body", "present_seat_ids": standing}))
    ok(await client.post("/council-sessions", headers=headers, json={**body, "held_on": "2027-01-04"}))
    assert (await counts())[0] == 3
