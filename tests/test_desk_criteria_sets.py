"""Criteria sets at the desk: the set as a tree, and a new year's version made by copying it and editing maximum
points and bands; a refusal comes back beside the box it names, in the API's own Vietnamese, and stores nothing."""

import html
import re

import httpx

from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn
from tests.scoring_sets import four_good
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, as_user, ok

BOX = re.compile(r'<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"')
SELECTED = re.compile(r'<select[^>]*\bname="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected', re.DOTALL)
# CT1 (25 points) has CT1a (15) and CT1b (10): CT1a at 20 makes its children exceed it.
CT1, CT1A = "groups.0.children.0.max_points", "groups.0.children.0.children.0.max_points"


def form_of(page: str) -> dict[str, str]:
    """What the browser posts when the form is sent as shown: every box with its value, each list's choice."""
    return {name: html.unescape(value) for name, value in BOX.findall(page)} | dict(SELECTED.findall(page))


def error_beside(page: str, box: str) -> str:
    """The refusal printed right after the box (its label closes, the unit, then its message)."""
    found = re.search(rf'name="{re.escape(box)}"[^>]*>\s*</label>[^<]*<p class="field-error" role="alert">([^<]*)</p>',
                      page)
    return html.unescape(found.group(1)) if found else ""


async def test_the_secretary_copies_the_province_set_into_next_year(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    secretary_api = await as_user(client, SECRETARY)
    original = ok(await client.post("/criteria-sets", headers=secretary_api, json=four_good()))
    desk = await signed_in(SECRETARY)
    shown = await desk.get(f"/desk/criteria-sets/{original['id']}")
    assert shown.status_code == 200
    for name in ("Thực hiện tốt nhiệm vụ chính trị", "Chỉ tiêu chuyên môn chủ yếu", "Nộp báo cáo chậm"):
        assert html.escape(name, quote=False) in shown.text
    # The tree nests as the set does: CT1a inside CT1 inside CT.
    assert shown.text.index('id="node-CT"') < shown.text.index('id="node-CT1"') < shown.text.index('id="node-CT1a"')
    form = form_of(shown.text)
    assert form[CT1A] == "15" and form["year"] == "2027" and form["block_id"] == "province"

    refused = await desk.post(f"/desk/criteria-sets/{original['id']}/versions",
                              data=form | {CT1A: "20", "bands.1.from_points": "bảy lăm"})
    assert refused.status_code == 422
    api = await client.post("/criteria-sets", headers=secretary_api, json=four_good(2027) | {"groups": [
        {**four_good()["groups"][0], "children": [
            {**four_good()["groups"][0]["children"][0], "children": [
                {"code": "CT1a", "name": "Chỉ tiêu chuyên môn chủ yếu", "max_points": 20},
                {"code": "CT1b", "name": "Cải cách hành chính, chuyển đổi số", "max_points": 10}]},
            four_good()["groups"][0]["children"][1]]},
        *four_good()["groups"][1:]]})
    [problem] = api.json()["errors"]
    assert problem["field"] == CT1 and problem["rule"] == "criteria.children_over_parent"
    # Pydantic reads the points before the tree is checked: the band's box is refused first, in Vietnamese.
    assert "Khung xếp loại thứ 2: từ" in error_beside(refused.text, "bands.1.from_points")
    assert form_of(refused.text)[CT1A] == "20"  # what was typed is kept

    refused = await desk.post(f"/desk/criteria-sets/{original['id']}/versions", data=form | {CT1A: "20"})
    assert refused.status_code == 422
    assert error_beside(refused.text, CT1) == problem["message_vi"]  # the API's own words, beside CT1's box
    assert len(ok(await client.get("/criteria-sets"), 200)) == 1  # nothing stored

    created = await desk.post(f"/desk/criteria-sets/{original['id']}/versions",
                              data=form | {CT1A: "12,5", "bands.0.from_points": "92", "bands.1.below_points": "92"})
    assert created.status_code == 303
    new_id = int(created.headers["location"].split("/")[-1].split("?")[0])
    copied = ok(await client.get(f"/criteria-sets/{new_id}"), 200)
    assert (copied["year"], copied["version"], copied["code"], copied["block_id"]) == (2027, 1, "4-TOT", None)
    ct1a = copied["definition"]["groups"][0]["children"][0]["children"][0]
    assert ct1a == {"code": "CT1a", "name": "Chỉ tiêu chuyên môn chủ yếu", "max_points": 12.5, "guidance": "",
                    "children": []}
    assert [(b["from_points"], b["below_points"]) for b in copied["definition"]["bands"]] == [
        (92, None), (75, 92), (50, 75), (0, 50)]
    assert copied["definition"]["tie_break"] == four_good()["tie_break"]  # the rest is copied as it was
    unchanged = ok(await client.get(f"/criteria-sets/{original['id']}"), 200)
    assert unchanged["definition"] == original["definition"]
    page = await desk.get(created.headers["location"])
    assert "Đã tạo bảng tiêu chí năm 2027, lần 1." in page.text


async def test_a_block_head_writes_only_their_own_blocks_set(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    province = ok(await client.post("/criteria-sets", headers=await as_user(client, SECRETARY), json=four_good()))
    head = await signed_in(BLOCK_HEAD)
    shown = await head.get(f"/desk/criteria-sets/{province['id']}")
    form = form_of(shown.text)
    # The province's own set is not offered to a block head, and the year is the one their role covers.
    assert (form["block_id"], form["year"]) == (str(demo.blocks[BLOCK]), "2026")
    assert 'value="province"' not in shown.text
    refused = await head.post(f"/desk/criteria-sets/{province['id']}/versions", data=form | {"block_id": "province"})
    assert refused.status_code == 403
    assert "Trưởng Khối ghi mã Khối của mình" in error_beside_select(refused.text, "block_id")
    others = await head.post(f"/desk/criteria-sets/{province['id']}/versions",
                             data=form | {"block_id": str(demo.blocks["KHOI-VAN-HOA-XA-HOI"])})
    assert others.status_code == 404
    assert len(ok(await client.get("/criteria-sets"), 200)) == 1

    created = await head.post(f"/desk/criteria-sets/{province['id']}/versions", data=form)
    assert created.status_code == 303
    own = created.headers["location"].split("?")[0]
    copied = ok(await client.get(f"/criteria-sets/{own.split('/')[-1]}"), 200)
    assert (copied["year"], copied["version"], copied["block_id"]) == (2026, 1, demo.blocks[BLOCK])
    assert (await head.get(own)).status_code == 200
    other_head = await signed_in(OTHER_BLOCK_HEAD)
    assert (await other_head.get(own)).status_code == 404  # another block's set is not acknowledged


def error_beside_select(page: str, name: str) -> str:
    found = re.search(rf'<select id="{name}" name="{name}">.*?</select><p class="field-error" role="alert">([^<]*)',
                      page, re.DOTALL)
    return html.unescape(found.group(1)) if found else ""
