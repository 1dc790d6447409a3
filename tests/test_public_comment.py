"""Public comment before the council's vote (ND 152/2025 Điều 60 khoản 3, catalogue [[public_comment]]): the office
publishes state-level dossiers for 10 working days, anyone comments without logging in while the list is open, a
comment can put a dossier on hold, and the council votes on a published dossier only once its list has closed.
Through the API with the real flows; the office's notice read back from the stored .docx."""

from datetime import timedelta
from typing import Any

import httpx

from docx_templates import DocumentKind
from models.domain.public_comment import COMMENTS_PER_ADDRESS_PER_HOUR
from models.recording.deadlines import today_in_vietnam
from tests.conftest import app_client
from tests.decree30 import check_header, check_page, check_receivers_and_signature, check_title
from tests.demo import DemoProvince
from tests.docx_read import open_docx, paragraphs, table_rows
from tests.public_comment_year import state_level_year
from tests.test_bad_input import refused, row_counts
from tests.test_documents_papers import OFFICE, OFFICE_HEAD, paper, signature_table
from tests.year import COUNCIL_HELD_ON, SECRETARY, YEAR, as_user, ok

EARLY_SESSION = "2026-12-30"  # the last day of a list opened on 17/12/2026: 10 working days


async def council_session(http: httpx.AsyncClient, held_on: str) -> int:
    secretary = await as_user(http, SECRETARY)
    seats = [s["id"] for s in ok(await http.get("/council/roster", params={"on": held_on}, headers=secretary), 200)]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": held_on, "location": "Phòng họp số 1, UBND tỉnh", "present_seat_ids": seats}))
    return int(council["session"]["id"])


async def open_list(http: httpx.AsyncClient, opens_on: str, *nomination_ids: int) -> dict[str, Any]:
    report = ok(await http.post("/comment-windows", headers=await as_user(http, SECRETARY), json={
        "year": YEAR, "opens_on": opens_on, "nomination_ids": list(nomination_ids)}))
    assert report["stage"]["status"] == "completed"
    return dict(report)


def votes(nomination_id: int) -> dict[str, Any]:
    return {"votes": [{"nomination_id": nomination_id, "votes_for": 10, "votes_against": 0}]}


