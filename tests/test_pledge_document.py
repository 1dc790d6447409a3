"""Bản giao ước thi đua: printed when the block signs its pledge, numbered in the head agency's series, frozen with
its SHA-256 and downloaded as signed, in the Decree 30 layout with a signature per member's head in rows that
never split."""

import hashlib

import httpx

from tests.decree30 import check_bases, check_header, check_keeps_together, check_page, check_title
from tests.demo import DemoProvince
from tests.docx_read import open_docx, paragraphs, rows_of
from tests.scoring_year import SELF_SCORES, Scored, launch_and_pledge
from tests.year import BLOCK, BLOCK_HEAD, SECRETARY, YEAR, as_user, ok


async def test_the_signed_pledge_is_numbered_frozen_and_printed_with_each_members_targets_and_signature(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    scored = Scored()
    await launch_and_pledge(client, demo, scored)
    pledge = scored.responses["pledge"]
    assert pledge["number"] == "01/GƯTĐ-SCT" and pledge["filename"] == "ban-giao-uoc-thi-dua-01-GƯTĐ-SCT.docx"
    url = f"/movements/{scored.movement_id}/pledges/{pledge['id']}.docx"
    download = await client.get(url)
    assert download.status_code == 200, download.text
    assert hashlib.sha256(download.content).hexdigest() == pledge["sha256"]

    doc = open_docx(download.content)
    check_page(doc)
    check_header(doc, "UBND TỈNH BẮC NINH", ["KHỐI THI ĐUA CÁC SỞ", "QUẢN LÝ KINH TẾ"], "01/GƯTĐ-SCT")
    check_title(doc, "BẢN GIAO ƯỚC THI ĐUA", f"Ký kết giao ước thi đua năm {YEAR} của Khối thi đua các sở")
    assert check_bases(doc) == [
        f"Căn cứ văn bản số 25/KH-UBND ngày 20 tháng 02 năm {YEAR} của UBND tỉnh Bắc Ninh về phát động "
        f"phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {YEAR}."]
    text = paragraphs(download.content)
    assert f"Hôm nay, ngày 15 tháng 3 năm {YEAR}, tại Sở Công Thương, các đơn vị thành viên Khối thi đua các sở " \
           "quản lý kinh tế gồm:" in text
    assert "1. Sở Công Thương, đại diện: Thủ trưởng SCT, Giám đốc;" in text
    assert "1. Sở Công Thương: đăng ký danh hiệu Cờ thi đua của Ủy ban nhân dân tỉnh" in text
    assert text.count("- Hoàn thành 100 % chỉ tiêu kế hoạch năm: 100 %.") == len(SELF_SCORES)
    assert "Bản giao ước được lập thành 07 bản, mỗi đơn vị thành viên giữ 01 bản, có giá trị như nhau./." in text
    signatures = doc.tables[-1]
    check_keeps_together(signatures)
    signed = [line for row in rows_of(signatures) for cell in row for line in cell.split("\n") if line]
    assert signed[:3] == ["SỞ CÔNG THƯƠNG", "GIÁM ĐỐC", "Thủ trưởng SCT"]
    assert len(signatures.rows) == 4 and signed.count("GIÁM ĐỐC") == 7  # seven heads, two a row, the last alone

    # Registered again afterwards: the printed pledge stays as it was signed.
    head = await as_user(client, BLOCK_HEAD)
    ok(await client.post(f"/movements/{scored.movement_id}/registrations", headers=head, json={
        "unit_id": demo.units["SCT"], "year": YEAR, "registered_on": f"{YEAR}-04-01", "targets": []}))
    assert (await client.get(url)).content == download.content
    twice = await client.post(f"/movements/{scored.movement_id}/pledges", headers=head, json={
        "block_id": demo.blocks[BLOCK], "year": YEAR, "signed_on": f"{YEAR}-03-16",
        "signatories": [{"unit_id": demo.units["SCT"], "full_name": "x", "title": "x"}]})
    assert twice.status_code == 409 and "đã ký giao ước" in twice.json()["errors"][0]["message_vi"]
    numbers = ok(await client.get("/numbers", params={"issuer_code": "SCT", "type_code": "GƯTĐ", "year": YEAR},
                                  headers=await as_user(client, SECRETARY)), 200)
    assert [n["number"] for n in numbers] == ["01/GƯTĐ-SCT"]  # the refused second pledge took no number
    assert (await client.get(url, headers=await as_user(client, "donvi.taichinh"))).status_code == 200
    assert (await client.get(url, headers=await as_user(client, "truongkhoi.vhxh"))).status_code == 404
