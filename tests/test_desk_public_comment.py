"""Public comment at the desk and on the public page, over HTTP: the secretary's inbox says which dossiers must be
published and which comments wait; the secretary opens a list; anyone comments on /lay-y-kien without logging in
and reads only what the law publishes; the secretary puts the dossier on hold because of the comment."""

import html
import re

import httpx

from models.recording.deadlines import today_in_vietnam
from tests.conftest import app_client
from tests.demo import DemoProvince
from tests.desk import SignIn, csrf_of
from tests.public_comment_year import state_level_year
from tests.year import SECRETARY, ok


async def test_the_secretary_publishes_a_list_and_holds_a_dossier_on_a_comment_sent_from_the_public_page(
    client: httpx.AsyncClient, demo: DemoProvince, signed_in: SignIn
) -> None:
    ids = await state_level_year(client, demo)
    desk = await signed_in(SECRETARY)
    inbox = html.unescape((await desk.get("/desk")).text)
    assert "Công khai danh sách lấy ý kiến nhân dân" in inbox
    assert "Năm 2026: 3 hồ sơ đủ điều kiện phải lấy ý kiến nhân dân trước khi Hội đồng xét" in inbox

    lists = await desk.get("/desk/public-comment")
    assert lists.status_code == 200
    form = {"csrf_token": csrf_of(lists.text), "year": "2026", "opens_on": today_in_vietnam().isoformat(),
            "published_at": "Cổng Thông tin điện tử tỉnh Bắc Ninh", "nomination_ids": [str(ids["cp_sct"])]}
    opened = await desk.post("/desk/public-comment", data=form)
    assert opened.status_code == 303, opened.text
    window_page = await desk.get(opened.headers["location"])
    window_id = int(opened.headers["location"].rsplit("/", 1)[1])
    assert "Đang lấy ý kiến" in window_page.text and "thong-bao-lay-y-kien-01-TB-SNV.docx" in window_page.text
    again = await desk.post("/desk/public-comment", data=form)
    assert again.status_code == 409
    assert f"Hồ sơ mã số {ids['cp_sct']} đã được đưa ra lấy ý kiến nhân dân" in html.unescape(again.text)

    async with app_client() as public:  # a citizen: no account, no cookie
        page = html.unescape((await public.get("/lay-y-kien")).text)
        assert "Sở Công Thương" in page and "Cờ thi đua của Chính phủ" in page
        assert "Tiêu biểu xuất sắc nhất" not in page and "outstanding_among_flags" not in page, "no dossier content"
        assert "Sở Tài chính" not in page, "a dossier not yet published is not shown"
        comment = {"nomination_id": str(ids["cp_sct"]), "sender_name": "Trần Văn Bình",
                   "contact": "0912 345 678", "text": "Đơn vị còn vụ việc khiếu nại chưa giải quyết xong."}
        empty = await public.post(f"/lay-y-kien/{window_id}", data=comment | {"text": " "})
        assert empty.status_code == 422 and "Nội dung ý kiến" in html.unescape(empty.text)
        sent = await public.post(f"/lay-y-kien/{window_id}", data=comment)
        assert sent.status_code == 201 and re.search(r"Đã nhận ý kiến số \d+", html.unescape(sent.text))

    inbox = html.unescape((await desk.get("/desk")).text)
    assert f"Danh sách số {window_id}: 1 ý kiến chờ xử lý" in inbox
    assert f"Danh sách số {window_id}: 1 hồ sơ, đến hết ngày" in inbox
    window_page = await desk.get(f"/desk/public-comment/{window_id}")
    assert "Trần Văn Bình" in window_page.text and "0912 345 678" in window_page.text
    comment_id = int(re.findall(r'action="/desk/public-comments/(\d+)"', window_page.text)[0])
    held = await desk.post(f"/desk/public-comments/{comment_id}", data={
        "csrf_token": csrf_of(window_page.text), "action": "held", "note": "Tạm dừng để xác minh khiếu nại"})
    assert held.status_code == 303
    assert "Đã tạm dừng xét hồ sơ" in html.unescape((await desk.get(held.headers["location"])).text)
    nomination = ok(await client.get(f"/nominations/{ids['cp_sct']}"), 200)
    assert nomination["nomination"]["state"] == "on_hold"
    assert "Xử lý ý kiến nhân dân" not in html.unescape((await desk.get("/desk")).text)
