"""A real province moves in: its units, staff, blocks and memberships come from an .xlsx workbook through the API,
all or nothing, idempotently, and the workbook exported is one the import takes back unchanged."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.organisation_workbook import YEAR, province, sheet_values, xlsx
from tests.test_bad_input import row_counts
from tests.test_organisation_sheets import bad_province
from tests.year import AUDITOR, BLOCK_HEAD, SECRETARY, as_user, ok

ADMIN = "admin"
UNCHANGED = {"created": 0, "updated": 0}


async def upload(http: httpx.AsyncClient, content: bytes, user: str = SECRETARY, *,
                 dry_run: bool = False) -> httpx.Response:
    return await http.post("/organisation/import", params={"dry_run": "true"} if dry_run else {},
                           headers=await as_user(http, user),
                           files={"file": ("to-chuc-2027.xlsx", content, "application/octet-stream")})


def counts(response: httpx.Response) -> dict[str, dict[str, int]]:
    return dict(ok(response, 200)["counts"])


async def test_a_province_of_three_blocks_imports_once_after_a_dry_run_and_again_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    workbook = xlsx(province())
    for user in (ADMIN, SECRETARY):
        await as_user(client, user)  # logging in is recorded: first
    before = await row_counts()
    dry = await upload(client, workbook, dry_run=True)
    created = {"units": 9, "people": 5, "blocks": 3, "memberships": 9}
    assert counts(dry) == {t: {"created": n, "updated": 0, "unchanged": 0} for t, n in created.items()}
    assert dry.json()["import_id"] is None and dry.json()["changes"]["blocks"]["created"] == [
        "HN-KHOI-KT", "HN-KHOI-DT", "HN-CUM-XA"]
    assert await row_counts() == before  # the dry run wrote nothing, not even a log

    applied = await upload(client, workbook, ADMIN)
    assert counts(applied) == counts(dry)
    blocks = ok(await client.get("/blocks", params={"year": YEAR}), 200)
    assert [(b["code"], b["kind"], [(m["unit_name"], m["role"]) for m in b["members"]]) for b in blocks][2] == (
        "HN-CUM-XA", "cluster", [("Ủy ban nhân dân xã An Nội", "head"), ("Ủy ban nhân dân xã Bình Nghĩa", "deputy"),
                                 ("Ủy ban nhân dân xã Đồng Du", "member")])
    log = ok(await client.get(f"/organisation/imports/{applied.json()['import_id']}"), 200)
    assert (log["accepted"], log["imported_by"], log["file_name"], log["counts"]) == (
        True, ADMIN, "to-chuc-2027.xlsx", counts(applied))

    again = await upload(client, workbook)
    assert counts(again) == {t: UNCHANGED | {"unchanged": n} for t, n in created.items()}

    # The office corrects a name, adds a birth date and a newcomer: the dry run shows exactly that, then it applies.
    edited = province()
    edited["Đơn vị"][3][1] = "Sở Xây dựng tỉnh Hà Nam Ninh"
    edited["Cá nhân"][3][2] = "05/05/1975"
    edited["Cá nhân"].append(["Cao Thị Quỳnh", "Nữ", "01/02/1995", "Chuyên viên", "HN-STC"])
    preview = (await upload(client, xlsx(edited), dry_run=True)).json()["changes"]
    assert (preview["units"], preview["people"]) == (
        {"created": [], "updated": ["HN-SXD"]},
        {"created": ["Cao Thị Quỳnh (HN-STC)"], "updated": ["Lê Văn Mạnh (HN-STC)"]})
    assert ok(await upload(client, xlsx(edited)), 200)["changes"] == {
        **preview, "blocks": {"created": [], "updated": []}, "memberships": {"created": [], "updated": []}}
    people = ok(await client.get("/people"), 200)
    assert [(p["full_name"], p["birth_date"]) for p in people if p["full_name"] == "Lê Văn Mạnh"] == [
        ("Lê Văn Mạnh", "1975-05-05")]


async def test_a_wrong_workbook_is_refused_whole_with_every_mistake_named_and_kept_in_the_log(
    client: httpx.AsyncClient,
) -> None:
    await as_user(client, SECRETARY)
    before = await row_counts()
    response = await upload(client, xlsx(bad_province()))
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert len(errors) == 13 and len({e["rule"] for e in errors}) == 10
    assert errors[0] == {
        "field": "Đơn vị!B4", "rule": "organisation.required", "message": "Đơn vị!B4 (Tên đơn vị): the cell is empty.",
        "message_vi": "Đơn vị!B4 (Tên đơn vị): ô này không được để trống."}
    assert {e["field"] for e in errors} >= {"Cá nhân!E3", "Thành viên khối!D3", "Thành viên khối!C11"}
    after = await row_counts()
    assert {t: n - before[t] for t, n in after.items() if n != before[t]} == {"organisationimport": 1}
    log = ok(await client.get("/organisation/imports"), 200)[0]
    assert (log["accepted"], log["counts"], len(log["problems"])) == (False, {}, 13)

    not_a_workbook = await upload(client, b"Ma don vi;Ten don vi\nX;Y\n")
    assert not_a_workbook.json()["errors"][0]["rule"] == "organisation.file"


async def test_two_imports_at_once_queue_and_the_second_finds_everything_there(client: httpx.AsyncClient) -> None:
    for user in (ADMIN, SECRETARY):
        await as_user(client, user)
    workbook = xlsx(province())
    first, second = await asyncio.gather(upload(client, workbook, ADMIN), upload(client, workbook, SECRETARY))
    created = sorted(sum(c["created"] for c in counts(r).values()) for r in (first, second))
    assert created == [0, 26]  # one created the 26 rows, the other found them all unchanged
    assert len(ok(await client.get("/blocks", params={"year": YEAR}), 200)) == 3  # the demo's blocks are 2026's


async def test_a_head_left_out_of_the_workbook_still_counts_for_its_block_and_year(client: httpx.AsyncClient) -> None:
    ok(await upload(client, xlsx(province())), 200)
    # Next file: a new unit is named head of HN-KHOI-KT for the same year, but HN-SCT (its head) is not listed.
    later = {"Đơn vị": [province()["Đơn vị"][0], ["HN-SKHCN", "Sở Khoa học và Công nghệ", "", "", "", "", None,
                                                  None]],
             "Cá nhân": [province()["Cá nhân"][0]], "Khối": [province()["Khối"][0]],
             "Thành viên khối": [province()["Thành viên khối"][0], [YEAR, "HN-KHOI-KT", "HN-SKHCN", "Trưởng khối"]]}
    response = await upload(client, xlsx(later))
    assert response.status_code == 422, response.text
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("Thành viên khối!D2", "organisation.block_head")]
    assert "HN-SCT" in response.json()["errors"][0]["message_vi"]


async def test_a_column_left_out_leaves_what_is_registered_alone(client: httpx.AsyncClient) -> None:
    ok(await upload(client, xlsx(province())), 200)
    full = province()
    # A clerk's short list: units by code and name only, staff without birth dates or genders.
    short = {"Đơn vị": [row[:2] for row in full["Đơn vị"]],
             "Cá nhân": [[name, position, unit] for name, _, _, position, unit in full["Cá nhân"]],
             "Khối": full["Khối"], "Thành viên khối": full["Thành viên khối"]}
    again = await upload(client, xlsx(short))
    assert all(c["created"] == c["updated"] == 0 for c in counts(again).values()), again.json()
    lan = next(p for p in ok(await client.get("/people"), 200) if p["full_name"] == "Nguyễn Thị Lan")
    assert (lan["gender"], lan["birth_date"]) == ("female", "1985-03-12")


async def test_only_the_province_office_imports(client: httpx.AsyncClient) -> None:
    await as_user(client, BLOCK_HEAD)
    before = await row_counts()
    for user in (BLOCK_HEAD, AUDITOR):
        response = await upload(client, xlsx(province()), user)
        assert response.status_code == 403, response.text
        assert response.json()["errors"][0]["rule"] == "auth.role"
    assert await row_counts() == before


async def test_the_exported_workbook_imports_back_unchanged(client: httpx.AsyncClient) -> None:
    sheets = province()
    sheets["Cá nhân"][1][3] = "-Phó Giám đốc (kiêm nhiệm)"  # text that starts like a formula stays text
    ok(await upload(client, xlsx(sheets)), 200)
    exported = await client.get("/organisation/export", params={"year": YEAR})
    assert exported.status_code == 200, exported.text
    values = sheet_values(exported.content)
    assert list(values) == ["Đơn vị", "Cá nhân", "Khối", "Thành viên khối", "Hội đồng", "Hộ gia đình", "Tài khoản"]
    assert values["Khối"][-1] == ["HN-CUM-XA", "Cụm thi đua các xã phía Nam", "Cụm", "HCX"]
    lan = next(r for r in values["Cá nhân"] if r[0] == "Nguyễn Thị Lan")
    assert [v for v in lan if isinstance(v, str)] == ["Nguyễn Thị Lan", "Nữ", "-Phó Giám đốc (kiêm nhiệm)", "HN-SCT"]
    back = await upload(client, exported.content)
    assert all(c["created"] == c["updated"] == 0 for c in counts(back).values()), back.json()


async def test_an_imported_block_holds_its_year_end_meeting(client: httpx.AsyncClient) -> None:
    ok(await upload(client, xlsx(province())), 200)
    blocks = {b["code"]: b for b in ok(await client.get("/blocks", params={"year": YEAR}), 200)}
    block = blocks["HN-KHOI-KT"]
    units = [m["unit_id"] for m in block["members"]]
    admin = await as_user(client, ADMIN)
    user = ok(await client.post("/users", headers=admin, json={
        "username": "truongkhoi.hn.kt", "full_name": "Trần Văn An", "password": "mat-khau-rat-dai-2027"}))
    ok(await client.post(f"/users/{user['id']}/grants", headers=admin,
                         json={"role": "block_head", "block_id": block["id"], "year": YEAR}))
    login = ok(await client.post("/login/access-token", data={"username": "truongkhoi.hn.kt",
                                                              "password": "mat-khau-rat-dai-2027"}), 200)
    meeting: dict[str, Any] = {
        "block_id": block["id"], "year": YEAR, "held_on": "2027-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "method": "secret_ballot", "chair_name": "Trần Văn An",
        "chair_title": "Giám đốc Sở Công Thương, Trưởng Khối", "secretary_name": "Nguyễn Thị Lan",
        "secretary_title": "Trưởng phòng", "present_unit_ids": units,
        "candidates": [{"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": units[0], "facts": {"leads_block": True}}]}
    opened = ok(await client.post("/meetings", json=meeting,
                                  headers={"Authorization": f"Bearer {login['access_token']}"}))
    assert (opened["meeting"]["block_id"], opened["meeting"]["members_total"], opened["nominations"][0]["unit_id"],
            opened["nominations"][0]["candidate_name"]) == (block["id"], 3, units[0], "Sở Công Thương tỉnh Hà Nam Ninh")


async def test_the_demo_province_comes_in_through_the_same_import_with_the_ids_the_readme_uses(
    client: httpx.AsyncClient,
) -> None:
    blocks = ok(await client.get("/blocks", params={"year": 2026}), 200)
    assert [(b["id"], b["code"], b["kind"]) for b in blocks] == [
        (1, "KHOI-KINH-TE", "block"), (2, "KHOI-VAN-HOA-XA-HOI", "block"), (3, "CUM-XA-PHIA-BAC", "cluster")]
    assert [(m["unit_id"], m["role"]) for m in blocks[0]["members"]] == [
        (1, "head"), (2, "deputy"), *[(unit, "member") for unit in range(3, 8)]]
    assert ok(await client.get("/people"), 200)[0] | {"position": None} == {
        "id": 1, "full_name": "Nguyễn Thị Hồng Nhung", "unit_id": 1, "position": None, "gender": None,
        "birth_date": None, "active_from": None, "active_until": None}
    [log] = ok(await client.get("/organisation/imports"), 200)
    assert (log["imported_by"], log["accepted"], log["counts"]["units"]["created"]) == ("demo", True, 16)


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "api.cli", "import-organisation", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


async def test_the_cli_imports_a_workbook_after_a_dry_run_and_refuses_a_wrong_one(
    client: httpx.AsyncClient, database_url: str, tmp_path: Path
) -> None:
    wrong, good = tmp_path / "sai.xlsx", tmp_path / "to-chuc.xlsx"
    wrong.write_bytes(xlsx(bad_province()))
    good.write_bytes(xlsx(province()))
    refused = run_cli(database_url, str(wrong))
    assert refused.returncode == 1 and "Cá nhân!E3: không có đơn vị mã 'HN-SKHCN'" in refused.stderr, refused.stderr
    dry = run_cli(database_url, str(good), "--dry-run")
    assert dry.returncode == 0 and "units        9 created, 0 updated, 0 unchanged" in dry.stdout, dry.stderr
    assert ok(await client.get("/blocks", params={"year": YEAR}), 200) == []
    done = run_cli(database_url, str(good))
    assert done.returncode == 0 and "memberships  9 created" in done.stdout, done.stderr
    assert len(ok(await client.get("/blocks", params={"year": YEAR}), 200)) == 3
    assert [(i["imported_by"], i["accepted"]) for i in ok(await client.get("/organisation/imports"), 200)] == [
        ("tdkt-cli", True), ("tdkt-cli", False), ("demo", True)]


async def test_two_blocks_with_the_same_initials_need_a_symbol_of_their_own(client: httpx.AsyncClient) -> None:
    sheets = province()
    sheets["Khối"].append(["HN-KHOI-KH", "Khối thi đua các sở khoa học", "Khối"])  # initials HKK, as HN-KHOI-KT
    registry = ("unit", "person", "emulationblock", "blockmembership")
    before = {t: n for t, n in (await row_counts()).items() if t in registry}
    response = await upload(client, xlsx(sheets))
    assert response.status_code == 422, response.text
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("Khối!A2", "organisation.block_symbol"), ("Khối!A5", "organisation.block_symbol")]
    assert "«Ký hiệu»" in response.json()["errors"][1]["message_vi"]
    assert {t: n for t, n in (await row_counts()).items() if t in registry} == before
    sheets["Khối"] = [[*row, symbol] for row, symbol in zip(sheets["Khối"], ["Ký hiệu", "HKT", "", "", "hkh"],
                                                                 strict=True)]
    ok(await upload(client, xlsx(sheets)), 200)
    symbols = {b["code"]: b["symbol"] for b in ok(await client.get("/registry/blocks", headers=await as_user(
        client, SECRETARY)), 200)["items"]}
    assert {code: symbols[code] for code in ("HN-KHOI-KT", "HN-KHOI-DT", "HN-CUM-XA", "HN-KHOI-KH")} == {
        "HN-KHOI-KT": "HKT", "HN-KHOI-DT": "HKD", "HN-CUM-XA": "HCX", "HN-KHOI-KH": "HKH"}
    # A later workbook taking a symbol another block holds is refused, naming the cell.
    sheets["Khối"][4][3] = "HKT"
    again = await upload(client, xlsx(sheets))
    assert [(e["field"], e["rule"]) for e in again.json()["errors"]] == [
        ("Khối!D2", "organisation.block_symbol"), ("Khối!D5", "organisation.block_symbol")]
