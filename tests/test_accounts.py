"""An administrator gives a role once, takes it back, and disables an account; the history of grants is kept."""

import asyncio
from collections import Counter

import httpx

from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, as_user

ADMIN = "admin"
PASSWORD = demo_data()["accounts"]["password"]


async def user_named(http: httpx.AsyncClient, username: str) -> dict[str, object]:
    users = (await http.get("/users", headers=await as_user(http, ADMIN))).json()
    return dict(next(u for u in users if u["username"] == username))


async def test_the_same_grant_given_fifty_times_at_once_is_given_once(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    admin = await as_user(anonymous, ADMIN)
    user = (await anonymous.post("/users", headers=admin, json={
        "username": "kiemtoan.moi", "full_name": "Đỗ Thị Lan", "password": PASSWORD})).json()
    responses = await asyncio.gather(*(anonymous.post(f"/users/{user['id']}/grants", headers=admin,
                                                      json={"role": "auditor"}) for _ in range(50)))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 49}
    assert {r.json()["errors"][0]["rule"] for r in responses if r.status_code == 409} == {"grant.once"}
    grants = (await user_named(anonymous, "kiemtoan.moi"))["grants"]
    assert [g["role"] for g in grants] == ["auditor"]  # type: ignore[attr-defined]


async def test_a_revoked_grant_stops_working_and_stays_listed(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    head = await as_user(anonymous, BLOCK_HEAD)
    assert (await anonymous.get("/units", headers=head)).status_code == 200
    user = await user_named(anonymous, BLOCK_HEAD)
    grant = user["grants"][0]  # type: ignore[index]
    revoked = await anonymous.delete(f"/users/{user['id']}/grants/{grant['id']}",
                                     headers=await as_user(anonymous, ADMIN))
    assert revoked.status_code == 200 and revoked.json()["revoked_by"] == ADMIN
    assert (await anonymous.get("/units", headers=head)).status_code == 403, "the same session loses the role"
    listed = (await user_named(anonymous, BLOCK_HEAD))["grants"]
    assert [(g["id"], g["revoked_at"] is not None) for g in listed] == [(grant["id"], True)]  # type: ignore[attr-defined]
    again = await anonymous.post(f"/users/{user['id']}/grants", headers=await as_user(anonymous, ADMIN),
                                 json={"role": "block_head", "block_id": grant["block_id"], "year": grant["year"]})
    assert again.status_code == 201, "a revoked role can be given again"
    assert (await anonymous.get("/units", headers=head)).status_code == 200


async def test_a_disabled_account_cannot_log_in_or_use_its_sessions_and_tokens(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    head = await as_user(anonymous, BLOCK_HEAD)
    token = (await anonymous.post("/me/api-tokens", headers=head, json={"name": "Phần mềm Khối"})).json()["token"]
    user = await user_named(anonymous, BLOCK_HEAD)
    admin = await as_user(anonymous, ADMIN)
    disabled = await anonymous.patch(f"/users/{user['id']}", headers=admin, json={"is_active": False})
    assert disabled.status_code == 200 and disabled.json()["is_active"] is False
    for headers in (head, {"Authorization": f"Bearer {token}"}):
        refused = await anonymous.get("/me", headers=headers)
        assert refused.status_code == 401 and "disabled" in refused.json()["detail"]
    login = await anonymous.post("/login/access-token", data={"username": BLOCK_HEAD, "password": PASSWORD})
    assert login.status_code == 401
    own = await user_named(anonymous, ADMIN)
    itself = await anonymous.patch(f"/users/{own['id']}", headers=admin, json={"is_active": False})
    assert itself.status_code == 422 and itself.json()["errors"][0]["rule"] == "user.not_self"
