"""Two people pressing the same button at once: exactly one change, the others told someone moved first."""

import asyncio
from collections import Counter
from typing import Any

import httpx
from sqlmodel import func, select

from models.storage.db import open_session
from models.tables.meeting import BlockMeeting
from models.tables.nomination import Transition
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, SECRETARY, Year, as_user, open_meeting


async def transitions_of(nomination_id: int) -> list[str]:
    async with open_session() as session:
        rows = (await session.exec(select(Transition).where(Transition.nomination_id == nomination_id))).all()
    return [t.to_state.value for t in rows]


async def test_twenty_identical_moves_at_once_make_one_transition(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    nid = year.candidates["flag_sct"]
    headers = await as_user(client, SECRETARY)
    body = {"to_state": "on_hold", "reason": "Đơn khiếu nại đang được xem xét", "version": 1}
    responses = await asyncio.gather(*(client.post(f"/nominations/{nid}/moves", headers=headers, json=body)
                                       for _ in range(20)))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 19}
    assert {r.json()["errors"][0]["rule"] for r in responses if r.status_code == 409} == {"nomination.changed"}
    assert await transitions_of(nid) == ["nominated", "on_hold"]


async def test_if_match_carries_the_version_that_was_read(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    nid = year.candidates["flag_sct"]
    read = await client.get(f"/nominations/{nid}")
    etag = read.headers["ETag"]
    headers = {**await as_user(client, SECRETARY), "If-Match": etag}
    body = {"to_state": "withdrawn", "reason": "Đơn vị xin rút hồ sơ"}
    first = await client.post(f"/nominations/{nid}/moves", headers=headers, json=body)
    assert first.status_code == 201 and first.headers["ETag"] == '"2"'
    again = await client.post(f"/nominations/{nid}/moves", headers=headers, json=body)
    assert again.status_code == 409 and again.json()["errors"][0]["rule"] == "nomination.changed"


async def meeting_count() -> int:
    async with open_session() as session:
        return (await session.exec(select(func.count()).select_from(BlockMeeting))).one()


async def test_one_idempotency_key_creates_one_meeting_however_often_it_is_sent(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)  # one meeting exists already, in another block
    meeting = (await client.get(f"/meetings/{year.meeting_id}")).json()["meeting"]
    body: dict[str, Any] = {k: v for k, v in meeting.items() if k in (
        "block_id", "year", "held_on", "opened_at", "location", "chair_name", "chair_title", "secretary_name",
        "secretary_title", "method")}
    body.update(block_id=demo.blocks["KHOI-VAN-HOA-XA-HOI"], present_unit_ids=[demo.units["SGDDT"]],
                candidates=[{"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": demo.units["SYT"]}])
    headers = {**await as_user(client, "truongkhoi.vhxh"), "Idempotency-Key": "hop-khoi-vhxh-2026"}
    responses = await asyncio.gather(*(client.post("/meetings", headers=headers, json=body) for _ in range(20)))
    statuses = Counter(r.status_code for r in responses)
    assert statuses[201] >= 1 and set(statuses) <= {201, 409}, statuses
    assert await meeting_count() == 2, "exactly one new meeting"
    created = {r.json()["meeting"]["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    retry = await client.post("/meetings", headers=headers, json=body)
    assert retry.status_code == 201 and retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json()["meeting"]["id"] in created
    reused = await client.post("/meetings", headers=headers, json={**body, "location": "Nơi khác"})
    assert reused.status_code == 422 and reused.json()["errors"][0]["rule"] == "idempotency.key_reused"
    assert await meeting_count() == 2


async def test_a_block_opens_one_year_end_meeting_a_year(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    meeting = (await client.get(f"/meetings/{year.meeting_id}")).json()["meeting"]
    body: dict[str, Any] = {k: v for k, v in meeting.items() if k in (
        "block_id", "year", "held_on", "opened_at", "location", "chair_name", "chair_title", "secretary_name",
        "secretary_title", "method")}
    body.update(present_unit_ids=[demo.units["SCT"]], candidates=[
        {"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": demo.units["SKHCN"]}])
    headers = await as_user(client, BLOCK_HEAD)
    responses = await asyncio.gather(*(client.post("/meetings", headers=headers, json=body) for _ in range(20)))
    assert Counter(r.status_code for r in responses) == {409: 20}
    assert {r.json()["errors"][0]["rule"] for r in responses} == {"meeting.once"}
    assert await meeting_count() == 1
    next_year = await client.post("/meetings", headers=headers, json={**body, "year": 2027})
    assert next_year.status_code != 409, "the next year is another meeting"
