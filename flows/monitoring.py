"""Reading Prefect's record of the stage flows: which runs, in which state, for which object."""

import uuid
from datetime import datetime

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterTags
from prefect.client.schemas.sorting import FlowRunSort
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import SQLModel, select

from models.storage.db import open_session
from models.tables.installation import Installation


class FlowRunSummary(SQLModel):
    id: str
    name: str
    flow_run_tags: list[str]
    state: str | None
    start_time: datetime | None
    end_time: datetime | None


async def installation_tag() -> str:
    """'install:<key>', the key made once per database (two processes making it at once agree on one).

    Every stage asks; only the first writes, so the others take no write lock (on SQLite, the whole database's)."""
    async with open_session() as session:
        key = (await session.exec(select(Installation.key))).first()
        if key is None:
            dialect = session.bind.dialect.name if session.bind else "sqlite"
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            await session.exec(insert(Installation).values(id=1, key=str(uuid.uuid4())).on_conflict_do_nothing())
            key = (await session.exec(select(Installation.key))).one()
            await session.commit()
    return f"install:{key}"


async def flow_runs_tagged(tag_sets: list[list[str]]) -> list[FlowRunSummary]:
    """Every run of this installation carrying all tags of any of the sets, oldest first (one query per set)."""
    runs: dict[str, FlowRunSummary] = {}
    own = await installation_tag()
    async with get_client() as client:
        for tags in tag_sets:
            tagged = FlowRunFilter(tags=FlowRunFilterTags(all_=[own, *tags]))
            found = await client.read_flow_runs(flow_run_filter=tagged, sort=FlowRunSort.START_TIME_ASC, limit=200)
            for run in found:
                runs[str(run.id)] = FlowRunSummary(
                    id=str(run.id), name=run.name, flow_run_tags=list(run.tags),
                    state=run.state.name if run.state else None, start_time=run.start_time, end_time=run.end_time)
    return sorted(runs.values(), key=lambda r: (r.start_time is None, r.start_time or datetime.min))
