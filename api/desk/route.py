"""The desk answers in HTML: its routes turn refusals into pages, where the API's would send problem+json.

A route class of its own (FastAPI's documented way to wrap a route's handler) keeps this to the desk's routes:
the API's exception handlers are left as they are.
"""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute

from api.desk.guard import ForgedForm, SignInFirst
from api.desk.render import is_htmx, page
from models.domain.errors import DomainError

TITLES_VI = {403: "Không được phép", 404: "Không tìm thấy", 409: "Đã có thay đổi khác trước",
             422: "Yêu cầu không hợp lệ", 429: "Thử lại sau ít phút", 503: "Hệ thống đang bận"}


def _sign_in_first(request: Request) -> Response:
    if is_htmx(request):  # a partial request cannot follow a redirect into the page: htmx loads it whole
        return Response(status_code=204, headers={"HX-Redirect": "/desk/sign-in"})
    return RedirectResponse("/desk/sign-in", status_code=303)


def error_page(request: Request, status: int, messages: list[str]) -> Response:
    return page(request, "error.html", {"title": TITLES_VI.get(status, "Có lỗi"), "messages": messages,
                                        "status": status}, status)


class DeskRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInFirst:
                return _sign_in_first(request)
            except ForgedForm:
                return error_page(request, 403, ["Biểu mẫu đã hết hạn hoặc không gửi từ trang của hệ thống. "
                                                 "Hãy tải lại trang rồi làm lại."])
            except RequestValidationError:
                return error_page(request, 404, ["Địa chỉ này không đúng."])
            except DomainError as error:
                return error_page(request, error.status, [p.vi or p.message for p in error.problems])

        return answer
