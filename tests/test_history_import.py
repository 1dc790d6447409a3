"""Past years' award decisions come in from a CSV file: all rows or none, once, and they read back."""

import asyncio
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import httpx

from models.storage.db import open_session
from models.tables.organisation import Person
from tests.demo import DemoProvince
from tests.test_bad_input import row_counts
from tests.year import AUDITOR, BLOCK_HEAD, CHAIRMAN_OFFICE, SECRETARY, as_user

ADMIN, OTHER_HEAD = "admin", "truongkhoi.vhxh"
HEADER = "year,award_code,unit_code,person_name,decision_number\n"
# Three years of Chiến sĩ thi đua cơ sở for one person, a collective's titles and a flag, as a clerk types them.
PAST_YEARS = HEADER + (
    "2023,CHIEN_SI_THI_DUA_CO_SO,SCT,Nguyễn Thị Hồng Nhung,12/QĐ-SCT\n"
    "2024,CHIEN_SI_THI_DUA_CO_SO,SCT,  nguyễn thị hồng  nhung ,08/QĐ-SCT\n"
    "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,Nguyễn Thị Hồng Nhung,05/QĐ-SCT\n"
    "2024,TAP_THE_LAO_DONG_XUAT_SAC,SCT,,152/QĐ-UBND\n"
    "2025,TAP_THE_LAO_DONG_XUAT_SAC,SCT,,98/QĐ-UBND\n"
    "2025,CO_THI_DUA_UBND_TINH,SGDDT,,99/QĐ-UBND\n"
)


async def upload(http: httpx.AsyncClient, content: str | bytes, user: str = SECRETARY) -> httpx.Response:
    data = content.encode() if isinstance(content, str) else content
    return await http.post("/award-history/import", headers=await as_user(http, user),
                           files={"file": ("khen-thuong-cac-nam.csv", data, "text/csv")})


