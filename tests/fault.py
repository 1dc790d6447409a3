"""The year's stages as steps that can be sent to a service told to fail, and what a run leaves in the database.

A disturbed run is compared with the same steps run undisturbed, in a SQLite database of its own: same rows,
states, versions and document bytes.
"""


import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import SQLModel, col, func, select

from models.domain.enums import StageKind
from models.storage.db import get_engine, make_async_engine, open_session, use_engine
from models.storage.demo import demo_data
from models.tables.nomination import Nomination
from models.tables.stage import Document, Stage
from tests.demo import DemoProvince, load_demo
from tests.year import (
    BLOCK_HEAD,
    CHAIRMAN_OFFICE,
    COUNCIL_VOTES,
    SECRETARY,
    STANDING_RESULTS,
    YEAR,
    Year,
    as_user,
    ok,
    open_meeting,
    results_body,
)

# Rows that record access to the service, not the work of a stage.
NOT_STAGE_WORK = {"loginattempt", "idempotentresponse", "installation"}
POINTS = ["after_recording", "after_moves", "after_document", "before_completion"]
Step = Callable[[httpx.AsyncClient, httpx.AsyncClient, DemoProvince, Year], Awaitable[None]]


async def tally(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    ok(await stage_http.post(f"/meetings/{year.meeting_id}/results", headers=await as_user(client, BLOCK_HEAD),
                             json=results_body(demo, year)), year.stage_answer)


async def propose(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince, year: Year) -> None:
    proposal = ok(await stage_http.post("/proposals", headers=await as_user(client, BLOCK_HEAD), json={
        "meeting_id": year.meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}), year.stage_answer)
    year.proposal_id = proposal["stage"]["subject_id"]


async def screen(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince, year: Year) -> None:
    listed = (await client.get(f"/proposals/{year.proposal_id}")).json()["nominations"]
    ok(await stage_http.post(f"/proposals/{year.proposal_id}/screening", headers=await as_user(client, SECRETARY),
                             json={"results": [{"nomination_id": n["id"], "eligible": True} for n in listed]}),
       year.stage_answer)


async def vote(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince, year: Year) -> None:
    members = [{"full_name": m["full_name"], "position": m["position"], "present": True}
               for m in demo_data()["council"]]
    council = ok(await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "held_on": "2027-01-03", "location": "Phòng họp số 1, UBND tỉnh", "members": members}))
    year.council_id = council["session"]["id"]
    votes = [{"nomination_id": year.candidates[label], "votes_for": len(members), "votes_against": 0}
             for label in COUNCIL_VOTES]
    ok(await stage_http.post(f"/council-sessions/{year.council_id}/votes", headers=await as_user(client, SECRETARY),
                             json={"votes": votes}), year.stage_answer)


async def appraise(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince, year: Year) -> None:
    """The standing body appraises the awards routed to it (TTLĐXS, Bằng khen), without a vote."""
    members = [{"full_name": m["full_name"], "position": m["position"], "present": True}
               for m in demo_data()["council"] if m.get("standing_body")]
    standing = ok(await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "body": "standing_body", "held_on": "2027-01-03", "location": "Phòng họp số 2, UBND tỉnh",
        "members": members}))
    year.standing_id = standing["session"]["id"]
    results = [{"nomination_id": year.candidates[label], "agreed": agreed}
               for label, agreed in STANDING_RESULTS.items()]
    ok(await stage_http.post(f"/council-sessions/{year.standing_id}/appraisals",
                             headers=await as_user(client, SECRETARY), json={"results": results}), year.stage_answer)


async def sign(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince, year: Year) -> None:
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.standing_id, "award_code": "BANG_KHEN_CT_TAP_THE"}))
    ok(await stage_http.post(f"/decisions/{draft['id']}/sign", headers=await as_user(client, CHAIRMAN_OFFICE),
                             json={"signed_on": "2027-01-05", "signer_name": "Trần Thị Minh Hằng"}), year.stage_answer)


STEPS: list[tuple[StageKind, Step]] = [(StageKind.MEETING_TALLY, tally), (StageKind.PROPOSAL_SUBMISSION, propose),
                                       (StageKind.SCREENING, screen), (StageKind.COUNCIL_REVIEW, vote),
                                       (StageKind.STANDING_APPRAISAL, appraise), (StageKind.DECISION_ISSUE, sign)]
# Every stage issues a paper now: screening its notice returning the dossiers the award's rules refuse here.
NO_DOCUMENT: set[StageKind] = set()
CELLS = [(kind, point) for kind, _ in STEPS for point in POINTS
         if not (point == "after_document" and kind in NO_DOCUMENT)]


async def snapshot() -> dict[str, Any]:
    async with open_session() as session:
        counts = {t.name: (await session.exec(select(func.count()).select_from(t))).one()
                  for t in SQLModel.metadata.sorted_tables if t.name not in NOT_STAGE_WORK}
        nominations = (await session.exec(select(Nomination).order_by(col(Nomination.id)))).all()
        documents = (await session.exec(select(Document).order_by(col(Document.id)))).all()
        stages = (await session.exec(select(Stage).order_by(col(Stage.id)))).all()
    return {"counts": counts, "nominations": [(n.id, n.state.value, n.version) for n in nominations],
            "documents": [(d.kind, d.sha256) for d in documents],
            "stages": [(s.kind.value, s.subject_id, s.status.value) for s in stages]}


async def run_until(client: httpx.AsyncClient, demo: DemoProvince, last: StageKind,
                    stage_http: httpx.AsyncClient | None = None) -> None:
    """The year's steps up to `last`, all in-process; `last` itself through `stage_http` when given."""
    year = Year()
    await open_meeting(client, demo, year)
    for kind, step in STEPS:
        if kind == last and stage_http is not None:
            with pytest.raises(httpx.TransportError):  # the service kills itself at the failpoint
                await step(client, stage_http, demo, year)
            return
        await step(client, client, demo, year)
        if kind == last:
            return


_undisturbed: dict[StageKind, dict[str, Any]] = {}


async def undisturbed(client: httpx.AsyncClient, last: StageKind, template: Path, folder: Path) -> dict[str, Any]:
    """The reference: the same steps, never interrupted, in a SQLite database of its own (made once per stage)."""
    if last not in _undisturbed:
        async with database_copy(template, folder / f"undisturbed-{last.value}.db"):
            await run_until(client, await load_demo(), last)
            _undisturbed[last] = await snapshot()
    return _undisturbed[last]


@asynccontextmanager
async def database_copy(template: Path, copy: Path) -> AsyncIterator[None]:
    """Work in a copy of the migrated SQLite template for a while, then in the test's own database again."""
    ours = get_engine()
    shutil.copy(template, copy)
    reference = make_async_engine(f"sqlite:///{copy}")
    use_engine(reference)
    try:
        yield
    finally:
        use_engine(ours)
        await reference.dispose()
