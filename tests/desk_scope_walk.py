"""Walking the desk as another block's head: every GET route the application serves under /desk, and how to fill it.

The routes are read from the application itself (FastAPI keeps an included router as one entry of `app.routes`,
so the walk opens each one), and every route must appear in `FILLED` or `UNFILLED` below: a page added later
without a line here fails the walk, naming it.
"""

import html
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute
from openpyxl import load_workbook
from sqlmodel import col, select

from models.storage.db import open_session
from models.tables.council import CouncilSession
from models.tables.decision import Decision, DecisionItem
from models.tables.forwarding import Forwarding
from models.tables.meeting import BlockMeeting
from models.tables.movement import BlockPledge
from models.tables.movement_scoring import BlockScoring, CriteriaSet
from models.tables.nomination import Nomination
from models.tables.organisation import BlockMembership, EmulationBlock, Person, Unit
from models.tables.proposal import Proposal
from models.tables.public_comment import CommentWindow
from models.tables.stage import Document, Stage
from tests.docx_read import paragraphs, table_rows

Params = dict[str, int]


@dataclass
class BlockObjects:
    """Ids of one block's objects for a year, and the names and numbers that would betray them on a page."""

    block_id: int
    year: int
    name: str = ""
    nominations: list[int] = field(default_factory=list)
    meetings: list[int] = field(default_factory=list)
    proposals: list[int] = field(default_factory=list)
    council_sessions: list[int] = field(default_factory=list)  # sessions that voted on the block's nominations
    decisions: list[int] = field(default_factory=list)
    forwardings: list[int] = field(default_factory=list)
    stages: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    document_kinds: dict[int, str] = field(default_factory=dict)
    decided: list[int] = field(default_factory=list)  # nominations in a signed decision
    pledges: list[tuple[int, int]] = field(default_factory=list)  # (movement, pledge)
    scorings: list[int] = field(default_factory=list)
    member_units: list[int] = field(default_factory=list)
    criteria_sets: list[int] = field(default_factory=list)  # the block's own sets
    comment_windows: list[int] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)


async def objects_of_block(block_id: int, year: int) -> BlockObjects:
    """Everything stored for the block's year; the whole database holds no other block's work."""
    found = BlockObjects(block_id, year)
    async with open_session() as s:
        found.nominations = list((await s.exec(select(Nomination.id).where(Nomination.block_id == block_id))).all())
        found.meetings = list((await s.exec(select(BlockMeeting.id).where(BlockMeeting.block_id == block_id))).all())
        found.proposals = list((await s.exec(select(Proposal.id))).all())
        found.council_sessions = list((await s.exec(select(CouncilSession.id))).all())
        decisions = (await s.exec(select(Decision))).all()
        forwardings = (await s.exec(select(Forwarding))).all()
        found.decisions, found.forwardings = [d.id for d in decisions], [f.id for f in forwardings]
        found.stages = list((await s.exec(select(Stage.id))).all())
        found.document_kinds = dict((await s.exec(select(Document.id, Document.kind))).all())
        found.documents = sorted(found.document_kinds)
        found.decided = list((await s.exec(select(DecisionItem.nomination_id))).all())
        pledges = (await s.exec(select(BlockPledge))).all()
        found.pledges = [(p.movement_id, p.id) for p in pledges]
        found.scorings = list((await s.exec(select(BlockScoring.id))).all())
        found.member_units = list((await s.exec(select(BlockMembership.unit_id).where(
            BlockMembership.block_id == block_id, BlockMembership.year == year))).all())
        found.criteria_sets = list((await s.exec(select(CriteriaSet.id).where(CriteriaSet.block_id == block_id))).all())
        found.comment_windows = list((await s.exec(select(CommentWindow.id))).all())
        units = (await s.exec(select(Unit.name).where(col(Unit.id).in_(found.member_units)))).all()
        people = (await s.exec(select(Person.full_name).where(col(Person.unit_id).in_(found.member_units)))).all()
        block = await s.get_one(EmulationBlock, block_id)
    numbers = [d.number for d in decisions] + [f.number for f in forwardings] + [p.number for p in pledges]
    found.name = block.name
    found.markers = {block.name, *units, *people, *(n for n in numbers if n)}
    return found


