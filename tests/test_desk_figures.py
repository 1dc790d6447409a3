"""Statistics, the nominations export and the PDF preview at the desk, over HTTP against a year run through the
API: the figures agree with the nominations the API lists, the workbooks read back with openpyxl say the same in
Vietnamese, and another block's head finds none of it."""

import html
import io
from collections import Counter
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from models.domain.enums import State
from models.domain.vietnamese import RECIPIENT_VI, STATE_VI
from models.settings import get_settings
from models.storage.nomination_export import HEADERS
from tests.demo import DemoProvince
from tests.desk import OTHER_BLOCK_HEAD, SignIn, proposed_year
from tests.test_organisation_scale import statements
from tests.year import BLOCK_HEAD, SECRETARY, YEAR, as_user, ok, run_year

BLOCK_NAME = "Khối thi đua các sở quản lý kinh tế"


def sheets_of(response: httpx.Response) -> dict[str, list[list[Any]]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    book = load_workbook(io.BytesIO(response.content))
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def expected_lines(nominations: list[dict[str, Any]], key: str) -> dict[str, tuple[int, int]]:
    """(proposed, awarded) per label, counted here from the API's list, one nomination at a time."""
    proposed = Counter(n[key] for n in nominations)
    awarded = Counter(n[key] for n in nominations if n["state"] == State.AWARDED)
    return {label: (count, awarded[label]) for label, count in proposed.items()}


def lines(figures: dict[str, Any], table: str, by: str = "label") -> dict[str, tuple[int, int]]:
    return {line[by]: (line["nominated"], line["awarded"]) for line in figures[table]}


async def test_a_years_figures_agree_with_its_nominations_on_the_page_in_json_and_in_excel(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    await run_year(client, demo)
    nominations = ok(await client.get("/nominations", params={"year": YEAR, "limit": 500}), 200)
    codes = {a["id"]: a["code"] for a in ok(await client.get("/awards"), 200)}
    for n in nominations:
        n["recipient_vi"], n["state_vi"] = RECIPIENT_VI[n["recipient_kind"]], STATE_VI[n["state"]]
        n["award_code"] = codes[n["award_id"]]
    figures = ok(await client.get("/statistics", params={"year": YEAR}), 200)
    assert figures["nominated"] == len(nominations) == 10
    assert figures["awarded"] == sum(n["state"] == State.AWARDED for n in nominations) == 3
    assert lines(figures, "by_award", by="key") == expected_lines(nominations, "award_code")
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân)" in lines(figures, "by_award")
    assert lines(figures, "by_recipient") == expected_lines(nominations, "recipient_vi")
    assert lines(figures, "by_state") == expected_lines(nominations, "state_vi")
    assert lines(figures, "by_block") == {BLOCK_NAME: (10, 3)}
    # The block's 7 units: Sở Công Thương received the flag, Sở Nông nghiệp the collective Bằng khen (Sở Xây dựng's
    # was struck at signing), and the Tập thể lao động xuất sắc has not been decided yet.
    assert {s["award_code"]: (s["units_awarded"], s["units_in_block"], s["share"])
            for s in figures["block_shares"]} == {"CO_THI_DUA_UBND_TINH": (1, 7, 0.1429),
                                                  "BANG_KHEN_CT_TAP_THE": (1, 7, 0.1429),
                                                  "TAP_THE_LAO_DONG_XUAT_SAC": (0, 7, 0.0)}

    secretary = await signed_in(SECRETARY)
    page = (await secretary.get("/desk/statistics", params={"year": YEAR})).text
    assert page.count("<svg") == 5
    for line in figures["by_state"]:
        assert (f'<th scope="row">{html.escape(line["label"])}</th><td class="num">{line["nominated"]}</td>'
                in page)
    assert "14,3%" in page  # 1 of the block's 7 units, as Vietnamese writes a share
    workbook = sheets_of(await secretary.get("/desk/statistics.xlsx", params={"year": YEAR}))
    assert workbook["Theo trạng thái"][0] == ["Trạng thái", "Số hồ sơ đề nghị", "Tỷ lệ trên tổng số hồ sơ (%)",
                                              "Được khen thưởng"]
    assert {r[0]: (r[1], r[3]) for r in workbook["Theo trạng thái"][1:]} == lines(figures, "by_state")
    assert {r[0]: (r[1], r[3]) for r in workbook["Theo hình thức"][1:]} == lines(figures, "by_award")
    assert sorted(r[2:] for r in workbook["Tỷ lệ đơn vị"][1:]) == [[0, 7, 0.0], [1, 7, 14.3], [1, 7, 14.3]]

    # The nominations list, filtered to the awarded, as a workbook: those rows, in Vietnamese.
    export = sheets_of(await secretary.get("/desk/nominations.xlsx", params={"year": YEAR, "state": "awarded"}))
    rows = export["Hồ sơ đề nghị"]
    assert rows[0] == HEADERS
    awarded = {n["id"]: n for n in nominations if n["state"] == State.AWARDED}
    assert {r[0] for r in rows[1:]} == set(awarded)
    for r in rows[1:]:
        n = awarded[r[0]]
        assert (r[1], r[2], r[3], r[4], r[5], r[8]) == (YEAR, BLOCK_NAME, n["award_name"], n["recipient_vi"],
                                                        n["candidate_name"], "Đã được khen thưởng")
    with statements() as for_three:
        await secretary.get("/desk/nominations.xlsx", params={"year": YEAR, "state": "awarded"})
    with statements() as for_ten:
        everything = sheets_of(await secretary.get("/desk/nominations.xlsx", params={"year": YEAR}))["Hồ sơ đề nghị"]
    assert sorted(r[0] for r in everything[1:]) == sorted(n["id"] for n in nominations)
    assert len(for_ten) == len(for_three)  # set-based: no statement per row
    with statements() as for_none:
        await secretary.get("/desk/statistics", params={"year": YEAR + 1})
    with statements() as for_year:
        await secretary.get("/desk/statistics", params={"year": YEAR})
    assert len(for_year) == len(for_none)
    assert 'href="/desk/nominations.xlsx?year=2026' in (await secretary.get(
        "/desk/nominations", params={"year": YEAR})).text

    # The block's own head counts and exports the same; another block's head, nothing of it.
    own = await signed_in(BLOCK_HEAD)
    assert ok(await client.get("/statistics", params={"year": YEAR}, headers=await as_user(client, BLOCK_HEAD)),
              200) == figures
    assert len(sheets_of(await own.get("/desk/nominations.xlsx"))["Hồ sơ đề nghị"]) == 11
    other = await signed_in(OTHER_BLOCK_HEAD)
    hidden = ok(await client.get("/statistics", params={"year": YEAR},
                                 headers=await as_user(client, OTHER_BLOCK_HEAD)), 200)
    assert (hidden["nominated"], hidden["by_award"], hidden["block_shares"]) == (0, [], [])
    other_page = (await other.get("/desk/statistics", params={"year": YEAR})).text
    assert BLOCK_NAME not in other_page and "chưa có hồ sơ đề nghị nào" in other_page
    assert all(n["candidate_name"] not in other_page for n in nominations)
    assert sheets_of(await other.get("/desk/statistics.xlsx", params={"year": YEAR}))["Theo hình thức"][1:] == []
    assert sheets_of(await other.get("/desk/nominations.xlsx"))["Hồ sơ đề nghị"] == [HEADERS]


async def test_a_document_is_previewed_as_pdf_or_the_page_says_why_not(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = await proposed_year(client, demo)
    document = year.responses["proposal"]["documents"][0]
    nomination = next(iter(year.candidates.values()))
    head, other = await signed_in(BLOCK_HEAD), await signed_in(OTHER_BLOCK_HEAD)
    page = (await head.get(f"/desk/nominations/{nomination}")).text
    assert f'href="/desk/documents/{document["id"]}/pdf"' in page
    assert f'href="/desk/documents/{document["id"]}"' in page
    preview = await head.get(f"/desk/documents/{document['id']}/pdf")
    assert preview.status_code == 200, preview.text
    assert preview.headers["content-type"] == "application/pdf" and preview.content.startswith(b"%PDF")
    assert preview.headers["content-disposition"].startswith("inline;")
    assert (await other.get(f"/desk/documents/{document['id']}/pdf")).status_code == 404

    monkeypatch.setenv("TDKT_SOFFICE", "/nonexistent/soffice")
    get_settings.cache_clear()
    try:
        page = (await head.get(f"/desk/nominations/{nomination}")).text
        assert "Máy chủ chưa cài LibreOffice" in page and "/pdf" not in page
        missing = await head.get(f"/desk/documents/{document['id']}/pdf")
        assert missing.status_code == 503 and "Máy chủ chưa cài LibreOffice" in missing.text
    finally:
        monkeypatch.delenv("TDKT_SOFFICE")
        get_settings.cache_clear()
