"""Steps every stage flow ends with: store the stage's document, publish what it decided, mark it done.

A stage flow's steps are plain async functions, not Prefect tasks. Measured against the embedded server, a task run
costs its server about 24 ms of CPU (three state events, each persisted and recorded) and a flow with five of them
took 0.21 s where the flow alone took 0.07 s; with 4–7 steps per stage that was most of a stage's Prefect cost, and
the server's CPU was what eight block heads at once waited for. Every step is safe to run again (it finds its work
done), so a rerun of the whole flow, which the reconciler does, needs no task-level retry or cache. What a stage
decided is in its flow run's table artifact."""

import hashlib
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import anyio
from prefect import Flow, flow
from prefect.artifacts import acreate_table_artifact
from prefect.exceptions import MissingContextError
from prefect.logging import get_run_logger
from prefect.runtime import flow_run
from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from docx_templates import DocumentKind
from flows.documents.rendering import render_off_loop
from models.domain.enums import StageKind, StageStatus
from models.domain.errors import Conflict, Problem
from models.domain.vietnamese import STAGE_VI
from models.domain.workflow import MoveContext, choose_move
from models.settings import get_settings
from models.storage.db import open_session
from models.storage.moves import StageMove, move_all
from models.storage.queries import moved_by_stage, stage_of
from models.tables.base import utc_now
from models.tables.nomination import Nomination
from models.tables.stage import Document, Stage

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
ContextBuilder = Callable[[AsyncSession, int], Awaitable[tuple[dict[str, Any], str]]]


@dataclass(frozen=True)
class PlannedMove:
    """One nomination a stage moves, with the facts the stage found; the workflow chooses the move from them."""

    nomination: Nomination
    context: MoveContext
    evidence: dict[str, Any]
    report: dict[str, Any]  # what the flow's table artifact shows for this nomination


Planner = Callable[[AsyncSession, int], Awaitable[list[PlannedMove]]]


def stage_flow(name: str, flow_run_name: str) -> Callable[[Callable[P, R]], Flow[P, R]]:
    """A flow of tdkt's: what it returns is shown in its table artifact and never read back (the database is the
    record), so no result is kept. Naming where results would go spares each run Prefect's three requests for the
    server's default result storage, two of them through a new client each (measured with the embedded server's
    other savings: 54 → 42 ms per flow run, api/prefect_server.py)."""
    return flow(name=name, flow_run_name=flow_run_name, persist_result=False,
                result_storage=Path(PREFECT_RESULTS_LOCAL_STORAGE_PATH.value()))


def note_step(kind: StageKind, what: str) -> None:
    """One line in the flow run's log per step: what an administrator reads in Prefect's UI about what the stage did
    (its steps are not task runs). Log lines reach Prefect's server in batches, not one request each."""
    message = f"{STAGE_VI[kind]}: {what}"
    try:
        get_run_logger().info(message)
    except MissingContextError:  # the bare benchmark calls the steps outside any flow run
        log.info(message)


def current_flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


async def failpoint(kind: StageKind, point: str) -> None:
    """Kill this process here when the settings name this point: how tests prove a crash loses nothing.

    Every stage passes the same points, named '<stage kind>.<point>': after_recording (the person's input is
    committed, no flow has run), after_moves, after_document, before_completion. '<name>@<file>' pauses there
    instead: the file is created and the stage waits until it is removed, while the rest of the service keeps
    answering (how a test takes the database away in the middle of a stage)."""
    name, _, pause_file = get_settings().failpoint.partition("@")
    if name != f"{kind.value}.{point}":
        return
    if not pause_file:
        os.kill(os.getpid(), signal.SIGKILL)
    marker = anyio.Path(pause_file)
    await marker.touch()
    # The test that removes the file is another process: there is no event to wait on.
    while await marker.exists():  # noqa: ASYNC110
        await anyio.sleep(0.05)


async def load_stage(session: AsyncSession, kind: StageKind, subject_id: int) -> Stage:
    stage = await stage_of(session, kind, subject_id)
    if stage is None:
        raise Conflict(Problem("stage", "stage.not_recorded", f"No {kind.value} was recorded for {subject_id}.",
                               vi=f"Chưa ghi nhận bước «{STAGE_VI[kind]}» cho mã số {subject_id}."))
    return stage


async def move_as_planned(kind: StageKind, subject_id: int, plan: Planner) -> list[dict[str, Any]]:
    """Apply a stage's planned moves in one transaction, as the person who recorded the stage."""
    async with open_session() as session:
        stage = await load_stage(session, kind, subject_id)
        already_moved = await moved_by_stage(session, stage.id)
        planned = await plan(session, subject_id)
        moves = []
        for p in planned:
            # A rerun finds its own moves done; a nomination moved since by someone else (withdrawn, on hold) is
            # in a state from which these facts choose no move, and stays.
            chosen = choose_move(kind, p.nomination.state, p.context)
            if p.nomination.id not in already_moved and chosen is not None:
                moves.append(StageMove(p.nomination, chosen.target, p.context, p.evidence))
        await move_all(session, moves, actor=stage.actor, stage_id=stage.id, flow_run_id=current_flow_run_id())
        await session.commit()
    note_step(kind, f"{len(moves)} hồ sơ chuyển trạng thái, {len(planned) - len(moves)} hồ sơ giữ nguyên")
    await failpoint(kind, "after_moves")
    return [{"nomination": p.nomination.id, **p.report, "state": p.nomination.state.value} for p in planned]


async def store_stage_document(
    kind: StageKind, subject_id: int, document_kind: DocumentKind, build: ContextBuilder
) -> str:
    """Render the stage's document once; a rerun finds it stored and returns the same hash."""
    async with open_session() as session:
        stage = await load_stage(session, kind, subject_id)
        existing = (await session.exec(select(Document).where(
            Document.stage_id == stage.id, Document.kind == document_kind.value))).first()
        if existing is not None:
            note_step(kind, f"văn bản {existing.filename} đã lưu từ lần chạy trước")
            return existing.sha256
        context, filename = await build(session, subject_id)
        content = await render_off_loop(document_kind, context)
        sha256 = hashlib.sha256(content).hexdigest()
        session.add(Document(stage_id=stage.id, kind=document_kind.value, filename=filename, sha256=sha256,
                             content=content, created_by=stage.recorded_by))
        await session.commit()
    note_step(kind, f"đã lưu văn bản {filename} (SHA-256 {sha256[:16]}…)")
    await failpoint(kind, "after_document")
    return sha256


async def complete_stage(kind: StageKind, subject_id: int) -> None:
    await failpoint(kind, "before_completion")
    async with open_session() as session:
        stage = await load_stage(session, kind, subject_id)
        if stage.status == StageStatus.COMPLETED:
            return
        stage.status = StageStatus.COMPLETED
        stage.completed_at = utc_now()
        stage.flow_run_id = current_flow_run_id()
        stage.last_error = ""
        session.add(stage)
        await session.commit()
    note_step(kind, "hoàn tất")


async def publish_table(key: str, rows: list[dict[str, Any]], description: str) -> None:
    """What the flow decided, as a table an administrator reads in the Prefect UI."""
    if rows:
        await acreate_table_artifact(table=rows, key=key, description=description)
