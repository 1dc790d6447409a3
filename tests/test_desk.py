"""The desk over HTTP: sign-in, CSRF, the login throttle, a block head's reach, and what each role's inbox shows."""

import html

import httpx
from sqlmodel import select

from models.domain.enums import StageKind, StageStatus
from models.domain.permissions import Role
from models.domain.vietnamese import ROLE_VI
from models.storage.db import open_session
from models.tables.stage import Stage
from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn, csrf_of, desk_sign_in, proposed_year
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    SECRETARY,
    Year,
    as_user,
    council_review,
    hold_meeting,
    ok,
    submit_and_screen,
)


async def test_sign_in_wrong_password_then_right(visitor: httpx.AsyncClient) -> None:
    assert (await visitor.get("/desk")).headers["location"] == "/desk/sign-in"
    wrong = await desk_sign_in(visitor, SECRETARY, "not-the-password")
    assert wrong.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.text
    right = await desk_sign_in(visitor, SECRETARY)
    assert right.status_code == 303 and right.headers["location"] == "/desk"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/desk" in cookie
    inbox = await visitor.get("/desk")
    assert inbox.status_code == 200
    assert "Bùi Thị Ngọc Hà" in inbox.text and html.escape(ROLE_VI[Role.COUNCIL_SECRETARY]) in inbox.text
    signed_out = await visitor.post("/desk/sign-out", data={"csrf_token": csrf_of(inbox.text)})
    assert signed_out.status_code == 303
    assert (await visitor.get("/desk")).headers["location"] == "/desk/sign-in"


async def test_the_desk_cookie_is_no_api_token(visitor: httpx.AsyncClient) -> None:
    await desk_sign_in(visitor, SECRETARY)
    cookie = visitor.cookies.get("tdkt_desk")
    assert cookie
    refused = await visitor.get("/nominations", headers={"Authorization": f"Bearer {cookie}"})
    assert refused.status_code == 401


async def test_a_form_without_the_session_token_is_refused(
    visitor: httpx.AsyncClient, client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await proposed_year(client, demo)
    page = await visitor.get("/desk/sign-in")
    forged = await visitor.post("/desk/sign-in", data={"csrf_token": "guessed", "username": SECRETARY,
                                                       "password": "demo-tdkt-2026"})
    assert forged.status_code == 403 and "tdkt_desk" not in forged.headers.get("set-cookie", "")
    await visitor.post("/desk/sign-in", data={"csrf_token": csrf_of(page.text), "username": SECRETARY,
                                              "password": "demo-tdkt-2026"})
    ids = [n["id"] for n in year.responses["proposal"]["nominations"]]
    body = {f"results.{i}.{k}": v for i, n in enumerate(ids)
            for k, v in (("nomination_id", str(n)), ("eligible", "true"), ("reason", ""))}
    refused = await visitor.post(f"/desk/proposals/{year.proposal_id}/screening", data=body)  # no token
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
    await council_review(client, year)
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.council_id, "award_code": "CO_THI_DUA_UBND_TINH"}))
    inbox = (await chairman.get("/desk")).text
    assert "Ký Quyết định" in inbox and f"Dự thảo số {draft['id']}" in inbox


async def test_the_desk_shares_the_login_throttle(visitor: httpx.AsyncClient, client: httpx.AsyncClient) -> None:
    for _ in range(10):
        assert (await desk_sign_in(visitor, CHAIRMAN_OFFICE, "wrong")).status_code == 401
    throttled = await desk_sign_in(visitor, CHAIRMAN_OFFICE)  # even the right password waits now
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


async def test_a_nominations_page_shows_its_deadlines_in_working_days(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    year = await proposed_year(client, demo)  # the block's Tờ trình is dated 16/12/2026
    page = html.unescape((await (await signed_in(SECRETARY)).get(
        f"/desk/nominations/{next(iter(year.candidates.values()))}")).text)
    assert "Khối, cụm gửi hồ sơ đề nghị khen thưởng về Sở Nội vụ trước ngày 10/12" in page
    assert "Hạn 10/12/2026; thực hiện ngày 16/12/2026 — quá hạn" in " ".join(page.replace("<strong>", "").replace(
        "</strong>", "").split())
    assert "Hạn 14/01/2027" in page  # 20 working days after 16/12/2026, New Year's Day skipped