async def history(http: httpx.AsyncClient, user: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    headers = await as_user(http, user) if user else {}
    response = await http.get("/award-history", params=filters, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["X-Total-Count"] == str(len(response.json()))
    return list(response.json())


async def test_past_decisions_for_collectives_and_individuals_import_and_read_back(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    # A name saved decomposed (as some keyboards and systems do) still finds the person.
    response = await upload(client, unicodedata.normalize("NFD", PAST_YEARS).encode("utf-8-sig"))
    assert response.status_code == 201, response.text
    assert response.json() | {"at": None, "id": None, "sha256": None} == {
        "id": None, "file_name": "khen-thuong-cac-nam.csv", "sha256": None, "rows": 6, "imported": 6,
        "already_present": 0, "imported_by": SECRETARY, "at": None}

    nhung = await history(client, person_id=demo.people["Nguyễn Thị Hồng Nhung"])
    assert [(r["year"], r["award_code"], r["decision_number"], r["recipient_name"], r["source"]) for r in nhung] == [
        (2023, "CHIEN_SI_THI_DUA_CO_SO", "12/QĐ-SCT", "Nguyễn Thị Hồng Nhung", "import"),
        (2024, "CHIEN_SI_THI_DUA_CO_SO", "08/QĐ-SCT", "Nguyễn Thị Hồng Nhung", "import"),
        (2025, "CHIEN_SI_THI_DUA_CO_SO", "05/QĐ-SCT", "Nguyễn Thị Hồng Nhung", "import")]
    assert {r["recipient_kind"] for r in nhung} == {"individual"} and {r["decision_id"] for r in nhung} == {None}
    sct = await history(client, unit_id=demo.units["SCT"])
    assert len(sct) == 5, "the unit's own titles and its staff's"
    flag = await history(client, award_code="CO_THI_DUA_UBND_TINH", year=2025)
    assert [(r["recipient_name"], r["recipient_kind"], r["unit_id"]) for r in flag] == [
        ("Sở Giáo dục và Đào tạo", "collective", demo.units["SGDDT"])]

    # A block head reads the history of their own block's members only; only the province's office imports.
    assert {r["recipient_name"] for r in await history(client, BLOCK_HEAD)} == {"Nguyễn Thị Hồng Nhung",
                                                                                "Sở Công Thương"}
    assert [r["recipient_name"] for r in await history(client, OTHER_HEAD)] == ["Sở Giáo dục và Đào tạo"]
    for user, status in ((ADMIN, 201), (BLOCK_HEAD, 403), (CHAIRMAN_OFFICE, 403), (AUDITOR, 403)):
        assert (await upload(client, PAST_YEARS, user=user)).status_code == status, user


async def test_a_file_with_wrong_rows_is_refused_row_by_row_and_imports_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    assert (await upload(client, HEADER + "2024,TAP_THE_LAO_DONG_XUAT_SAC,SCT,,152/QĐ-UBND\n")).status_code == 201
    async with open_session() as session:  # a second Lê Văn Đức joins Sở Công Thương
        session.add(Person(full_name="Lê Văn Đức", position="Chuyên viên", unit_id=demo.units["SCT"]))
        await session.commit()
    before = await row_counts()
    response = await upload(client, HEADER + (
        "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,Nguyễn Thị Hồng Nhung,05/QĐ-SCT\n"  # 2: fine
        "2025,HUAN_CHUONG_LAO_DONG,SCT,,01/QĐ-CTN\n"  # 3: not in the catalogue
        "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,,05/QĐ-SCT\n"  # 4: an individual title without a person
        "2025,TAP_THE_LAO_DONG_XUAT_SAC,SCT,Nguyễn Thị Hồng Nhung,98/QĐ-UBND\n"  # 5: a collective title to a person
        "2025,TAP_THE_LAO_DONG_XUAT_SAC,SCTT,,98/QĐ-UBND\n"  # 6: no such unit
        "2025,LAO_DONG_TIEN_TIEN,SCT,Nguyễn Văn Không Có,03/QĐ-SCT\n"  # 7: nobody of that name there
        "1900,LAO_DONG_TIEN_TIEN,SCT,Nguyễn Thị Hồng Nhung,03/QĐ-SCT\n"  # 8: year out of range
        "2025,LAO_DONG_TIEN_TIEN,SCT,Lê Văn Đức,03/QĐ-SCT\n"  # 9: two people of that name
        "2024,TAP_THE_LAO_DONG_XUAT_SAC,SCT,,153/QĐ-UBND\n"  # 10: recorded already, by another decision
        "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,Nguyễn Thị Hồng Nhung,05/QĐ-SCT\n"  # 11: repeats row 2
        "2025,LAO_DONG_TIEN_TIEN,SCT\n"  # 12: values missing
    ))
    assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [(e["field"], e["rule"]) for e in errors] == [
        ("rows.3.award_code", "award.exists"),
        ("rows.4.person_name", "history.recipient_kind"),
        ("rows.5.person_name", "history.recipient_kind"),
        ("rows.6.unit_code", "unit.exists"),
        ("rows.7.person_name", "person.exists"),
        ("rows.8.year", "history.year"),
        ("rows.9.person_name", "person.ambiguous"),
        ("rows.10.year", "history.duplicate"),
        ("rows.11.year", "history.duplicate"),
        ("rows.12", "history.columns")]
    messages = {e["field"]: e["message"] for e in errors}
    assert "HUAN_CHUONG_LAO_DONG" in messages["rows.3.award_code"]
    assert "by decision 152/QĐ-UBND, not 153/QĐ-UBND" in messages["rows.10.year"]
    assert "repeats row 2" in messages["rows.11.year"]
    assert await row_counts() == before, "one wrong row imports nothing"

    for content, rule in ((PAST_YEARS.encode("cp1258", errors="replace"), "history.encoding"),
                          ("nam,danh_hieu,don_vi\n2025,X,Y\n", "history.header"), (HEADER, "history.empty")):
        refused = await upload(client, content)
        assert (refused.status_code, refused.json()["errors"][0]["field"], refused.json()["errors"][0]["rule"]) == (
            422, "file", rule)
    assert await row_counts() == before


async def test_importing_the_same_file_again_adds_nothing(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    first = await upload(client, PAST_YEARS)
    again = await upload(client, PAST_YEARS)
    assert (first.json()["imported"], first.json()["already_present"]) == (6, 0)
    assert (again.json()["imported"], again.json()["already_present"]) == (0, 6)
    extended = await upload(client, PAST_YEARS + "2026,LAO_DONG_TIEN_TIEN,STC,Phan Thị Thu Hà,02/QĐ-STC\n")
    assert (extended.json()["rows"], extended.json()["imported"], extended.json()["already_present"]) == (7, 1, 6)
    assert len(await history(client)) == 7


async def test_the_same_file_sent_twice_at_once_adds_each_record_once(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    both = await asyncio.gather(upload(client, PAST_YEARS), upload(client, PAST_YEARS, user=ADMIN))
    assert sorted((r.status_code, r.json()["imported"], r.json()["already_present"]) for r in both) == [
        (201, 0, 6), (201, 6, 0)]
    assert len(await history(client)) == 6


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "api.cli", "import-history", *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


async def test_the_cli_imports_a_file_into_the_service_database(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, tmp_path: Path
) -> None:
    wrong = tmp_path / "sai.csv"
    wrong.write_text(HEADER + "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,Người Không Có,05/QĐ-SCT\n", encoding="utf-8")
    refused = run_cli(database_url, str(wrong))
    assert refused.returncode == 1 and "rows.2.person_name" in refused.stderr and "Người Không Có" in refused.stderr
    assert await history(client) == []

    good = tmp_path / "khen-thuong.csv"
    good.write_text(PAST_YEARS, encoding="utf-8")
    done = run_cli(database_url, str(good))
    assert done.returncode == 0, done.stderr
    assert "Imported 6 award record(s) from khen-thuong.csv; 0 were already recorded." in done.stdout
    assert len(await history(client)) == 6
    assert "Imported 0 award record(s)" in run_cli(database_url, str(good)).stdout
