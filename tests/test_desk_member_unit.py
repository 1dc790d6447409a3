"""A member unit at the desk: its "việc cần làm" leads to its own sheet, which it fills and sends with evidence; the
head's adjustment box is not on its page, another unit's sheet has no boxes, and the dossiers' pages are not its."""

import html

import httpx

from tests.demo import DemoProvince
from tests.desk import SignIn
from tests.desk_scoring import sheet_form
from tests.scoring_year import Scored, launch_and_pledge, open_block_scoring, self_scores
from tests.year import BLOCK_HEAD, as_user, ok

MEMBER = "donvi.taichinh"  # the demo's member unit: Sở Tài chính


async def test_a_member_unit_fills_its_own_sheet_at_the_desk_and_the_head_sees_it_to_review(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    scored = Scored()
    await launch_and_pledge(client, demo, scored)
    await open_block_scoring(client, demo, scored)
    member = await signed_in(MEMBER)
    inbox = await member.get("/desk")
    own = f"/desk/scorings/{scored.scoring_id}/units/{demo.units['STC']}"
    assert inbox.status_code == 200 and "Gửi bảng tự chấm điểm" in inbox.text and f'href="{own}"' in inbox.text
    assert 'href="/desk/nominations"' not in inbox.text and 'href="/desk/movements"' in inbox.text
    assert (await member.get("/desk/nominations")).status_code == 403

    page = await member.get(own)
    assert page.status_code == 200 and 'id="self-scores"' in page.text
    assert 'placeholder="Lý do điều chỉnh"' not in page.text  # adjusting is the head's
    scores = self_scores("STC")
    too_much = sheet_form(page.text, scores) | {"points.CT1a": "16"}
    refused = await member.post(f"{own}/self-scores", data=too_much)
    assert refused.status_code == 422 and "vượt quá điểm tối đa" in html.unescape(refused.text)
    assert all(r["entries"] == [] for r in ok(await client.get(f"/scorings/{scored.scoring_id}"), 200)["rows"])
    saved = await member.post(f"{own}/self-scores", data=sheet_form(page.text, scores))
    assert saved.status_code == 303 and saved.headers["location"] == f"{own}?saved=1"
    shown = await member.get(saved.headers["location"])
    assert "Đã ghi điểm tự chấm của Sở Tài chính." in shown.text

    other = await member.get(f"/desk/scorings/{scored.scoring_id}/units/{demo.units['SCT']}")
    assert other.status_code == 200 and 'id="self-scores"' not in other.text  # reads the block's table only
    forged = await member.post(f"/desk/scorings/{scored.scoring_id}/units/{demo.units['SCT']}/self-scores",
                               data=sheet_form(page.text, self_scores("SCT")))
    assert forged.status_code == 404

    head = await signed_in(BLOCK_HEAD)
    review = await head.get(own)
    assert review.status_code == 200 and 'placeholder="Lý do điều chỉnh"' in review.text
    table = ok(await client.get(f"/scorings/{scored.scoring_id}", headers=await as_user(client, BLOCK_HEAD)), 200)
    [row] = [r for r in table["rows"] if r["unit_id"] == demo.units["STC"]]
    assert {e["submitted_by"] for e in row["entries"]} == {MEMBER} and row["unscored"] == []
    figures = await head.get("/desk/statistics")
    assert 'href="/desk/statistics/years.xlsx"' in figures.text
    workbook = await head.get("/desk/statistics/years.xlsx")
    assert workbook.status_code == 200 and workbook.content.startswith(b"PK")  # the .xlsx, in the head's scope
    assert (await member.get("/desk/statistics/years.xlsx")).status_code == 403
