"""Awards decided above the province (issue 13, part 1): a Bằng khen of the Prime Minister and a Cờ thi đua of the
Government recommended by the council go, not into the Chairman's decision, but into the Chairman's Tờ trình to
the Prime Minister; signing it forwards them; the central decision recorded when it arrives awards them (or not)
and enters the award history. Through the API, with the real flows and the printed Tờ trình read back."""

import asyncio
from collections import Counter
from typing import Any

import httpx

from tests.block_year import TRADE_BLOCK, screened_block_year
from tests.decree30 import check_bases, check_header, check_page, check_receivers_and_signature, check_title
from tests.demo import DemoProvince
from tests.desk import SignIn, csrf_of
from tests.docx_read import open_docx, paragraphs, table_rows
from tests.test_bad_input import refused
from tests.year import (
    CHAIRMAN_OFFICE,
    COUNCIL_HELD_ON,
    SECRETARY,
    YEAR,
    as_user,
    ok,
)

SIGNER = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"}
WIDE = {"province_wide_achievements": True}


def upward_candidates(demo: DemoProvince) -> dict[str, dict[str, Any]]:
    u, p = demo.units, demo.people
    return {
        "flag_sct": {"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": u["SCT"], "facts": {"leads_block": True}},
        "bk_ttg_snnmt": {"award_code": "BANG_KHEN_THU_TUONG", "unit_id": u["SNNMT"], "facts": WIDE},
        "co_cp_stc": {"award_code": "CO_THI_DUA_CHINH_PHU", "unit_id": u["STC"],
                      "facts": {"outstanding_among_flags": True}},
        "bk_ttg_duc": {"award_code": "BANG_KHEN_THU_TUONG_CA_NHAN", "person_id": p["Lê Văn Đức"], "facts": WIDE},
    }


async def recommended_year(http: httpx.AsyncClient, demo: DemoProvince) -> tuple[dict[str, int], int]:
    """The block proposes a provincial flag and three awards decided above; the office finds them eligible and the
    council recommends each with 9 of its 10 members, the flag of the Government with 8 (a member from Sở Tài chính does
not vote on its own unit): 80 % of all members is needed."""
    secretary = await as_user(http, SECRETARY)
    ids = await screened_block_year(http, demo, TRADE_BLOCK, upward_candidates(demo))
    # Forms decided above the province are published for comment first (ND 152 Điều 60.3): 17–30/12/2026.
    above = [n for label, n in ids.items() if label != "flag_sct"]
    ok(await http.post("/comment-windows", headers=secretary,
                       json={"year": YEAR, "opens_on": "2026-12-17", "nomination_ids": above}))
    seats = [s["id"] for s in ok(await http.get("/council/roster", params={"on": COUNCIL_HELD_ON},
                                                headers=secretary), 200)]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
        "present_seat_ids": seats[:8], "written_opinion_seat_ids": seats[8:9]}))["session"]["id"]
    ok(await http.post(f"/council-sessions/{council}/votes", headers=secretary, json={
        # A member of Sở Tài chính's staff does not vote on its flag: 8 of the 9 others.
        "votes": [{"nomination_id": n, "votes_for": 8 if label == "co_cp_stc" else 9, "votes_against": 0}
                  for label, n in ids.items()]}))
    return ids, council


async def state_of(http: httpx.AsyncClient, nomination_id: int) -> str:
    return str((await http.get(f"/nominations/{nomination_id}")).json()["nomination"]["state"])


