"""Movements and block scoring at the desk over HTTP: each form posts to the API's own handler, a refusal comes back
beside the field in Vietnamese and changes nothing, and another block's head finds none of it (404)."""

import html

import httpx

from models.domain.vietnamese import RATING_VI
from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn, csrf_of
from tests.desk_scoring import criteria_set, open_round_at_desk, score_every_member, score_member, sheet_form
from tests.docx_read import table_rows
from tests.scoring_year import ADJUSTMENT, self_scores
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok

REASON = str(ADJUSTMENT["reason"])


def beside(page: str, field: str, message: str, end: str = "</td>") -> bool:
    """The message follows the field's box before the end of its cell."""
    box = page.index(f'name="{field}"')
    found = page.find(html.escape(message, quote=False), box)
    return found != -1 and found < page.index(end, box)


async def test_the_secretary_launches_a_movement_the_head_reads_it(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    secretary = await signed_in(SECRETARY)
    page = await secretary.get("/desk/movements")
    assert page.status_code == 200 and 'id="launch-form"' in page.text
    form = {"csrf_token": csrf_of(page.text), "name": "Phong trào thi đua «Chuyển đổi số»", "kind": "multi_year",
            "from_year": "2026", "until_year": "2025", "launch_number": "25/KH-UBND", "launched_on": "2026-02-20",
            "launched_by": "UBND tỉnh Bắc Ninh", "content": "", "block_ids": [str(demo.blocks[BLOCK])]}
    refused = await secretary.post("/desk/movements", data=form)
    assert refused.status_code == 422
    api = await client.post("/movements", headers=await as_user(client, SECRETARY), json={
        **{k: v for k, v in form.items() if k != "csrf_token"}, "block_ids": [demo.blocks[BLOCK]]})
    [problem] = api.json()["errors"]
    assert problem["field"] == "until_year"
    assert beside(refused.text, "until_year", problem["message_vi"], "</div>")
    assert ok(await client.get("/movements"), 200) == []  # the refused form recorded nothing

    launched = await secretary.post("/desk/movements", data={**form, "until_year": "2030"})
    assert launched.status_code == 303
    head = await signed_in(BLOCK_HEAD)
    listed = await head.get("/desk/movements")
    assert listed.status_code == 200 and 'id="launch-form"' not in listed.text  # a block head launches nothing
    row = listed.text[listed.text.index('id="movement-'):listed.text.index("</tr>", listed.text.index('id="movement-'))]
    for shown in ("Phong trào thi đua «Chuyển đổi số»", "Theo giai đoạn", "2026–2030",
                  "Số 25/KH-UBND ngày 20/02/2026", "UBND tỉnh Bắc Ninh", "Khối thi đua các sở quản lý kinh tế"):
        assert html.escape(shown, quote=False) in row, shown
    assert 'href="/desk/movements">Thi đua</a>' in listed.text  # the nav's link
    assert 'href="/desk/scorings">Chấm điểm thi đua của Khối</a>' in listed.text
    assert 'href="/desk/scorings">Kết quả chấm điểm của các Khối</a>' in (await secretary.get("/desk/movements")).text


async def test_the_head_scores_the_block_adjusts_with_a_reason_and_closes_to_a_leader(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    head = await signed_in(BLOCK_HEAD)
    scoring_id = await open_round_at_desk(head, demo, await criteria_set(client, demo))
    inbox = (await head.get("/desk")).text
    assert f'href="/desk/scorings/{scoring_id}">Hoàn tất chấm điểm thi đua</a>' in inbox

    sxd = demo.units["SXD"]
    sheet = f"/desk/scorings/{scoring_id}/units/{sxd}"
    page = (await head.get(sheet)).text
    assert "CT1a. Chỉ tiêu chuyên môn chủ yếu" in page and "Điểm thưởng" in page
    over = self_scores("SXD")
    [ct2] = [s for s in over["scores"] if s["criterion_code"] == "CT2"]
    ct2["points"] = 15.5  # the maximum is 15
    refused = await head.post(f"{sheet}/self-scores", data=sheet_form(page, over))
    assert refused.status_code == 422
    api = await client.put(f"/scorings/{scoring_id}/units/{sxd}/self-scores", json=over,
                           headers=await as_user(client, BLOCK_HEAD))
    [problem] = api.json()["errors"]
    assert problem["field"].endswith(".points"), problem  # the domain's sentence, numbers as Vietnamese writes them
    assert problem["message_vi"] == "Tiêu chí «CT2» được chấm 15,5 điểm, vượt quá điểm tối đa (15 điểm)."
    assert beside(refused.text, "points.CT2", problem["message_vi"]), refused.text
    table = ok(await client.get(f"/scorings/{scoring_id}"), 200)
    assert all(r["entries"] == [] for r in table["rows"])  # nothing of the refused sheet was kept

    await score_every_member(head, demo, scoring_id)
    page = (await head.get(sheet)).text
    no_reason = await head.post(f"{sheet}/adjustments", data={"csrf_token": csrf_of(page), "criterion_code": "CT2",
                                                               "points": "5", "reason": " "})
    assert no_reason.status_code == 422
    reason_box = no_reason.text.index('form="adjust-CT2" name="reason"', no_reason.text.index('id="c-CT2"'))
    cell = no_reason.text[reason_box:no_reason.text.index("</td>", reason_box)]
    assert '<p class="field-error" role="alert">Trường «Lý do điều chỉnh» phải có ít nhất 1 ký tự.</p>' in cell, cell
    assert all(e["adjustments"] == [] for r in ok(await client.get(f"/scorings/{scoring_id}"), 200)["rows"]
               for e in r["entries"])

    adjusted = await head.post(f"{sheet}/adjustments", data={
        "csrf_token": csrf_of(page), "criterion_code": "CT2", "points": "5", "reason": REASON})
    assert adjusted.status_code == 303
    page = (await head.get(sheet)).text
    row = page[page.index('id="c-CT2"'):page.index("</tr>", page.index('id="c-CT2"'))]
    assert '<del title="Điểm tự chấm">15</del> <ins title="Điểm thẩm định">5</ins>' in row
    assert html.escape(REASON, quote=False) in row
    assert 'name="points.CT2"' not in row  # reviewed: the self-score no longer changes

    closed = await head.post(f"/desk/scorings/{scoring_id}/close", data={"csrf_token": csrf_of(page)})
    assert closed.status_code == 303
    table_page = (await head.get(closed.headers["location"])).text
    assert "Đơn vị dẫn đầu Khối: <strong>Sở Công Thương</strong> (98 điểm" in table_page
    assert html.escape(RATING_VI["httnv"], quote=False) in table_page  # Thống kê tỉnh, 80 points
    assert "<del>15</del> <ins>5</ins>" in table_page  # the adjustments listed under the table
    assert "Hoàn tất chấm điểm thi đua" not in (await head.get("/desk")).text

    docx = await head.get(f"/desk/scorings/{scoring_id}/table.docx")
    assert docx.status_code == 200
    rows = table_rows(docx.content)
    assert ["1", "Sở Công Thương", "98", "98", "0", "0", "98", "Hoàn thành xuất sắc nhiệm vụ"] in rows
    pdf = await head.get(f"/desk/scorings/{scoring_id}/table.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    secretary = await signed_in(SECRETARY)  # the province reads every block's table, and changes none
    read_only = (await secretary.get(f"/desk/scorings/{scoring_id}")).text
    assert "Sở Công Thương" in read_only and "Xem điểm" in read_only and 'id="close-form"' not in read_only


async def test_a_tie_for_first_is_settled_by_the_vote_order_typed_at_closing(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    head = await signed_in(BLOCK_HEAD)
    scoring_id = await open_round_at_desk(head, demo, await criteria_set(client, demo))
    for code in ("SCT", "SXD", "STC", "SNNMT", "SKHCN", "BQLKCN", "CTK"):
        await score_member(head, scoring_id, demo.units[code], self_scores("SCT"))  # everyone equal
    page = (await head.get(f"/desk/scorings/{scoring_id}")).text
    refused = await head.post(f"/desk/scorings/{scoring_id}/close", data={"csrf_token": csrf_of(page)})
    assert refused.status_code == 422 and "bằng nhau ở vị trí thứ nhất" in refused.text
    assert ok(await client.get(f"/scorings/{scoring_id}"), 200)["status"] == "open"
    places = {f"vote_place.{demo.units[c]}": str(i) for i, c in enumerate(("STC", "SCT"), start=1)}
    closed = await head.post(f"/desk/scorings/{scoring_id}/close", data={"csrf_token": csrf_of(page), **places})
    assert closed.status_code == 303
    table = ok(await client.get(f"/scorings/{scoring_id}"), 200)
    assert table["leader_unit_id"] == demo.units["STC"] and table["vote_order"][:2] == [
        demo.units["STC"], demo.units["SCT"]]


async def test_another_blocks_head_finds_none_of_the_scoring_pages(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    head = await signed_in(BLOCK_HEAD)
    scoring_id = await open_round_at_desk(head, demo, await criteria_set(client, demo))
    other = await signed_in(OTHER_BLOCK_HEAD)
    token = csrf_of((await other.get("/desk/scorings")).text)
    base, unit = f"/desk/scorings/{scoring_id}", demo.units["SCT"]
    for url in (base, f"{base}/units/{unit}", f"{base}/table.docx", f"{base}/table.pdf"):
        assert (await other.get(url)).status_code == 404, url
    posts = {f"{base}/units/{unit}/self-scores": {"points.CT2": "10"},
             f"{base}/units/{unit}/adjustments": {"criterion_code": "CT2", "points": "5", "reason": "x"},
             f"{base}/close": {}, "/desk/scorings": {"block_year": f"{demo.blocks[BLOCK]}:{YEAR}",
                                                      "criteria_set_id": "1"}}
    for url, data in posts.items():
        answer = await other.post(url, data={"csrf_token": token, **data})
        assert answer.status_code == 404, (url, answer.text)
    listed = (await other.get("/desk/scorings")).text
    assert f'href="/desk/scorings/{scoring_id}"' not in listed  # not listed either
    table = ok(await client.get(f"/scorings/{scoring_id}"), 200)
    assert table["status"] == "open" and all(r["entries"] == [] for r in table["rows"])
