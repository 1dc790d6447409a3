"""The council's roster in the organisation workbook: the "Hội đồng" sheet exported, imported back unchanged,
edited (a term ended, a seat added) as an office would, and refused cell by cell when wrong."""

from datetime import datetime
from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.organisation_workbook import sheet_values, xlsx
from tests.test_organisation_import import upload
from tests.year import BLOCK_HEAD, COUNCIL_HELD_ON, SECRETARY, as_user, ok

HEADER = ["Họ và tên", "Chức vụ", "Mã đơn vị", "Vai trò", "Thường trực", "Từ ngày", "Đến ngày"]


async def exported(http: httpx.AsyncClient) -> dict[str, list[list[Any]]]:
    response = await http.get("/organisation/export", headers=await as_user(http, SECRETARY))
    assert response.status_code == 200, response.text
    return sheet_values(response.content)


async def test_the_roster_sheet_round_trips_and_takes_an_office_s_edits(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    sheets = await exported(client)
    council = sheets["Hội đồng"]
    assert council[0] == HEADER and len(council) == 11
    assert council[3] == ["Lê Quang Huy", "Giám đốc Sở Nội vụ, Phó Chủ tịch thường trực Hội đồng", "SNV",
                          "Phó Chủ tịch thường trực", "Có", datetime(2025, 1, 1), None]
    back = ok(await upload(client, xlsx(sheets)), 200)
    assert back["counts"]["council"] == {"created": 0, "updated": 0, "unchanged": 10}
    assert all(c["created"] == c["updated"] == 0 for c in back["counts"].values()), back

    council[10][6] = "31/12/2026"  # Đỗ Thị Hải Yến's term ends
    council.append(["Lương Thị Thu", "Giám đốc Sở Y tế, Ủy viên", "SYT", "uy vien", "không", "01/01/2027", None])
    dry = ok(await upload(client, xlsx(sheets), dry_run=True), 200)
    assert dry["counts"]["council"] == {"created": 1, "updated": 1, "unchanged": 9}
    assert dry["changes"]["council"] == {"created": ["Lương Thị Thu (01/01/2027)"],
                                         "updated": ["Đỗ Thị Hải Yến (01/01/2025)"]}
    assert ok(await upload(client, xlsx(sheets)), 200)["counts"] == dry["counts"]
    seats = ok(await client.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                                headers=await as_user(client, SECRETARY)), 200)
    names = [s["full_name"] for s in seats]
    assert "Đỗ Thị Hải Yến" not in names and names[-1] == "Lương Thị Thu" and len(names) == 10
    assert (seats[-1]["role"], seats[-1]["standing_body"], seats[-1]["created_by"], seats[-1]["unit_id"]) == (
        "member", False, SECRETARY, demo.units["SYT"])
    yen = ok(await client.get("/council/roster", params={"on": "2026-12-31"},
                              headers=await as_user(client, SECRETARY)), 200)[-1]
    assert (yen["full_name"], yen["serves_until"], yen["ended_by"]) == ("Đỗ Thị Hải Yến", "2026-12-31", SECRETARY)
    again = ok(await upload(client, xlsx(await exported(client))), 200)
    assert again["counts"]["council"] == {"created": 0, "updated": 0, "unchanged": 11}


async def test_a_wrong_roster_row_is_refused_by_its_cell(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    sheets = await exported(client)
    council = sheets["Hội đồng"]
    council[2][3] = "Trưởng ban"
    council[4][4] = "có lẽ"
    council[5][2] = "SYT-CU"
    council[6][5] = "31/02/2025"
    council[7][6] = datetime(2024, 12, 31)
    council.append(list(council[1]))
    response = await upload(client, xlsx(sheets))
    assert response.status_code == 422, response.text
    found = {(e["field"], e["rule"]) for e in response.json()["errors"]}
    assert found == {("Hội đồng!D3", "organisation.choice"), ("Hội đồng!E5", "organisation.yes_no"),
                     ("Hội đồng!C6", "organisation.unknown_unit"), ("Hội đồng!F7", "organisation.date"),
                     ("Hội đồng!G8", "organisation.date_order"), ("Hội đồng!A12", "organisation.duplicate_seat")}
    assert all(e["message_vi"].startswith(e["field"]) for e in response.json()["errors"])
    seats = ok(await client.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                                headers=await as_user(client, SECRETARY)), 200)
    assert len(seats) == 10  # nothing changed
    assert (await upload(client, xlsx(sheets), BLOCK_HEAD)).status_code == 403


async def test_a_roster_sheet_of_the_required_columns_only(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    sheets = await exported(client)
    sheets["Hội đồng"] = [["Họ và tên", "vai tro", "Từ ngày"], ["Lương Thị Thu", "Ủy viên", "01/01/2027"],
                          ["Nguyễn Văn Thành", "Chủ tịch Hội đồng", datetime(2025, 1, 1)]]
    applied = ok(await upload(client, xlsx(sheets)), 200)
    assert applied["counts"]["council"] == {"created": 1, "updated": 0, "unchanged": 1}
    seats = ok(await client.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                                headers=await as_user(client, SECRETARY)), 200)
    assert len(seats) == 11 and (seats[0]["position"], seats[0]["standing_body"]) == (
        "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng", True)  # columns left out leave what is registered alone
    assert (seats[-1]["full_name"], seats[-1]["unit_id"], seats[-1]["position"]) == ("Lương Thị Thu", None, "")
