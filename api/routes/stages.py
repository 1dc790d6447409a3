"""The stages the API recorded, for the administrator: which have not finished, which failed, and a retry."""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlmodel import col, select

from api.deps import CurrentPrincipal, PathId, SessionDep
from api.presenters import StageReport
from api.stages import commit_and_run
from models.domain.enums import StageStatus
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.tables.stage import Stage, StagePublic

router = APIRouter(tags=["stages"])


@router.get("/stages")
async def list_stages(
    session: SessionDep,
    principal: CurrentPrincipal,
    status: StageStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[StagePublic]:
    """Stages the API recorded; `status=recorded`: their flow has not finished (yet); `failed`: it cannot."""
    principal.require(Action.READ_PROVINCE)
    query = select(Stage).order_by(col(Stage.id)).limit(limit)
    if status is not None:
        query = query.where(Stage.status == status)
    return [StagePublic.model_validate(s) for s in (await session.exec(query)).all()]


@router.post("/stages/{stage_id}/retry")
async def retry(stage_id: PathId, session: SessionDep, principal: CurrentPrincipal, response: Response) -> StageReport:
    """Run a failed stage's flow again, once what broke it has been put right; its attempts start again."""
    principal.require(Action.RETRY_STAGE)
    stage = await get_or_404(session, Stage, stage_id, "stage_id")
    if stage.status == StageStatus.FAILED:
        stage.status, stage.attempts = StageStatus.RECORDED, 0
        session.add(stage)
    return await commit_and_run(session, stage, response)
