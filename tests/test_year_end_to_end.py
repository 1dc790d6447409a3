"""A whole emulation year for one block, through the public API, with the generated documents read back."""

import time

import httpx

from tests.demo import DemoProvince
from tests.docx_read import paragraphs, table_rows
from tests.year import YEAR, Year, run_year


async def download(http: httpx.AsyncClient, report: dict[str, object], kind: str) -> bytes:
    documents = [d for d in report["documents"] if d["kind"] == kind]  # type: ignore[attr-defined]
    assert len(documents) == 1, report["documents"]
    response = await http.get(documents[0]["download_url"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    return response.content


async def states(http: httpx.AsyncClient, year: Year) -> dict[str, str]:
    listed = (await http.get("/nominations", params={"year": YEAR})).json()
    by_id = {n["id"]: n["state"] for n in listed}
    return {label: by_id[nid] for label, nid in year.candidates.items()}


async def test_a_year_goes_from_block_vote_to_signed_decisions(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    started = time.perf_counter()
    year = await run_year(client, demo)
    print(f"\nwhole year through the API: {time.perf_counter() - started:.2f} s")

    assert await states(client, year) == {
        "flag_sct": "awarded",
        "flag_sxd": "not_endorsed",  # 2 of 7 members; more than half (4) needed
        "ttldxs_stc": "recommended",  # recommended, waiting for its decision
        "bk_snnmt": "awarded",
        "bk_sxd": "declined",  # struck out by the signer
        "bk_nhung": "awarded",
        "cstd_duc": "not_recommended",  # 8 of 10 council members; 90 % (9) needed
        "bk_dung": "returned",  # screening found the dossier incomplete
        "cstd_mai": "returned",  # a prerequisite is missing: only 2 of 3 consecutive CSTĐCS
        "bk_ha": "on_hold",  # a complaint is being looked into
    }
    await assert_history(client, year)
    await assert_documents(client, year)
    blocks_next_year = (await client.get("/blocks", params={"year": YEAR + 1})).json()
    economic = next(b for b in blocks_next_year if b["code"] == "KHOI-KINH-TE")
    roles = {m["unit_name"]: m["role"] for m in economic["members"]}
    assert roles["Sở Tài chính"] == "head" and roles["Sở Nông nghiệp và Môi trường"] == "deputy"
    assert roles["Sở Công Thương"] == "member"


async def assert_history(http: httpx.AsyncClient, year: Year) -> None:
    flag = (await http.get(f"/nominations/{year.candidates['flag_sct']}")).json()
    assert [(t["from_state"], t["to_state"]) for t in flag["history"]] == [
        (None, "nominated"), ("nominated", "endorsed"), ("endorsed", "submitted"),
        ("submitted", "eligible"), ("eligible", "recommended"), ("recommended", "awarded"),
    ]
    assert [t["actor"] for t in flag["history"]] == [
        "truongkhoi.kinhte", "truongkhoi.kinhte", "truongkhoi.kinhte", "thuky.hoidong", "thuky.hoidong",
        "vanphong.chutich"]
    endorsed = flag["history"][1]
    assert endorsed["evidence"]["votes_for"] == 6 and endorsed["evidence"]["required"] == 4
    assert endorsed["evidence"]["members_total"] == 7
    recommended = flag["history"][4]
    assert recommended["evidence"]["required"] == 8 and recommended["evidence"]["members_total"] == 10
    assert all(t["flow_run_id"] for t in flag["history"][1:]), "every automated move names its flow run"
    assert len(flag["flow_run_ids"]) == 5
    [record] = flag["award_records"]
    assert {k: v for k, v in record.items() if k != "id"} == {
        "year": YEAR, "award_code": "CO_THI_DUA_UBND_TINH", "decision_number": "01/QĐ-UBND", "golden_book_no": 1}

    returned = (await http.get(f"/nominations/{year.candidates['bk_dung']}")).json()
    assert returned["history"][-1]["reason"].startswith("Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị")
    await assert_refusal_and_hold(http, year)
    declined = (await http.get(f"/nominations/{year.candidates['bk_sxd']}")).json()
    assert declined["history"][-1]["to_state"] == "declined"
    assert declined["history"][-1]["reason"].startswith("Đơn vị đang có đơn khiếu nại")
    assert declined["award_records"] == []
    # TTLĐXS goes the standing body's route: appraised by its standing members, no vote, no share counted.
    appraised = (await http.get(f"/nominations/{year.candidates['ttldxs_stc']}")).json()["history"][-1]
    assert (appraised["to_state"], appraised["rule"]) == ("recommended", "standing.agreed")
    assert appraised["evidence"]["appraised_by"] == ["Nguyễn Văn Thành", "Trần Thị Minh Hằng", "Lê Quang Huy"]
    assert "votes_for" not in appraised["evidence"] and "Điều 5" in appraised["evidence"]["route_basis"]
    not_recommended = (await http.get(f"/nominations/{year.candidates['cstd_duc']}")).json()
    assert "8 of 10 members voted for, 9 needed" in not_recommended["history"][-1]["reason"]


async def assert_documents(http: httpx.AsyncClient, year: Year) -> None:
    minutes = await download(http, year.responses["results"], "meeting_minutes")
    rows = {r[1]: r for r in table_rows(minutes) if r and r[0].isdigit()}
    assert rows["Sở Công Thương"][3:] == ["6", "0", "0", "85,71%", "Đề nghị"]  # secret ballot: for, against, invalid
    assert rows["Sở Xây dựng"][-1] in ("Không đề nghị", "Đề nghị")
    assert any("Thống kê tỉnh" in p for p in paragraphs(minutes)), "the absent unit is named"

    proposal = await download(http, year.responses["proposal"], "block_proposal")
    assert any("Số: 01/TTr-SCT" in p for p in paragraphs(proposal))
    proposed = [r[1] for r in table_rows(proposal) if r and r[0].isdigit()]
    assert "Sở Xây dựng" in proposed and "Nguyễn Thị Hồng Nhung" in proposed

    numbers = {label: year.responses[f"sign_{label}"] for label in ("flag", "bk_collective", "bk_individual")}
    flag = await download(http, numbers["flag"], "decision")
    text = paragraphs(flag)
    assert any("Số: 01/QĐ-UBND" in p for p in text)
    assert any("Kèm theo Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2027" in p for p in text)
    assert annex(flag) == [["1", "Sở Công Thương"]]

    collective = await download(http, numbers["bk_collective"], "decision")
    assert any("Số: 02/QĐ-UBND" in p for p in paragraphs(collective))
    assert annex(collective) == [["1", "Sở Nông nghiệp và Môi trường"]], "the declined unit is not listed"
    detail = (await http.get(f"/decisions/{year.decisions['bk_collective']}")).json()
    assert detail["decision"]["number"] == "02/QĐ-UBND" and detail["decision"]["status"] == "signed"
    assert [(i["candidate_name"], i["golden_book_no"], i["declined"]) for i in detail["decision"]["items"]] == [
        ("Sở Nông nghiệp và Môi trường", 1, False), ("Sở Xây dựng", None, True)]
    assert detail["stages"][0]["flow_run_id"] and detail["documents"][0]["kind"] == "decision"
    individual = await download(http, numbers["bk_individual"], "decision")
    assert any("Số: 03/QĐ-UBND" in p for p in paragraphs(individual))
    assert annex(individual) == [["1", "Nguyễn Thị Hồng Nhung"]]
    # Nobody named a signer for the office's Tờ trình: its head signs it, dated the day the council met.
    council = (await http.get(f"/council-sessions/{year.council_id}")).json()["session"]
    assert (council["appraisal_number"], council["appraisal_signed_on"], council["appraisal_signer_name"]) == (
        "01/TTr-SNV", "2027-01-03", "Lê Quang Huy")
    appraisal = await download(http, year.responses["council"], "office_appraisal")
    assert "Lê Quang Huy" in paragraphs(appraisal) and "GIÁM ĐỐC" in paragraphs(appraisal)


def annex(content: bytes) -> list[list[str]]:
    """The numbered rows of the decision's annex: STT and name."""
    return [r[:2] for r in table_rows(content) if r and r[0].isdigit()]


async def assert_refusal_and_hold(http: httpx.AsyncClient, year: Year) -> None:
    """The refused and the held nomination show why, in the API and in the exported log alike."""
    refused = (await http.get(f"/nominations/{year.candidates['cstd_mai']}")).json()
    last = refused["history"][-1]
    assert (last["from_state"], last["to_state"]) == ("submitted", "returned")
    assert "missing [2024]" in last["reason"] and "cstd_tinh.three_years_cstdcs" in last["reason"]
    assert "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15" in last["reason"]
    [rule] = [r for r in last["evidence"]["rules"] if r["outcome"] == "fail"]
    assert rule["rule"] == "cstd_tinh.three_years_cstdcs" and rule["facts"]["years_held"] == [2025, 2026]
    held = (await http.get(f"/nominations/{year.candidates['bk_ha']}")).json()
    assert held["nomination"]["state"] == "on_hold"
    assert (held["history"][-1]["to_state"], held["history"][-1]["reason"]) == (
        "on_hold", "Có đơn khiếu nại đang được xác minh")
    log = (await http.get("/audit/transitions")).json()
    assert any(t["nomination_id"] == year.candidates["cstd_mai"] and "Điều 22" in t["reason"] for t in log)
    assert any(t["nomination_id"] == year.candidates["bk_ha"] and t["to_state"] == "on_hold" for t in log)
