"""The transition log for auditors: every change, who made it (and for whom), from where, on what evidence."""

import csv
import io
import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from sqlmodel import col, select

from api.deps import CurrentPrincipal, SessionDep
from models.domain.permissions import Action
from models.domain.spreadsheet_cells import neutralised
from models.tables.nomination import Transition

router = APIRouter(tags=["audit"])
COLUMNS = ["id", "nomination_id", "from_state", "to_state", "actor", "on_behalf_of", "client_address", "at", "rule",
           "reason", "evidence", "stage_id", "flow_run_id"]


def as_row(t: Transition) -> dict[str, object]:
    row = t.model_dump(include=set(COLUMNS))
    row["at"] = t.at.isoformat()
    row["evidence"] = json.dumps(t.evidence, ensure_ascii=False, sort_keys=True)
    return row


@router.get("/audit/transitions", response_class=Response,
            responses={200: {"content": {"application/json": {}, "text/csv": {}}}})
async def export_transitions(
    session: SessionDep,
    principal: CurrentPrincipal,
    export_format: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
    since: datetime | None = None,
    until: datetime | None = None,
) -> Response:
    """The whole log (or a period of it) as JSON or CSV, oldest first."""
    principal.require(Action.EXPORT_AUDIT)
    query = select(Transition).order_by(col(Transition.id))
    if since is not None:
        query = query.where(col(Transition.at) >= since)
    if until is not None:
        query = query.where(col(Transition.at) < until)
    rows = [as_row(t) for t in (await session.exec(query)).all()]
    if export_format == "json":
        return Response(json.dumps(rows, ensure_ascii=False), media_type="application/json")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({k: neutralised(v) for k, v in row.items()} for row in rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="transitions.csv"'})
