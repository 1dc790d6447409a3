"""One Cờ thi đua per block and year: a proposal over the quota is refused, and the block sees what it has used."""

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.demo import DemoProvince
from tests.test_bad_input import refused
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok

OTHER_HEAD = "truongkhoi.vhxh"
FLAG = "CO_THI_DUA_UBND_TINH"


async def meeting_with_two_flags(http: httpx.AsyncClient, demo: DemoProvince) -> tuple[int, dict[str, int]]:
    """A year-end meeting where both Sở Công Thương and Sở Xây dựng pass the block vote for the flag."""
    u = demo.units
    candidates = {"flag_sct": {"award_code": FLAG, "unit_id": u["SCT"]},
                  "flag_sxd": {"award_code": FLAG, "unit_id": u["SXD"]},
                  "bk_stc": {"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": u["STC"]}}
    headers = await as_user(http, BLOCK_HEAD)
    meeting = ok(await http.post("/meetings", headers=headers, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Trưởng Khối",
        "secretary_name": "Lê Văn Đức", "secretary_title": "Thư ký", "method": "secret_ballot",
        "present_unit_ids": [u[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN")],
        "candidates": list(candidates.values())}))
    ids = {label: n["id"] for label, n in zip(candidates, meeting["nominations"], strict=True)}
    ok(await http.post(f"/meetings/{meeting['meeting']['id']}/results", headers=headers, json={
        "tallies": [{"nomination_id": i, "votes_for": 6, "votes_against": 0} for i in ids.values()],
        "next_head_unit_id": u["STC"], "closed_at": "11:00:00"}))
    return meeting["meeting"]["id"], ids


def proposal(meeting_id: int, *nomination_ids: int) -> dict[str, Any]:
    body: dict[str, Any] = {"meeting_id": meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
                            "signer_title": "Giám đốc"}
    return body | ({"nomination_ids": list(nomination_ids)} if nomination_ids else {})


async def flag_quota(http: httpx.AsyncClient, demo: DemoProvince, user: str = BLOCK_HEAD) -> dict[str, Any]:
    response = await http.get(f"/blocks/{demo.blocks[BLOCK]}/quotas", params={"year": YEAR},
                              headers=await as_user(http, user))
    assert response.status_code == 200, response.text
    quotas = {q["award_code"]: q for q in response.json()}
    return dict(quotas[FLAG])


async def test_a_block_proposes_one_flag_a_year_and_sees_its_quota_used(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    assert await flag_quota(client, demo) | {"basis": None} == {
        "award_code": FLAG, "award_name": "Cờ thi đua của Ủy ban nhân dân tỉnh", "scope": "block", "limit": 1,
        "used": 0,
        "remaining": 1, "summary": "0 of 1 used", "basis": None}

    # Proposing what the meeting endorsed: two flags with equal votes for one place, no woman-led collective
    # declared, so the tie-break cannot part them and the block head must name the block's choice.
    tie = await refused(client, "/proposals", proposal(meeting_id), 409, "nomination_ids", "quota.tie_undecided")
    assert f"{ids['flag_sct']}, {ids['flag_sxd']}" in tie["errors"][0]["message_vi"]
    problem = await refused(client, "/proposals", proposal(meeting_id, ids["flag_sct"], ids["flag_sxd"]), 409,
                            "nomination_ids", "quota.exceeded")
    assert problem["detail"] == (
        "Cờ thi đua của Ủy ban nhân dân tỉnh (CO_THI_DUA_UBND_TINH): a block may propose at most 1 a year (Luật Thi "
        "đua, khen thưởng 2022 Điều 26: Cờ thi đua cấp tỉnh tặng tập thể dẫn đầu khối, cụm thi đua). 0 of 1 used "
        "already; this proposal adds 2.")

    ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD),
                         json=proposal(meeting_id, ids["flag_sct"], ids["bk_stc"])))
    quota = await flag_quota(client, demo)
    assert (quota["used"], quota["remaining"], quota["summary"]) == (1, 0, "1 of 1 used")
    assert quota["basis"].startswith("Luật Thi đua, khen thưởng 2022 Điều 26")
    second = await refused(client, "/proposals", proposal(meeting_id, ids["flag_sxd"]), 409, "nomination_ids",
                           "quota.exceeded")
    assert "1 of 1 used already; this proposal adds 1." in second["detail"]

    other = await client.get(f"/blocks/{demo.blocks[BLOCK]}/quotas", params={"year": YEAR},
                             headers=await as_user(client, OTHER_HEAD))
    assert other.status_code == 404 and other.json()["errors"][0]["field"] == "block_id"
    assert (await flag_quota(client, demo, user=SECRETARY))["used"] == 1


async def test_a_returned_dossier_gives_its_place_back(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    first = ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD),
                                 json=proposal(meeting_id, ids["flag_sct"])))
    ok(await client.post(f"/proposals/{first['stage']['subject_id']}/screening",
                         headers=await as_user(client, SECRETARY), json={"results": [
                             {"nomination_id": ids["flag_sct"], "eligible": False,
                              "reason": "Thiếu xác nhận của cơ quan thuế và bảo hiểm xã hội"}]}))
    assert (await flag_quota(client, demo))["summary"] == "0 of 1 used"
    ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD),
                         json=proposal(meeting_id, ids["flag_sxd"])))
    assert (await flag_quota(client, demo))["summary"] == "1 of 1 used"
    await refused(client, "/proposals", proposal(meeting_id, ids["flag_sct"]), 409, "nomination_ids",
                  "quota.exceeded")


async def test_two_proposals_sent_at_once_cannot_both_take_the_last_flag(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    headers = await as_user(client, BLOCK_HEAD)
    responses = await asyncio.gather(*(client.post("/proposals", headers=headers, json=proposal(meeting_id, ids[f]))
                                       for f in ("flag_sct", "flag_sxd")))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 1}, [r.text for r in responses]
    assert [r.json()["errors"][0]["rule"] for r in responses if r.status_code == 409] == ["quota.exceeded"]
    assert (await flag_quota(client, demo))["summary"] == "1 of 1 used"


@pytest.fixture(params=[7, 8], ids=["two flags from 7 members", "two flags from 8 members"])
def two_flags_from(request: pytest.FixtureRequest, own_catalogue: Path) -> int:
    """The province writes its flag quota by block size: one flag, two from this many member units."""
    shipped = own_catalogue.read_text(encoding="utf-8")
    own_catalogue.write_text(shipped.replace("[quotas.CO_THI_DUA_UBND_TINH]\nper_block_per_year = 1\n", (
        "[quotas.CO_THI_DUA_UBND_TINH]\n"
        "by_block_size = [{members_at_least = 1, limit = 1}, "
        f"{{members_at_least = {request.param}, limit = 2}}]\n"), 1), encoding="utf-8")
    return int(request.param)


async def test_a_block_large_enough_under_the_provinces_file_proposes_two_flags_and_a_smaller_one_cannot(
    client: httpx.AsyncClient, demo: DemoProvince, two_flags_from: int
) -> None:
    limit = 2 if two_flags_from <= 7 else 1  # the economic block has 7 member units
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    assert (await flag_quota(client, demo))["summary"] == f"0 of {limit} used"
    headers = await as_user(client, BLOCK_HEAD)
    ok(await client.post("/proposals", headers=headers, json=proposal(meeting_id, ids["flag_sct"])))
    second = await client.post("/proposals", headers=headers, json=proposal(meeting_id, ids["flag_sxd"]))
    assert second.status_code == (201 if limit == 2 else 409), second.text
    assert (await flag_quota(client, demo))["summary"] == f"{limit} of {limit} used"
