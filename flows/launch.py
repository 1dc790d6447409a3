"""Start the flow that finishes a recorded stage: in this process, or on a Prefect worker through its deployment.

A failure here never loses the person's input: the stage stays recorded, with the error, for the reconciler.
"""

import logging
from dataclasses import dataclass

import anyio
from prefect import tags
from prefect.deployments.flow_runs import arun_deployment
from sqlalchemy.exc import DataError, IntegrityError

from flows.monitoring import installation_tag
from flows.registry import DEPLOYMENT, STAGE_FLOWS
from flows.stage_worker import finish_stage
from models.domain.enums import StageStatus
from models.settings import StageRunner, get_settings
from models.storage.db import open_session
from models.tables.organisation import EmulationBlock
from models.tables.stage import Stage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StageLaunch:
    stage_id: int
    status: StageStatus
    error: str


async def stage_tags(stage: Stage) -> list[str]:
    """Tags an administrator filters flow runs by: block, year, and the object the stage processed."""
    names = [await installation_tag(), f"year:{stage.year}", f"{stage.kind.value}:{stage.subject_id}"]
    async with open_session() as session:
        if stage.block_id is not None:
            block = await session.get_one(EmulationBlock, stage.block_id)
            names.append(f"block:{block.code}")
    return names


# Errors no retry can cure: the stage's own data breaks a rule of the database.
PERMANENT_ERRORS = (IntegrityError, DataError)


async def run_stage(stage_id: int) -> StageLaunch:
    async with open_session() as session:
        stage = await session.get_one(Stage, stage_id)
        if stage.status != StageStatus.RECORDED:
            return StageLaunch(stage_id, stage.status, stage.last_error)
        if stage.attempts >= get_settings().stage_max_attempts:
            await _note_error(stage_id, f"Gave up after {stage.attempts} attempts. {stage.last_error}", failed=True)
            return await stage_status(stage_id)
        stage.attempts += 1
        session.add(stage)
        await session.commit()
    flow_fn, parameter = STAGE_FLOWS[stage.kind]
    # The installation's own tag comes first (run_tags[1]): two databases sharing one Prefect server number their
    # stages alike, and a run key without it would hand one database's stage the other's finished run.
    run_tags = ["tdkt", *await stage_tags(stage)]
    try:
        runner = get_settings().stage_runner
        if runner == StageRunner.DEPLOYMENT:
            await arun_deployment(f"{flow_fn.name}/{DEPLOYMENT}", parameters={parameter: stage.subject_id},
                                  tags=run_tags, timeout=0,
                                  idempotency_key=f"{run_tags[1]}-{stage.kind.value}-{stage.subject_id}-"
                                                  f"{stage.attempts}")
        elif runner == StageRunner.TASK_WORKER:
            # apply_async waits on Prefect's own event loop thread: off this one, so the API keeps answering.
            await anyio.to_thread.run_sync(finish_stage.apply_async, (stage.kind.value, stage.subject_id, run_tags))
        else:
            with tags(*run_tags):
                await flow_fn(stage.subject_id)
    except Exception as error:  # the stage stays recorded; the reconciler will run it again
        log.exception("Stage %s (%s %s) did not finish", stage.id, stage.kind.value, stage.subject_id)
        await _note_error(stage_id, f"{type(error).__name__}: {error}", failed=isinstance(error, PERMANENT_ERRORS))
    return await stage_status(stage_id)


async def _note_error(stage_id: int, message: str, failed: bool = False) -> None:
    async with open_session() as session:
        stage = await session.get_one(Stage, stage_id)
        stage.last_error = message[:2000]
        if failed and stage.status == StageStatus.RECORDED:
            stage.status = StageStatus.FAILED
        session.add(stage)
        await session.commit()


async def stage_status(stage_id: int) -> StageLaunch:
    async with open_session() as session:
        stage = await session.get_one(Stage, stage_id)
        return StageLaunch(stage_id, stage.status, stage.last_error)
