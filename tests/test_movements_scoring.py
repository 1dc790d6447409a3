"""The year before the vote, through the public API: a movement, a block's criteria set, registrations and the pledge,
self-scores, the head's adjustment, the ranking; the year-end meeting takes its leader and ratings from it, and the
decision follows."""

import io
from collections import Counter
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.decree30 import check_header, check_page, check_receivers_and_signature, check_title
from tests.demo import DemoProvince
from tests.docx_read import open_docx, paragraphs
from tests.scoring_sets import full_marks, other_province
from tests.scoring_year import ADJUSTMENT, score_the_block
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, Year, as_user, ok, open_meeting, run_year

OTHER_BLOCK, OTHER_HEAD = "KHOI-VAN-HOA-XA-HOI", "truongkhoi.vhxh"


def by_code(demo: DemoProvince, table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    codes = {v: k for k, v in demo.units.items()}
    return {codes[r["unit_id"]]: r for r in table["rows"]}


async def test_the_ranking_names_the_leader_the_meeting_proposes_for_the_flag_and_the_decision_follows(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = await score_the_block(client, demo)
    before = by_code(demo, scored.responses["before"])
    assert (before["SXD"]["rank"], before["SXD"]["total"]) == (1, 103)  # on its own scores it would lead
    assert scored.responses["before"]["leader_unit_id"] == demo.units["SXD"]

    closed = scored.responses["closed"]
    rows = by_code(demo, closed)
    assert closed["status"] == "closed" and closed["leader_unit_id"] == demo.units["SCT"]
    assert [(c, r["rank"], r["total"], r["rating"]) for c, r in rows.items()] == [
        ("SCT", 1, 98, "htxsnv"), ("STC", 2, 95, "htxsnv"), ("SXD", 3, 93, "htxsnv"), ("SNNMT", 4, 92, "htxsnv"),
        ("SKHCN", 5, 91, "htxsnv"), ("BQLKCN", 6, 90, "htxsnv"), ("CTK", 7, 80, "httnv")]
    assert rows["CTK"]["rating_vi"] == "Hoàn thành tốt nhiệm vụ"
    [ct2] = [e for e in rows["SXD"]["entries"] if e["criterion_code"] == "CT2"]
    assert (ct2["self_points"], ct2["points"], ct2["submitted_by"]) == (15, 5, BLOCK_HEAD)
    assert [(a["points"], a["reason"], a["adjusted_by"]) for a in ct2["adjustments"]] == [
        (5, ADJUSTMENT["reason"], BLOCK_HEAD)]
    assert ct2["evidence"] == f"Báo cáo tổng kết năm {YEAR}, mục CT2"
    assert rows["SCT"]["registered_award_code"] == "CO_THI_DUA_UBND_TINH" and rows["CTK"]["registered"]

    statistics = ok(await client.get("/scorings/statistics", params={"from_year": YEAR, "until_year": YEAR}), 200)
    expected = {"units": 7, "counts": {"htxsnv": 6, "httnv": 1, "htnv": 0, "khtnv": 0},
                "percents": {"htxsnv": 85.7, "httnv": 14.3, "htnv": 0, "khtnv": 0}}
    assert statistics == [{"year": YEAR, "block_id": demo.blocks[BLOCK], **expected},
                          {"year": YEAR, "block_id": None, **expected}]  # all blocks: only this one closed its year
    assert ok(await client.get("/scorings/statistics", params={"from_year": YEAR + 1}), 200) == []

    year = await run_year(client, demo)  # the meeting, its vote, the proposal, screening, council and decisions
    flag = ok(await client.get(f"/nominations/{year.candidates['flag_sct']}"), 200)
    assert flag["nomination"]["state"] == "awarded"
    assert flag["nomination"]["facts"]["leads_block"] is True and flag["nomination"]["facts"]["rating"] == "htxsnv"
    cited = flag["history"][0]["evidence"]["facts_from_scoring"]
    assert cited == {"scoring_id": scored.scoring_id, "criteria_set_id": scored.criteria_set_id,
                     "criteria_set_code": "4-TOT", "criteria_set_version": 1, "round": "final", "rank": 1,
                     "total": 98, "rating": "htxsnv", "leader_unit_id": demo.units["SCT"]}
    runner_up = ok(await client.get(f"/nominations/{year.candidates['flag_sxd']}"), 200)
    assert runner_up["nomination"]["facts"] == {"leads_block": False, "rating": "htxsnv"}
    assert runner_up["history"][0]["evidence"]["facts_from_scoring"]["rank"] == 3
    person = ok(await client.get(f"/nominations/{year.candidates['bk_nhung']}"), 200)
    assert "facts_from_scoring" not in person["history"][0]["evidence"]  # the scoring rates units, not people
    await award_counts_follow_the_decisions(client, demo)


async def award_counts_follow_the_decisions(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    """The award counts across years: each signed award and imported past title once, by form and recipient kind,
    under the block its recipient belonged to that year (none before the demo's 2026 memberships)."""
    awards = {a["id"]: a["code"] for a in ok(await client.get("/awards"), 200)}
    awarded = ok(await client.get("/nominations", params={"year": YEAR, "state": "awarded"}), 200)
    expected = Counter((awards[n["award_id"]], n["recipient_kind"]) for n in awarded)
    expected[("CHIEN_SI_THI_DUA_CO_SO", "individual")] += 4  # the imported CSTĐCS of 2026, in tests/year.py
    counts = ok(await client.get("/statistics/awards", params={"from_year": 2024}), 200)
    block = demo.blocks[BLOCK]
    in_block = {(c["award_code"], c["recipient_kind"]): c["count"] for c in counts
                if (c["year"], c["block_id"]) == (YEAR, block)}
    assert awarded and in_block == dict(expected)
    assert [(c["year"], c["block_id"], c["award_code"], c["count"]) for c in counts if c["year"] < YEAR] == [
        (2024, None, "CHIEN_SI_THI_DUA_CO_SO", 1), (2025, None, "CHIEN_SI_THI_DUA_CO_SO", 4)]
    totals = {(c["award_code"], c["recipient_kind"]): c["count"] for c in counts
              if (c["year"], c["block_id"]) == (YEAR, None)}
    assert totals == in_block  # only this block's members received awards in 2026
    own = ok(await client.get("/statistics/awards", headers=await as_user(client, BLOCK_HEAD)), 200)
    assert {(c["award_code"], c["recipient_kind"]): c["count"] for c in own if c["block_id"] == block} == in_block
    assert ok(await client.get("/statistics/awards", headers=await as_user(client, OTHER_HEAD)), 200) == []

    exported = await client.get("/statistics/years.xlsx", params={"from_year": 2024, "until_year": YEAR})
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("application/vnd.openxml")
    book = load_workbook(io.BytesIO(exported.content))
    ratings = list(book["Xếp loại đơn vị"].iter_rows(values_only=True))
    assert ratings[0][:4] == ("Năm", "Khối thi đua", "Số đơn vị", "Hoàn thành xuất sắc nhiệm vụ (số đơn vị)")
    assert ratings[1][:4] == (YEAR, "Khối thi đua các sở quản lý kinh tế", 7, 6)
    assert ratings[2][:4] == (YEAR, "Toàn tỉnh (các Khối)", 7, 6) and ratings[2][7] == 85.7
    rows = list(book["Số lượng khen thưởng"].iter_rows(values_only=True))
    assert rows[0] == ("Năm", "Khối thi đua", "Hình thức khen thưởng", "Đối tượng", "Số lượng")
    assert rows[1] == (2024, "Toàn tỉnh", "Chiến sĩ thi đua cơ sở", "Cá nhân", 1)
    assert len(rows) == 1 + len(counts)


async def test_a_meeting_refuses_a_declared_fact_the_closed_ranking_contradicts_and_records_nothing(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await score_the_block(client, demo)
    head = await as_user(client, BLOCK_HEAD)
    body = {"block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
            "location": "Hội trường", "chair_name": "Nguyễn Hữu Phước", "chair_title": "Giám đốc",
            "secretary_name": "Lê Văn Đức", "secretary_title": "Phó Chánh Văn phòng",
            "present_unit_ids": [demo.units["SCT"], demo.units["SXD"]],
            "candidates": [{"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": demo.units["SXD"],
                            "facts": {"leads_block": True}}]}
    refused = await client.post("/meetings", headers=head, json=body)
    assert refused.status_code == 422, refused.text
    [problem] = refused.json()["errors"]
    assert (problem["field"], problem["rule"]) == ("candidates.0.facts.leads_block", "facts.from_scoring")
    assert "xếp thứ 3 với 93 điểm" in problem["message_vi"] and "không phải đơn vị dẫn đầu" in problem["message_vi"]
    assert ok(await client.get("/nominations"), 200) == []


async def test_a_block_without_scoring_opens_its_meeting_on_the_declared_facts_as_before(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    flag = ok(await client.get(f"/nominations/{year.candidates['flag_sct']}"), 200)
    assert flag["nomination"]["facts"] == {"leads_block": True}
    assert flag["history"][0]["evidence"] == {"meeting_id": year.meeting_id, "facts": {"leads_block": True}}


async def test_a_second_provinces_set_with_another_tree_and_bands_works_without_code_changes(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    secretary, head = await as_user(client, SECRETARY), await as_user(client, OTHER_HEAD)
    criteria = ok(await client.post("/criteria-sets", headers=secretary, json=other_province()))
    assert criteria["block_id"] is None and criteria["definition"]["bands"][0]["from_points"] == 180
    again = ok(await client.post("/criteria-sets", headers=secretary, json=other_province()))
    assert again["version"] == 2  # the same code and year uploaded again is its next version
    block = ok(await client.get("/blocks", params={"year": YEAR}, headers=secretary), 200)
    members = [m["unit_id"] for b in block if b["code"] == OTHER_BLOCK for m in b["members"]]
    for round_name in ("mid_year", "final"):
        scoring = ok(await client.post("/scorings", headers=head, json={
            "block_id": demo.blocks[OTHER_BLOCK], "year": YEAR, "round": round_name, "criteria_set_id": again["id"]}))
        # Every member at 190 but two: one loses points in VH (ranked below on the tie-break), one a hot spot.
        minus = {members[0]: {"KT1": 10}, members[1]: {"VH1": 10, "KT2": 0}, members[2]: {"KT1": 50}}
        for unit in members:
            scores = full_marks(other_province(), minus.get(unit, {"KT1": 10})) | (
                {"P1": 40} if unit == members[2] else {})
            ok(await client.put(f"/scorings/{scoring['id']}/units/{unit}/self-scores", headers=head, json={
                "scores": [{"criterion_code": c, "points": p} for c, p in scores.items()]}), 200)
        refused = await client.post(f"/scorings/{scoring['id']}/close", headers=head, json={})
        assert refused.status_code == 422 and refused.json()["errors"][0]["rule"] == "scoring.tie_for_first"
        voted = [members[3], members[0], members[4]]
        closed = ok(await client.post(f"/scorings/{scoring['id']}/close", headers=head, json={"vote_order": voted}))
        ranks = [(r["unit_id"], r["rank"], r["total"], r["rating"]) for r in closed["rows"]]
        assert ranks == [(members[3], 1, 190, "htxsnv"), (members[0], 2, 190, "htxsnv"),
                         (members[4], 3, 190, "htxsnv"), (members[1], 4, 190, "htxsnv"),
                         (members[2], 5, 120, "htnv")]  # 150 less 30: the penalty cap, not its 40 points
        assert closed["leader_unit_id"] == members[3] and closed["round_vi"] in ("Sơ kết 6 tháng", "Tổng kết năm")
    listed = ok(await client.get("/scorings", params={"year": YEAR}, headers=head), 200)
    assert [(s["round"], s["leader_unit_id"]) for s in listed] == [("mid_year", members[3]), ("final", members[3])]


async def test_the_closed_round_prints_its_consolidated_table_in_the_decree_30_layout(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = await score_the_block(client, demo)
    response = await client.get(f"/scorings/{scored.scoring_id}/table.docx")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    again = await client.get(f"/scorings/{scored.scoring_id}/table.docx")
    assert again.content == response.content  # a closed round prints the same bytes
    doc = open_docx(response.content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"], "")
    check_title(doc, "BẢNG TỔNG HỢP ĐIỂM", "Tổng hợp kết quả chấm điểm, xếp hạng thi đua năm 2026 (tổng kết năm)")
    scores = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert scores[0] == ["Xếp hạng", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Điểm thưởng", "Điểm trừ",
                         "Tổng điểm", "Xếp loại"]
    assert scores[1] == ["1", "Sở Công Thương", "98", "98", "0", "0", "98", "Hoàn thành xuất sắc nhiệm vụ"]
    assert scores[3] == ["3", "Sở Xây dựng", "100", "90", "3", "0", "93", "Hoàn thành xuất sắc nhiệm vụ"]
    assert scores[7] == ["7", "Thống kê tỉnh", "80", "80", "0", "0", "80", "Hoàn thành tốt nhiệm vụ"]
    text = paragraphs(response.content)
    assert (f"- Sở Xây dựng, tiêu chí CT2: tự chấm 15 điểm, Trưởng Khối chấm 5 điểm; lý do: {ADJUSTMENT['reason']}."
            in text)
    assert "Đơn vị dẫn đầu Khối thi đua các sở quản lý kinh tế năm 2026: Sở Công Thương (98 điểm)./." in text
    check_receivers_and_signature(doc, doc.tables[2], ["TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", "Nguyễn Hữu Phước"])
    other = await client.get(f"/scorings/{scored.scoring_id}/table.docx", headers=await as_user(client, OTHER_HEAD))
    assert other.status_code == 404
