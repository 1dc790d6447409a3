"""Signing in at the desk as a browser does: read the sign-in page's CSRF token, post the form, keep the cookie."""

import re

import httpx

from models.storage.demo import demo_data

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


async def desk_sign_in(http: httpx.AsyncClient, username: str, password: str | None = None) -> httpx.Response:
    form = await http.get("/desk/sign-in")
    assert form.status_code == 200, form.text
    return await http.post("/desk/sign-in", data={
        "csrf_token": csrf_of(form.text), "username": username,
        "password": demo_data()["accounts"]["password"] if password is None else password})
