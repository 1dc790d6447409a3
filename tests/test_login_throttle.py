"""Password guessing is slowed down: after too many failures the next attempt waits, and every attempt is kept."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlmodel import col, select

from models.domain.login_limit import LoginLimit
from models.settings import get_settings
from models.storage.db import open_session
from models.storage.demo import demo_data
from models.tables.accounts import IdempotentResponse
from models.tables.logins import LoginAttempt
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, SECRETARY

PASSWORD = demo_data()["accounts"]["password"]


async def log_in(http: httpx.AsyncClient, username: str, password: str, **headers: str) -> httpx.Response:
    return await http.post("/login/access-token", data={"username": username, "password": password},
                           headers=headers)


def test_the_limit_counts_failures_in_its_window_and_frees_when_the_oldest_leaves_it() -> None:
    limit = LoginLimit(failures=3, window=timedelta(minutes=15))
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    minutes_ago = [now - timedelta(minutes=m) for m in (20, 10, 5, 1)]
    assert limit.wait_seconds(minutes_ago[:2], now) == 0  # one failure in the window
    assert limit.wait_seconds(minutes_ago, now) == 5 * 60  # the one 10 minutes ago leaves in 5
    assert limit.wait_seconds([now - timedelta(seconds=899.5)] * 3, now) == 1


async def test_after_ten_wrong_passwords_the_account_waits_and_others_do_not(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    allowed = get_settings().login_failures_per_account
    for _ in range(allowed):
        wrong = await log_in(anonymous, SECRETARY, "mat-khau-sai")
        assert wrong.status_code == 401 and wrong.json()["errors"][0]["rule"] == "auth.credentials"
    throttled = await log_in(anonymous, SECRETARY, PASSWORD)  # even the right password waits now
    assert throttled.status_code == 429, throttled.text
    assert throttled.json()["errors"][0]["rule"] == "auth.throttled"
    assert 0 < int(throttled.headers["Retry-After"]) <= get_settings().login_window_seconds
    assert (await log_in(anonymous, BLOCK_HEAD, PASSWORD)).status_code == 200

    async with open_session() as session:
        kept = (await session.exec(select(LoginAttempt).order_by(col(LoginAttempt.id)))).all()
    assert [(a.username, a.succeeded, a.client_address) for a in kept] == (
        [(SECRETARY, False, "127.0.0.1")] * allowed + [(BLOCK_HEAD, True, "127.0.0.1")])


async def test_a_success_starts_the_account_count_again(anonymous: httpx.AsyncClient, demo: DemoProvince) -> None:
    allowed = get_settings().login_failures_per_account
    for _ in range(allowed - 1):
        assert (await log_in(anonymous, SECRETARY, "mat-khau-sai")).status_code == 401
    assert (await log_in(anonymous, SECRETARY, PASSWORD)).status_code == 200
    assert (await log_in(anonymous, SECRETARY, "mat-khau-sai")).status_code == 401
    assert (await log_in(anonymous, SECRETARY, PASSWORD)).status_code == 200


async def test_an_unknown_name_gets_the_same_answer_as_a_wrong_password(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    unknown = await log_in(anonymous, "khong.ton.tai", PASSWORD)
    wrong = await log_in(anonymous, SECRETARY, "mat-khau-sai")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()


async def test_a_login_sent_with_an_idempotency_key_logs_in_and_stores_no_token(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    first = await log_in(anonymous, SECRETARY, PASSWORD, **{"Idempotency-Key": "dang-nhap-1"})
    again = await log_in(anonymous, SECRETARY, PASSWORD, **{"Idempotency-Key": "dang-nhap-1"})
    assert first.status_code == again.status_code == 200, first.text
    assert "Idempotent-Replayed" not in again.headers
    token = first.json()["access_token"]
    issued = await anonymous.post("/me/api-tokens", headers={"Authorization": f"Bearer {token}",
                                                            "Idempotency-Key": "token-1"},
                                  json={"name": "Phần mềm của Khối"})
    assert issued.status_code == 201, issued.text
    async with open_session() as session:
        stored = (await session.exec(select(IdempotentResponse))).all()
    secret = issued.json()["token"]
    assert all(secret.encode() not in (r.body or b"") for r in stored)
