"""The year before the vote for the Khối thi đua các sở quản lý kinh tế, driven through the public API: the movement,
the block's criteria set, registrations and the pledge, self-scores, one adjustment by the head, the closed ranking."""

from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.scoring_sets import four_good, full_marks
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok

# What each member takes off full marks in its self-scores, and its bonus: Sở Xây dựng scores itself first (103),
# the head cuts its CT2 from 15 to 5 (93), so Sở Công Thương (98) leads. Every member the year's candidates rate
# htxsnv stays at 90 or above; Thống kê tỉnh, no candidate, is rated httnv.
SELF_SCORES: dict[str, tuple[dict[str, float], dict[str, float]]] = {
    "SCT": ({"HD1": 2}, {}),
    "SXD": ({}, {"T1": 3}),
    "STC": ({"CB1": 5}, {}),
    "SNNMT": ({"DK1": 8}, {}),
    "SKHCN": ({"HD2": 9}, {}),
    "BQLKCN": ({"CT1b": 10}, {}),
    "CTK": ({"DK1": 12, "CB1": 8}, {}),
}
ADJUSTMENT = {"criterion_code": "CT2", "points": 5,
              "reason": "Nhiệm vụ đột xuất về giải phóng mặt bằng dự án đường vành đai 4 chưa hoàn thành đúng hạn"}


@dataclass
class Scored:
    movement_id: int = 0
    criteria_set_id: int = 0
    scoring_id: int = 0
    responses: dict[str, Any] = field(default_factory=dict)


def self_scores(unit_code: str) -> dict[str, Any]:
    minus, bonus = SELF_SCORES[unit_code]
    scores = full_marks(four_good(), minus) | bonus
    return {"scores": [{"criterion_code": code, "points": points,
                        "evidence": f"Báo cáo tổng kết năm {YEAR}, mục {code}"} for code, points in scores.items()]}


async def launch_and_pledge(http: httpx.AsyncClient, demo: DemoProvince, scored: Scored) -> None:
    head, secretary = await as_user(http, BLOCK_HEAD), await as_user(http, SECRETARY)
    movement = ok(await http.post("/movements", headers=secretary, json={
        "name": f"Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {YEAR}",
        "kind": "yearly", "from_year": YEAR, "until_year": YEAR, "launch_number": "25/KH-UBND",
        "launched_on": f"{YEAR}-02-20", "launched_by": "UBND tỉnh Bắc Ninh",
        "block_ids": [demo.blocks[BLOCK]]}))
    scored.movement_id = movement["movement"]["id"]
    for code in SELF_SCORES:
        ok(await http.post(f"/movements/{scored.movement_id}/registrations", headers=head, json={
            "unit_id": demo.units[code], "year": YEAR, "registered_on": f"{YEAR}-03-10",
            "award_code": "CO_THI_DUA_UBND_TINH" if code in ("SCT", "SXD") else None,
            "targets": [{"description": "Hoàn thành 100 % chỉ tiêu kế hoạch năm", "target": "100 %",
                         "criterion_code": "CT1a"}]}))
    scored.responses["pledge"] = ok(await http.post(f"/movements/{scored.movement_id}/pledges", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "signed_on": f"{YEAR}-03-15", "place": "Sở Công Thương",
        "signatories": [{"unit_id": demo.units[c], "full_name": f"Thủ trưởng {c}", "title": "Giám đốc"}
                        for c in SELF_SCORES]}))


async def open_block_scoring(http: httpx.AsyncClient, demo: DemoProvince, scored: Scored) -> None:
    head = await as_user(http, BLOCK_HEAD)
    criteria = ok(await http.post("/criteria-sets", headers=head, json={**four_good(), "block_id": demo.blocks[BLOCK]}))
    scored.criteria_set_id = criteria["id"]
    scoring = ok(await http.post("/scorings", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "round": "final", "criteria_set_id": scored.criteria_set_id,
        "movement_id": scored.movement_id}))
    scored.scoring_id = scoring["id"]


async def score_and_close(http: httpx.AsyncClient, demo: DemoProvince, scored: Scored) -> None:
    head = await as_user(http, BLOCK_HEAD)
    for code in SELF_SCORES:
        ok(await http.put(f"/scorings/{scored.scoring_id}/units/{demo.units[code]}/self-scores", headers=head,
                          json=self_scores(code)), 200)
    scored.responses["before"] = ok(await http.get(f"/scorings/{scored.scoring_id}", headers=head), 200)
    scored.responses["adjusted"] = ok(await http.post(f"/scorings/{scored.scoring_id}/adjustments", headers=head,
                                                      json={"unit_id": demo.units["SXD"], **ADJUSTMENT}))
    scored.responses["closed"] = ok(await http.post(f"/scorings/{scored.scoring_id}/close", headers=head, json={}))


async def score_the_block(http: httpx.AsyncClient, demo: DemoProvince) -> Scored:
    scored = Scored()
    await launch_and_pledge(http, demo, scored)
    await open_block_scoring(http, demo, scored)
    await score_and_close(http, demo, scored)
    return scored
