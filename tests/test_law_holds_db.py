"""ND 152/2025 Điều 4 and the return deadline against the database (SQLite and PostgreSQL): an imported đột xuất or
thematic award, or a discipline, breaks a chain of titles in the dry run and in screening; the office's 5 working
days to return a dossier are shown on its page, and a resubmitted dossier's appraisal counts from its new Tờ trình
unless the province's catalogue says otherwise."""

import html
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.demo import DemoProvince
from tests.desk import desk_sign_in
from tests.test_history_import import HEADER, history, upload
from tests.test_quotas import meeting_with_two_flags, proposal
from tests.year import BLOCK_HEAD, SECRETARY, as_user, ok

NHUNG = "Nguyễn Thị Hồng Nhung"
WITH_KIND = HEADER.rstrip("\n") + ",kind\n"
# Three CSTĐCS, the one of 2025 from a thematic movement.
THREE_TITLES = WITH_KIND + (
    f"2024,CHIEN_SI_THI_DUA_CO_SO,SCT,{NHUNG},08/QĐ-SCT,\n"
    f"2025,CHIEN_SI_THI_DUA_CO_SO,SCT,{NHUNG},05/QĐ-SCT,Chuyên đề\n"
    f"2026,CHIEN_SI_THI_DUA_CO_SO,SCT,{NHUNG},02/QĐ-SCT,Thường xuyên\n")


async def dry_run(http: httpx.AsyncClient, demo: DemoProvince, **facts: Any) -> dict[str, Any]:
    body = {"award_code": "CHIEN_SI_THI_DUA_TINH", "year": 2026, "person_id": demo.people[NHUNG],
            "facts": {"province_wide_initiative": True, **facts}}
    return dict(ok(await http.post("/eligibility/check", headers=await as_user(http, BLOCK_HEAD), json=body), 200))


