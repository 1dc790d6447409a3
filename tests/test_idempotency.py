"""Stage flows are idempotent, and a document is a pure function of its data."""

from typing import Any

import httpx
from sqlmodel import SQLModel, col, func, select

from docx_templates import DocumentKind, render_document
from flows.documents.registry import BUILDERS
from flows.registry import STAGE_FLOWS
from models.storage.db import open_session
from models.tables.nomination import Nomination
from models.tables.stage import Document, Stage
from tests.demo import DemoProvince
from tests.year import run_year


async def snapshot() -> dict[str, Any]:
    """Row counts of every table, every nomination's state and version, every document's hash."""
    async with open_session() as session:
        counts = {t.name: (await session.exec(select(func.count()).select_from(t))).one()
                  for t in SQLModel.metadata.sorted_tables}
        nominations = (await session.exec(select(Nomination).order_by(col(Nomination.id)))).all()
        documents = (await session.exec(select(Document).order_by(col(Document.id)))).all()
    return {"counts": counts, "nominations": [(n.id, n.state, n.version) for n in nominations],
            "documents": [(d.id, d.sha256) for d in documents]}


async def test_running_every_stage_flow_again_changes_nothing(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    await run_year(client, demo)
    before = await snapshot()
    # minutes, proposal and its achievement reports, the notice returning two dossiers, the office's Tờ trình after
    # the council and after its standing body, the council session's own minutes and the standing body's, three
    # decisions each with its
    # certificates and its notice of results
    assert before["counts"]["document"] == 17 and before["counts"]["stage"] == 8
    assert before["counts"]["issuedpaper"] == 4, "the notices are numbered once, not again by a rerun"
    async with open_session() as session:
        stages = (await session.exec(select(Stage).order_by(col(Stage.id)))).all()
    for stage in stages:
        flow_fn, _ = STAGE_FLOWS[stage.kind]
        await flow_fn(stage.subject_id)
    assert await snapshot() == before


async def test_each_stored_document_renders_again_to_the_same_bytes(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await run_year(client, demo)
    async with open_session() as session:
        rows = (await session.exec(select(Document, Stage).join(Stage))).all()
        assert len(rows) == 17
        for document, stage in rows:
            kind = DocumentKind(document.kind)
            context, filename = await BUILDERS[kind](session, stage.subject_id)
            assert filename == document.filename
            assert render_document(kind, context) == document.content, f"{document.filename} changed"


