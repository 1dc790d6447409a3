"""Request-level guards: a body size limit, and replaying the first answer to a retried creating request."""

import hashlib

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import authenticate
from api.idempotency_store import Replay, claim, release, remember
from api.problems import problem_response
from models.domain.errors import DomainError, Problem
from models.storage.db import open_session


class RequestTooLarge(DomainError):
    status = 413


class BodySizeLimit:
    """Refuse bodies over the limit, whether or not the client declared their length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    def _too_large(self) -> RequestTooLarge:
        return RequestTooLarge(Problem("body", "request.too_large",
                                       f"The request body is larger than {self.max_bytes} bytes.",
                                       vi=f"Dữ liệu gửi lên vượt quá giới hạn {self.max_bytes} byte."))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_bytes:
            error = self._too_large()
            await problem_response(error.status, error.problems)(scope, receive, send)
            return
        # Read the whole body first (it is small by then): a limit hit halfway through the app's own reading
        # would be reported by the framework as a malformed body (400), not as too large (413).
        messages: list[Message] = []
        received = 0
        while True:
            message = await receive()
            messages.append(message)
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                error = self._too_large()
                await problem_response(error.status, error.problems)(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replayed() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replayed, send)


# Their answers carry a token: stored for replay it would sit readable in the database. A login creates nothing
# a retry could duplicate; a retried API-token request makes a second token, which its owner can revoke.
ANSWERS_WITH_A_SECRET = frozenset({"/login/access-token", "/me/api-tokens", "/login/change-password",
                                   "/organisation/import"})  # the last: new accounts' one-time passwords


def bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" and token else None


class IdempotencyKeys(BaseHTTPMiddleware):
    """A POST with an Idempotency-Key runs once per user and key; a retry gets the first answer back."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        key = request.headers.get("idempotency-key")
        if request.method != "POST" or key is None or request.url.path in ANSWERS_WITH_A_SECRET:
            return await call_next(request)
        body = await request.body()
        fingerprint = hashlib.sha256(request.url.path.encode() + b"\n" + body).hexdigest()
        async with open_session() as session:
            try:
                user = await authenticate(session, bearer(request))
                if not 1 <= len(key) <= 255:
                    raise DomainError(Problem("Idempotency-Key", "idempotency.key_length",
                                              "An Idempotency-Key has 1 to 255 characters.",
                                              vi="Khóa Idempotency-Key phải có từ 1 đến 255 ký tự."))
                replay = await claim(session, user.id, key, fingerprint)
            except DomainError as error:
                return problem_response(error.status, error.problems)
        if replay is not None:
            return Response(replay.body, replay.status_code, media_type=replay.content_type,
                            headers={"Idempotent-Replayed": "true"})
        response = await call_next(request)
        content = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        async with open_session() as session:
            if response.status_code >= 500:
                await release(session, user.id, key)
            else:
                await remember(session, user.id, key, Replay(response.status_code,
                                                             response.headers.get("content-type", ""), content))
        return Response(content, response.status_code, headers=dict(response.headers))