async def test_a_thematic_title_imported_in_the_history_breaks_the_chain_for_cstd_tinh(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    assert (await upload(client, THREE_TITLES)).status_code == 201
    kinds = [(r["year"], r["kind"]) for r in await history(client, person_id=demo.people[NHUNG])]
    assert kinds == [(2024, "regular"), (2025, "thematic"), (2026, "regular")]
    result = await dry_run(client, demo)
    assert result["outcome"] == "fail"
    rules = {r["rule"]: r for r in result["results"]}
    assert "2025: an đột xuất or thematic award, not counted" in rules["cstd_tinh.three_years_cstdcs"]["message"]
    assert rules["achievement.regular_only"]["article"].startswith("khoản 3 Điều 4 Nghị định số 152/2025/NĐ-CP")


async def test_a_discipline_served_in_2024_leaves_2024_out_of_the_chain(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    regular = THREE_TITLES.replace("Chuyên đề", "")
    assert (await upload(client, regular)).status_code == 201
    assert (await dry_run(client, demo))["outcome"] == "pass"
    served_mid_2024 = await dry_run(client, demo, disciplined=True, discipline_ended_on="2024-06-30")
    assert served_mid_2024["outcome"] == "fail"
    rules = {r["rule"]: r for r in served_mid_2024["results"]}
    assert "2024: within the discipline period" in rules["cstd_tinh.three_years_cstdcs"]["message"]
    assert (await dry_run(client, demo, disciplined=True))["outcome"] == "cannot_tell"


async def test_an_unknown_kind_in_the_history_file_is_refused_in_vietnamese(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    response = await upload(client, WITH_KIND + f"2025,CHIEN_SI_THI_DUA_CO_SO,SCT,{NHUNG},05/QĐ-SCT,Bất thường\n")
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert (error["field"], error["rule"]) == ("rows.2.kind", "history.kind")
    assert error["message_vi"].startswith("Dòng 2: cột kind phải là một trong Thường xuyên, Đột xuất, Chuyên đề")
    assert await history(client, person_id=demo.people[NHUNG]) == []


async def deadlines(http: httpx.AsyncClient, nomination_id: int) -> dict[str, dict[str, Any]]:
    page = ok(await http.get(f"/nominations/{nomination_id}"), 200)
    return {d["code"]: d for d in page["deadlines"]}


async def return_and_resubmit(http: httpx.AsyncClient, demo: DemoProvince) -> tuple[int, dict[str, Any]]:
    """Sent on Wednesday 16/12/2026, returned on Monday 21/12, sent again on Tuesday 05/01/2027."""
    meeting_id, ids = await meeting_with_two_flags(http, demo)
    nid, head = ids["flag_sct"], await as_user(http, BLOCK_HEAD)
    first = ok(await http.post("/proposals", headers=head, json=proposal(meeting_id, nid)))
    before = await deadlines(http, nid)
    assert (before["return"]["due"], before["return"]["met_on"]) == ("2026-12-23", None)
    assert before["return"]["says"].startswith("Kiểm tra hồ sơ, trả lại hồ sơ chưa đủ điều kiện trong 5 ngày")
    ok(await http.post(f"/proposals/{first['stage']['subject_id']}/screening",
                       headers=await as_user(http, SECRETARY),
                       json={"screened_on": "2026-12-21", "results": [
                           {"nomination_id": nid, "eligible": False, "reason": "Thiếu báo cáo thành tích"}]}))
    returned = await deadlines(http, nid)
    assert (returned["return"]["met_on"], returned["return"]["late"]) == ("2026-12-21", False)
    ok(await http.post("/proposals", headers=head, json=proposal(meeting_id, nid) | {"issued_on": "2027-01-05"}))
    return nid, await deadlines(http, nid)


async def test_the_office_has_5_working_days_to_return_a_dossier_and_the_appraisal_restarts_on_resubmission(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    _, again = await return_and_resubmit(client, demo)
    # The new Tờ trình starts both counts again: 5 working days to 12/01/2027, 20 to 02/02/2027.
    assert (again["return"]["due"], again["return"]["met_on"]) == ("2027-01-12", None)
    assert (again["appraisal"]["due"], again["appraisal"]["met_on"]) == ("2027-02-02", None)


@pytest.fixture
def appraisal_from_first_filing(own_catalogue: Path) -> None:
    text = own_catalogue.read_text(encoding="utf-8")
    marker = 'met_by = "council"\nafter = "submitted"'
    assert marker in text
    own_catalogue.write_text(text.replace(marker, 'met_by = "council"\nafter = "first_submitted"', 1),
                             encoding="utf-8")


async def test_a_province_counting_the_appraisal_from_the_first_filing_writes_so_in_its_catalogue(
    client: httpx.AsyncClient, demo: DemoProvince, appraisal_from_first_filing: None
) -> None:
    _, again = await return_and_resubmit(client, demo)
    assert again["appraisal"]["due"] == "2027-01-14", "20 working days from 16/12/2026, New Year's Day skipped"


async def test_a_screening_dated_before_the_proposal_is_refused_and_records_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    nid = ids["flag_sct"]
    sent = ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD),
                                json=proposal(meeting_id, nid)))
    refused = await client.post(f"/proposals/{sent['stage']['subject_id']}/screening",
                                headers=await as_user(client, SECRETARY),
                                json={"screened_on": "2026-12-15", "results": [{"nomination_id": nid,
                                                                                 "eligible": True}]})
    assert refused.status_code == 422, refused.text
    [error] = refused.json()["errors"]
    assert (error["field"], error["rule"]) == ("screened_on", "screening.before_submission")
    assert error["message_vi"] == "Ngày thẩm định 15/12/2026 không được trước ngày Tờ trình gửi hồ sơ (16/12/2026)."
    assert ok(await client.get(f"/nominations/{nid}"), 200)["nomination"]["state"] == "submitted"


async def test_the_desk_shows_each_declared_fact_by_its_vietnamese_label_and_the_return_deadline(
    client: httpx.AsyncClient, visitor: httpx.AsyncClient, demo: DemoProvince
) -> None:
    meeting_id, ids = await meeting_with_two_flags(client, demo)
    nid = ids["flag_sct"]
    facts = {"leads_block": True, "disciplined": True, "discipline_ended_on": "2024-06-30"}
    ok(await client.put(f"/nominations/{nid}/facts", headers=await as_user(client, BLOCK_HEAD), json=facts), 200)
    ok(await client.post("/proposals", headers=await as_user(client, BLOCK_HEAD), json=proposal(meeting_id, nid)))
    await desk_sign_in(visitor, SECRETARY)
    page = (await visitor.get(f"/desk/nominations/{nid}")).text
    for label in ("Dẫn đầu khối, cụm thi đua năm xét", "Bị kỷ luật trong thời gian tính thành tích",
                  "Ngày chấp hành xong thời gian kỷ luật"):
        assert label in html.unescape(page), label
    assert "trả lại hồ sơ chưa đủ điều kiện trong 5 ngày làm việc" in html.unescape(page)
    assert "Hạn 23/12/2026" in page
