"""The desk's forms over HTTP: each posts to the API's own recording function, and a refusal comes back beside
the field it names."""

import html

import httpx

from models.domain.enums import State
from models.domain.vietnamese import STATE_VI
from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn, csrf_of, proposed_year, screening_form
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    SECRETARY,
    Year,
    as_user,
    council_review,
    hold_meeting,
    ok,
    open_meeting,
    results_body,
    submit_and_screen,
)


async def test_screening_at_the_desk(client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn) -> None:
    year = await proposed_year(client, demo)
    ids = [n["id"] for n in year.responses["proposal"]["nominations"]]
    dung = year.candidates["bk_dung"]
    secretary = await signed_in(SECRETARY)
    url = f"/desk/proposals/{year.proposal_id}/screening"
    page = await secretary.get(url)
    assert page.status_code == 200 and "Tiêu chuẩn" in page.text and "Đủ điều kiện" in page.text

    # A return without a reason: the form comes back (422) with the API's own message beside that dossier's reason.
    refused = await secretary.post(url, data=screening_form(page.text, ids, {dung: " "}),
                                   headers={"HX-Request": "true"})
    assert refused.status_code == 422
    assert refused.text.lstrip().startswith('<div id="screening">'), "htmx swaps the form, not a whole page"
    body = {"results": [{"nomination_id": n, "eligible": n != dung, "reason": ""} for n in ids]}
    api = await client.post(f"/proposals/{year.proposal_id}/screening", json=body,
                            headers=await as_user(client, SECRETARY))
    [problem] = api.json()["errors"]
    index = ids.index(dung)
    assert problem["field"] == f"results.{index}.reason"
    reason_box = refused.text.index(f'name="results.{index}.reason"')
    beside = refused.text.index(html.escape(problem["message_vi"], quote=False), reason_box)
    assert beside < refused.text.index("</fieldset>", reason_box), "the message sits in that dossier's fieldset"

    done = await secretary.post(url, data=screening_form(page.text, ids, {dung: "Thiếu báo cáo thành tích"}))
    assert done.status_code == 200 and "Đã ghi kết quả thẩm định" in done.text
    dossier = (await secretary.get(f"/desk/nominations/{dung}")).text
    assert html.escape(STATE_VI[State.RETURNED]) in dossier and "Lý do: Thiếu báo cáo thành tích" in dossier
    assert "4 phiếu đồng ý, 2 không đồng ý; cần 4 trên tổng số 7 thành viên: đạt" in dossier  # the block vote
    again = await secretary.get(url)
    assert "đã được thẩm định" in again.text


async def test_signing_a_decision_at_the_desk(client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    await council_review(client, year)
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.standing_id, "award_code": "BANG_KHEN_CT_TAP_THE"}))
    chairman = await signed_in(CHAIRMAN_OFFICE)
    url = f"/desk/decisions/{draft['id']}/sign"
    assert url in (await chairman.get("/desk")).text
    page = await chairman.get(url)
    assert page.status_code == 200
    for item in draft["items"]:
        assert f'id="row-{item["nomination_id"]}"' in page.text and html.escape(item["candidate_name"]) in page.text
    struck = year.candidates["bk_sxd"]
    form = {"csrf_token": csrf_of(page.text), "signed_on": "2027-01-05", "signer_prefix": "KT. CHỦ TỊCH",
            "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng", f"strike.{struck}": "on"}
    refused = await chairman.post(url, data=form | {f"reason.{struck}": ""})  # struck without a reason
    assert refused.status_code == 422
    row = refused.text.index(f'id="row-{struck}"')
    assert refused.text.index('class="field-error"', row) < refused.text.index("</tr>", row)
    signed = await chairman.post(url, data=form | {f"reason.{struck}": "Đơn vị đang có đơn khiếu nại"})
    assert signed.status_code == 200 and "Đã ký Quyết định số 01/QĐ-UBND" in signed.text
    decision = ok(await client.get(f"/decisions/{draft['id']}"), 200)["decision"]
    assert decision["status"] == "signed" and decision["signer_name"] == "Trần Thị Minh Hằng"
    assert [i["decline_reason"] for i in decision["items"] if i["declined"]] == ["Đơn vị đang có đơn khiếu nại"]


async def test_recording_ballots_at_the_desk(client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    head, other = await signed_in(BLOCK_HEAD), await signed_in(OTHER_BLOCK_HEAD)
    url = f"/desk/meetings/{year.meeting_id}/results"
    assert url in (await head.get("/desk")).text
    assert (await other.get(url)).status_code == 404  # another block's meeting does not exist for them
    page = await head.get(url)
    assert "ít nhất 4 phiếu đồng ý</strong> trên tổng số 7 thành viên" in page.text  # more than half of 7
    body = results_body(demo, year)
    form = {"csrf_token": csrf_of(page.text), "next_head_unit_id": str(body["next_head_unit_id"]),
            "next_deputy_unit_id": str(body["next_deputy_unit_id"]), "closed_at": "11:00"}
    for i, t in enumerate(body["tallies"]):
        form |= {f"tallies.{i}.{k}": str(v) for k, v in t.items()} | {f"tallies.{i}.abstain": "0",
                                                                     f"tallies.{i}.invalid": "0"}
    too_many = form | {"tallies.1.votes_against": "6"}  # 2 for + 6 against, but only 6 members are present
    refused = await head.post(url, data=too_many)
    assert refused.status_code == 422
    row = refused.text.index(f'id="tally-{body["tallies"][1]["nomination_id"]}"')
    assert refused.text.index('class="field-error"', row) < refused.text.index("</tr>", row)
    recorded = await head.post(url, data=form)
    assert recorded.status_code == 200 and "Đã ghi kết quả bỏ phiếu" in recorded.text
    assert html.escape(STATE_VI[State.ENDORSED]) in recorded.text and "bien-ban" in recorded.text
    assert "Gửi Tờ trình đề nghị khen thưởng" in (await head.get("/desk")).text


async def test_submitting_the_proposal_at_the_desk(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    head = await signed_in(BLOCK_HEAD)
    url = f"/desk/meetings/{year.meeting_id}/proposal"
    assert url in (await head.get("/desk")).text
    page = await head.get(url)
    endorsed = [n for label, n in year.candidates.items() if label not in ("flag_sxd",)]  # 2 of 7: not endorsed
    for nomination_id in endorsed:
        assert f'id="nomination-{nomination_id}"' in page.text
    assert f'id="nomination-{year.candidates["flag_sxd"]}"' not in page.text
    form = {"csrf_token": csrf_of(page.text), "issued_on": "2026-12-16", "signer_title": "Giám đốc",
            "nomination_ids": [str(n) for n in endorsed]}
    refused = await head.post(url, data=form | {"signer_name": ""}, headers={"HX-Request": "true"})
    assert refused.status_code == 422 and refused.text.lstrip().startswith('<div id="proposal">')
    assert refused.text.index('class="field-error"') > refused.text.index('name="signer_name"')
    sent = await head.post(url, data=form | {"signer_name": "Nguyễn Hữu Phước"})
    assert sent.status_code == 200 and "Đã gửi Tờ trình số 01/TTr-SCT" in sent.text
    assert "Gửi Tờ trình đề nghị khen thưởng" not in (await head.get("/desk")).text
    secretary = await signed_in(SECRETARY)
    assert "Tờ trình số 01/TTr-SCT" in (await secretary.get("/desk")).text
