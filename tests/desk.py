"""Signing in at the desk as a browser does: read the sign-in page's CSRF token, post the form, keep the cookie."""

import re
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, Year, as_user, hold_meeting, ok

OTHER_BLOCK_HEAD = "truongkhoi.vhxh"
SignIn = Callable[[str], Awaitable[httpx.AsyncClient]]  # the signed_in fixture: a demo login → their browser
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


def screening_form(page: str, ids: list[int], returned: dict[int, str]) -> dict[str, str]:
    """What a secretary posts: every dossier eligible but those returned, with the reason typed for them."""
    form = {"csrf_token": csrf_of(page)}
    for i, nomination_id in enumerate(ids):
        form |= {f"results.{i}.nomination_id": str(nomination_id),
                 f"results.{i}.eligible": "false" if nomination_id in returned else "true",
                 f"results.{i}.reason": returned.get(nomination_id, "")}
    return form


def candidate_fields(row: int, candidate: dict[str, Any]) -> dict[str, str]:
    """One candidate of the API's body as the meeting form's row posts it."""
    recipient = f"person:{candidate['person_id']}" if "person_id" in candidate else f"unit:{candidate['unit_id']}"
    fields = {f"candidates.{row}.recipient": recipient, f"candidates.{row}.award_code": candidate["award_code"],
              f"candidates.{row}.achievement": candidate.get("achievement", "")}
    for name, value in candidate.get("facts", {}).items():
        fields[f"candidates.{row}.facts.{name}"] = str(value).lower() if isinstance(value, bool) else str(value)
    return fields


def meeting_form(page: str, body: dict[str, Any]) -> dict[str, Any]:
    """The API's POST /meetings body as the desk's meeting form posts it (the attendance boxes ticked)."""
    form: dict[str, Any] = {"csrf_token": csrf_of(page)}
    form |= {name: str(body[name]) for name in ("held_on", "location", "method", "chair_name", "chair_title",
                                                "secretary_name", "secretary_title")}
    form |= {"opened_at": str(body["opened_at"])[:5], "present_unit_ids": [str(u) for u in body["present_unit_ids"]]}
    for row, candidate in enumerate(body["candidates"]):
        form |= candidate_fields(row, candidate)
    return form
