"""An issued document is frozen: a correction is a new version beside it. A voided number is kept, never reused."""

import hashlib
from typing import Any

import httpx
import pytest
from sqlmodel import select

from models.storage.db import open_session
from models.storage.numbering import allocate_number
from models.tables.meeting import BlockMeeting
from models.tables.stage import Document
from tests.demo import DemoProvince
from tests.docx_read import paragraphs
from tests.year import SECRETARY, Year, as_user, hold_meeting, ok


async def correct(http: httpx.AsyncClient, document_id: int, reason: str) -> httpx.Response:
    return await http.post(f"/documents/{document_id}/corrections", json={"reason": reason},
                           headers=await as_user(http, SECRETARY))


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return dict(response.json()["errors"][0])


async def test_a_correction_is_a_new_version_and_the_issued_bytes_stay(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    [issued] = year.responses["results"]["documents"]
    original = (await client.get(issued["download_url"])).content

    assert problem(await correct(client, issued["id"], "Sai địa điểm"), 422)["rule"] == "document.correction_unchanged"
    assert problem(await client.post(f"/documents/{issued['id']}/corrections", json={"reason": "Sai địa điểm"}),
                   403)["rule"] == "auth.role", "the auditor reads, it does not correct"
    async with open_session() as session:  # the clerk fixes the venue recorded for the meeting
        meeting = await session.get_one(BlockMeeting, year.meeting_id)
        meeting.location = "Hội trường tầng 3, Sở Công Thương"
        session.add(meeting)
        await session.commit()

    corrected = ok(await correct(client, issued["id"], "Ghi sai địa điểm họp"))
    assert (corrected["version"], corrected["supersedes_id"], corrected["correction_reason"]) == (
        2, issued["id"], "Ghi sai địa điểm họp")
    assert corrected["filename"] == issued["filename"].replace(".docx", "-v2.docx")
    assert corrected["created_by"] == SECRETARY and corrected["sha256"] != issued["sha256"]
    new = (await client.get(corrected["download_url"])).content
    assert "Địa điểm: Hội trường tầng 3, Sở Công Thương." in paragraphs(new)
    assert hashlib.sha256(new).hexdigest() == corrected["sha256"]
    again = (await client.get(issued["download_url"])).content
    assert again == original and hashlib.sha256(again).hexdigest() == issued["sha256"], "the old bytes stay"
    assert "Địa điểm: Hội trường Sở Công Thương." in paragraphs(again)

    superseded = problem(await correct(client, issued["id"], "Lần nữa"), 409)
    assert superseded["rule"] == "document.superseded" and f"document {corrected['id']}" in superseded["message"]
    history = (await client.get(f"/nominations/{year.candidates['flag_sct']}")).json()["history"]
    listed = [(d["id"], d["version"], d["superseded_by_id"]) for d in history[1]["documents"]]
    assert listed == [(issued["id"], 1, corrected["id"]), (corrected["id"], 2, None)]


async def test_the_orm_refuses_to_rewrite_or_delete_an_issued_document(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await hold_meeting(client, demo, Year())
    async with open_session() as session:
        document = (await session.exec(select(Document))).one()
        document.content = b"rewritten"
        session.add(document)
        with pytest.raises(PermissionError, match="frozen"):
            await session.commit()
    async with open_session() as session:
        document = (await session.exec(select(Document))).one()
        await session.delete(document)
        with pytest.raises(PermissionError, match="frozen"):
            await session.commit()


async def take(issuer: str, type_code: str, year: int) -> str:
    async with open_session() as session:
        number = await allocate_number(session, issuer, type_code, year, "test")
        await session.commit()
        return number


async def void(http: httpx.AsyncClient, number: str, reason: str, year: int = 2027) -> httpx.Response:
    return await http.post("/numbers/void", json={"number": number, "year": year, "reason": reason},
                           headers=await as_user(http, SECRETARY))


async def test_a_voided_number_stays_in_the_register_and_is_never_given_again(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    assert [await take("UBND", "QĐ", 2027) for _ in range(3)] == ["01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND"]
    await take("SNV", "TTr", 2027)

    voided = ok(await void(client, "02/QĐ-UBND", "Bản ký bị hỏng, không phát hành"), 200)
    assert voided["voided_by"] == SECRETARY and voided["void_reason"] == "Bản ký bị hỏng, không phát hành"
    assert voided["voided_at"] is not None
    assert problem(await void(client, "02/QĐ-UBND", "Lần nữa"), 409)["rule"] == "number.voided_once"
    assert problem(await void(client, "09/QĐ-UBND", "Không có"), 404)["rule"] == "number.issued"
    assert problem(await void(client, "01/QĐ-UBND", "   "), 422)["rule"] == "number.void_reason"
    assert problem(await void(client, "01/QĐ-UBND", "Sai năm", year=2028), 404)["rule"] == "number.issued"
    assert await take("UBND", "QĐ", 2027) == "04/QĐ-UBND", "the voided 02 is not given again"

    register = (await client.get("/numbers", params={"issuer_code": "UBND", "type_code": "QĐ",
                                                     "year": 2027})).json()
    assert [(n["seq"], n["number"], n["void_reason"]) for n in register] == [
        (1, "01/QĐ-UBND", ""), (2, "02/QĐ-UBND", "Bản ký bị hỏng, không phát hành"), (3, "03/QĐ-UBND", ""),
        (4, "04/QĐ-UBND", "")]
    assert [n["number"] for n in (await client.get("/numbers", params={"issuer_code": "SNV"})).json()] == [
        "01/TTr-SNV"]
    assert (await client.get("/numbers", params={"year": 2028})).json() == []
