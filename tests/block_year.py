"""A block's year-end meeting through the API up to the office's screening, as several test years hold it: the
meeting with its candidates, the ballots, the block's proposal, and every dossier found eligible. What differs
between those years (the block, who chairs, who is present) is data."""

from dataclasses import dataclass
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok


@dataclass(frozen=True)
class BlockMeeting:
    block: str  # the block's code
    head: str  # its head's login
    location: str
    chair: tuple[str, str]  # name, title; the chair signs the proposal
    secretary: tuple[str, str]
    present: tuple[str, ...]  # unit codes
    votes_for: int  # each candidate's, none against
    next_head: str  # unit code
    next_deputy: str | None = None
    signer_title: str = "Giám đốc"


TRADE_BLOCK = BlockMeeting(
    block=BLOCK, head=BLOCK_HEAD, location="Hội trường Sở Công Thương", chair=("Nguyễn Hữu Phước", "Giám đốc"),
    secretary=("Lê Văn Đức", "Phó Chánh Văn phòng"), present=("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN"),
    votes_for=6, next_head="STC")


async def screened_block_year(http: httpx.AsyncClient, demo: DemoProvince, held: BlockMeeting,
                              candidates: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Label → nomination, every one endorsed by the meeting and found eligible by the office."""
    head = await as_user(http, held.head)
    meeting = ok(await http.post("/meetings", headers=head, json={
        "block_id": demo.blocks[held.block], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
        "location": held.location, "chair_name": held.chair[0], "chair_title": held.chair[1],
        "secretary_name": held.secretary[0], "secretary_title": held.secretary[1], "method": "secret_ballot",
        "present_unit_ids": [demo.units[c] for c in held.present], "candidates": list(candidates.values())}))
    ids = {label: n["id"] for label, n in zip(candidates, meeting["nominations"], strict=True)}
    meeting_id = meeting["meeting"]["id"]
    deputy = {} if held.next_deputy is None else {"next_deputy_unit_id": demo.units[held.next_deputy]}
    ok(await http.post(f"/meetings/{meeting_id}/results", headers=head, json={
        "tallies": [{"nomination_id": n, "votes_for": held.votes_for, "votes_against": 0} for n in ids.values()],
        "next_head_unit_id": demo.units[held.next_head], **deputy, "closed_at": "11:00:00"}))
    proposal = ok(await http.post("/proposals", headers=head, json={
        "meeting_id": meeting_id, "issued_on": "2026-12-16", "signer_name": held.chair[0],
        "signer_title": held.signer_title}))
    screened = ok(await http.post(f"/proposals/{proposal['stage']['subject_id']}/screening",
                                  headers=await as_user(http, SECRETARY),
                                  json={"results": [{"nomination_id": n, "eligible": True} for n in ids.values()]}))
    assert {n["state"] for n in screened["nominations"]} == {"eligible"}, screened
    return ids