# Each desk GET route with path parameters → the ids of the block's objects to fill it with.
FILLED: dict[str, Callable[[BlockObjects], list[Params]]] = {
    "/desk/nominations/{nomination_id}": lambda o: [{"nomination_id": i} for i in o.nominations],
    "/desk/documents/{document_id}": lambda o: [{"document_id": i} for i in o.documents],
    "/desk/documents/{document_id}/pdf": lambda o: [{"document_id": i} for i in o.documents],
    "/desk/blocks/{block_id}/years/{year}/meeting": lambda o: [{"block_id": o.block_id, "year": o.year}],
    "/desk/meetings/{meeting_id}/results": lambda o: [{"meeting_id": i} for i in o.meetings],
    "/desk/meetings/{meeting_id}/proposal": lambda o: [{"meeting_id": i} for i in o.meetings],
    "/desk/proposals/{proposal_id}/screening": lambda o: [{"proposal_id": i} for i in o.proposals],
    "/desk/council-sessions/{session_id}/votes": lambda o: [{"session_id": i} for i in o.council_sessions],
    "/desk/council-sessions/{session_id}/appraisals": lambda o: [{"session_id": i} for i in o.council_sessions],
    "/desk/council-sessions/{session_id}/decision": lambda o: [{"session_id": i} for i in o.council_sessions],
    "/desk/council-sessions/{session_id}/forwarding": lambda o: [{"session_id": i} for i in o.council_sessions],
    "/desk/decisions/{decision_id}/sign": lambda o: [{"decision_id": i} for i in o.decisions],
    "/desk/forwardings/{forwarding_id}": lambda o: [{"forwarding_id": i} for i in o.forwardings],
    "/desk/stages/{stage_id}/progress": lambda o: [{"stage_id": i} for i in o.stages],
    "/desk/movements/{movement_id}/pledges/{pledge_id}.docx":
        lambda o: [{"movement_id": m, "pledge_id": p} for m, p in o.pledges],
    "/desk/scorings/{scoring_id}": lambda o: [{"scoring_id": i} for i in o.scorings],
    "/desk/scorings/{scoring_id}/table.docx": lambda o: [{"scoring_id": i} for i in o.scorings],
    "/desk/scorings/{scoring_id}/table.pdf": lambda o: [{"scoring_id": i} for i in o.scorings],
    "/desk/scorings/{scoring_id}/units/{unit_id}":
        lambda o: [{"scoring_id": s, "unit_id": u} for s in o.scorings for u in o.member_units],
    "/desk/criteria-sets/{criteria_set_id}": lambda o: [{"criteria_set_id": i} for i in o.criteria_sets],
    "/desk/public-comment/{window_id}": lambda o: [{"window_id": i} for i in o.comment_windows],
}
# Each desk GET route without path parameters → the queries to ask it with (the block's own filters and names).
UNFILLED: dict[str, Callable[[BlockObjects], list[dict[str, Any]]]] = {
    "/desk": lambda o: [{}],
    "/desk/sign-in": lambda o: [{}],
    "/desk/nominations": lambda o: [{}, {"block_id": o.block_id, "year": o.year}],
    "/desk/nominations.xlsx": lambda o: [{}, {"block_id": o.block_id, "year": o.year}],
    "/desk/council-sessions/new": lambda o: [{}],
    "/desk/statistics": lambda o: [{"year": o.year}],
    "/desk/statistics.xlsx": lambda o: [{"year": o.year}],
    "/desk/statistics/years.xlsx": lambda o: [{}],
    "/desk/registry": lambda o: [{}],
    "/desk/registry/units": lambda o: [{}] + [{"q": m} for m in sorted(o.markers)],  # search: see `SEARCHED`
    "/desk/registry/people": lambda o: [{}] + [{"q": m} for m in sorted(o.markers)],
    "/desk/registry/blocks": lambda o: [{"year": o.year}],
    "/desk/registry/council": lambda o: [{}],
    "/desk/registry/accounts": lambda o: [{}],
    "/desk/registry/export": lambda o: [{}],
    "/desk/registry/import": lambda o: [{}],
    "/desk/movements": lambda o: [{}],
    "/desk/scorings": lambda o: [{}],
    "/desk/criteria-sets": lambda o: [{}],
    "/desk/public-comment": lambda o: [{}],
}
# Search pages repeat the words searched for ("0 cá nhân có tên chứa «…»"): their answer to a name of the block must
# read exactly as their answer to a name nobody has, the name put back in its place.
SEARCHED = {"/desk/registry/units", "/desk/registry/people"}
NOBODY = "Không Ai Có Tên Này"
# What a page names on purpose though it is the block's name: a movement is the province's, launched by its plan
# for the blocks it names (its "Khối tham gia"), so every block reads which blocks take part.
NAMED_ON_PURPOSE: dict[str, Callable[[BlockObjects], set[str]]] = {"/desk/movements": lambda o: {o.name}}
# Served to anyone, signed in or not: the lists the province publishes for the people's comment before the council
# votes (models/domain/catalogue_public_comment.py), so they name every block's candidates on purpose.
PUBLIC = {"/lay-y-kien"}


