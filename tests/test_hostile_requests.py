"""Requests a careless or hostile client sends get a clear 4xx, never a 500."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import jwt

from models.settings import get_settings
from tests.demo import DemoProvince


def signed_token(subject: str) -> str:
    claims = {"sub": subject, "exp": datetime.now(UTC) + timedelta(minutes=5)}
    return jwt.encode(claims, get_settings().secret_key, algorithm="HS256")


async def test_a_correctly_signed_token_for_no_account_is_refused_as_unauthorised(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    for subject in ("không-phải-số", "99999", "9" * 40, "-1", ""):
        response = await anonymous.get("/me", headers={"Authorization": f"Bearer {signed_token(subject)}"})
        assert response.status_code == 401, (subject, response.text)
        assert response.json()["errors"][0]["rule"] == "auth.token"


async def test_a_chunked_body_over_the_limit_is_refused_as_too_large(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    chunk = b"x" * 65_536

    async def body() -> AsyncIterator[bytes]:
        for _ in range(get_settings().max_request_bytes // len(chunk) + 2):
            yield chunk

    response = await anonymous.post("/login/access-token", content=body(),
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert "content-length" not in response.request.headers  # sent chunked: the size was not declared
    assert response.status_code == 413, response.text
    assert response.json()["errors"][0]["rule"] == "request.too_large"
