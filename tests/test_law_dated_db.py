"""The dated law through the API, on every database: the standing body's appraisal needs its quorum in force on
its day (refused, in Vietnamese, changing nothing, below it; the log cites the version it was held under); an award
goes the way the province's regulation in force on the session's day routes it, and the vote's log and the office's
Tờ trình cite that regulation; a block proposing what its meeting endorsed gets a quota's place for the woman-led
collective when votes are equal, the log saying the tie-break decided."""

from pathlib import Path
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.docx_read import paragraphs
from tests.test_bad_input import refused
from tests.test_standing_body import eligible_year, roster
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok

FLAG = "CO_THI_DUA_UBND_TINH"
TTLDXS = "ttldxs_stc"


async def session_on(client: httpx.AsyncClient, body: str, held_on: str, present: list[int]) -> int:
    session = ok(await client.post("/council-sessions", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "body": body, "held_on": held_on, "location": "UBND tỉnh", "present_seat_ids": present}))
    return int(session["session"]["id"])


async def last_move(client: httpx.AsyncClient, nomination_id: int) -> dict[str, Any]:
    history = (await client.get(f"/nominations/{nomination_id}")).json()["history"]
    return dict(history[-1])


async def test_a_standing_body_below_its_quorum_is_refused_and_one_at_it_appraises_citing_that_quorum(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await eligible_year(client, demo)
    standing = [s["id"] for s in await roster(client) if s["standing_body"]]
    assert len(standing) == 3
    thin = await session_on(client, "standing_body", "2027-01-03", standing[:1])
    appraisal = {"results": [{"nomination_id": year.candidates[TTLDXS], "agreed": True}]}
    problem = await refused(client, f"/council-sessions/{thin}/appraisals", appraisal, 422, "session_id",
                            "standing.quorum", user=SECRETARY)
    assert problem["errors"][0]["message_vi"].startswith(
        "Chỉ có 1/3 thành viên có mặt; phiên họp xét của Thường trực Hội đồng cần ít nhất 2 thành viên (2/3 tổng số "
        "thành viên) theo QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh")
    assert (await last_move(client, year.candidates[TTLDXS]))["to_state"] == "eligible", "nothing moved"

    enough = await session_on(client, "standing_body", "2027-01-04", standing[:2])
    ok(await client.post(f"/council-sessions/{enough}/appraisals", headers=await as_user(client, SECRETARY),
                         json=appraisal))
    evidence = (await last_move(client, year.candidates[TTLDXS]))["evidence"]
    assert (evidence["quorum_present"], evidence["quorum_required"]) == (2, 2)
    assert evidence["quorum_basis"].startswith("QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh: Hội đồng họp khi có ít nhất 2/3")
    assert evidence["route_basis"].startswith("QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 5")


NEW_ROUTE = "QĐ 05/2027/QĐ-UBND của tỉnh: Hội đồng Thi đua - Khen thưởng tỉnh bỏ phiếu xét Tập thể lao động xuất sắc"


async def test_an_award_goes_the_way_the_regulation_in_force_on_the_sessions_day_routes_it(
    client: httpx.AsyncClient, demo: DemoProvince, own_catalogue: Path
) -> None:
    """The province moves TTLĐXS to the full council's vote from 04/01/2027: its standing body may not appraise it
    that day, the council votes on it, and the vote's log and the office's Tờ trình cite the new regulation."""
    with own_catalogue.open("a", encoding="utf-8") as file:
        file.write(f'\n[[awards.TAP_THE_LAO_DONG_XUAT_SAC.routes]]\nfrom = 2027-01-04\nappraised_by = "council"\n'
                   f'basis = "{NEW_ROUTE}"\n')
    year = await eligible_year(client, demo)
    seats = await roster(client)
    ttldxs = {"nomination_id": year.candidates[TTLDXS]}
    standing_seats = [s["id"] for s in seats if s["standing_body"]]
    standing = await session_on(client, "standing_body", "2027-01-04", standing_seats)
    problem = await refused(client, f"/council-sessions/{standing}/appraisals",
                            {"results": [ttldxs | {"agreed": True}]}, 422, "results.0.nomination_id",
                            "appraisal.route", user=SECRETARY)
    assert f"({NEW_ROUTE})" in problem["errors"][0]["message_vi"]

    council = await session_on(client, "council", "2027-01-04", [s["id"] for s in seats][:8])
    voted = ok(await client.post(f"/council-sessions/{council}/votes", headers=await as_user(client, SECRETARY),
                                 json={"votes": [ttldxs | {"votes_for": 7, "votes_against": 0}]}))  # one recused
    move = await last_move(client, year.candidates[TTLDXS])
    assert move["to_state"] == "recommended"
    assert (move["evidence"]["route_basis"], move["evidence"]["quorum_required"]) == (NEW_ROUTE, 8)
    assert move["evidence"]["threshold_basis"].startswith("Nghị định 152/2025/NĐ-CP không bắt buộc bỏ phiếu")
    [issued] = [d for d in voted["documents"] if d["kind"] == "office_appraisal"]
    printed = " ".join(paragraphs((await client.get(issued["download_url"])).content))
    assert f"do Hội đồng họp xét, bỏ phiếu ({NEW_ROUTE}); tỷ lệ phiếu đồng ý cần đạt: Tập thể lao động xuất sắc " \
           "theo Nghị định 152/2025/NĐ-CP" in printed


async def test_equal_votes_for_the_blocks_one_flag_go_to_the_collective_with_most_women_and_the_log_says_so(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    u = demo.units
    candidates = [{"award_code": FLAG, "unit_id": u["SCT"], "facts": {"members_total": 40, "members_women": 12}},
                  {"award_code": FLAG, "unit_id": u["SXD"], "facts": {"members_total": 20, "members_women": 15}},
                  {"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": u["STC"]}]
    head = await as_user(client, BLOCK_HEAD)
    meeting = ok(await client.post("/meetings", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Trưởng Khối",
        "secretary_name": "Lê Văn Đức", "secretary_title": "Thư ký", "method": "secret_ballot",
        "present_unit_ids": [u[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN")],
        "candidates": candidates}))
    sct, sxd, bk = (n["id"] for n in meeting["nominations"])
    ok(await client.post(f"/meetings/{meeting['meeting']['id']}/results", headers=head, json={
        "tallies": [{"nomination_id": i, "votes_for": 6, "votes_against": 0} for i in (sct, sxd, bk)],
        "next_head_unit_id": u["STC"], "closed_at": "11:00:00"}))

    ok(await client.post("/proposals", headers=head, json={
        "meeting_id": meeting["meeting"]["id"], "issued_on": "2026-12-09", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    states = {n: (await last_move(client, n))["to_state"] for n in (sct, sxd, bk)}
    assert states == {sct: "endorsed", sxd: "submitted", bk: "submitted"}
    placement = (await last_move(client, sxd))["evidence"]["quota_placement"]
    assert (placement["placed"], placement["left_out"], placement["decided_by"]) == ([sxd], [sct], "tie_break")
    assert placement["tie_break_basis"].startswith("khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP")
    assert "quota_placement" not in (await last_move(client, bk))["evidence"], "the Bằng khen had no quota to share"
