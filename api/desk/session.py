"""The desk's session: a signed cookie naming the user, and the CSRF token every form posts back.

The cookie is a JWT signed with the application's secret key (the same settings that sign access tokens), with an
audience of its own: a desk cookie is refused as an API bearer token (PyJWT rejects a token with an audience when
none is expected) and an API token is refused as a desk cookie. It is HttpOnly (no script reads it), SameSite=Lax
(another site's form posts it not) and Secure when the desk is reached over HTTPS. A signed-in cookie also names a
session the server keeps (models/recording/desk_sessions.py): signing out ends it there, so a copy of the cookie
taken before is refused too.

CSRF: a synchronizer token. Every visitor's cookie, signed in or not, carries a random token; each form sends it
back in a hidden field (htmx requests send the same form) and a POST whose field does not match is refused. SameSite
alone would leave older browsers and same-site subdomains open, and an Origin check alone fails on proxies that
drop the header; the token does not depend on either.
"""

import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import jwt
from fastapi import Request, Response

from models.settings import get_settings

COOKIE = "tdkt_desk"
AUDIENCE = "tdkt-desk"
ALGORITHM = "HS256"
CSRF_FIELD = "csrf_token"
# A working day: office staff sign in in the morning and are not asked again before evening.
LIFETIME = timedelta(hours=10)


@dataclass(frozen=True)
class DeskSession:
    csrf: str
    user_id: int | None = None
    session_id: str | None = None  # the server's open sign-in (models/tables/desk_sessions.py)

    def signed_in_as(self, user_id: int, session_id: str) -> "DeskSession":
        # A fresh token at sign-in, so a token planted before it is worthless afterwards.
        return replace(self, user_id=user_id, session_id=session_id, csrf=secrets.token_urlsafe(24))

    def csrf_matches(self, sent: object) -> bool:
        return isinstance(sent, str) and hmac.compare_digest(sent.encode(), self.csrf.encode())


def new_session() -> DeskSession:
    return DeskSession(csrf=secrets.token_urlsafe(24))


def read_session(request: Request) -> DeskSession | None:
    """The visitor's session, or None when there is no cookie or it is forged or expired."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        claims = jwt.decode(raw, get_settings().secret_key, algorithms=[ALGORITHM], audience=AUDIENCE,
                            options={"require": ["exp", "aud", "csrf"]})
    except jwt.InvalidTokenError:
        return None
    subject, session_id = str(claims.get("sub", "")), claims.get("sid")
    return DeskSession(csrf=str(claims["csrf"]), user_id=int(subject) if subject.isdigit() else None,
                       session_id=session_id if isinstance(session_id, str) else None)


def write_session(request: Request, response: Response, desk: DeskSession) -> None:
    now = datetime.now(UTC)
    claims: dict[str, object] = {"aud": AUDIENCE, "csrf": desk.csrf, "iat": now, "exp": now + LIFETIME}
    if desk.user_id is not None and desk.session_id is not None:
        claims |= {"sub": str(desk.user_id), "sid": desk.session_id}
    token = jwt.encode(claims, get_settings().secret_key, algorithm=ALGORITHM)
    response.set_cookie(COOKIE, token, max_age=int(LIFETIME.total_seconds()), path="/desk", httponly=True,
                        samesite="lax", secure=request.url.scheme == "https")


def clear_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/desk", httponly=True, samesite="lax")
