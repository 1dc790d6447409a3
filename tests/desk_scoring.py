"""The block's scoring as a block head does it at the desk: open the round, each member's sheet posted as its form."""

import re
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.desk import csrf_of
from tests.scoring_sets import four_good
from tests.scoring_year import SELF_SCORES, self_scores
from tests.year import BLOCK, BLOCK_HEAD, YEAR, as_user, ok


async def criteria_set(api: httpx.AsyncClient, demo: DemoProvince) -> int:
    """The block's own "4 tốt" set, uploaded through the API as the block's own software would."""
    head = await as_user(api, BLOCK_HEAD)
    return int(ok(await api.post("/criteria-sets", headers=head,
                                 json={**four_good(), "block_id": demo.blocks[BLOCK]}))["id"])


async def open_round_at_desk(desk: httpx.AsyncClient, demo: DemoProvince, criteria_set_id: int) -> int:
    page = await desk.get("/desk/scorings")
    assert page.status_code == 200, page.text
    opened = await desk.post("/desk/scorings", data={
        "csrf_token": csrf_of(page.text), "block_year": f"{demo.blocks[BLOCK]}:{YEAR}", "round": "final",
        "criteria_set_id": str(criteria_set_id), "movement_id": ""})
    assert opened.status_code == 303, opened.text
    found = re.fullmatch(r"/desk/scorings/(\d+)", opened.headers["location"])
    assert found, opened.headers["location"]
    return int(found.group(1))


def sheet_form(page: str, scores: dict[str, Any]) -> dict[str, str]:
    """A member's sheet as the form posts it: one box per criterion, points written the Vietnamese way (92,5)."""
    form = {"csrf_token": csrf_of(page)}
    for score in scores["scores"]:
        form[f"points.{score['criterion_code']}"] = str(score["points"]).replace(".", ",")
        form[f"evidence.{score['criterion_code']}"] = score["evidence"]
    return form


async def score_member(desk: httpx.AsyncClient, scoring_id: int, unit_id: int, scores: dict[str, Any]) -> None:
    url = f"/desk/scorings/{scoring_id}/units/{unit_id}"
    page = await desk.get(url)
    assert page.status_code == 200, page.text
    saved = await desk.post(f"{url}/self-scores", data=sheet_form(page.text, scores))
    assert saved.status_code == 303, saved.text


async def score_every_member(desk: httpx.AsyncClient, demo: DemoProvince, scoring_id: int) -> None:
    for code in SELF_SCORES:
        await score_member(desk, scoring_id, demo.units[code], self_scores(code))