async def test_a_prime_ministers_bang_khen_is_forwarded_decided_centrally_and_enters_the_history(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    ids, council = await recommended_year(client, demo)
    upward = [ids["bk_ttg_snnmt"], ids["co_cp_stc"], ids["bk_ttg_duc"]]
    assert {await state_of(client, n) for n in ids.values()} == {"recommended"}

    # The Chairman cannot decide it: the provincial decision refuses it, and the Tờ trình refuses a provincial form.
    problem = await refused(client, "/decisions", {"council_session_id": council,
                                                   "award_code": "BANG_KHEN_THU_TUONG"},
                            422, "award_code", "decision.decided_above_province", user=SECRETARY)
    assert "do Thủ tướng Chính phủ quyết định" in problem["errors"][0]["message_vi"]
    problem = await refused(client, "/forwardings", {"council_session_id": council,
                                                     "nomination_ids": [ids["bk_ttg_snnmt"], ids["flag_sct"]]},
                            422, "nomination_ids.1", "forwarding.provincial_award", user=SECRETARY)
    assert "do Chủ tịch UBND tỉnh quyết định" in problem["errors"][0]["message_vi"]
    await refused(client, "/forwardings", {"council_session_id": council}, 403, "role", "auth.role",
                  user=CHAIRMAN_OFFICE)

    draft = ok(await client.post("/forwardings", headers=await as_user(client, SECRETARY),
                                 json={"council_session_id": council}))
    assert [i["nomination_id"] for i in draft["items"]] == [ids["co_cp_stc"], ids["bk_ttg_snnmt"],
                                                           ids["bk_ttg_duc"]], "by award, collectives first"
    assert draft["status"] == "draft" and draft["number"] is None
    sign = {"issued_on": "2027-01-08", **SIGNER}
    await refused(client, f"/forwardings/{draft['id']}/sign", sign, 403, "role", "auth.role", user=SECRETARY)

    # Two identical signatures at once: one Tờ trình, one number.
    chairman = await as_user(client, CHAIRMAN_OFFICE)
    responses = await asyncio.gather(*(client.post(f"/forwardings/{draft['id']}/sign", headers=chairman, json=sign)
                                       for _ in range(2)))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 1}
    [sent] = [r.json() for r in responses if r.status_code == 201]
    assert sent["stage"]["kind"] == "forwarding" and sent["stage"]["status"] == "completed"
    assert [await state_of(client, n) for n in upward] == ["forwarded"] * 3
    assert await state_of(client, ids["flag_sct"]) == "recommended", "the provincial flag waits for its decision"
    forwarded = (await client.get(f"/nominations/{ids['bk_ttg_snnmt']}")).json()
    assert forwarded["history"][-1]["rule"] == "forwarding.sent"
    assert forwarded["history"][-1]["evidence"]["forwarding"] == "01/TTr-UBND"

    [document] = [d for d in sent["documents"] if d["kind"] == "central_proposal"]
    content = (await client.get(document["download_url"])).content
    check_printed_to_trinh(content)

    # The central level's date for the Government's flag: 30/06 of the year after, met by the Tờ trình.
    deadlines = {d["code"]: d for d in (await client.get(f"/nominations/{ids['co_cp_stc']}")).json()["deadlines"]}
    assert deadlines["central_flag"]["due"] == "2027-06-30" and deadlines["central_flag"]["met_on"] == "2027-01-08"
    assert not deadlines["central_flag"]["late"]
    bk_deadlines = (await client.get(f"/nominations/{ids['bk_ttg_snnmt']}")).json()["deadlines"]
    assert "central_flag" not in {d["code"] for d in bk_deadlines}, "the flag's date concerns the flag only"

    await record_the_central_decision(client, draft["id"], ids)


