"""The registry at the desk over HTTP: units, people (searched, paged), blocks of a year, the council's roster,
accounts (never a password), and the workbook import whose dry run changes nothing and whose apply changes exactly
what it showed. Another block's head sees nothing of the first block on any of these pages."""

import hashlib
import html

import httpx
from sqlmodel import select

from models.storage.db import open_session
from models.tables.accounts import User
from tests.desk import OTHER_BLOCK_HEAD, SignIn, csrf_of
from tests.organisation_workbook import province, xlsx
from tests.test_bad_input import row_counts
from tests.test_organisation_sheets import bad_province
from tests.year import BLOCK_HEAD, SECRETARY

# Units and people of the Khối thi đua các sở quản lý kinh tế in the demo province.
FIRST_BLOCK = ("Khối thi đua các sở quản lý kinh tế", "Sở Công Thương", "Nguyễn Thị Hồng Nhung", "Lê Văn Đức")


def text_of(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


async def test_registry_pages_show_the_province_and_a_block_head_only_their_block(signed_in: SignIn) -> None:
    secretary, head, other = [await signed_in(u) for u in (SECRETARY, BLOCK_HEAD, OTHER_BLOCK_HEAD)]
    units = text_of(await secretary.get("/desk/registry/units"))
    assert "Sở Công Thương" in units and "Sở, ban, ngành" in units
    found = text_of(await secretary.get("/desk/registry/people", params={"q": "hồng nhung"}))
    assert "Nguyễn Thị Hồng Nhung" in found and "1 cá nhân" in found and "Lê Văn Đức" not in found
    first_page = text_of(await secretary.get("/desk/registry/people"))
    second_page = text_of(await secretary.get("/desk/registry/people", params={"offset": 1}))
    first_name = first_page.split("<tbody>")[1].split("<td>")[1].split("<")[0].strip()
    assert first_name and first_name not in second_page.split("<tbody>")[1]
    blocks = " ".join(text_of(await secretary.get("/desk/registry/blocks", params={"year": 2026})).split())
    assert "Khối thi đua các sở quản lý kinh tế" in blocks
    assert "<dt>Trưởng khối</dt><dd>Sở Công Thương</dd>" in blocks
    council = text_of(await secretary.get("/desk/registry/council"))
    assert "Chủ tịch Hội đồng" in council and "Đang giữ" in council
    assert 'href="/desk/registry/import"' in units and 'href="/desk/registry/accounts"' not in units

    own = text_of(await head.get("/desk/registry/units"))
    assert "Sở Công Thương" in own
    for path in ("/desk/registry/units", "/desk/registry/people", "/desk/registry/blocks"):
        for year in ("", "2026", "2027"):
            page = text_of(await other.get(path, params={"year": year} if year else {}))
            assert all(name not in page for name in FIRST_BLOCK), path
    assert "Nguyễn Thị Hồng Nhung" not in text_of(await other.get("/desk/registry/people", params={"q": "Nhung"}))
    for path in ("/desk/registry/council", "/desk/registry/accounts", "/desk/registry/import",
                 "/desk/registry/export"):
        refused = await other.get(path)
        assert refused.status_code == 403 and "Không được phép" in refused.text, path
    assert 'href="/desk/registry/council"' not in own


async def test_accounts_are_listed_for_the_administrator_without_any_password(signed_in: SignIn) -> None:
    admin, secretary = await signed_in("admin"), await signed_in(SECRETARY)
    page = text_of(await admin.get("/desk/registry/accounts"))
    assert "truongkhoi.kinhte" in page and "Trưởng Khối thi đua (Khối thi đua các sở quản lý kinh tế, năm 2026)" in page
    async with open_session() as session:
        hashes = [u.password_hash for u in (await session.exec(select(User))).all()]
    assert all(h not in page for h in hashes) and "demo-tdkt-2026" not in page
    assert (await secretary.get("/desk/registry/accounts")).status_code == 403


async def post_workbook(http: httpx.AsyncClient, content: bytes, step: str, reviewed: str = "") -> httpx.Response:
    form = await http.get("/desk/registry/import")
    return await http.post("/desk/registry/import", headers={"HX-Request": "true"},
                           data={"csrf_token": csrf_of(form.text), "step": step, "reviewed": reviewed},
                           files={"file": ("to-chuc-2027.xlsx", content, "application/octet-stream")})


async def test_the_import_previews_changing_nothing_then_applies_exactly_that(signed_in: SignIn) -> None:
    secretary = await signed_in(SECRETARY)
    workbook = xlsx(province())
    before = await row_counts()
    preview = await post_workbook(secretary, workbook, "preview")
    shown = " ".join(text_of(preview).split())
    assert "chưa có gì thay đổi" in shown
    assert "Đơn vị: sẽ thêm 9, sẽ sửa 0, giữ nguyên 0" in shown and "Khối: sẽ thêm 3" in shown
    assert "<li>HN-KHOI-KT</li>" in shown and "<li>HN-SCT</li>" in shown
    assert f'name="reviewed" value="{hashlib.sha256(workbook).hexdigest()}"' in shown
    assert await row_counts() == before

    other_file = await post_workbook(secretary, xlsx(bad_province()), "apply",
                                     reviewed=hashlib.sha256(workbook).hexdigest())
    assert "khác tệp vừa xem trước" in text_of_status(other_file, 422)
    assert await row_counts() == before

    applied = await post_workbook(secretary, workbook, "apply", reviewed=hashlib.sha256(workbook).hexdigest())
    assert "Đã áp dụng tệp «to-chuc-2027.xlsx»" in text_of(applied)
    recent = applied.text.split('id="recent-imports" hx-swap-oob="true"')[1]  # the list beside it, refreshed
    assert "to-chuc-2027.xlsx" in recent and "Đã áp dụng" in recent
    after = await row_counts()
    assert {t: n - before[t] for t, n in after.items() if n != before[t]} == {
        "unit": 9, "person": 5, "emulationblock": 3, "blockmembership": 9, "organisationimport": 1,
        "registrychange": 9 + 5 + 3 + 9}  # each object created is written to the registry's change log
    listed = text_of(await secretary.get("/desk/registry/import"))
    assert "Đã áp dụng; Đơn vị: thêm 9, sửa 0" in " ".join(listed.split())


async def test_a_wrong_workbook_shows_each_problem_by_cell_in_vietnamese(signed_in: SignIn) -> None:
    secretary, head = await signed_in(SECRETARY), await signed_in(BLOCK_HEAD)
    before = await row_counts()
    refused = await post_workbook(secretary, xlsx(bad_province()), "preview")
    page = text_of_status(refused, 422)
    assert "13 lỗi, chưa có gì thay đổi" in page
    assert "<td>Đơn vị!B4</td><td>Đơn vị!B4 (Tên đơn vị): ô này không được để trống.</td>" in page
    assert "Thành viên khối!C11" in page
    not_a_workbook = await post_workbook(secretary, b"Ma don vi;Ten don vi\nX;Y\n", "preview")
    assert "Tệp không phải là bảng tính Excel (.xlsx)" in text_of_status(not_a_workbook, 422)
    assert await row_counts() == before
    assert (await head.get("/desk/registry/import")).status_code == 403


def text_of_status(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    return html.unescape(response.text)
