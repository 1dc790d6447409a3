"""The stages the year's six steps (tests/fault.py) never reach, as steps of the same shape: the province revokes an
award the year's decision gave, a second block's state-level dossiers are published for comment, forwarded to the
Prime Minister in a Tờ trình, and the central decision is recorded. With the six, a step for every kind of stage;
`embedded` is the reference run of all of them, in-process, in a SQLite database of its own."""

from pathlib import Path
from typing import Any

import httpx

from models.domain.enums import StageKind
from models.storage.demo import demo_data
from tests.block_year import BlockMeeting, screened_block_year
from tests.demo import DemoProvince, load_demo
from tests.fault import STEPS, Step, database_copy, snapshot
from tests.year import CHAIRMAN_OFFICE, SECRETARY, YEAR, Year, as_user, ok, open_meeting

STATE_BLOCK_MEETING = BlockMeeting(
    block="KHOI-VAN-HOA-XA-HOI", head="truongkhoi.vhxh", location="Hội trường Sở Giáo dục và Đào tạo",
    chair=("Ngô Văn Khải", "Giám đốc"), secretary=("Vũ Đức Thắng", "Hiệu trưởng"),
    present=("SGDDT", "SYT", "SVHTTDL", "SNV", "SDTTG"), votes_for=5, next_head="SYT")
SIGNER = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"}
WIDE = {"province_wide_achievements": True}


def state_level_candidates(demo: DemoProvince) -> dict[str, dict[str, Any]]:
    """Label → candidate of the second block: forms the Prime Minister decides, none of a council member's unit."""
    u = demo.units
    return {
        "cp_syt": {"award_code": "CO_THI_DUA_CHINH_PHU", "unit_id": u["SYT"],
                   "facts": {"outstanding_among_flags": True}},
        "bk_ttg_svhttdl": {"award_code": "BANG_KHEN_THU_TUONG", "unit_id": u["SVHTTDL"], "facts": WIDE},
        "bk_ttg_hanh": {"award_code": "BANG_KHEN_THU_TUONG_CA_NHAN", "person_id": demo.people["Đỗ Thị Hạnh"],
                        "facts": WIDE},
    }


async def state_level_screened(http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    """The second block's meeting, ballots, proposal and screening, in this process (those kinds have steps of their
    own); its nominations join `year.candidates` under their labels."""
    year.candidates |= await screened_block_year(http, demo, STATE_BLOCK_MEETING, state_level_candidates(demo))


async def revoke(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    """The Chairman's office revokes the Bằng khen the year's decision gave Sở Nông nghiệp và Môi trường."""
    secretary = await as_user(client, SECRETARY)
    history = ok(await client.get("/award-history", params={"unit_id": demo.units["SNNMT"]}, headers=secretary), 200)
    [award] = [r for r in history if r["award_code"] == "BANG_KHEN_CT_TAP_THE"]
    draft = ok(await client.post("/revocations", headers=secretary, json={
        "award_record_id": award["id"], "ground": "unlawful_appraisal",
        "reason": "Kết quả bình xét của Khối được xác nhận sai quy định"}))["revocation"]
    ok(await stage_http.post(f"/revocations/{draft['id']}/sign", headers=await as_user(client, CHAIRMAN_OFFICE),
                             json={"signed_on": "2027-03-02", **SIGNER}), year.stage_answer)


async def publish(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    """The office publishes the second block's dossiers for comment, 17–30/12/2026 (ND 152/2025 Điều 60.3)."""
    await state_level_screened(client, demo, year)
    ok(await stage_http.post("/comment-windows", headers=await as_user(client, SECRETARY), json={
        "year": YEAR, "opens_on": "2026-12-17", "nomination_ids": [
            year.candidates[label] for label in state_level_candidates(demo)]}), year.stage_answer)


async def forward(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    """The council recommends them the day after the year's session; the Chairman signs the Tờ trình upward."""
    secretary = await as_user(client, SECRETARY)
    members = [{"full_name": m["full_name"], "position": m["position"], "present": True}
               for m in demo_data()["council"]]
    council = ok(await client.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": "2027-01-04", "location": "Phòng họp số 1, UBND tỉnh", "members": members}))
    session_id = council["session"]["id"]
    ok(await client.post(f"/council-sessions/{session_id}/votes", headers=secretary, json={"votes": [
        {"nomination_id": year.candidates[label], "votes_for": len(members), "votes_against": 0}
        for label in state_level_candidates(demo)]}))
    draft = ok(await client.post("/forwardings", headers=secretary, json={"council_session_id": session_id}))
    year.forwarding_id = draft["id"]
    ok(await stage_http.post(f"/forwardings/{draft['id']}/sign", headers=await as_user(client, CHAIRMAN_OFFICE),
                             json={"issued_on": "2027-01-08", **SIGNER}), year.stage_answer)


async def decide_centrally(client: httpx.AsyncClient, stage_http: httpx.AsyncClient, _: DemoProvince,
                           year: Year) -> None:
    """The Prime Minister's decision: two awarded, the individual not, with the reason the central level gave."""
    ok(await stage_http.post(f"/forwardings/{year.forwarding_id}/central-decision",
                             headers=await as_user(client, SECRETARY), json={
        "number": "1234/QĐ-TTg", "decided_on": "2027-05-20", "results": [
            {"nomination_id": year.candidates["cp_syt"], "awarded": True},
            {"nomination_id": year.candidates["bk_ttg_svhttdl"], "awarded": True},
            {"nomination_id": year.candidates["bk_ttg_hanh"], "awarded": False,
             "reason": "Chưa đủ thành tích theo quy định"}]}), year.stage_answer)


EVERY_KIND: list[tuple[StageKind, Step]] = [*STEPS, (StageKind.REVOCATION_ISSUE, revoke),
                                            (StageKind.PUBLIC_COMMENT, publish), (StageKind.FORWARDING, forward),
                                            (StageKind.CENTRAL_DECISION, decide_centrally)]


async def embedded(client: httpx.AsyncClient, template: Path, folder: Path) -> dict[str, Any]:
    """The reference: every step in this process, never interrupted, in a copy of the migrated SQLite template."""
    async with database_copy(template, folder / "every-kind.db"):
        demo, year = await load_demo(), Year()
        await open_meeting(client, demo, year)
        for _, step in EVERY_KIND:
            await step(client, client, demo, year)
        return await snapshot()
