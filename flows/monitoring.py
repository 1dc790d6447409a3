"""Reading Prefect's record of the stage flows: which runs, in which state, for which object."""

from datetime import datetime

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterTags
from prefect.client.schemas.sorting import FlowRunSort
from sqlmodel import SQLModel


class FlowRunSummary(SQLModel):
    id: str
    name: str
    flow_run_tags: list[str]
    state: str | None
    start_time: datetime | None
    end_time: datetime | None


async def flow_runs_tagged(tag_sets: list[list[str]]) -> list[FlowRunSummary]:
    """Every run carrying all tags of any of the sets, oldest first (one query per set)."""
    runs: dict[str, FlowRunSummary] = {}
    async with get_client() as client:
        for tags in tag_sets:
            found = await client.read_flow_runs(flow_run_filter=FlowRunFilter(tags=FlowRunFilterTags(all_=tags)),
                                                sort=FlowRunSort.START_TIME_ASC, limit=200)
            for run in found:
                runs[str(run.id)] = FlowRunSummary(
                    id=str(run.id), name=run.name, flow_run_tags=list(run.tags),
                    state=run.state.name if run.state else None, start_time=run.start_time, end_time=run.end_time)
    return sorted(runs.values(), key=lambda r: (r.start_time is None, r.start_time or datetime.min))
