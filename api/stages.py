"""Commit what a person recorded, then start the stage's flow and report what it did."""

from fastapi import Response, status
from sqlmodel.ext.asyncio.session import AsyncSession

from api.presenters import StageReport, stage_report
from flows.common import failpoint
from flows.launch import run_stage
from models.domain.enums import StageStatus
from models.tables.stage import Stage


async def commit_and_run(session: AsyncSession, stage: Stage, response: Response) -> StageReport:
    await session.commit()  # the person's input is safe before any automation starts
    await failpoint(stage.kind, "after_recording")
    launch = await run_stage(stage.id)
    if launch.status != StageStatus.COMPLETED:
        # Recorded but not yet finished (a worker will run it, or the reconciler will retry it).
        response.status_code = status.HTTP_202_ACCEPTED
    return await stage_report(session, stage.id)