async def test_the_council_votes_on_a_state_level_dossier_only_after_its_ten_working_days_of_public_comment(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    ids = await state_level_year(client, demo)
    bk = ids["bk_ttg_skhcn"]
    early = await council_session(client, EARLY_SESSION)
    problem = await refused(client, f"/council-sessions/{early}/votes", votes(bk), 409, "votes.0.nomination_id",
                            "public_comment.missing", user=SECRETARY)
    assert "phải được công khai lấy ý kiến nhân dân 10 ngày làm việc" in problem["errors"][0]["message_vi"]

    report = await open_list(client, "2026-12-17", bk)
    [window] = ok(await client.get("/comment-windows"), 200)
    assert (window["opens_on"], window["closes_on"], window["working_days"]) == ("2026-12-17", "2026-12-30", 10)
    assert window["basis"].startswith("khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP")
    await refused(client, "/comment-windows", {"year": YEAR, "opens_on": "2026-12-18", "nomination_ids": [bk]}, 409,
                  "nomination_ids", "public_comment.listed_once", user=SECRETARY)

    problem = await refused(client, f"/council-sessions/{early}/votes", votes(bk), 409, "votes.0.nomination_id",
                            "public_comment.window_open", user=SECRETARY)
    assert "đang trong thời gian lấy ý kiến nhân dân đến hết ngày 30/12/2026" in problem["errors"][0]["message_vi"]
    after = await council_session(client, COUNCIL_HELD_ON)  # 03/01/2027: the list closed on 30/12/2026
    voted = ok(await client.post(f"/council-sessions/{after}/votes", headers=await as_user(client, SECRETARY),
                                 json=votes(bk)))
    assert [(n["id"], n["state"]) for n in voted["nominations"]] == [(bk, "recommended")]

    content = await paper(client, report, DocumentKind.PUBLIC_COMMENT_LIST)
    doc = open_docx(content)
    check_page(doc)
    check_header(doc, *OFFICE, "01/TB-SNV")
    check_title(doc, "THÔNG BÁO", "Về việc lấy ý kiến nhân dân đối với danh sách đề nghị khen thưởng năm 2026")
    check_receivers_and_signature(doc, signature_table(doc), OFFICE_HEAD)
    text = paragraphs(content)
    assert "Bắc Ninh, ngày 17 tháng 12 năm 2026" in text
    assert any("trong 10 ngày làm việc, từ ngày 17 tháng 12 năm 2026 đến hết ngày 30 tháng 12 năm 2026" in p
               for p in text)
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG LẤY Ý KIẾN NHÂN DÂN" in text
    assert ["1", "Sở Khoa học và Công nghệ", "", "Bằng khen của Thủ tướng Chính phủ"] in table_rows(content)


async def test_a_comment_sent_without_login_puts_the_dossier_on_hold_before_the_council_votes(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    ids = await state_level_year(client, demo)
    today = today_in_vietnam()
    open_report = await open_list(client, today.isoformat(), ids["cp_sct"])
    closed_report = await open_list(client, (today - timedelta(days=60)).isoformat(), ids["cp_stc"])
    open_id, closed_id = open_report["stage"]["subject_id"], closed_report["stage"]["subject_id"]
    async with app_client() as public:  # nobody logged in
        [listed] = ok(await public.get("/public/comment-windows"), 200)
        assert listed["id"] == open_id and listed["phase"] == "open"
        assert listed["dossiers"] == [{"nomination_id": ids["cp_sct"], "name": "Sở Công Thương", "detail": "",
                                       "award": "Cờ thi đua của Chính phủ"}], "what the law publishes, no more"
        comment = {"nomination_id": ids["cp_sct"], "sender_name": "Trần Văn Bình",
                   "contact": "Số 5 Lý Thái Tổ, Bắc Ninh; 0912 345 678",
                   "text": "Đơn vị đang có cán bộ bị xem xét kỷ luật trong năm 2026, đề nghị làm rõ."}
        sent = ok(await public.post(f"/public/comment-windows/{open_id}/comments", json=comment))
        again = ok(await public.post(f"/public/comment-windows/{open_id}/comments", json=comment))
        assert again["id"] == sent["id"], "the same comment sent twice is one comment"
    await refused(client, f"/public/comment-windows/{closed_id}/comments", comment | {"nomination_id": ids["cp_stc"]},
                  409, "window_id", "public_comment.closed", user=None)
    await refused(client, f"/public/comment-windows/{open_id}/comments", comment | {"nomination_id": ids["cp_stc"]},
                  422, "nomination_id", "public_comment.not_listed", user=None)

    secretary = await as_user(client, SECRETARY)
    detail = ok(await client.get(f"/comment-windows/{open_id}", headers=secretary), 200)
    [received] = detail["comments"]
    assert (received["sender_name"], received["contact"], received["status"]) == (
        "Trần Văn Bình", "Số 5 Lý Thái Tổ, Bắc Ninh; 0912 345 678", "received")
    held = ok(await client.post(f"/public-comments/{received['id']}/handling", headers=secretary, json={
        "action": "held", "note": "Tạm dừng xét để xác minh nội dung phản ánh"}), 200)
    assert held["status"] == "held" and held["handled_by"] == SECRETARY
    nomination = ok(await client.get(f"/nominations/{ids['cp_sct']}"), 200)
    assert nomination["nomination"]["state"] == "on_hold"
    hold = nomination["history"][-1]
    assert hold["evidence"]["public_comment_id"] == received["id"] and "kỷ luật" in hold["evidence"]["text"]
    assert hold["reason_vi"].startswith(f"Ý kiến nhân dân (mã số {received['id']})")
    await refused(client, f"/public-comments/{received['id']}/handling", {"action": "answered", "note": "Đã trả lời"},
                  409, "comment_id", "public_comment.handled", user=SECRETARY)

    session = await council_session(client, COUNCIL_HELD_ON)
    await refused(client, f"/council-sessions/{session}/votes", votes(ids["cp_sct"]), 409, "votes.0",
                  "workflow.state", user=SECRETARY)


async def test_public_comments_are_bounded_in_size_and_in_number_per_address(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    ids = await state_level_year(client, demo)
    far_past = {"year": YEAR, "opens_on": "0001-01-01", "nomination_ids": [ids["cp_sct"]]}
    await refused(client, "/comment-windows", far_past, 422, "opens_on", "input.value_error", user=SECRETARY)
    window = (await open_list(client, today_in_vietnam().isoformat(), ids["cp_sct"]))["stage"]["subject_id"]
    path = f"/public/comment-windows/{window}/comments"
    comment = {"nomination_id": ids["cp_sct"], "sender_name": "Nguyễn Thị Lan", "contact": "lan@example.vn"}
    problem = await refused(client, path, comment | {"text": "x" * 5001}, 422, "text", "input.string_too_long",
                            user=None)
    assert problem["errors"][0]["message_vi"]
    await refused(client, path, comment | {"text": "   "}, 422, "text", "input.value_error", user=None)
    for n in range(COMMENTS_PER_ADDRESS_PER_HOUR):
        ok(await client.post(path, json=comment | {"text": f"Ý kiến thứ {n + 1}"}, headers={"Authorization": ""}))
    before = await row_counts()
    response = await client.post(path, json=comment | {"text": "Một ý kiến nữa"}, headers={"Authorization": ""})
    assert response.status_code == 429 and response.headers["Retry-After"] == "3600"
    assert response.json()["errors"][0]["rule"] == "public_comment.too_many"
    assert await row_counts() == before