def check_printed_to_trinh(content: bytes) -> None:
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, "", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], "01/TTr-UBND")
    check_title(doc, "TỜ TRÌNH", "Về việc đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ và Bằng khen "
                                 "của Thủ tướng Chính phủ năm 2026")
    bases = check_bases(doc)
    assert bases[-1] == "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 03 tháng 01 năm 2027."
    check_receivers_and_signature(doc, doc.tables[-1], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Minh Hằng"])
    text = paragraphs(content)
    assert "Kính gửi:- Thủ tướng Chính phủ;" in text
    assert "- Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)." in text
    assert any("Hội đồng có 10 thành viên; 08 thành viên dự họp, 01 thành viên vắng mặt có ý kiến bằng văn bản"
               in p for p in text)
    rows = [r for r in table_rows(content) if r and r[0].isdigit()]
    assert [(r[1].split(",")[0], r[2], r[3], r[5]) for r in rows] == [
        ("Sở Tài chính", "Cờ thi đua của Chính phủ", "8/10", "Đề nghị"),
        ("Sở Nông nghiệp và Môi trường", "Bằng khen của Thủ tướng Chính phủ", "9/10", "Đề nghị"),
        ("Lê Văn Đức", "Bằng khen của Thủ tướng Chính phủ", "9/10", "Đề nghị")]
    assert "Ủy ban nhân dân tỉnh Bắc Ninh kính trình Thủ tướng Chính phủ xem xét, tặng:" in text
    assert "- Bằng khen của Thủ tướng Chính phủ cho 01 tập thể;" in text
    assert "- Bằng khen của Thủ tướng Chính phủ cho 01 cá nhân." in text
    assert "Ủy ban nhân dân tỉnh Bắc Ninh kính trình Thủ tướng Chính phủ xem xét, quyết định./." in text
    assert not any("Chủ tịch Ủy ban nhân dân tỉnh xem xét" in p for p in text), "the Chairman asks, not decides"


async def record_the_central_decision(client: httpx.AsyncClient, forwarding_id: int, ids: dict[str, int]) -> None:
    path = f"/forwardings/{forwarding_id}/central-decision"
    answer: dict[str, Any] = {"number": "1234/QĐ-TTg", "decided_on": "2027-05-20", "results": [
        {"nomination_id": ids["bk_ttg_snnmt"], "awarded": True},
        {"nomination_id": ids["co_cp_stc"], "awarded": True},
        {"nomination_id": ids["bk_ttg_duc"], "awarded": False}]}
    await refused(client, path, answer, 403, "role", "auth.role", user=CHAIRMAN_OFFICE)
    await refused(client, path, answer, 422, "results.2.reason", "central_decision.reason_required", user=SECRETARY)
    answer["results"][2]["reason"] = "Chưa đủ 5 năm liên tục hoàn thành tốt nhiệm vụ sau Bằng khen của tỉnh"
    recorded = ok(await client.post(path, headers=await as_user(client, SECRETARY), json=answer))
    assert recorded["stage"]["kind"] == "central_decision" and recorded["stage"]["status"] == "completed"
    await refused(client, path, answer, 409, "forwarding_id", "central_decision.once", user=SECRETARY)

    assert await state_of(client, ids["bk_ttg_snnmt"]) == "awarded"
    assert await state_of(client, ids["bk_ttg_duc"]) == "declined"
    last = (await client.get(f"/nominations/{ids['bk_ttg_duc']}")).json()["history"][-1]
    assert last["rule"] == "central_decision.recorded" and last["evidence"]["central_decision"] == "1234/QĐ-TTg"
    history = (await client.get("/award-history", params={"year": YEAR})).json()
    taken = {(h["award_code"], h["decision_number"]) for h in history}
    assert ("BANG_KHEN_THU_TUONG", "1234/QĐ-TTg") in taken and ("CO_THI_DUA_CHINH_PHU", "1234/QĐ-TTg") in taken
    assert not any(h["award_code"] == "BANG_KHEN_THU_TUONG_CA_NHAN" for h in history), "not awarded: no record"
    detail = (await client.get(f"/forwardings/{forwarding_id}")).json()
    assert detail["forwarding"]["central_decision"]["number"] == "1234/QĐ-TTg"
    assert [s["kind"] for s in detail["stages"]] == ["forwarding", "central_decision"]
    assert {i["nomination_id"]: i["awarded"] for i in detail["forwarding"]["items"]} == {
        ids["bk_ttg_snnmt"]: True, ids["co_cp_stc"]: True, ids["bk_ttg_duc"]: False}


async def test_the_desk_carries_the_to_trinh_upward_from_the_inbox_to_the_central_decision(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    ids, council = await recommended_year(client, demo)
    secretary, chairman = await signed_in(SECRETARY), await signed_in(CHAIRMAN_OFFICE)
    inbox = (await secretary.get("/desk")).text
    assert "Chờ trình Trung ương" in inbox and f"/desk/council-sessions/{council}/forwarding" in inbox
    assert f"/desk/council-sessions/{council}/decision?award_code=CO_THI_DUA_UBND_TINH" in inbox
    assert "award_code=BANG_KHEN_THU_TUONG" not in inbox, "no provincial decision for an award decided above"

    form = await secretary.get(f"/desk/council-sessions/{council}/forwarding")
    assert "Bằng khen của Thủ tướng Chính phủ" in form.text and "Cờ thi đua của Ủy ban nhân dân tỉnh" not in form.text
    made = await secretary.post(f"/desk/council-sessions/{council}/forwarding", data={"csrf_token": csrf_of(form.text)})
    assert made.status_code == 303
    page_path = made.headers["location"]

    assert page_path in (await chairman.get("/desk")).text, "the draft waits for the Chairman's office"
    draft = await chairman.get(page_path)
    assert "Ký và gửi Tờ trình" in draft.text
    sent = await chairman.post(f"{page_path}/sign", data={
        "csrf_token": csrf_of(draft.text), "issued_on": "2027-01-08", "signer_prefix": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"})
    assert sent.status_code == 200, sent.text
    assert "Số 01/TTr-UBND" in sent.text and "to-trinh-01-TTr-UBND.docx" in sent.text
    assert "Đã trình Thủ tướng Chính phủ" in sent.text

    assert "Chờ quyết định Trung ương" in (await secretary.get("/desk")).text
    shown = await secretary.get(page_path)
    answer = {"csrf_token": csrf_of(shown.text), "number": "1234/QĐ-TTg", "decided_on": "2027-05-20",
              "decided_by": "Thủ tướng Chính phủ", **{f"awarded.{n}": "yes" for n in
                                                    (ids["co_cp_stc"], ids["bk_ttg_snnmt"])},
              f"awarded.{ids['bk_ttg_duc']}": "no", f"reason.{ids['bk_ttg_duc']}": ""}
    refused_page = await secretary.post(f"{page_path}/central-decision", data=answer)
    assert refused_page.status_code == 422
    assert "phải ghi rõ lý do theo văn bản của Trung ương" in refused_page.text
    assert await state_of(client, ids["bk_ttg_duc"]) == "forwarded", "a refused form changes nothing"
    answer[f"reason.{ids['bk_ttg_duc']}"] = "Chưa đủ thành tích theo quy định"
    recorded = await secretary.post(f"{page_path}/central-decision", data=answer)
    assert recorded.status_code == 200, recorded.text
    assert "Quyết định số 1234/QĐ-TTg" in recorded.text and "Đã được khen thưởng" in recorded.text
    assert await state_of(client, ids["bk_ttg_duc"]) == "declined"
