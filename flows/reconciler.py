"""The reconciler: finds stages the API recorded whose flow never finished, and finishes them."""

from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from flows.common import publish_table, stage_flow
from flows.launch import run_stage
from models.domain.enums import StageStatus
from models.settings import get_settings
from models.storage.db import open_session
from models.tables.base import utc_now
from models.tables.stage import Stage


async def unfinished_stages(grace_seconds: int) -> list[Stage]:
    cutoff = utc_now() - timedelta(seconds=grace_seconds)
    async with open_session() as session:
        query = select(Stage).where(Stage.status == StageStatus.RECORDED, col(Stage.recorded_at) <= cutoff)
        return list((await session.exec(query.order_by(col(Stage.id)))).all())


@stage_flow("stage-reconciler", "reconcile-stages")
async def reconcile_stages(grace_seconds: int | None = None) -> list[dict[str, Any]]:
    """Run, in recording order, every stage left unfinished for longer than the grace period."""
    grace = get_settings().reconcile_grace_seconds if grace_seconds is None else grace_seconds
    finished = []
    for stage in await unfinished_stages(grace):
        outcome = await run_stage(stage.id)
        finished.append({"stage": stage.id, "kind": stage.kind.value, "subject": stage.subject_id,
                         "status": outcome.status.value, "error": outcome.error})
    await publish_table("reconciler-last-run", finished, "Stages the reconciler ran")
    return finished
