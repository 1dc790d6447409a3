"""The workbook's households and accounts sheets, the change log an import writes, and a folder of .csv files
imported as the .xlsx is."""

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import select

from models.storage.db import open_session
from models.tables.accounts import User
from tests.organisation_workbook import province, xlsx
from tests.test_bad_input import row_counts
from tests.test_organisation_import import counts, run_cli, upload
from tests.year import SECRETARY, as_user, ok

ADMIN = "admin"
HOUSEHOLDS: list[list[Any]] = [["Chủ hộ", "Địa chỉ", "Mã xã, phường", "Hoạt động từ ngày"],
              ["Nguyễn Văn Tư", "Thôn Đông, xã An Nội", "HN-XAN", "01/01/2010"],
              ["Trần Thị Năm", "Xóm 3, xã Bình Nghĩa", "HN-XBN", None]]
ACCOUNTS: list[list[Any]] = [["Tên đăng nhập", "Họ và tên", "Vai trò", "Mã khối", "Năm", "Mã đơn vị"],
            ["truongkhoi.hn-kt", "Trần Văn An", "Trưởng Khối thi đua", "HN-KHOI-KT", 2027, None],
            ["thuky.hn", "Lê Thị Thu", "council_secretary", None, None, None],
            # A member unit's account: the unit it speaks for is created by the same file.
            ["donvi.hn-stc", "Văn phòng Sở Tài chính", "Đơn vị thành viên Khối thi đua", "HN-KHOI-KT", 2027, "HN-STC"]]


def full_province() -> dict[str, list[list[Any]]]:
    return province() | {"Hộ gia đình": HOUSEHOLDS, "Tài khoản": ACCOUNTS}


# Argon2id's cost as its hash records it: real accounts keep the recommended one; the demo accounts' public
# password is hashed at the lowest (models/passwords.py).
RECOMMENDED, DEMO = "m=65536,t=3,p=4", "m=1024,t=1,p=1"


async def hash_costs() -> dict[str, str]:
    async with open_session() as session:
        accounts = (await session.exec(select(User))).all()
    return {a.username: a.password_hash.split("$")[3] for a in accounts
            if a.username in {"truongkhoi.hn-kt", "thuky.hn", SECRETARY}}


