"""Logging in, the caller's own account, and their long-lived API tokens."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from sqlmodel import Field, SQLModel, col, select

from api.auth import check_password, create_access_token
from api.deps import CurrentPrincipal, PathId, SessionDep
from models.recording.accounts import grants_of, issue_api_token, revoke_api_token, set_password
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
    user = await check_password(session, form.username, form.password, address)
    return AccessToken(access_token=create_access_token(user.id))


class PasswordChange(SQLModel):
    username: str = Field(min_length=1, max_length=255)
    password: str = Field(min_length=1, max_length=1024, description="The current (or one-time) password")
    new_password: str = Field(min_length=10, max_length=128)


@router.post("/login/change-password")
async def change_password(data: PasswordChange, session: SessionDep, request: Request) -> AccessToken:
    """Set a new password, with the current one (an imported account's one-time password is good only for
    this); answers an access token, as a login does. Behind the same throttle as logging in."""
    address = request.client.host if request.client else ""
    user = await check_password(session, data.username, data.password, address, to_change_it=True)
    await set_password(session, user, data.password, data.new_password)
    await session.commit()
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
