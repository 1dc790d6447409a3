"""Wrong scores, wrong sets and wrong units are refused with a Vietnamese problem naming the field, and change
nothing; another block's head neither reads nor changes this block's scoring."""

from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.scoring_sets import four_good
from tests.scoring_year import Scored, launch_and_pledge, open_block_scoring, self_scores
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok

OTHER_HEAD = "truongkhoi.vhxh"


def problem(response: httpx.Response, status: int = 422) -> tuple[str, str]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    first = response.json()["errors"][0]
    assert first["message_vi"], first
    return first["field"], first["rule"]


async def opened(http: httpx.AsyncClient, demo: DemoProvince) -> Scored:
    scored = Scored()
    await launch_and_pledge(http, demo, scored)
    await open_block_scoring(http, demo, scored)
    return scored


async def entries(http: httpx.AsyncClient, scoring_id: int) -> list[Any]:
    table = ok(await http.get(f"/scorings/{scoring_id}"), 200)
    return [(r["unit_id"], e) for r in table["rows"] for e in r["entries"]]


async def test_scores_over_the_maximum_unknown_criteria_and_outsiders_are_refused_and_change_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = await opened(client, demo)
    head, sid = await as_user(client, BLOCK_HEAD), scored.scoring_id
    sct = f"/scorings/{sid}/units/{demo.units['SCT']}/self-scores"
    over = self_scores("SCT")
    over["scores"][0]["points"] = 15.5  # CT1a's maximum is 15
    assert problem(await client.put(sct, headers=head, json=over)) == ("scores.0.points", "scoring.over_maximum")
    unknown = {"scores": [{"criterion_code": "CT9", "points": 1}, {"criterion_code": "CT", "points": 1}]}
    refused = await client.put(sct, headers=head, json=unknown)
    assert problem(refused) == ("scores.0.criterion_code", "scoring.criterion")
    assert [e["field"] for e in refused.json()["errors"]] == ["scores.0.criterion_code", "scores.1.criterion_code"]
    outsider = f"/scorings/{sid}/units/{demo.units['SGDDT']}/self-scores"  # of the culture and society block
    assert problem(await client.put(outsider, headers=head, json=self_scores("SCT"))) == ("unit_id", "block.member")
    negative = {"scores": [{"criterion_code": "CT1a", "points": -1}]}
    assert problem(await client.put(sct, headers=head, json=negative))[0] == "scores.0.points"
    assert await entries(client, sid) == []

    no_self_score = {"unit_id": demo.units["SCT"], "criterion_code": "CT2", "points": 5, "reason": "Chưa đạt"}
    adjustments = f"/scorings/{sid}/adjustments"
    assert problem(await client.post(adjustments, headers=head, json=no_self_score)) == (
        "criterion_code", "scoring.no_self_score")
    ok(await client.put(sct, headers=head, json=self_scores("SCT")), 200)
    assert problem(await client.post(adjustments, headers=head, json={**no_self_score, "reason": ""}))[0] == "reason"
    assert problem(await client.post(adjustments, headers=head, json={**no_self_score, "reason": "  "})) == (
        "reason", "scoring.reason_required")
    assert problem(await client.post(adjustments, headers=head, json={**no_self_score, "points": 16})) == (
        "points", "scoring.over_maximum")
    assert all(e["adjustments"] == [] for _, e in await entries(client, sid))
    assert problem(await client.post(f"/scorings/{sid}/close", headers=head, json={})) == (
        f"units.{demo.units['STC']}", "scoring.incomplete")
    assert ok(await client.get(f"/scorings/{sid}"), 200)["status"] == "open"


async def test_wrong_criteria_sets_and_pledges_are_refused_and_change_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = await opened(client, demo)
    head, secretary = await as_user(client, BLOCK_HEAD), await as_user(client, SECRETARY)
    overlapping = four_good()
    overlapping["bands"][1]["below_points"] = 92
    assert problem(await client.post("/criteria-sets", headers=secretary, json=overlapping)) == (
        "bands.0.from_points", "criteria.band_overlap")
    over_parent = four_good()
    over_parent["groups"][3]["children"][0]["max_points"] = 20
    assert problem(await client.post("/criteria-sets", headers=secretary, json=over_parent)) == (
        "groups.3.children.0.max_points", "criteria.child_over_parent")
    assert problem(await client.post("/criteria-sets", headers=head, json=four_good()), 403) == (
        "block_id", "criteria.province_set")  # a block head uploads their own block's set only
    assert [s["id"] for s in ok(await client.get("/criteria-sets"), 200)] == [scored.criteria_set_id]

    next_year = ok(await client.post("/criteria-sets", headers=secretary, json=four_good(YEAR + 1)))
    mid_year = {"block_id": demo.blocks[BLOCK], "year": YEAR, "round": "mid_year", "criteria_set_id": next_year["id"]}
    assert problem(await client.post("/scorings", headers=head, json=mid_year)) == (
        "criteria_set_id", "scoring.criteria_set")
    again = {**mid_year, "round": "final", "criteria_set_id": scored.criteria_set_id}
    assert problem(await client.post("/scorings", headers=head, json=again), 409) == ("round", "scoring.once")
    assert len(ok(await client.get("/scorings"), 200)) == 1

    pledge = {"block_id": demo.blocks[BLOCK], "year": YEAR, "signed_on": f"{YEAR}-03-16",
              "signatories": [{"unit_id": demo.units["SGDDT"], "full_name": "Ngô Văn Khải", "title": "Giám đốc"}]}
    assert problem(await client.post(f"/movements/{scored.movement_id}/pledges", headers=head, json=pledge),
                   409) == ("block_id", "pledge.once")  # signed once a year
    outsider = {"unit_id": demo.units["SGDDT"], "year": YEAR, "registered_on": f"{YEAR}-03-10"}
    assert problem(await client.post(f"/movements/{scored.movement_id}/registrations", headers=head, json=outsider),
                   404)[0] == "unit_id"
    movement = ok(await client.get(f"/movements/{scored.movement_id}"), 200)
    assert len(movement["registrations"]) == 7 and len(movement["pledges"]) == 1


async def test_another_blocks_head_neither_reads_nor_changes_this_blocks_scoring(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = await opened(client, demo)
    other, secretary, sid = await as_user(client, OTHER_HEAD), await as_user(client, SECRETARY), scored.scoring_id
    sct = f"/scorings/{sid}/units/{demo.units['SCT']}/self-scores"
    adjustment = {"unit_id": demo.units["SCT"], "criterion_code": "CT2", "points": 5, "reason": "x"}
    assert problem(await client.get(f"/scorings/{sid}", headers=other), 404)[0] == "scoring_id"
    assert problem(await client.put(sct, headers=other, json=self_scores("SCT")), 404)[0] == "scoring_id"
    assert problem(await client.post(f"/scorings/{sid}/adjustments", headers=other, json=adjustment), 404)
    assert problem(await client.post(f"/scorings/{sid}/close", headers=other, json={}), 404)
    assert problem(await client.get(f"/criteria-sets/{scored.criteria_set_id}", headers=other), 404)
    assert ok(await client.get("/scorings", headers=other), 200) == []
    assert ok(await client.get("/criteria-sets", headers=other), 200) == []
    assert ok(await client.get(f"/movements/{scored.movement_id}", headers=other), 200)["registrations"] == []
    assert ok(await client.get(f"/scorings/{sid}", headers=secretary), 200)["id"] == sid  # the province reads all
    assert problem(await client.put(sct, headers=secretary, json=self_scores("SCT")), 403)[1] == "auth.role"
    assert await entries(client, sid) == []
