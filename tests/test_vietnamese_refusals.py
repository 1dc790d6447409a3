"""The refusals staff meet on the desk, through the HTTP API: each error carries message_vi, the whole answer
detail_vi, in the words a Vietnamese office writes."""

from typing import Any

import httpx

from tests.demo import DemoProvince
from tests.test_bad_input import meeting_body
from tests.year import (
    BLOCK_HEAD,
    SECRETARY,
    Year,
    as_user,
    council_review,
    hold_meeting,
    open_meeting,
    results_body,
    submit_and_screen,
)

OTHER_HEAD = "truongkhoi.vhxh"  # head of the Khối văn hóa - xã hội, not of the Khối kinh tế the tests use


def vietnamese(response: httpx.Response, status: int) -> dict[str, Any]:
    """The problem's errors by rule, checked to carry their Vietnamese, and detail_vi joining them."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert all(e["message_vi"] for e in problem["errors"]), problem
    assert problem["detail_vi"] == "; ".join(e["message_vi"] for e in problem["errors"])
    return problem


def only_message_vi(response: httpx.Response, status: int, rule: str) -> str:
    problem = vietnamese(response, status)
    [error] = problem["errors"]
    assert error["rule"] == rule, problem
    return str(error["message_vi"])


async def test_ballots_exceeding_the_voters_are_refused_in_vietnamese(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await open_meeting(client, demo, year)
    body = results_body(demo, year)
    body["tallies"][2].update(votes_for=5, votes_against=2)  # 7 ballots, but only 6 members are present
    response = await client.post(f"/meetings/{year.meeting_id}/results", json=body,
                                 headers=await as_user(client, BLOCK_HEAD))
    assert only_message_vi(response, 422, "vote.ballots_exceed_voters") == (
        "Tổng số phiếu đồng ý, không đồng ý, không biểu quyết và không hợp lệ là 7, vượt quá số thành viên được "
        "biểu quyết (6).")


async def test_a_block_head_is_refused_another_block_and_another_role_s_work(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    other_block = await client.post("/meetings", json=meeting_body(demo), headers=await as_user(client, OTHER_HEAD))
    assert only_message_vi(other_block, 404, "exists") == "Không tìm thấy dữ liệu có mã số này (block_id)."
    council = {"year": 2026, "held_on": "2027-01-03", "location": "UBND tỉnh",
               "members": [{"full_name": "A", "position": "Ủy viên", "present": True}]}
    screening = await client.post("/council-sessions", json=council, headers=await as_user(client, BLOCK_HEAD))
    assert only_message_vi(screening, 403, "auth.role") == (
        "Chỉ tài khoản có vai trò «Thư ký Hội đồng Thi đua - Khen thưởng» mới được mở phiên họp Hội đồng.")


async def test_a_wrong_password_is_refused_in_vietnamese(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    response = await client.post("/login/access-token", data={"username": BLOCK_HEAD, "password": "sai-mat-khau"})
    assert only_message_vi(response, 401, "auth.credentials") == "Tên đăng nhập hoặc mật khẩu không đúng."


async def test_validation_errors_name_the_field_in_vietnamese(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    headers = await as_user(client, BLOCK_HEAD)
    body = meeting_body(demo)
    del body["location"]
    missing = await client.post("/meetings", json=body, headers=headers)
    assert only_message_vi(missing, 422, "input.missing") == "Trường «location» là bắt buộc nhưng chưa được nhập."
    too_long = await client.post("/meetings", json=meeting_body(demo, location="x" * 256), headers=headers)
    assert only_message_vi(too_long, 422, "input.string_too_long") == (
        "Trường «location» không được dài quá 255 ký tự.")
    wrong_date = await client.post("/meetings", json=meeting_body(demo, held_on="15/12/2026"), headers=headers)
    assert only_message_vi(wrong_date, 422, "input.date_from_datetime_parsing") == (
        "Trường «held_on» phải là ngày theo dạng YYYY-MM-DD (ví dụ 2026-12-15).")
    wrong_method = await client.post("/meetings", json=meeting_body(demo, method="by_acclamation"), headers=headers)
    assert only_message_vi(wrong_method, 422, "input.enum") == (
        "Trường «method» chỉ nhận một trong các giá trị: 'secret_ballot' hoặc 'show_of_hands'.")
    not_json = await client.post("/meetings", content=b'{"block_id": ', headers={
        **headers, "Content-Type": "application/json"})
    assert only_message_vi(not_json, 422, "input.json_invalid") == (
        "Dữ liệu gửi lên không phải JSON hợp lệ; đề nghị kiểm tra lại nội dung gửi đi.")


async def test_what_does_not_exist_is_named_in_vietnamese(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    assert only_message_vi(await client.get("/meetings/999"), 404, "exists") == (
        "Không tìm thấy hội nghị Khối có mã số 999.")
    assert only_message_vi(await client.get("/decisions/998"), 404, "exists") == (
        "Không tìm thấy Quyết định có mã số 998.")


async def test_the_state_machine_s_guards_refuse_in_vietnamese(client: httpx.AsyncClient, demo: DemoProvince) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    secretary = await as_user(client, SECRETARY)

    async def move_by_hand(label: str, to_state: str) -> httpx.Response:
        nid = year.candidates[label]
        version = (await client.get(f"/nominations/{nid}")).json()["nomination"]["version"]
        return await client.post(f"/nominations/{nid}/moves", headers=secretary,
                                 json={"to_state": to_state, "reason": "Theo chỉ đạo", "version": version})

    assert only_message_vi(await move_by_hand("flag_sct", "awarded"), 409, "workflow.no_such_move") == (
        "Hồ sơ đang ở trạng thái «Khối đã bình xét, suy tôn», không thể chuyển sang «Đã được khen thưởng».")
    await submit_and_screen(client, year)
    await council_review(client, year)
    # Recommended by the council: only a signed decision awards it, never a move by hand.
    assert only_message_vi(await move_by_hand("flag_sct", "awarded"), 409, "decision.missing") == (
        "Chỉ Quyết định đã ký mới khen thưởng hoặc không khen thưởng hồ sơ.")
