"""Logging in, the caller's own account, and their long-lived API tokens."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from sqlmodel import SQLModel, col, select

from api.auth import create_access_token
from api.deps import CurrentPrincipal, PathId, SessionDep
from models.domain.errors import Problem, Unauthorized
from models.domain.login_limit import LoginLimit
from models.passwords import password_matches
from models.recording.accounts import grants_of, issue_api_token, revoke_api_token, user_by_name
from models.recording.logins import note_attempt, refuse_if_throttled
from models.settings import get_settings
from models.tables.accounts import ApiToken, ApiTokenCreate, ApiTokenIssued, ApiTokenPublic, GrantPublic, UserPublic

router = APIRouter(tags=["login"])


class LoginForm:
    """The OAuth2 password form, with its lengths bounded (other OAuth2 fields are accepted and not used)."""

    def __init__(
        self,
        username: Annotated[str, Form(min_length=1, max_length=255)],
        password: Annotated[str, Form(min_length=1, max_length=1024)],
    ) -> None:
        self.username, self.password = username, password


class AccessToken(SQLModel):
    access_token: str
    token_type: str = "bearer"


@router.post("/login/access-token")
async def login(
    form: Annotated[LoginForm, Depends()], session: SessionDep, request: Request
) -> AccessToken:
    """Exchange a login name and password for a short-lived access token (429 after too many failures)."""
    address = request.client.host if request.client else ""
    settings = get_settings()
    window = timedelta(seconds=settings.login_window_seconds)
    await refuse_if_throttled(session, form.username, address,
                              LoginLimit(settings.login_failures_per_account, window),
                              LoginLimit(settings.login_failures_per_address, window))
    user = await user_by_name(session, form.username)
    matches = await password_matches(form.password, user.password_hash if user is not None else None)
    succeeded = user is not None and user.is_active and matches
    await note_attempt(session, form.username, address, succeeded)
    if user is None or not succeeded:
        raise Unauthorized(Problem("password", "auth.credentials", "The login name or the password is wrong.",
                                   vi="Tên đăng nhập hoặc mật khẩu không đúng."))
    return AccessToken(access_token=create_access_token(user.id))


@router.get("/me")
async def me(session: SessionDep, principal: CurrentPrincipal) -> UserPublic:
    grants = [GrantPublic.model_validate(g) for g in await grants_of(session, principal.user.id)]
    return UserPublic.model_validate(principal.user, update={"grants": grants})


@router.post("/me/api-tokens", status_code=status.HTTP_201_CREATED)
async def create_api_token(data: ApiTokenCreate, session: SessionDep, principal: CurrentPrincipal) -> ApiTokenIssued:
    """A long-lived token for a script; it is shown in this answer only."""
    row, token = await issue_api_token(session, principal.user.id, data.name)
    await session.commit()
    return ApiTokenIssued.model_validate(row, update={"token": token})


@router.get("/me/api-tokens")
async def list_api_tokens(session: SessionDep, principal: CurrentPrincipal) -> list[ApiTokenPublic]:
    query = select(ApiToken).where(ApiToken.user_id == principal.user.id).order_by(col(ApiToken.id))
    return [ApiTokenPublic.model_validate(t) for t in (await session.exec(query)).all()]


@router.delete("/me/api-tokens/{token_id}")
async def revoke(token_id: PathId, session: SessionDep, principal: CurrentPrincipal) -> ApiTokenPublic:
    """Revoke a token at once; scripts using it are refused from now on."""
    row = await revoke_api_token(session, principal.user.id, token_id)
    await session.commit()
    return ApiTokenPublic.model_validate(row)
