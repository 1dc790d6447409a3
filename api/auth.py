"""Who is calling: access tokens (JWT, short-lived), API tokens (long-lived, hashed), and delegations."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.domain.errors import Forbidden, NotFound, Problem, Unauthorized
from models.domain.limits import MAX_ID
from models.domain.login_limit import LoginLimit
from models.domain.permissions import Action, Grant, may
from models.domain.scope import ReadScope
from models.passwords import API_TOKEN_PREFIX, password_matches
from models.recording.accounts import delegating_principal, grant_set, user_by_name, user_for_api_token
from models.recording.logins import note_attempt, refuse_if_throttled
from models.settings import get_settings
from models.tables.accounts import User

ALGORITHM = "HS256"


@dataclass(frozen=True)
class Principal:
    """The caller, the grants they act with (their own or a delegating role holder's), and how to log it."""

    user: User
    grants: tuple[Grant, ...]
    actor: Actor

    def require(
        self, action: Action, block_id: int | None = None, year: int | None = None, field: str = "path",
        unit_id: int | None = None,
    ) -> None:
        verdict = may(self.grants, action, block_id, year, unit_id)
        if verdict.allowed:
            return
        if verdict.rule == "auth.scope":
            # Another block's objects are not acknowledged at all: 404, as if they did not exist.
            raise _hidden(field)
        raise Forbidden(verdict.problem("role"))

    @property
    def scope(self) -> ReadScope:
        return ReadScope.of(self.grants)

    @property
    def scoring_scope(self) -> ReadScope:
        """What the caller reads of the blocks' scoring, movements and registrations (a member unit: its block's)."""
        return ReadScope.of(self.grants, Action.READ_SCORING)

    def require_to_see(self, visible: bool, field: str) -> None:
        """Refuse an object this caller's scope does not reach: 404 as if it did not exist (another block's),
        or 403 when the caller reads nothing at all (no role that reads a block or the province)."""
        if self.scope.reads_nothing:
            self.require(Action.READ_BLOCK)  # names the roles that may read
        if not visible:
            raise _hidden(field)


def _hidden(field: str) -> NotFound:
    """What an object outside the caller's scope looks like: the same 404 as one that does not exist."""
    return NotFound(Problem(field, "exists", f"There is no {field.removesuffix('_id')} with that id.",
                            vi=f"Không tìm thấy dữ liệu có mã số này ({field})."))


def create_access_token(user_id: int) -> str:
    settings = get_settings()
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=settings.access_token_minutes)}
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def _unauthorized(message: str, *, vi: str) -> Unauthorized:
    return Unauthorized(Problem("Authorization", "auth.token", message, vi=vi))


async def authenticate(session: AsyncSession, token: str | None) -> User:
    if not token:
        raise _unauthorized("Log in first: send 'Authorization: Bearer <token>'.",
                            vi="Đề nghị đăng nhập trước khi sử dụng chức năng này.")
    if token.startswith(API_TOKEN_PREFIX):
        user = await user_for_api_token(session, token)
        if user is None:
            raise _unauthorized("This API token is unknown or has been revoked.",
                                vi="Mã truy cập API không đúng hoặc đã bị thu hồi.")
    else:
        try:
            claims = jwt.decode(token, get_settings().secret_key, algorithms=[ALGORITHM],
                                options={"require": ["exp", "sub"]})
        except jwt.ExpiredSignatureError:
            raise _unauthorized("Your session has expired; log in again.",
                                vi="Phiên làm việc đã hết hạn; đề nghị đăng nhập lại.") from None
        except jwt.InvalidTokenError:
            raise _unauthorized("This access token is not valid; log in again.",
                                vi="Mã đăng nhập không hợp lệ; đề nghị đăng nhập lại.") from None
        subject = str(claims["sub"])
        found = await session.get(User, int(subject)) if subject.isdigit() and int(subject) <= MAX_ID else None
        if found is None:
            raise _unauthorized("This account no longer exists.", vi="Tài khoản này không còn tồn tại.")
        user = found
    if not user.is_active:
        raise _unauthorized("This account is disabled.", vi="Tài khoản này đã bị khóa.")
    if user.must_change_password:
        raise must_change_password()
    return user


def must_change_password() -> Forbidden:
    return Forbidden(Problem("password", "auth.must_change_password",
                             "This account's password was given once: change it first (POST /login/change-password).",
                             vi="Mật khẩu này chỉ dùng một lần để đổi mật khẩu: đề nghị đặt mật khẩu mới "
                                "(POST /login/change-password) rồi đăng nhập bằng mật khẩu mới."))


async def check_password(session: AsyncSession, username: str, password: str, address: str, *,
                         to_change_it: bool = False) -> User:
    """The account whose password this is, behind the login throttle (429); every attempt is kept. The API's
    token login and the desk's sign-in both use it, so they throttle and refuse alike. A one-time password
    (an imported account's) is accepted only `to_change_it`: it opens nothing else (403)."""
    settings = get_settings()
    window = timedelta(seconds=settings.login_window_seconds)
    await refuse_if_throttled(session, username, address,
                              LoginLimit(settings.login_failures_per_account, window),
                              LoginLimit(settings.login_failures_per_address, window))
    user = await user_by_name(session, username)
    matches = await password_matches(password, user.password_hash if user is not None else None)
    succeeded = user is not None and user.is_active and matches
    await note_attempt(session, username, address, succeeded)
    if user is None or not succeeded:
        raise Unauthorized(Problem("password", "auth.credentials", "The login name or the password is wrong.",
                                   vi="Tên đăng nhập hoặc mật khẩu không đúng."))
    if user.must_change_password and not to_change_it:
        raise must_change_password()
    return user


async def principal_of(session: AsyncSession, user: User, client_address: str | None) -> Principal:
    """The signed-in user acting with their own grants."""
    return Principal(user, await grant_set(session, user.id), Actor(user.username, None, client_address))


async def principal_for(
    session: AsyncSession, token: str | None, on_behalf_of: str | None, client_address: str | None
) -> Principal:
    user = await authenticate(session, token)
    if not on_behalf_of:
        return await principal_of(session, user, client_address)
    holder = await delegating_principal(session, user.id, on_behalf_of, datetime.now(UTC).date())
    if holder is None:
        raise Forbidden(Problem("X-On-Behalf-Of", "delegation.active",
                                f"You have no delegation from {on_behalf_of!r} in force today.",
                                vi=f"Hôm nay tài khoản không có ủy quyền còn hiệu lực của {on_behalf_of!r}."))
    return Principal(user, await grant_set(session, holder.id), Actor(user.username, holder.username,
                                                                       client_address))
