"""A stage its flow can never finish is marked failed with the reason, left alone by the reconciler, and retried
by an administrator once what broke it is put right."""

import httpx
from sqlmodel import col, delete, select

from flows.reconciler import reconcile_stages
from models.storage.db import open_session
from models.tables.nomination import AwardRecord, Nomination
from tests.demo import DemoProvince
from tests.year import (
    CHAIRMAN_OFFICE,
    SECRETARY,
    YEAR,
    Year,
    as_user,
    council_review,
    hold_meeting,
    submit_and_screen,
)

ADMIN = "admin"


async def leave_a_stray_award_record(nomination_id: int) -> None:
    """What a broken earlier run could have left: the nomination already has an award record of no decision."""
    async with open_session() as session:
        nomination = await session.get_one(Nomination, nomination_id)
        session.add(AwardRecord(year=YEAR, award_id=nomination.award_id, recipient_kind=nomination.recipient_kind,
                                unit_id=nomination.unit_id, decision_number="", nomination_id=nomination_id))
        await session.commit()


async def test_a_stage_that_breaks_a_constraint_fails_visibly_and_is_retried_by_the_administrator(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    await council_review(client, year)
    draft = (await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.council_id, "award_code": "CO_THI_DUA_UBND_TINH"})).json()
    await leave_a_stray_award_record(year.candidates["flag_sct"])

    signed = await client.post(f"/decisions/{draft['id']}/sign", headers=await as_user(client, CHAIRMAN_OFFICE),
                               json={"signed_on": "2027-01-05", "signer_name": "Trần Thị Minh Hằng"})
    assert signed.status_code == 202, signed.text
    stage = signed.json()["stage"]
    assert stage["status"] == "failed" and stage["last_error"].startswith("IntegrityError")
    assert [s["id"] for s in await reconcile_stages(grace_seconds=0)] == [], "the reconciler leaves it alone"
    failed = await client.get("/stages", params={"status": "failed"}, headers=await as_user(client, ADMIN))
    assert [s["id"] for s in failed.json()] == [stage["id"]]
    refused = await client.post(f"/stages/{stage['id']}/retry", headers=await as_user(client, SECRETARY))
    assert refused.status_code == 403

    async with open_session() as session:  # the administrator removes the stray record
        await session.exec(delete(AwardRecord).where(
            col(AwardRecord.nomination_id) == year.candidates["flag_sct"], col(AwardRecord.decision_id).is_(None)))
        await session.commit()
    retried = await client.post(f"/stages/{stage['id']}/retry", headers=await as_user(client, ADMIN))
    assert retried.status_code == 200, retried.text
    assert retried.json()["stage"]["status"] == "completed"
    async with open_session() as session:
        records = (await session.exec(select(AwardRecord).where(col(AwardRecord.nomination_id).is_not(None)))).all()
    assert [(r.nomination_id, r.decision_number) for r in records] == [(year.candidates["flag_sct"], "01/QĐ-UBND")]
