"""Errors as RFC 9457 problem details: the field, the rule, and a message a secretary understands."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from api.validation_vi import validation_message_vi
from models.domain.errors import DomainError, Problem, TooManyAttempts

log = logging.getLogger(__name__)
TITLES = {400: "Bad request", 401: "Not logged in", 403: "Not allowed", 404: "Not found", 409: "Conflict",
          413: "Request too large", 422: "The request breaks a rule", 429: "Too many attempts", 500: "Internal error",
          503: "Service unavailable"}


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "detail_vi", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "detail_vi": {"type": "string", "minLength": 1,
                      "description": "The detail in Vietnamese, as the desk shows it"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "rule", "message", "message_vi"],
            "properties": {"field": {"type": "string"}, "rule": {"type": "string"}, "message": {"type": "string"},
                           "message_vi": {"type": "string", "minLength": 1,
                                          "description": "The same refusal in Vietnamese"}},
        }, "maxItems": 50},
        "error_count": {"type": "integer", "description": "How many problems there are; at most 50 are listed"},
    },
}
# Documented on every operation, so clients (and schema-driven tests) know every error is a problem+json.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": TITLES[status], "content": {"application/problem+json": {"schema": PROBLEM_SCHEMA}}}
    for status in (401, 403, 404, 409, 413, 422, 429, 503)
}


# Errors the framework raises itself (an unknown address, a method the address does not take), in Vietnamese.
HTTP_VI = {404: "Không tìm thấy địa chỉ yêu cầu.", 405: "Địa chỉ này không hỗ trợ phương thức yêu cầu.",
           406: "Không trả được dữ liệu theo định dạng yêu cầu.", 415: "Định dạng dữ liệu gửi lên không được hỗ trợ."}

# A request with thousands of wrong rows is answered with the first of them and the count, not a huge body.
MAX_PROBLEMS_LISTED = 50


def problem_response(
    status: int, problems: list[Problem], detail: str = "", headers: dict[str, str] | None = None
) -> JSONResponse:
    listed = problems[:MAX_PROBLEMS_LISTED]
    detail_vi = "; ".join(p.vi for p in listed)
    if len(problems) > len(listed):
        detail_vi = f"Có {len(problems)} lỗi; {len(listed)} lỗi đầu tiên: {detail_vi}"
    if not detail:
        detail = "; ".join(p.message for p in listed)
        if len(problems) > len(listed):
            detail = f"{len(problems)} problems; the first {len(listed)}: {detail}"
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "detail_vi": detail_vi,
        "errors": [{"field": p.field, "rule": p.rule, "message": p.message, "message_vi": p.vi}
                   for p in listed],
        "error_count": len(problems),
    }
    headers = {**({"WWW-Authenticate": "Bearer"} if status == 401 else {}), **(headers or {})}
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def on_domain_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    wait = {"Retry-After": str(error.retry_after)} if isinstance(error, TooManyAttempts) else None
    return problem_response(error.status, error.problems, headers=wait)


async def on_validation_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [Problem(field, f"input.{e['type']}", f"{field}: {e['msg']}",
                        vi=validation_message_vi(e["type"], field, e.get("ctx")))
                for e in error.errors() for field in (_field(tuple(e["loc"])),)]
    return problem_response(422, problems)


async def on_integrity_error(_: Request, error: Exception) -> JSONResponse:
    log.warning("Integrity error: %s", error)
    return problem_response(409, [Problem("body", "conflict", "This conflicts with data already recorded; "
                                          "reload and try again.",
                                          vi="Nội dung này trùng hoặc mâu thuẫn với dữ liệu đã ghi nhận; đề nghị tải "
                                             "lại trang và thử lại.")])


async def on_out_of_range(_: Request, error: Exception) -> JSONResponse:
    log.warning("Value out of range: %s", error)
    return problem_response(422, [Problem("body", "input.out_of_range",
                                          "A number in the request is too large to be stored.",
                                          vi="Có một số trong dữ liệu gửi lên quá lớn, không lưu được.")])


async def on_http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    vi = HTTP_VI.get(error.status_code, f"Không thực hiện được yêu cầu (mã lỗi {error.status_code}).")
    return problem_response(error.status_code, [Problem("path", "http", str(error.detail), vi=vi)])


def database_busy() -> JSONResponse:
    return problem_response(503, [Problem("body", "database.busy",
                                          "Others are changing the same records right now; nothing was changed by "
                                          "this request. Please try again in a moment.",
                                          vi="Đang có người khác cập nhật cùng dữ liệu; yêu cầu này chưa thay đổi "
                                             "gì. Đề nghị thử lại sau giây lát.")],
                            headers={"Retry-After": "1"})


def database_unavailable() -> JSONResponse:
    # The request may have saved part of its work before the database went away (a stage's input is committed
    # before its flow runs, and the reconciler finishes the rest), so the client is told to look, not that nothing
    # changed.
    return problem_response(503, [Problem("body", "database.unavailable",
                                          "The database cannot be reached at the moment. Whatever was saved before "
                                          "stays saved; check, then try again in a moment.",
                                          vi="Tạm thời không kết nối được cơ sở dữ liệu. Phần đã lưu trước đó vẫn "
                                             "được giữ; đề nghị kiểm tra lại, rồi thử lại sau giây lát.")],
                            headers={"Retry-After": "5"})


async def on_unexpected(_: Request, error: Exception) -> JSONResponse:
    log.exception("Unhandled error", exc_info=error)
    # A stage's input is committed before its flow runs, so an error after that point must not say nothing changed.
    return problem_response(500, [Problem("body", "internal", "Something went wrong on our side. Whatever was "
                                          "saved before the error stays saved; check, then try again or contact "
                                          "support.",
                                          vi="Hệ thống gặp lỗi. Phần đã lưu trước khi có lỗi vẫn được giữ; đề nghị "
                                             "kiểm tra lại, rồi thử lại hoặc liên hệ bộ phận hỗ trợ kỹ thuật.")])


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(IntegrityError, on_integrity_error)
    app.add_exception_handler(DataError, on_out_of_range)  # PostgreSQL: numeric value out of range
    app.add_exception_handler(OverflowError, on_out_of_range)  # SQLite: int too large for INTEGER
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
