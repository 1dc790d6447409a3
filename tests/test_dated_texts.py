"""A year signed in January 2024 prints the texts in force then (the 2015 Law on Local Government, Decree 98/2023)
and the base salary of that day (1,800,000); the log of the same stages cites the same versions."""

from typing import Any

import httpx
from sqlmodel import select

from models.storage.db import open_session
from models.storage.demo import demo_data
from models.tables.organisation import BlockMembership
from tests.demo import DemoProvince
from tests.docx_read import open_docx
from tests.year import BLOCK, BLOCK_HEAD, CHAIRMAN_OFFICE, SECRETARY, as_user, ok

YEAR = 2023


async def block_of_2023(http: httpx.AsyncClient, demo: DemoProvince) -> None:
    """The demo block as it stood in 2023 (the same members), and its head's grant for that year."""
    async with open_session() as db:
        now = (await db.exec(select(BlockMembership).where(
            BlockMembership.block_id == demo.blocks[BLOCK], BlockMembership.year == 2026))).all()
        db.add_all([BlockMembership(block_id=m.block_id, unit_id=m.unit_id, year=YEAR, role=m.role) for m in now])
        await db.commit()
    admin = await as_user(http, "admin")
    users = {u["username"]: u["id"] for u in ok(await http.get("/users", headers=admin), 200)}
    ok(await http.post(f"/users/{users[BLOCK_HEAD]}/grants", headers=admin,
                       json={"role": "block_head", "block_id": demo.blocks[BLOCK], "year": YEAR}))


async def flag_through_the_chain(http: httpx.AsyncClient, demo: DemoProvince) -> dict[str, Any]:
    head, secretary = await as_user(http, BLOCK_HEAD), await as_user(http, SECRETARY)
    members = [demo.units[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN", "CTK")]
    meeting = ok(await http.post("/meetings", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2023-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Giám đốc",
        "secretary_name": "Lê Văn Đức", "secretary_title": "Chánh Văn phòng", "method": "secret_ballot",
        "present_unit_ids": members, "candidates": [{"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": members[0],
                                                     "facts": {"leads_block": True}}]}))
    [nomination] = meeting["nominations"]
    ok(await http.post(f"/meetings/{meeting['meeting']['id']}/results", headers=head, json={
        "tallies": [{"nomination_id": nomination["id"], "votes_for": 7, "votes_against": 0}],
        "next_head_unit_id": members[0], "closed_at": "11:00:00"}))
    proposal = ok(await http.post("/proposals", headers=head, json={
        "meeting_id": meeting["meeting"]["id"], "issued_on": "2023-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    ok(await http.post(f"/proposals/{proposal['stage']['subject_id']}/screening", headers=secretary,
                       json={"results": [{"nomination_id": nomination["id"], "eligible": True}]}))
    roster = [{"full_name": m["full_name"], "position": m["position"], "present": True}
              for m in demo_data()["council"]]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": "2024-01-10", "location": "Phòng họp số 1", "members": roster}))
    council_id = council["session"]["id"]
    ok(await http.post(f"/council-sessions/{council_id}/votes", headers=secretary, json={
        "votes": [{"nomination_id": nomination["id"], "votes_for": len(roster), "votes_against": 0}]}))
    draft = ok(await http.post("/decisions", headers=secretary,
                               json={"council_session_id": council_id, "award_code": "CO_THI_DUA_UBND_TINH"}))
    signing = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng",
               "declined": []}
    chairman = await as_user(http, CHAIRMAN_OFFICE)
    early = await http.post(f"/decisions/{draft['id']}/sign", headers=chairman,
                            json={"signed_on": "2024-01-09", **signing})
    assert early.status_code == 422 and early.json()["errors"][0]["rule"] == "decision.after_council", early.text
    signed = ok(await http.post(f"/decisions/{draft['id']}/sign", headers=chairman,
                                json={"signed_on": "2024-01-20", **signing}))
    return {"nomination": nomination["id"], "decision": signed}


async def test_a_decision_signed_in_january_2024_cites_the_texts_and_base_salary_of_that_day(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await block_of_2023(client, demo)
    chain = await flag_through_the_chain(client, demo)
    [document] = [d for d in chain["decision"]["documents"] if d["kind"] == "decision"]
    doc = open_docx((await client.get(document["download_url"])).content)
    bases = [p.text for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert [b.split(" ngày ")[0].split(" số ")[0] for b in bases] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Luật Thi đua, khen thưởng", "Căn cứ Nghị định"]
    assert "ngày 19 tháng 6 năm 2015" in bases[0] and "06/2022/QH15" in bases[1] and "98/2023/NĐ-CP" in bases[2]
    article_2 = next(p.text for p in doc.paragraphs if p.text.startswith("Điều 2."))
    assert "8,0 lần mức lương cơ sở, là 14.400.000 đồng" in article_2, article_2

    history = ok(await client.get(f"/nominations/{chain['nomination']}"), 200)["history"]
    voted = next(t for t in history if t["to_state"] == "recommended")["evidence"]
    awarded = next(t for t in history if t["to_state"] == "awarded")["evidence"]
    assert "98/2023" in voted["threshold_basis"], "the vote counted under the decree the decision cites"
    assert (awarded["base_salary"], awarded["prize_amount"]) == (1_800_000, 14_400_000)
    assert "24/2023/NĐ-CP" in awarded["base_salary_basis"]



async def test_acts_dated_outside_the_emulation_year_are_refused_and_change_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    head, secretary = await as_user(client, BLOCK_HEAD), await as_user(client, SECRETARY)
    members = [demo.units[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN", "CTK")]
    meeting = {"block_id": demo.blocks[BLOCK], "year": 2026, "held_on": "2023-12-15", "opened_at": "08:00:00",
               "location": "Hội trường", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Giám đốc",
               "secretary_name": "Lê Văn Đức", "secretary_title": "Chánh Văn phòng", "method": "secret_ballot",
               "present_unit_ids": members, "candidates": [{"award_code": "CO_THI_DUA_UBND_TINH",
                                                            "unit_id": members[0], "facts": {"leads_block": True}}]}
    refused = await client.post("/meetings", headers=head, json=meeting)
    assert refused.status_code == 422, refused.text
    [error] = refused.json()["errors"]
    assert (error["field"], error["rule"]) == ("held_on", "date.emulation_year")
    assert error["message_vi"] == ("Hội nghị tổng kết ngày 15/12/2023 không thể thuộc năm thi đua 2026: ngày phải "
                                   "nằm trong khoảng từ 01/10/2026 đến 30/06/2027.")
    ok(await client.post("/meetings", headers=head, json={**meeting, "held_on": "2026-12-15"}))  # nothing was kept

    roster = [{"full_name": m["full_name"], "position": m["position"], "present": True}
              for m in demo_data()["council"]]
    council = {"year": 2026, "held_on": "2027-07-01", "location": "Phòng họp số 1", "members": roster}
    late = await client.post("/council-sessions", headers=secretary, json=council)
    assert late.status_code == 422 and late.json()["errors"][0]["rule"] == "date.emulation_year", late.text
    ok(await client.post("/council-sessions", headers=secretary, json={**council, "held_on": "2027-06-30"}))
