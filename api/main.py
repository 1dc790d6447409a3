"""The FastAPI application."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import desk, problems
from api.middleware import BodySizeLimit, IdempotencyKeys
from api.problems import PROBLEM_RESPONSES
from api.retry import AnswerWhileDatabaseAway, RetryTransientConflicts
from api.routes import (
    accounts,
    audit,
    catalogue,
    council,
    council_roster,
    criteria_sets,
    decisions,
    documents,
    eligibility,
    forwarding,
    history,
    login,
    meetings,
    movements,
    nominations,
    organisation,
    proposals,
    public_comment,
    public_pages,
    quotas,
    register,
    registry_blocks,
    registry_changes,
    registry_households,
    registry_people,
    registry_units,
    revocations,
    scoring,
    signing_packages,
    stages,
    statistics,
)
from flows.reconciler import reconcile_stages
from models.settings import StageRunner, get_settings
from models.storage.catalogue_file import catalogue as award_catalogue

log = logging.getLogger(__name__)


async def reconcile_forever(interval: int) -> None:
    """Embedded mode has no Prefect scheduler of its own: the service runs the reconciler itself."""
    while True:
        await asyncio.sleep(interval)
        try:
            await reconcile_stages()
        except Exception:
            log.exception("Reconciler run failed; it will run again in %s s", interval)


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    task = None
    if settings.stage_runner == StageRunner.INLINE and settings.reconcile_interval_seconds > 0:
        task = asyncio.create_task(reconcile_forever(settings.reconcile_interval_seconds))
    yield
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def create_app() -> FastAPI:
    award_catalogue()  # a wrong catalogue file stops the service here, naming the file, key and problem
    app = FastAPI(
        title="TĐKT workflow",
        summary="Award nominations from the block meeting vote to the Chairman's signed decision",
        lifespan=lifespan,
    )
    problems.install(app)
    app.add_middleware(RetryTransientConflicts)  # innermost: a retry runs the route again, not the key's claim
    app.add_middleware(IdempotencyKeys)
    app.add_middleware(BodySizeLimit, max_bytes=get_settings().max_request_bytes)
    app.add_middleware(AnswerWhileDatabaseAway)  # outermost: runs first
    for module in (login, accounts, catalogue, meetings, proposals, council, council_roster, decisions, nominations,
                   documents, audit, register, eligibility, history, quotas, stages, organisation, statistics):
        app.include_router(module.router, responses=PROBLEM_RESPONSES)
    for module in (registry_units, registry_people, registry_households, registry_blocks, registry_changes,
                   movements, criteria_sets, scoring, signing_packages, forwarding):
        app.include_router(module.router, responses=PROBLEM_RESPONSES)
    app.include_router(revocations.router, responses=PROBLEM_RESPONSES)  # revoking an award (Law Điều 93)
    for module in (public_comment, public_pages):  # public_pages: no login (the lists published for comment)
        app.include_router(module.router, responses=PROBLEM_RESPONSES)

    desk.install(app)

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
