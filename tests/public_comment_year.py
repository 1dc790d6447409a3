"""A year whose block proposes state-level forms (decided by the Prime Minister), which the catalogue publishes for
public comment before the council votes: three eligible dossiers, through the API and its flows."""

from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok


def state_level_candidates(demo: DemoProvince) -> dict[str, dict[str, Any]]:
    """Label → candidate: the Government's Emulation Flag for two units, the Prime Minister's Bằng khen for a third."""
    u, flag = demo.units, {"award_code": "CO_THI_DUA_CHINH_PHU", "facts": {"outstanding_among_flags": True}}
    return {
        "cp_sct": flag | {"unit_id": u["SCT"],
                          "achievement": "Tiêu biểu xuất sắc nhất trong các tập thể được tặng Cờ thi đua của tỉnh"},
        "cp_stc": flag | {"unit_id": u["STC"]},
        "bk_ttg_skhcn": {"award_code": "BANG_KHEN_THU_TUONG", "unit_id": u["SKHCN"],
                         "facts": {"outstanding_in_national_movement": True}},
    }


async def state_level_year(http: httpx.AsyncClient, demo: DemoProvince) -> dict[str, int]:
    """Meeting, ballots, proposal and screening: every candidate endorsed and found eligible. Label → nomination."""
    head, candidates = await as_user(http, BLOCK_HEAD), state_level_candidates(demo)
    present = [demo.units[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN")]
    meeting = ok(await http.post("/meetings", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "chair_name": "Nguyễn Hữu Phước",
        "chair_title": "Giám đốc Sở Công Thương, Trưởng Khối", "secretary_name": "Lê Văn Đức",
        "secretary_title": "Phó Chánh Văn phòng Sở Công Thương", "method": "secret_ballot",
        "present_unit_ids": present, "candidates": list(candidates.values())}))
    ids = {label: n["id"] for label, n in zip(candidates, meeting["nominations"], strict=True)}
    meeting_id = meeting["meeting"]["id"]
    ok(await http.post(f"/meetings/{meeting_id}/results", headers=head, json={
        "tallies": [{"nomination_id": i, "votes_for": 6, "votes_against": 0} for i in ids.values()],
        "next_head_unit_id": demo.units["STC"], "next_deputy_unit_id": demo.units["SNNMT"], "closed_at": "11:00:00"}))
    proposal = ok(await http.post("/proposals", headers=head, json={
        "meeting_id": meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    screened = ok(await http.post(f"/proposals/{proposal['stage']['subject_id']}/screening",
                                  headers=await as_user(http, SECRETARY),
                                  json={"results": [{"nomination_id": i, "eligible": True} for i in ids.values()]}))
    assert {n["state"] for n in screened["nominations"]} == {"eligible"}
    return ids
