"""The block meeting's papers from the desk's own forms: a reason typed beside an absent unit, the counting
committee and its count, the votes for next year's head; the minutes print what was typed, and a reason given for
a unit ticked present is refused beside that unit's box."""

import httpx

from docx_templates import DocumentKind
from tests.demo import DemoProvince
from tests.desk import SignIn, csrf_of, meeting_form
from tests.docx_read import body_texts, open_docx
from tests.year import BLOCK, BLOCK_HEAD, YEAR, Year, candidates, import_past_titles, meeting_body, ok, results_body


async def test_absence_reasons_and_the_ballot_count_typed_at_the_desk_reach_the_minutes(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    await import_past_titles(client)
    head = await signed_in(BLOCK_HEAD)
    url = f"/desk/blocks/{demo.blocks[BLOCK]}/years/{YEAR}/meeting"
    page = await head.get(url)
    absent = demo.units["CTK"]
    assert f'name="absence_reason.{absent}"' in page.text
    form = meeting_form(page.text, meeting_body(demo))
    refused = await head.post(url, data=form | {f"absence_reason.{demo.units['SCT']}": "ốm"})  # SCT is present
    assert refused.status_code == 422
    box = refused.text.index(f'name="absence_reason.{demo.units["SCT"]}"')
    assert "chỉ ghi lý do vắng cho đơn vị vắng mặt" in refused.text[box:box + 800]
    opened = await head.post(url, data=form | {f"absence_reason.{absent}": "Dự hội nghị của Tổng cục Thống kê"})
    assert opened.status_code == 303, opened.text
    meeting_url = opened.headers["location"].split("?")[0]
    year = Year(meeting_id=int(meeting_url.split("/")[-2]))
    nominations = ok(await client.get("/nominations", params={"year": YEAR}), 200)
    year.candidates = {label: n["id"] for (label, _, _), n in zip(candidates(demo), nominations, strict=True)}

    ballots = await head.get(meeting_url)
    assert "Không biểu quyết" not in ballots.text  # a secret ballot: no abstention to enter
    body = results_body(demo, year)
    data = {"csrf_token": csrf_of(ballots.text), "next_head_unit_id": str(body["next_head_unit_id"]),
            "next_deputy_unit_id": str(body["next_deputy_unit_id"]), "closed_at": "11:00",
            "counting_committee": "Lê Văn Đức\nPhạm Thu Hà\n", "ballots_issued": "6", "ballots_returned": "6",
            "ballots_invalid": "0", "next_head_votes": "6", "next_deputy_votes": "5"}
    for i, t in enumerate(body["tallies"]):
        data |= {f"tallies.{i}.{k}": str(v) for k, v in t.items()} | {f"tallies.{i}.invalid": "0"}
    recorded = await head.post(meeting_url, data=data)
    assert recorded.status_code == 200 and "Đã ghi kết quả bỏ phiếu" in recorded.text, recorded.text
    assert "bien-ban-kiem-phieu" in recorded.text

    history = ok(await client.get(f"/nominations/{year.candidates['flag_sct']}"), 200)["history"]
    [minutes] = [d for d in history[1]["documents"] if d["kind"] == DocumentKind.MEETING_MINUTES.value]
    text = body_texts(open_docx((await client.get(minutes["download_url"])).content))
    assert "- Thống kê tỉnh (lý do: Dự hội nghị của Tổng cục Thống kê)." in text
    assert text[text.index("Ban kiểm phiếu gồm:") + 1:][:2] == ["- Lê Văn Đức, Trưởng ban;",
                                                                "- Phạm Thu Hà, Thành viên."]
    assert ("Hội nghị bầu Sở Tài chính làm Trưởng Khối năm 2027 với 6/7 phiếu đồng ý (85,71% tổng số thành viên "
            "của Khối).") in text
