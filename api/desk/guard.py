"""Who is at the desk, and whether a posted form came from one of its own pages.

Both are FastAPI dependencies, so every desk route states what it needs in its signature. The principal is built
by the API's own `principal_of` (api/auth.py), so the desk acts with exactly the grants the API would use.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from api.auth import Principal, principal_of
from api.deps import SessionDep
from api.desk.session import CSRF_FIELD, DeskSession, new_session, read_session
from models.recording.desk_sessions import desk_session_is_open
from models.tables.accounts import User


class SignInFirst(Exception):
    """No valid session: the visitor is sent to the sign-in page (handled in api/desk/__init__.py)."""


class ForgedForm(Exception):
    """A POST without the session's CSRF token: refused with 403, nothing done."""


@dataclass(frozen=True)
class Desk:
    """The signed-in person at the desk: their principal (grants, actor) and their session (CSRF token)."""

    principal: Principal
    session: DeskSession

    @property
    def csrf(self) -> str:
        return self.session.csrf


def visitor_session(request: Request) -> DeskSession:
    return read_session(request) or new_session()


async def signed_in(request: Request, session: SessionDep) -> Desk:
    desk = read_session(request)
    if desk is None or desk.user_id is None or desk.session_id is None:
        raise SignInFirst
    # The cookie's signature says who; the server's row says the session has not been ended since (signed out,
    # account disabled, password reset or changed).
    if not await desk_session_is_open(session, desk.session_id, desk.user_id):
        raise SignInFirst
    user = await session.get(User, desk.user_id)
    if user is None or not user.is_active or user.must_change_password:
        raise SignInFirst
    address = request.client.host if request.client else None
    principal = await principal_of(session, user, address)
    # A refused form rolls the session back, which would expire the user the page header still shows.
    session.expunge(user)
    return Desk(principal, desk)


SignedIn = Annotated[Desk, Depends(signed_in)]


async def checked_form(request: Request, desk: DeskSession) -> FormData:
    """The posted form, once its CSRF token matches the session's."""
    form = await request.form()
    if not desk.csrf_matches(form.get(CSRF_FIELD)):
        raise ForgedForm
    return form
