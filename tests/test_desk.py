"""The desk over HTTP: sign-in, CSRF, what each role's inbox shows, a block head's reach, the screening form."""

import contextlib
import html
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from sqlmodel import select

from models.domain.enums import StageKind, StageStatus, State
from models.domain.permissions import Role
from models.domain.vietnamese import ROLE_VI, STATE_VI
from models.storage.db import open_session
from models.storage.demo import demo_data
from models.tables.stage import Stage
from tests.conftest import app_client
from tests.demo import DemoProvince
from tests.desk import csrf_of, desk_sign_in
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

OTHER_BLOCK_HEAD = "truongkhoi.vhxh"


@pytest.fixture
async def browser(demo: DemoProvince) -> AsyncIterator[httpx.AsyncClient]:
    """A client with a cookie jar of its own, as one person's browser."""
    async with app_client() as http:
        yield http


SignIn = Callable[[str], Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def signed_in(demo: DemoProvince) -> AsyncIterator[SignIn]:
    """Sign in as a demo account in a browser of its own (each person has their own cookie jar)."""
    async with contextlib.AsyncExitStack() as stack:
        async def sign_in(username: str) -> httpx.AsyncClient:
            http = await stack.enter_async_context(app_client())
            response = await desk_sign_in(http, username)
            assert response.status_code == 303, response.text
            return http

        yield sign_in


async def proposed_year(api: httpx.AsyncClient, demo: DemoProvince) -> Year:
    """The block's meeting is held and its proposal submitted through the API: dossiers wait for screening."""
    year = Year()
    await hold_meeting(api, demo, year)
    proposal = ok(await api.post("/proposals", headers=await as_user(api, BLOCK_HEAD), json={
        "meeting_id": year.meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    year.proposal_id = proposal["stage"]["subject_id"]
    year.responses["proposal"] = proposal
    return year


async def test_sign_in_wrong_password_then_right(browser: httpx.AsyncClient) -> None:
    assert (await browser.get("/desk")).headers["location"] == "/desk/sign-in"
    wrong = await desk_sign_in(browser, SECRETARY, "not-the-password")
    assert wrong.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.text
    right = await desk_sign_in(browser, SECRETARY)
    assert right.status_code == 303 and right.headers["location"] == "/desk"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/desk" in cookie
    inbox = await browser.get("/desk")
    assert inbox.status_code == 200
    assert "Bùi Thị Ngọc Hà" in inbox.text and html.escape(ROLE_VI[Role.COUNCIL_SECRETARY]) in inbox.text
    signed_out = await browser.post("/desk/sign-out", data={"csrf_token": csrf_of(inbox.text)})
    assert signed_out.status_code == 303
    assert (await browser.get("/desk")).headers["location"] == "/desk/sign-in"


async def test_the_desk_cookie_is_no_api_token(browser: httpx.AsyncClient) -> None:
    await desk_sign_in(browser, SECRETARY)
    cookie = browser.cookies.get("tdkt_desk")
    assert cookie
    refused = await browser.get("/nominations", headers={"Authorization": f"Bearer {cookie}"})
    assert refused.status_code == 401


async def test_a_form_without_the_session_token_is_refused(
    browser: httpx.AsyncClient, client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await proposed_year(client, demo)
    page = await browser.get("/desk/sign-in")
    forged = await browser.post("/desk/sign-in", data={"csrf_token": "guessed", "username": SECRETARY,
                                                       "password": "demo-tdkt-2026"})
    assert forged.status_code == 403 and "tdkt_desk" not in forged.headers.get("set-cookie", "")
    await browser.post("/desk/sign-in", data={"csrf_token": csrf_of(page.text), "username": SECRETARY,
                                              "password": "demo-tdkt-2026"})
    ids = [n["id"] for n in year.responses["proposal"]["nominations"]]
    body = {f"results.{i}.{k}": v for i, n in enumerate(ids)
            for k, v in (("nomination_id", str(n)), ("eligible", "true"), ("reason", ""))}
    refused = await browser.post(f"/desk/proposals/{year.proposal_id}/screening", data=body)  # no token
    assert refused.status_code == 403
    assert "Biểu mẫu đã hết hạn" in refused.text
    async with open_session() as session:
        assert (await session.exec(select(Stage).where(Stage.kind == StageKind.SCREENING))).first() is None


async def test_a_block_head_sees_only_their_block(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    year = await proposed_year(client, demo)
    nomination = next(iter(year.candidates.values()))
    own, other = await signed_in(BLOCK_HEAD), await signed_in(OTHER_BLOCK_HEAD)
    assert (await own.get(f"/desk/nominations/{nomination}")).status_code == 200
    hidden = await other.get(f"/desk/nominations/{nomination}")
    assert hidden.status_code == 404 and "Không tìm thấy" in hidden.text
    assert f'href="/desk/nominations/{nomination}"' not in (await other.get("/desk/nominations")).text
    assert f'href="/desk/nominations/{nomination}"' in (await own.get("/desk/nominations")).text
    # The screening form is the office's: a block head is refused (403) and shown why.
    assert (await own.get(f"/desk/proposals/{year.proposal_id}/screening")).status_code == 403


async def test_each_role_sees_what_waits_for_it(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    head, other, secretary = [await signed_in(u) for u in (BLOCK_HEAD, OTHER_BLOCK_HEAD, SECRETARY)]
    assert "Mở hội nghị tổng kết Khối" in (await head.get("/desk")).text
    year = Year()
    await hold_meeting(client, demo, year)
    waiting = (await head.get("/desk")).text
    assert "Gửi Tờ trình đề nghị khen thưởng" in waiting and "Mở hội nghị tổng kết Khối" not in waiting
    assert "Gửi Tờ trình đề nghị khen thưởng" not in (await other.get("/desk")).text
    proposal = ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD), json={
        "meeting_id": year.meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    inbox = (await secretary.get("/desk")).text
    assert "Thẩm định hồ sơ" in inbox
    assert f"/desk/proposals/{proposal['stage']['subject_id']}/screening" in inbox
    assert "Gửi Tờ trình đề nghị khen thưởng" not in (await head.get("/desk")).text


async def test_chairman_office_sees_drafts_and_administrator_unfinished_stages(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    async with open_session() as session:
        session.add(Stage(kind=StageKind.MEETING_TALLY, subject_id=999, year=2026, status=StageStatus.FAILED,
                          recorded_by="test", attempts=5, last_error="constraint broken",
                          flow_run_id="0a1b2c3d-0000-0000-0000-000000000000"))
        await session.commit()
    admin, chairman = await signed_in("admin"), await signed_in(CHAIRMAN_OFFICE)
    inbox = (await admin.get("/desk")).text
    assert "Kiểm phiếu hội nghị Khối (bước số 1)" in inbox and "constraint broken" in inbox
    assert "/runs/flow-run/0a1b2c3d-0000-0000-0000-000000000000" in inbox  # Prefect's UI, from its settings
    assert "Không có việc nào đang chờ." in (await chairman.get("/desk")).text
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    await council_review(client, year, demo_data()["council"])
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.council_id, "award_code": "CO_THI_DUA_UBND_TINH"}))
    inbox = (await chairman.get("/desk")).text
    assert "Ký Quyết định" in inbox and f"Dự thảo số {draft['id']}" in inbox


def screening_form(page: str, ids: list[int], returned: dict[int, str]) -> dict[str, str]:
    """What a secretary posts: every dossier eligible but those returned, with the reason typed for them."""
    form = {"csrf_token": csrf_of(page)}
    for i, nomination_id in enumerate(ids):
        form |= {f"results.{i}.nomination_id": str(nomination_id),
                 f"results.{i}.eligible": "false" if nomination_id in returned else "true",
                 f"results.{i}.reason": returned.get(nomination_id, "")}
    return form


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
    await council_review(client, year, demo_data()["council"])
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.council_id, "award_code": "BANG_KHEN_CT_TAP_THE"}))
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


async def test_the_desk_shares_the_login_throttle(browser: httpx.AsyncClient, client: httpx.AsyncClient) -> None:
    for _ in range(10):
        assert (await desk_sign_in(browser, CHAIRMAN_OFFICE, "wrong")).status_code == 401
    throttled = await desk_sign_in(browser, CHAIRMAN_OFFICE)  # even the right password waits now
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    api = await client.post("/login/access-token", data={"username": CHAIRMAN_OFFICE, "password": "demo-tdkt-2026"})
    assert api.status_code == 429  # the same attempts count for the API's login


async def test_a_disabled_account_is_signed_out(client: httpx.AsyncClient, signed_in: SignIn) -> None:
    chairman = await signed_in(CHAIRMAN_OFFICE)
    assert (await chairman.get("/desk")).status_code == 200
    admin = await as_user(client, "admin")
    users = {u["username"]: u["id"] for u in (await client.get("/users", headers=admin)).json()}
    ok(await client.patch(f"/users/{users[CHAIRMAN_OFFICE]}", headers=admin, json={"is_active": False}), 200)
    assert (await chairman.get("/desk")).headers["location"] == "/desk/sign-in"
    partial = await chairman.get("/desk/nominations", headers={"HX-Request": "true"})
    assert partial.headers["HX-Redirect"] == "/desk/sign-in"
