"""The desk's session ends on the server: a copy of the cookie (stolen, or left in another browser) is refused once
its holder signs out, once an administrator disables the account or resets its password, and once the person
changes the password."""

import httpx
from sqlmodel import col, select

from models.storage.db import open_session
from models.storage.demo import demo_data
from models.tables.desk_sessions import DeskSignIn
from tests.conftest import app_client
from tests.desk import SignIn, csrf_of
from tests.year import SECRETARY, as_user, ok

ADMIN = "admin"
COOKIE = "tdkt_desk"


def copy_of_cookie(browser: httpx.AsyncClient) -> str:
    return str(browser.cookies[COOKIE])


async def copied_cookie_opens_the_desk(cookie: str) -> bool:
    """Whether another browser holding this cookie is let in (200) or sent to the sign-in page."""
    async with app_client() as thief:
        thief.cookies.set(COOKIE, cookie, domain="tdkt.test", path="/desk")
        answer = await thief.get("/desk")
    assert answer.status_code in (200, 303), answer.text
    return answer.status_code == 200


async def ended_because(username_id: int) -> list[str]:
    async with open_session() as session:
        rows = (await session.exec(select(DeskSignIn).where(DeskSignIn.user_id == username_id).order_by(
            col(DeskSignIn.started_at)))).all()
    return [r.ended_because for r in rows if r.ended_at is not None]


async def secretary_id(http: httpx.AsyncClient) -> int:
    users = ok(await http.get("/users", headers=await as_user(http, ADMIN)), 200)
    return int(next(u["id"] for u in users if u["username"] == SECRETARY))


async def test_a_copied_cookie_is_refused_after_signing_out(signed_in: SignIn) -> None:
    browser = await signed_in(SECRETARY)
    stolen = copy_of_cookie(browser)
    assert await copied_cookie_opens_the_desk(stolen)
    inbox = await browser.get("/desk")
    signed_out = await browser.post("/desk/sign-out", data={"csrf_token": csrf_of(inbox.text)})
    assert signed_out.status_code == 303
    assert not await copied_cookie_opens_the_desk(stolen)
    async with app_client() as api:
        assert await ended_because(await secretary_id(api)) == ["signed_out"]


async def test_a_copied_cookie_is_refused_once_the_account_is_disabled(signed_in: SignIn) -> None:
    stolen = copy_of_cookie(await signed_in(SECRETARY))
    async with app_client() as api:
        user_id = await secretary_id(api)
        ok(await api.patch(f"/users/{user_id}", headers=await as_user(api, ADMIN), json={"is_active": False}), 200)
        assert not await copied_cookie_opens_the_desk(stolen)
        assert await ended_because(user_id) == ["account_disabled"]
        # Enabled again, the ended session stays ended: the person signs in anew.
        ok(await api.patch(f"/users/{user_id}", headers=await as_user(api, ADMIN), json={"is_active": True}), 200)
        assert not await copied_cookie_opens_the_desk(stolen)


async def test_a_password_reset_ends_every_desk_session_of_the_account(signed_in: SignIn) -> None:
    office, home = [copy_of_cookie(await signed_in(SECRETARY)) for _ in range(2)]  # two browsers, one account
    async with app_client() as api:
        user_id = await secretary_id(api)
        other = copy_of_cookie(await signed_in(ADMIN))
        reset = ok(await api.post(f"/users/{user_id}/password-reset", headers=await as_user(api, ADMIN)), 200)
        assert not await copied_cookie_opens_the_desk(office)
        assert not await copied_cookie_opens_the_desk(home)
        assert await copied_cookie_opens_the_desk(other)  # the administrator's own session is untouched
        assert await ended_because(user_id) == ["password_reset", "password_reset"]
        # The one-time password opens nothing but the change of password; the new one signs in again.
        changed = await api.post("/login/change-password", json={
            "username": SECRETARY, "password": reset["one_time_password"], "new_password": "mat-khau-moi-2027"})
        assert changed.status_code == 200, changed.text


async def test_refused_reset_changes_nothing(signed_in: SignIn) -> None:
    cookie = copy_of_cookie(await signed_in(SECRETARY))
    async with app_client() as api:
        user_id = await secretary_id(api)
        refused = await api.post(f"/users/{user_id}/password-reset", headers=await as_user(api, SECRETARY))
        assert refused.status_code == 403 and refused.json()["errors"][0]["rule"] == "auth.role"
        missing = await api.post("/users/999999/password-reset", headers=await as_user(api, ADMIN))
        assert missing.status_code == 404 and missing.json()["errors"][0]["field"] == "user_id"
    assert await copied_cookie_opens_the_desk(cookie)


async def test_changing_ones_password_ends_the_sessions_opened_with_the_old_one(signed_in: SignIn) -> None:
    stolen = copy_of_cookie(await signed_in(SECRETARY))
    async with app_client() as api:
        changed = await api.post("/login/change-password", json={
            "username": SECRETARY, "password": demo_data()["accounts"]["password"],
            "new_password": "mat-khau-moi-2027"})
        assert changed.status_code == 200, changed.text
        assert not await copied_cookie_opens_the_desk(stolen)
        assert await ended_because(await secretary_id(api)) == ["password_changed"]
