"""Signing in and out at the desk, with the API's own password check and login throttle."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.auth import check_password
from api.deps import SessionDep
from api.desk.guard import checked_form, visitor_session
from api.desk.render import Refusals, page
from api.desk.route import DeskRoute
from api.desk.session import DeskSession, clear_session, write_session
from models.domain.errors import DomainError, Problem, TooManyAttempts
from models.recording.desk_sessions import end_desk_session, start_desk_session

router = APIRouter(route_class=DeskRoute)
FIELDS = ("username", "password")


def sign_in_page(request: Request, desk: DeskSession, username: str = "", refusals: Refusals | None = None,
                 status_code: int = 200) -> HTMLResponse:
    response = page(request, "sign_in.html", {"csrf": desk.csrf, "username": username,
                                              "refusals": refusals or Refusals()}, status_code)
    write_session(request, response, desk)  # a first visit gets its CSRF token here
    return response


@router.get("/sign-in")
async def sign_in_form(request: Request) -> HTMLResponse:
    return sign_in_page(request, visitor_session(request))


@router.post("/sign-in")
async def sign_in(request: Request, session: SessionDep) -> Response:
    desk = visitor_session(request)
    form = await checked_form(request, desk)
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    if not username or not password or len(username) > 255 or len(password) > 1024:
        problem = Problem("password", "auth.credentials", "Give the login name and the password.",
                          vi="Nhập tên đăng nhập và mật khẩu.")
        return sign_in_page(request, desk, username, Refusals.of([problem], FIELDS), 422)
    address = request.client.host if request.client else ""
    try:
        user = await check_password(session, username, password, address)
    except DomainError as error:
        status = error.status
        response = sign_in_page(request, desk, username, Refusals.of(error.problems, FIELDS), status)
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    if desk.session_id is not None:  # signing in again in this browser: the session it replaces ends
        await end_desk_session(session, desk.session_id, "signed_in_again")
    session_id = await start_desk_session(session, user.id)
    await session.commit()
    home = RedirectResponse("/desk", status_code=303)
    write_session(request, home, desk.signed_in_as(user.id, session_id))
    return home


@router.post("/sign-out")
async def sign_out(request: Request, session: SessionDep) -> Response:
    """End the session on the server as well: a copy of the cookie taken before is refused from now on."""
    desk = visitor_session(request)
    await checked_form(request, desk)
    if desk.session_id is not None:
        await end_desk_session(session, desk.session_id, "signed_out")
        await session.commit()
    response = RedirectResponse("/desk/sign-in", status_code=303)
    clear_session(response)
    return response
