"""Errors as RFC 9457 problem details: the field, the rule, and a message a secretary understands."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from models.domain.errors import DomainError, Problem, TooManyAttempts

log = logging.getLogger(__name__)
TITLES = {400: "Bad request", 401: "Not logged in", 403: "Not allowed", 404: "Not found", 409: "Conflict",
          413: "Request too large", 422: "The request breaks a rule", 429: "Too many attempts", 500: "Internal error",
          503: "Service unavailable"}


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "detail_vi": {"type": "string", "description": "The detail in Vietnamese, as the desk shows it"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "rule", "message"],
            "properties": {"field": {"type": "string"}, "rule": {"type": "string"}, "message": {"type": "string"},
                           "message_vi": {"type": "string", "description": "The same refusal in Vietnamese"}},
        }, "maxItems": 50},
        "error_count": {"type": "integer", "description": "How many problems there are; at most 50 are listed"},
    },
}
# Documented on every operation, so clients (and schema-driven tests) know every error is a problem+json.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": TITLES[status], "content": {"application/problem+json": {"schema": PROBLEM_SCHEMA}}}
    for status in (401, 403, 404, 409, 413, 422, 429, 503)
}


# A request with thousands of wrong rows is answered with the first of them and the count, not a huge body.
MAX_PROBLEMS_LISTED = 50


def problem_response(
    status: int, problems: list[Problem], detail: str = "", headers: dict[str, str] | None = None
) -> JSONResponse:
    listed = problems[:MAX_PROBLEMS_LISTED]
    if not detail:
        detail = "; ".join(p.message for p in listed)
        if len(problems) > len(listed):
            detail = f"{len(problems)} problems; the first {len(listed)}: {detail}"
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "detail_vi": "; ".join(_vietnamese(p) for p in listed),
        "errors": [{"field": p.field, "rule": p.rule, "message": p.message, "message_vi": _vietnamese(p)}
                   for p in listed],
        "error_count": len(problems),
    }
    headers = {**({"WWW-Authenticate": "Bearer"} if status == 401 else {}), **(headers or {})}
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


def _vietnamese(problem: Problem) -> str:
    # Until every refusal carries its Vietnamese wording, the English one stands in rather than nothing.
    return problem.vi or problem.message


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def on_domain_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    wait = {"Retry-After": str(error.retry_after)} if isinstance(error, TooManyAttempts) else None
    return problem_response(error.status, error.problems, headers=wait)


async def on_validation_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [Problem(_field(tuple(e["loc"])), f"input.{e['type']}", f"{_field(tuple(e['loc']))}: {e['msg']}")
                for e in error.errors()]
    return problem_response(422, problems)


async def on_integrity_error(_: Request, error: Exception) -> JSONResponse:
    log.warning("Integrity error: %s", error)
    return problem_response(409, [Problem("body", "conflict", "This conflicts with data already recorded; "
                                          "reload and try again.")])


async def on_out_of_range(_: Request, error: Exception) -> JSONResponse:
    log.warning("Value out of range: %s", error)
    return problem_response(422, [Problem("body", "input.out_of_range",
                                          "A number in the request is too large to be stored.")])


async def on_http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return problem_response(error.status_code, [Problem("path", "http", str(error.detail))])


def database_busy() -> JSONResponse:
    return problem_response(503, [Problem("body", "database.busy",
                                          "Others are changing the same records right now; nothing was changed by "
                                          "this request. Please try again in a moment.")],
                            headers={"Retry-After": "1"})


def database_unavailable() -> JSONResponse:
    # The request may have saved part of its work before the database went away (a stage's input is committed
    # before its flow runs, and the reconciler finishes the rest), so the client is told to look, not that nothing
    # changed.
    return problem_response(503, [Problem("body", "database.unavailable",
                                          "The database cannot be reached at the moment. Whatever was saved before "
                                          "stays saved; check, then try again in a moment.")],
                            headers={"Retry-After": "5"})


async def on_unexpected(_: Request, error: Exception) -> JSONResponse:
    log.exception("Unhandled error", exc_info=error)
    # A stage's input is committed before its flow runs, so an error after that point must not say nothing changed.
    return problem_response(500, [Problem("body", "internal", "Something went wrong on our side. Whatever was "
                                          "saved before the error stays saved; check, then try again or contact "
                                          "support.")])


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(IntegrityError, on_integrity_error)
    app.add_exception_handler(DataError, on_out_of_range)  # PostgreSQL: numeric value out of range
    app.add_exception_handler(OverflowError, on_out_of_range)  # SQLite: int too large for INTEGER
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
