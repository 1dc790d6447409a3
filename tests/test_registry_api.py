"""The registry one object at a time through the API: created, read, updated, ended, with every change read back
(who, when, before, after); scoped like the rest; nothing deleted that a nomination points to."""

import asyncio
from datetime import UTC, date, datetime, time
from typing import Any

import httpx

from models.recording.meeting_papers import number_minutes
from models.storage.db import open_session
from models.tables.meeting import BlockMeeting
from tests.demo import DemoProvince
from tests.test_bad_input import row_counts
from tests.year import AUDITOR, BLOCK_HEAD, SECRETARY, Year, as_user, hold_meeting, ok

ADMIN, OTHER_HEAD = "admin", "truongkhoi.vhxh"


def history_of(changes: list[dict[str, Any]]) -> list[tuple[str, str, Any, Any]]:
    return [(c["action"], c["changed_by"], c["before"], c["after"]) for c in changes]


async def test_a_unit_and_its_person_are_created_updated_and_ended_and_their_history_reads_back(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sec, admin = await as_user(anonymous, SECRETARY), await as_user(anonymous, ADMIN)
    started = datetime.now(UTC)
    unit = ok(await anonymous.post("/registry/units", headers=sec, json={
        "code": "SKHĐT", "name": "Sở Kế hoạch và Đầu tư", "kind": "department", "active_from": "2020-01-01"}))
    path = f"/registry/units/{unit['id']}"
    read = await anonymous.get(path, headers=sec)
    assert ok(read, 200) == unit and read.headers["ETag"]
    renamed = await anonymous.patch(path, headers={**admin, "If-Match": read.headers["ETag"]},
                                    json={"name": "Sở Tài chính (sáp nhập)", "head_name": "Lê Văn Hợp"})
    assert ok(renamed, 200)["name"] == "Sở Tài chính (sáp nhập)"
    stale = await anonymous.patch(path, headers={**admin, "If-Match": read.headers["ETag"]}, json={"name": "X"})
    assert stale.status_code == 409 and stale.json()["errors"][0]["rule"] == "registry.changed"
    ended = ok(await anonymous.post(f"{path}/end", headers=sec, json={"active_until": "2025-06-30"}), 200)
    assert ended["active_until"] == "2025-06-30"

    changes = ok(await anonymous.get(f"{path}/history", headers=sec), 200)
    assert [c["action"] for c in changes] == ["created", "updated", "ended"]
    assert [c["action_vi"] for c in changes] == ["Thêm mới", "Cập nhật", "Kết thúc"]
    assert [c["changed_by"] for c in changes] == [SECRETARY, ADMIN, SECRETARY]
    assert all(started <= datetime.fromisoformat(c["at"]) <= datetime.now(UTC) for c in changes)
    assert changes[0]["before"] is None and changes[0]["after"] == unit | {"head_title": "Giám đốc"}
    assert (changes[1]["before"]["name"], changes[1]["after"]["name"]) == ("Sở Kế hoạch và Đầu tư",
                                                                           "Sở Tài chính (sáp nhập)")
    assert (changes[1]["before"]["head_name"], changes[1]["after"]["head_name"]) == ("", "Lê Văn Hợp")
    assert (changes[2]["before"]["active_until"], changes[2]["after"]["active_until"]) == (None, "2025-06-30")

    person = ok(await anonymous.post("/registry/people", headers=sec, json={
        "full_name": "Phan Văn Tài", "unit_id": unit["id"], "gender": "male", "birth_date": "1980-02-03"}))
    moved = ok(await anonymous.patch(f"/registry/people/{person['id']}", headers=sec,
                                     json={"unit_id": demo.units["STC"], "position": "Chuyên viên"}), 200)
    assert moved["unit_id"] == demo.units["STC"]
    person_changes = ok(await anonymous.get(f"/registry/people/{person['id']}/history", headers=sec), 200)
    assert history_of(person_changes)[1][2:] == (person | {"active_from": None, "active_until": None},
                                                 person | {"unit_id": demo.units["STC"], "position": "Chuyên viên",
                                                           "active_from": None, "active_until": None})
    found = ok(await anonymous.get("/registry/people", headers=sec,
                                   params={"q": "phan văn", "unit_id": demo.units["STC"]}), 200)
    assert [p["id"] for p in found["items"]] == [person["id"]] and found["total"] == 1
    active = ok(await anonymous.get("/registry/units", headers=sec, params={"active": "2026-01-01", "limit": 5,
                                                                           "offset": 2}), 200)
    assert active["total"] == len(demo.units) and len(active["items"]) == 5  # the ended unit is left out
    assert active["items"][0]["id"] == sorted(demo.units.values())[2]


async def test_two_identical_updates_at_once_give_one_result_and_one_change(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sec = await as_user(anonymous, SECRETARY)
    path = f"/registry/units/{demo.units['SXD']}"
    answers = await asyncio.gather(*(anonymous.patch(path, headers=sec, json={"head_name": "Lý Văn Mới"})
                                     for _ in range(2)))
    assert [a.status_code for a in answers] == [200, 200] and answers[0].json() == answers[1].json()
    changes = ok(await anonymous.get(f"{path}/history", headers=sec), 200)
    assert [c["after"]["head_name"] for c in changes if c["action"] == "updated"] == ["Lý Văn Mới"]


async def test_a_block_head_reads_their_own_block_only_and_changes_nothing(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    head = await as_user(anonymous, BLOCK_HEAD)
    own, other = demo.units["SCT"], demo.units["SYT"]
    assert ok(await anonymous.get(f"/registry/units/{own}", headers=head), 200)["code"] == "SCT"
    listed = ok(await anonymous.get("/registry/units", headers=head), 200)
    assert listed["total"] == 7 and other not in {u["id"] for u in listed["items"]}
    blocks = ok(await anonymous.get("/registry/blocks", headers=head), 200)
    assert [b["code"] for b in blocks["items"]] == ["KHOI-KINH-TE"]
    before = await row_counts()
    hidden: list[tuple[str, str, dict[str, Any] | None]] = [("GET", f"/registry/units/{other}", None),
                               ("PATCH", f"/registry/units/{other}", {"name": "X"}),
                               ("POST", f"/registry/units/{other}/end", {"active_until": "2026-01-01"}),
                               ("GET", f"/registry/units/{other}/history", None),
                               ("GET", f"/registry/blocks/{demo.blocks['KHOI-VAN-HOA-XA-HOI']}", None),
                               ("GET", f"/registry/people/{demo.people['Đỗ Thị Hạnh']}", None)]
    for method, path, body in hidden:
        answer = await anonymous.request(method, path, json=body, headers=head)
        assert answer.status_code == 404, (path, answer.text)
    refused: list[tuple[str, str, dict[str, Any] | None]] = [("PATCH", f"/registry/units/{own}", {"name": "X"}),
                               ("POST", "/registry/units", {"code": "X1", "name": "X"}),
                               ("DELETE", f"/registry/units/{own}", None),
                               ("POST", f"/registry/blocks/{demo.blocks['KHOI-KINH-TE']}/members",
                                {"unit_id": own, "year": 2030})]
    for method, path, body in refused:
        answer = await anonymous.request(method, path, json=body, headers=head)
        assert answer.status_code == 403, (path, answer.text)
        assert "Quản trị hệ thống" in answer.json()["errors"][0]["message_vi"]
    assert await row_counts() == before
    auditor = await as_user(anonymous, AUDITOR)
    assert (await anonymous.patch(f"/registry/units/{own}", headers=auditor, json={"name": "X"})).status_code == 403


async def test_a_unit_a_nomination_points_to_is_not_deleted_but_one_entered_by_mistake_is(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await hold_meeting(anonymous, demo, Year())
    sec = await as_user(anonymous, SECRETARY)
    before = await row_counts()
    refused = await anonymous.delete(f"/registry/units/{demo.units['SCT']}", headers=sec)
    assert refused.status_code == 409, refused.text
    problem = refused.json()["errors"][0]
    assert problem["rule"] == "registry.referenced" and "hồ sơ đề nghị" in problem["message_vi"]
    assert "thay vì xóa" in problem["message_vi"]
    assert await row_counts() == before
    assert ok(await anonymous.get(f"/registry/units/{demo.units['SCT']}", headers=sec), 200)["code"] == "SCT"

    mistake = ok(await anonymous.post("/registry/units", headers=sec, json={"code": "NHAM", "name": "Nhầm"}))
    assert (await anonymous.delete(f"/registry/units/{mistake['id']}", headers=sec)).status_code == 204
    assert (await anonymous.get(f"/registry/units/{mistake['id']}", headers=sec)).status_code == 404
    log = ok(await anonymous.get("/registry/changes", headers=sec,
                                 params={"object_type": "unit", "object_id": mistake["id"]}), 200)
    assert [(c["action"], c["after"]) for c in log["items"]] == [("created", log["items"][0]["after"]),
                                                                ("deleted", None)]


async def test_a_wrong_update_is_refused_naming_the_field_in_vietnamese_and_changes_nothing(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sec = await as_user(anonymous, SECRETARY)
    person = f"/registry/people/{demo.people['Nguyễn Thị Hồng Nhung']}"
    unit = f"/registry/units/{demo.units['SCT']}"
    before = await row_counts()
    for path, body, field, rule in (
        (person, {"unit_id": 99999}, "unit_id", "registry.unknown_unit"),
        (person, {"birth_date": "30/02/1980"}, "birth_date", "date_from_datetime_parsing"),
        (unit, {"active_from": "2026-05-01", "active_until": "2026-04-30"}, "active_until", "registry.date_order"),
        (unit, {"code": "STC"}, "code", "registry.duplicate_code"),
        ("/registry/households", {"head_name": "Nguyễn Văn A", "address": "Thôn 1",
                                  "commune_id": demo.units["SCT"]}, "commune_id", "registry.household_commune"),
    ):
        answer = await anonymous.request("POST" if path.endswith("households") else "PATCH", path, json=body,
                                         headers=sec)
        assert answer.status_code == 422, answer.text
        error = answer.json()["errors"][0]
        assert error["field"].endswith(field) and error["rule"].endswith(rule.split(".")[-1]), error
        assert error["message_vi"] and answer.headers["content-type"] == "application/problem+json"
    assert await row_counts() == before


async def test_block_memberships_change_head_and_members_with_history(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sec = await as_user(anonymous, SECRETARY)
    block = demo.blocks["KHOI-KINH-TE"]
    new = ok(await anonymous.post(f"/registry/blocks/{block}/members", headers=sec,
                                  json={"unit_id": demo.units["SXD"], "year": 2030, "role": "head"}))
    head = ok(await anonymous.post(f"/registry/blocks/{block}/members", headers=sec,
                                   json={"unit_id": demo.units["SCT"], "year": 2030, "role": "head"}))
    listed = ok(await anonymous.get("/registry/memberships", headers=sec, params={"block_id": block,
                                                                                 "year": 2030}), 200)
    assert {(m["unit_id"], m["role"]) for m in listed["items"]} == {(demo.units["SXD"], "member"),
                                                                   (demo.units["SCT"], "head")}
    demoted = ok(await anonymous.get(f"/registry/memberships/{new['id']}/history", headers=sec), 200)
    assert [(c["before"] or {}).get("role") for c in demoted] == [None, "head"]
    refused = await anonymous.patch(f"/registry/memberships/{head['id']}", headers=sec, json={"role": "member"})
    assert refused.status_code == 422 and "Trưởng khối" in refused.json()["errors"][0]["message_vi"]
    twice = await anonymous.post(f"/registry/blocks/{demo.blocks['KHOI-VAN-HOA-XA-HOI']}/members", headers=sec,
                                 json={"unit_id": demo.units["SXD"], "year": 2030})
    assert twice.status_code == 422 and twice.json()["errors"][0]["rule"] == "registry.unit_in_two_blocks"
    assert (await anonymous.delete(f"/registry/memberships/{new['id']}", headers=sec)).status_code == 204


async def test_the_council_roster_s_changes_go_to_the_same_log(anonymous: httpx.AsyncClient,
                                                               demo: DemoProvince) -> None:
    sec = await as_user(anonymous, SECRETARY)
    seat = ok(await anonymous.post("/council/roster", headers=sec, json={
        "full_name": "Lương Thị Thu", "position": "Giám đốc Sở Y tế", "unit_id": demo.units["SYT"],
        "role": "member", "standing_body": False, "serves_from": "2027-02-01"}))
    ok(await anonymous.post(f"/council/roster/{seat['id']}/end", headers=sec, json={"serves_until": "2027-12-31"}),
       200)
    log = ok(await anonymous.get("/registry/changes", headers=sec, params={"object_type": "seat",
                                                                          "object_id": seat["id"]}), 200)
    assert [(c["action"], c["changed_by"], (c["after"] or {}).get("serves_until")) for c in log["items"]] == [
        ("created", SECRETARY, None), ("ended", SECRETARY, "2027-12-31")]


async def test_two_blocks_whose_codes_share_initials_keep_apart_minutes_series(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sec = await as_user(anonymous, SECRETARY)
    before = await row_counts()
    # KHOI-KY-THUAT has the initials of the demo's KHOI-KINH-TE, whose minutes are numbered …/BB-KKT.
    same = await anonymous.post("/registry/blocks", headers=sec, json={
        "code": "KHOI-KY-THUAT", "name": "Khối thi đua các sở kỹ thuật"})
    assert same.status_code == 422, same.text
    error = same.json()["errors"][0]
    assert (error["field"], error["rule"]) == ("symbol", "registry.block_symbol")
    assert "'KKT'" in error["message_vi"] and "Khối thi đua các sở quản lý kinh tế" in error["message_vi"]
    hyphen = await anonymous.post("/registry/blocks", headers=sec, json={
        "code": "KHOI-KY-THUAT", "name": "Khối thi đua các sở kỹ thuật", "symbol": "KKT-2"})
    assert hyphen.status_code == 422 and hyphen.json()["errors"][0]["rule"] == "registry.block_symbol_form"
    assert "gạch nối" in hyphen.json()["errors"][0]["message_vi"]
    assert await row_counts() == before
    own = ok(await anonymous.post("/registry/blocks", headers=sec, json={
        "code": "KHOI-KY-THUAT", "name": "Khối thi đua các sở kỹ thuật", "symbol": "kktht"}))
    assert own["symbol"] == "KKTHT"
    taken = await anonymous.patch(f"/registry/blocks/{own['id']}", headers=sec, json={"symbol": "KKT"})
    assert taken.status_code == 422 and taken.json()["errors"][0]["rule"] == "registry.block_symbol"
    # Each block's year-end minutes open a series of their own.
    async with open_session() as session:
        meetings = [BlockMeeting(block_id=block, year=2026, held_on=date(2026, 12, 15), opened_at=time(8),
                                 location="Hội trường", chair_name="Chủ trì", chair_title="Trưởng Khối",
                                 secretary_name="Thư ký", secretary_title="Chuyên viên", created_by="test")
                    for block in (demo.blocks["KHOI-KINH-TE"], own["id"])]
        session.add_all(meetings)
        await session.flush()
        for meeting in meetings:
            await number_minutes(session, meeting)
        assert [m.minutes_number for m in meetings] == ["01/BB-KKT", "01/BB-KKTHT"]
        await session.commit()
