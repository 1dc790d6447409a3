"""A block head never sees another block's objects at the desk: one block's whole year is walked, page by page,
as the head of another block (issue 10). Every desk GET route is taken from the application itself."""

import re

import httpx

from api.main import create_app
from models.domain.scope import SENT_TO_BLOCKS
from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn
from tests.desk_scope_walk import (
    FILLED,
    PUBLIC,
    UNFILLED,
    BlockObjects,
    desk_routes,
    objects_of_block,
    readable_text,
    walk,
)
from tests.scoring_year import score_the_block
from tests.test_forwarding import SIGNER, recommended_year
from tests.year import BLOCK, BLOCK_HEAD, CHAIRMAN_OFFICE, SECRETARY, YEAR, as_user, import_past_titles, ok


async def a_block_year(http: httpx.AsyncClient, demo: DemoProvince) -> None:
    """The economic block's year, through the API: movement, registrations, pledge, its own criteria set and scoring
    round; the meeting, proposal, screening, comment window and council; the Chairman's decision on its flag and his
    Tờ trình upward for the rest; a revoked CSTĐCS of one of its people."""
    secretary, chairman = await as_user(http, SECRETARY), await as_user(http, CHAIRMAN_OFFICE)
    await score_the_block(http, demo)
    _, council = await recommended_year(http, demo)
    draft = ok(await http.post("/decisions", headers=secretary, json={
        "council_session_id": council, "award_code": "CO_THI_DUA_UBND_TINH"}))
    ok(await http.post(f"/decisions/{draft['id']}/sign", headers=chairman, json={"signed_on": "2027-01-05", **SIGNER}))
    forwarding = ok(await http.post("/forwardings", headers=secretary, json={"council_session_id": council}))
    ok(await http.post(f"/forwardings/{forwarding['id']}/sign", headers=chairman,
                       json={"issued_on": "2027-01-08", **SIGNER}))
    await import_past_titles(http)
    records = ok(await http.get("/award-history", params={"person_id": demo.people["Lê Văn Đức"]}), 200)
    ok(await http.post("/revocations", headers=secretary, json={
        "award_record_id": records[0]["id"], "ground": "forged_dossier", "reason": "Giấy xác nhận sáng kiến giả mạo",
        "authority_decision": {"number": "08/QĐ-SCT", "signed_on": "2027-02-10",
                               "decided_by": "Giám đốc Sở Công Thương"}}))


async def test_another_blocks_head_finds_nothing_of_the_block_on_any_desk_page(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    routes = desk_routes(create_app())
    known = set(FILLED) | set(UNFILLED) | PUBLIC
    assert [r for r in routes if r not in known] == [], "a desk page the walk does not know how to fill"
    assert sorted(known - set(routes)) == [], "the walk names a page the desk no longer serves"

    await a_block_year(client, demo)
    block = await objects_of_block(demo.blocks[BLOCK], YEAR)
    own, other = await signed_in(BLOCK_HEAD), await signed_in(OTHER_BLOCK_HEAD)
    # The walk can find what it looks for: the block's own head reads its names on its own pages.
    own_list = readable_text(await own.get("/desk/nominations"))
    assert {"Sở Công Thương", "Lê Văn Đức", "Khối thi đua các sở quản lý kinh tế"} <= {
        m for m in block.markers if m in own_list}

    leaks = await walk(other, block)
    assert leaks == [], "\n".join(leaks)
    await the_head_downloads_the_signed_decision_and_nothing_else_of_the_province(own, block)


async def the_head_downloads_the_signed_decision_and_nothing_else_of_the_province(
    own: httpx.AsyncClient, block: BlockObjects
) -> None:
    """A signed decision is sent to the units it awards: their block's head downloads it and the results notice
    from the nomination's page; the council's and the office's papers, and the Tờ trình upward, are neither linked
    nor downloadable (the other block's head was refused every one of them in the walk)."""
    [awarded] = block.decided
    page = await own.get(f"/desk/nominations/{awarded}")
    untranslated = re.findall(r"\b[a-z]+_[a-z_]+:", readable_text(page))
    assert untranslated == [], "the timeline names every piece of evidence in Vietnamese"
    linked = {int(i) for i in re.findall(r'href="/desk/documents/(\d+)"', page.text)}
    sent = {i for i, kind in block.document_kinds.items() if kind in SENT_TO_BLOCKS}
    province = {i for i, kind in block.document_kinds.items()
                if kind in {"office_appraisal", "council_minutes", "council_ballot_count", "central_proposal",
                            "certificates", "public_comment_list"}}
    assert {block.document_kinds[i] for i in sent} == {"decision", "results_notice"}
    assert sent <= linked and not province & linked
    for document_id in sent:
        download = await own.get(f"/desk/documents/{document_id}")
        assert download.status_code == 200 and download.content.startswith(b"PK")
    for document_id in province:
        assert (await own.get(f"/desk/documents/{document_id}")).status_code == 404
