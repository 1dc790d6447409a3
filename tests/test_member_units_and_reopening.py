"""A member unit sends its own sheet and registration and reads its block's table, nothing else; the head reviews
and adjusts (the same adjustment twice, or twice at once, kept once); a closed round is reopened with a logged
reason, ranked anew on closing, and no longer once the year-end meeting opened from it."""

import asyncio
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.scoring_year import ADJUSTMENT, SELF_SCORES, Scored, launch_and_pledge, open_block_scoring, self_scores
from tests.year import BLOCK_HEAD, SECRETARY, YEAR, Year, as_user, ok, open_meeting

MEMBER, OTHER_HEAD = "donvi.taichinh", "truongkhoi.vhxh"  # the demo's member unit: Sở Tài chính (STC)


def row_of(table: dict[str, Any], unit_id: int) -> dict[str, Any]:
    return next(r for r in table["rows"] if r["unit_id"] == unit_id)


async def test_a_member_unit_sends_its_own_sheet_and_registration_and_reads_only_its_blocks_table(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = Scored()
    await launch_and_pledge(client, demo, scored)
    await open_block_scoring(client, demo, scored)
    member, head = await as_user(client, MEMBER), await as_user(client, BLOCK_HEAD)
    sheet = f"/scorings/{scored.scoring_id}/units"
    sent = ok(await client.put(f"{sheet}/{demo.units['STC']}/self-scores", headers=member,
                               json=self_scores("STC")), 200)
    [ct1a] = [e for e in row_of(sent, demo.units["STC"])["entries"] if e["criterion_code"] == "CT1a"]
    assert (ct1a["submitted_by"], ct1a["evidence"]) == (MEMBER, f"Báo cáo tổng kết năm {YEAR}, mục CT1a")

    another = await client.put(f"{sheet}/{demo.units['SCT']}/self-scores", headers=member, json=self_scores("SCT"))
    assert another.status_code == 404, another.text  # another unit's sheet: as if it did not exist
    assert row_of(ok(await client.get(f"/scorings/{scored.scoring_id}", headers=member), 200),
                  demo.units["SCT"])["entries"] == []
    registration = {"year": YEAR, "registered_on": f"{YEAR}-03-12", "award_code": "TAP_THE_LAO_DONG_XUAT_SAC",
                    "targets": [{"description": "Giải ngân vốn đầu tư công", "target": "95 %"}]}
    own = ok(await client.post(f"/movements/{scored.movement_id}/registrations", headers=member,
                               json={**registration, "unit_id": demo.units["STC"]}))
    assert (own["created_by"], own["award_code"]) == (MEMBER, "TAP_THE_LAO_DONG_XUAT_SAC")
    refused = await client.post(f"/movements/{scored.movement_id}/registrations", headers=member,
                                json={**registration, "unit_id": demo.units["SCT"]})
    assert refused.status_code == 404, refused.text

    listed = ok(await client.get("/scorings", headers=member), 200)
    assert [s["id"] for s in listed] == [scored.scoring_id]
    movement = ok(await client.get(f"/movements/{scored.movement_id}", headers=member), 200)
    assert {r["block_id"] for r in movement["registrations"]} == {demo.blocks["KHOI-KINH-TE"]}
    for method, path, body in (("POST", f"/scorings/{scored.scoring_id}/adjustments",
                                {"unit_id": demo.units["STC"], **ADJUSTMENT}),
                               ("POST", f"/scorings/{scored.scoring_id}/close", {}),
                               ("POST", f"/movements/{scored.movement_id}/pledges", {
                                   "block_id": demo.blocks["KHOI-KINH-TE"], "year": YEAR, "signed_on": f"{YEAR}-03-15",
                                   "signatories": [{"unit_id": demo.units["STC"], "full_name": "x", "title": "x"}]}),
                               ("GET", "/nominations", None), ("GET", "/scorings/statistics", None),
                               ("GET", "/statistics/awards", None)):
        answer = await client.request(method, path, json=body, headers=member)
        assert answer.status_code == 403, (path, answer.text)
        assert answer.json()["errors"][0]["message_vi"].startswith("Chỉ tài khoản có vai trò")
    other_block = ok(await client.get("/scorings", headers=await as_user(client, OTHER_HEAD)), 200)
    assert other_block == []

    # The head reviews what the member sent: the adjustment sits beside the member's own score.
    adjusted = ok(await client.post(f"/scorings/{scored.scoring_id}/adjustments", headers=head, json={
        "unit_id": demo.units["STC"], "criterion_code": "CT1a", "points": 12, "reason": "Chỉ tiêu giải ngân đạt 80 %"}))
    [ct1a] = [e for e in row_of(adjusted, demo.units["STC"])["entries"] if e["criterion_code"] == "CT1a"]
    assert (ct1a["self_points"], ct1a["points"], ct1a["submitted_by"]) == (15, 12, MEMBER)
    locked = await client.put(f"{sheet}/{demo.units['STC']}/self-scores", headers=member, json=self_scores("STC"))
    assert locked.status_code == 409 and locked.json()["errors"][0]["rule"] == "scoring.reviewed"


async def test_the_same_adjustment_twice_or_twice_at_once_is_kept_once_and_a_changed_one_with_its_reason(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = Scored()
    await launch_and_pledge(client, demo, scored)
    await open_block_scoring(client, demo, scored)
    head = await as_user(client, BLOCK_HEAD)
    for code in SELF_SCORES:
        ok(await client.put(f"/scorings/{scored.scoring_id}/units/{demo.units[code]}/self-scores", headers=head,
                            json=self_scores(code)), 200)
    url, body = f"/scorings/{scored.scoring_id}/adjustments", {"unit_id": demo.units["SXD"], **ADJUSTMENT}
    first, again = await client.post(url, headers=head, json=body), await client.post(url, headers=head, json=body)
    assert (first.status_code, again.status_code) == (201, 200), again.text
    at_once = await asyncio.gather(*(client.post(url, headers=head, json={**body, "points": 6}) for _ in range(2)))
    assert sorted(r.status_code for r in at_once) == [200, 201], [r.text for r in at_once]
    changed = ok(await client.post(url, headers=head, json={**body, "points": 6, "reason": "Đã xác minh lại"}))
    [ct2] = [e for e in row_of(changed, demo.units["SXD"])["entries"] if e["criterion_code"] == "CT2"]
    assert [(a["points"], a["reason"]) for a in ct2["adjustments"]] == [
        (5, ADJUSTMENT["reason"]), (6, ADJUSTMENT["reason"]), (6, "Đã xác minh lại")]
    assert ct2["points"] == 6 and ct2["self_points"] == 15

    ok(await client.post(f"/scorings/{scored.scoring_id}/close", headers=head, json={}))
    late = await client.post(url, headers=head, json={**body, "points": 15, "reason": "Sau khi chốt"})
    assert late.status_code == 409, late.text
    [problem] = late.json()["errors"]
    assert problem["rule"] == "scoring.closed" and "mở lại đợt chấm điểm" in problem["message_vi"]
    kept = ok(await client.get(f"/scorings/{scored.scoring_id}"), 200)
    assert len(next(e for e in row_of(kept, demo.units["SXD"])["entries"]
                    if e["criterion_code"] == "CT2")["adjustments"]) == 3  # the refusal changed nothing


async def test_a_closed_round_reopens_with_its_reason_ranks_anew_and_not_once_the_meeting_opened_from_it(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = Scored()
    await launch_and_pledge(client, demo, scored)
    await open_block_scoring(client, demo, scored)
    head, secretary = await as_user(client, BLOCK_HEAD), await as_user(client, SECRETARY)
    for code in SELF_SCORES:
        ok(await client.put(f"/scorings/{scored.scoring_id}/units/{demo.units[code]}/self-scores", headers=head,
                            json=self_scores(code)), 200)
    closed = ok(await client.post(f"/scorings/{scored.scoring_id}/close", headers=head, json={}))
    assert closed["leader_unit_id"] == demo.units["SXD"]  # 103 points before the head's review
    reopen = f"/scorings/{scored.scoring_id}/reopen"
    for who, body, status, rule in ((MEMBER, {"reason": "x"}, 403, "auth.role"),
                                    (OTHER_HEAD, {"reason": "x"}, 404, "exists"),
                                    (head, {"reason": "   "}, 422, "scoring.reopen_reason")):
        headers = await as_user(client, who) if isinstance(who, str) else who
        refused = await client.post(reopen, headers=headers, json=body)
        assert (refused.status_code, refused.json()["errors"][0]["rule"]) == (status, rule), refused.text
    reason = "Sở Xây dựng chưa hoàn thành nhiệm vụ giải phóng mặt bằng: Trưởng Khối thẩm định lại"
    opened = ok(await client.post(reopen, headers=secretary, json={"reason": reason}), 200)
    assert opened["status"] == "open" and opened["closed_at"] is None
    assert [(r["reason"], r["reopened_by"], r["previous_leader_unit_id"]) for r in opened["reopenings"]] == [
        (reason, SECRETARY, demo.units["SXD"])]
    twice = await client.post(reopen, headers=head, json={"reason": reason})
    assert twice.status_code == 409 and twice.json()["errors"][0]["rule"] == "scoring.not_closed"

    ok(await client.post(f"/scorings/{scored.scoring_id}/adjustments", headers=head,
                         json={"unit_id": demo.units["SXD"], **ADJUSTMENT}))
    again = ok(await client.post(f"/scorings/{scored.scoring_id}/close", headers=head, json={}))
    assert again["leader_unit_id"] == demo.units["SCT"] and row_of(again, demo.units["SXD"])["rank"] == 3

    year = Year()
    await open_meeting(client, demo, year)  # reads the ranking: Sở Công Thương leads the block
    refused = await client.post(reopen, headers=head, json={"reason": reason})
    assert refused.status_code == 409, refused.text
    [problem] = refused.json()["errors"]
    assert problem["rule"] == "scoring.meeting_opened"
    assert f"hội nghị mã số {year.meeting_id}" in problem["message_vi"] and "không mở lại" in problem["message_vi"]
    assert ok(await client.get(f"/scorings/{scored.scoring_id}"), 200)["status"] == "closed"


async def test_a_member_units_role_names_a_unit_of_that_block_and_year(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    admin = await as_user(client, "admin")
    user = ok(await client.post("/users", headers=admin, json={
        "username": "donvi.xaydung", "full_name": "Văn phòng Sở Xây dựng", "password": "mat-khau-du-dai-1"}))
    grants = f"/users/{user['id']}/grants"
    block, other = demo.blocks["KHOI-KINH-TE"], demo.blocks["KHOI-VAN-HOA-XA-HOI"]
    for body, rule in (({"role": "member_unit", "block_id": block, "year": YEAR}, "grant.unit_scope"),
                       ({"role": "member_unit", "block_id": other, "year": YEAR, "unit_id": demo.units["SXD"]},
                        "block.member"),
                       ({"role": "block_head", "block_id": block, "year": YEAR, "unit_id": demo.units["SXD"]},
                        "grant.unit_scope")):
        refused = await client.post(grants, headers=admin, json=body)
        assert (refused.status_code, refused.json()["errors"][0]["rule"]) == (422, rule), refused.text
        assert refused.json()["errors"][0]["message_vi"]
    granted = ok(await client.post(grants, headers=admin, json={
        "role": "member_unit", "block_id": block, "year": YEAR, "unit_id": demo.units["SXD"]}))
    assert (granted["role"], granted["unit_id"]) == ("member_unit", demo.units["SXD"])