def served_get_routes(app: FastAPI) -> list[str]:
    """The GET paths the application serves, whichever way FastAPI keeps included routers."""
    return sorted({path for path, route in _walk(app.router.routes, "") if "GET" in (route.methods or ())})


def _walk(routes: list[Any], prefix: str) -> Iterator[tuple[str, APIRoute]]:
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI ≥ 0.150 keeps the router, not its routes
        if included is not None:
            yield from _walk(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, APIRoute):
            yield prefix + route.path, route


def desk_routes(app: FastAPI) -> list[str]:
    return [p for p in served_get_routes(app) if p.startswith("/desk") or p in PUBLIC]


def readable_text(response: httpx.Response) -> str:
    """What a person reads in the answer: a page's text, a workbook's cells, a document's paragraphs and cells."""
    kind = response.headers.get("content-type", "")
    if "spreadsheetml" in kind:
        book = load_workbook(io.BytesIO(response.content), read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for v in row if v is not None)
    if "wordprocessingml" in kind:
        return "\n".join(paragraphs(response.content) + [" ".join(r) for r in table_rows(response.content)])
    return html.unescape(response.text)


async def walk(other: httpx.AsyncClient, block: BlockObjects) -> list[str]:
    """What `other` reaches of the block: each filled page that answers, each page that names the block's objects."""
    leaks: list[str] = []
    for path, fill in sorted(FILLED.items()):
        filled = fill(block)
        assert filled, f"the year made nothing to fill {path} with"
        for params in filled:
            answer = await other.get(path.format(**params))
            if answer.status_code not in (403, 404):
                leaks.append(f"{path.format(**params)}: {answer.status_code}")
    for path, queries in sorted(UNFILLED.items()):
        allowed = NAMED_ON_PURPOSE[path](block) if path in NAMED_ON_PURPOSE else set()
        nobody = readable_text(await other.get(path, params={"q": NOBODY})) if path in SEARCHED else ""
        for query in queries(block):
            answer = await other.get(path, params=query)
            text = readable_text(answer)
            if "q" in query and text.replace(query["q"], NOBODY) == nobody:
                continue  # the words searched for, repeated, and nothing found
            if found := sorted(m for m in block.markers - allowed if m in text):
                leaks.append(f"{path} {query}: {answer.status_code} shows {found}")
    return leaks
