"""Long work shows progress: a stage whose flow has not finished (the API's 202) is shown as "đang xử lý" in a
small partial that asks for itself again every second (htmx polling) until the flow finishes, then shows what the
flow did. The page stays usable meanwhile: only this partial is replaced.
"""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import PathId, SessionDep
from api.desk.guard import Desk, SignedIn
from api.desk.render import page
from api.desk.route import DeskRoute
from api.presenters import stage_report
from models.domain.permissions import Action
from models.recording.common import get_or_404
from models.tables.stage import Stage

router = APIRouter(route_class=DeskRoute)


def require_to_see(desk: Desk, stage: Stage) -> None:
    """A block's stage is seen by those who see the block (another block's head: 404); the province's stages
    by the province's roles."""
    if stage.block_id is not None:
        desk.principal.require_to_see(desk.principal.scope.sees_block(stage.block_id, stage.year), "stage_id")
    else:
        desk.principal.require(Action.READ_PROVINCE)


@router.get("/stages/{stage_id}/progress")
async def progress(stage_id: PathId, request: Request, session: SessionDep, desk: SignedIn) -> HTMLResponse:
    stage = await get_or_404(session, Stage, stage_id, "stage_id")
    require_to_see(desk, stage)
    return page(request, "_progress.html", {"report": await stage_report(session, stage_id)})