async def login(http: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await http.post("/login/access-token", data={"username": username, "password": password})


async def test_an_import_writes_the_change_log_read_back_per_object_and_per_import(client: httpx.AsyncClient) -> None:
    sec = await as_user(client, SECRETARY)
    first = ok(await upload(client, xlsx(province())), 200)
    edited = province()
    edited["Đơn vị"][2][1] = "Sở Tài chính tỉnh Hà Nam Ninh"
    second = ok(await upload(client, xlsx(edited)), 200)
    log = ok(await client.get("/registry/changes", headers=sec, params={"import_id": second["import_id"]}), 200)
    assert [(c["object_type"], c["action"], c["changed_by"]) for c in log["items"]] == [
        ("unit", "updated", SECRETARY)]
    unit_id = log["items"][0]["object_id"]
    history = ok(await client.get(f"/registry/units/{unit_id}/history", headers=sec), 200)
    assert [(c["action"], c["import_id"]) for c in history] == [("created", first["import_id"]),
                                                                ("updated", second["import_id"])]
    assert history[0]["after"]["code"] == "HN-STC" and history[0]["before"] is None
    assert (history[1]["before"]["name"], history[1]["after"]["name"]) == ("Sở Tài chính",
                                                                           "Sở Tài chính tỉnh Hà Nam Ninh")
    created = ok(await client.get("/registry/changes", headers=sec, params={"import_id": first["import_id"],
                                                                           "limit": 500}), 200)
    assert created["total"] == 9 + 5 + 3 + 9  # units, people, blocks, memberships
    again = ok(await upload(client, xlsx(edited)), 200)
    assert ok(await client.get("/registry/changes", headers=sec,
                               params={"import_id": again["import_id"]}), 200)["total"] == 0


async def test_households_and_accounts_import_export_round_trip_and_the_one_time_password_is_spent_once(
    client: httpx.AsyncClient,
) -> None:
    refused = await upload(client, xlsx(full_province()), SECRETARY)  # accounts are the administrator's
    assert refused.status_code == 403 and "Quản trị hệ thống" in refused.json()["errors"][0]["message_vi"]
    applied = ok(await upload(client, xlsx(full_province()), ADMIN), 200)
    assert applied["counts"]["households"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert applied["counts"]["accounts"]["created"] == 3 and applied["counts"]["roles"]["created"] == 3
    passwords = applied["one_time_passwords"]
    assert sorted(passwords) == ["donvi.hn-stc", "thuky.hn", "truongkhoi.hn-kt"]
    users = {u["username"]: u for u in ok(await client.get("/users", headers=await as_user(client, ADMIN)), 200)}
    stc = ok(await client.get("/registry/units", params={"q": "HN-STC"}), 200)["items"]
    assert [(g["role"], g["year"], g["unit_id"]) for g in users["donvi.hn-stc"]["grants"]] == [
        ("member_unit", 2027, stc[0]["id"])]

    households = ok(await client.get("/registry/households", params={"q": "xã An Nội"}), 200)
    assert [(h["head_name"], h["active_from"]) for h in households["items"]] == [("Nguyễn Văn Tư", "2010-01-01")]
    head, one_time = "truongkhoi.hn-kt", passwords["truongkhoi.hn-kt"]
    must_change = await login(client, head, one_time)
    assert must_change.status_code == 403
    assert must_change.json()["errors"][0]["rule"] == "auth.must_change_password"
    assert "mật khẩu mới" in must_change.json()["errors"][0]["message_vi"]
    changed = await client.post("/login/change-password", json={"username": head, "password": one_time,
                                                                "new_password": "mat-khau-moi-2027"})
    token = ok(changed, 200)["access_token"]
    me = ok(await client.get("/me", headers={"Authorization": f"Bearer {token}"}), 200)
    assert [(g["role"], g["year"]) for g in me["grants"]] == [("block_head", 2027)]
    assert (await login(client, head, one_time)).status_code == 401  # spent
    again = await client.post("/login/change-password", json={"username": head, "password": one_time,
                                                              "new_password": "mat-khau-khac-2027"})
    assert again.status_code == 401
    assert (await login(client, head, "mat-khau-moi-2027")).status_code == 200
    assert await hash_costs() == {head: RECOMMENDED, "thuky.hn": RECOMMENDED, SECRETARY: DEMO}
    own = ok(await client.get("/registry/households", headers={"Authorization": f"Bearer {token}"}), 200)
    assert [h["head_name"] for h in own["items"]] == []  # the communes are in another block

    before = await row_counts()
    exported = await client.get("/organisation/export", params={"year": 2027}, headers=await as_user(client, ADMIN))
    reimported = ok(await upload(client, exported.content, ADMIN), 200)
    assert all(c["created"] == c["updated"] == 0 for c in reimported["counts"].values()), reimported["counts"]
    assert reimported["one_time_passwords"] == {}
    assert (await login(client, head, "mat-khau-moi-2027")).status_code == 200  # not reset
    after = await row_counts()
    assert {t: after[t] - before[t] for t in after if after[t] != before[t]} == {
        "organisationimport": 1, "loginattempt": 1}


def csv_files(sheets: dict[str, list[list[Any]]]) -> list[tuple[str, bytes]]:
    """Each sheet as Excel saves "CSV UTF-8": with a BOM, dates as dd/mm/yyyy text; semicolons for one of them."""
    files = []
    for index, (name, rows) in enumerate(sheets.items()):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";" if index == 1 else ",")
        for row in rows:
            writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v
                             for v in row])
        files.append((f"{name}.csv", out.getvalue().encode("utf-8-sig")))
    return files


async def test_a_folder_of_csv_files_imports_as_the_workbook_does(
    client: httpx.AsyncClient, database_url: str, tmp_path: Path
) -> None:
    sec = await as_user(client, SECRETARY)
    sheets = province() | {"Hộ gia đình": HOUSEHOLDS}
    files = csv_files(sheets)
    dry_csv = ok(await client.post("/organisation/import", params={"dry_run": "true"}, headers=sec,
                                   files=[("file", (n, c, "text/csv")) for n, c in files]), 200)
    dry_xlsx = ok(await upload(client, xlsx(sheets), dry_run=True), 200)
    assert dry_csv["counts"] == dry_xlsx["counts"] and dry_csv["changes"] == dry_xlsx["changes"]

    bad = [(n, c.replace(b"HN-SCT", b"HN-NONE", 1) if n.startswith("C") else c) for n, c in files]
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        for name, content in bad:
            archive.writestr(name, content)
    before = await row_counts()
    refused = await client.post("/organisation/import", headers=sec,
                                files={"file": ("to-chuc.zip", zipped.getvalue(), "application/zip")})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["Cá nhân!E2"]
    assert (await row_counts())["unit"] == before["unit"]

    folder = tmp_path / "to-chuc"
    folder.mkdir()
    for name, content in files:
        (folder / name.replace("Thành viên khối", "thanh-vien-khoi")).write_bytes(content)
    done = run_cli(database_url, str(folder))
    assert done.returncode == 0, done.stderr
    assert "households   2 created" in done.stdout
    again = await upload(client, xlsx(sheets))
    assert counts(again) == {t: {"created": 0, "updated": 0, "unchanged": c["created"]}
                             for t, c in dry_xlsx["counts"].items()}
