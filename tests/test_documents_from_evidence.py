"""A document prints what was decided: the minutes corrected after the province changed its block threshold still
show the vote as the tally counted it."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from models.settings import get_settings
from models.storage.db import open_session
from models.tables.council import CouncilSession
from models.tables.meeting import BlockMeeting
from tests.demo import DemoProvince
from tests.docx_read import paragraphs, table_rows
from tests.year import SECRETARY, Year, as_user, council_review, hold_meeting, ok, submit_and_screen

SHIPPED = (Path(__file__).parent.parent / "models" / "data" / "catalogue.toml").read_text(encoding="utf-8")
SHIPPED_RULE = 'threshold_percent = "50"\nthreshold_strictly_more = true\n# Quorum of the block meeting'
STRICTER_RULE = 'threshold_percent = "90"\nthreshold_strictly_more = false\n# Quorum of the block meeting'


@pytest.fixture
def later_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The province's catalogue a year later: 90 % of all members at block meetings (the shipped rule is > 50 %)."""
    assert SHIPPED_RULE in SHIPPED
    path = tmp_path / "catalogue-2027.toml"
    path.write_text(SHIPPED.replace(SHIPPED_RULE, STRICTER_RULE), encoding="utf-8")
    yield path
    get_settings.cache_clear()


def vote_rows(content: bytes) -> list[tuple[str, str, str]]:
    """(candidate, votes for, result) of the minutes' vote table."""
    return [(row[1], row[3], row[-1]) for row in table_rows(content) if row and row[0].isdigit()]


async def test_corrected_minutes_print_the_result_as_decided_not_as_today_s_rule_would(
    client: httpx.AsyncClient, demo: DemoProvince, later_catalogue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    [issued] = year.responses["results"]["documents"]
    original = (await client.get(issued["download_url"])).content
    assert "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)" in " ".join(paragraphs(original))

    monkeypatch.setenv("TDKT_CATALOGUE_FILE", str(later_catalogue))
    get_settings.cache_clear()
    async with open_session() as session:  # a year later the clerk fixes the venue and issues a correction
        meeting = await session.get_one(BlockMeeting, year.meeting_id)
        meeting.location = "Hội trường tầng 3, Sở Công Thương"
        session.add(meeting)
        await session.commit()
    corrected = ok(await client.post(f"/documents/{issued['id']}/corrections", headers=await as_user(
        client, SECRETARY), json={"reason": "Ghi sai địa điểm họp"}))
    new = (await client.get(corrected["download_url"])).content

    assert "Địa điểm: Hội trường tầng 3, Sở Công Thương." in paragraphs(new)
    assert vote_rows(new) == vote_rows(original), "the same results, though 90 % would now fail them all"
    assert ("Sở Công Thương", "6", "Đề nghị") in vote_rows(new)
    assert "quá 50% tổng số thành viên của Khối (tối thiểu 4/7 phiếu)" in " ".join(paragraphs(new))
    flag = (await client.get(f"/nominations/{year.candidates['flag_sct']}")).json()
    tally = flag["history"][1]["evidence"]
    assert (tally["required"], tally["passed"], tally["threshold_percent"]) == (4, True, "50"), "as the log says"


FLAG_NOW = 'from = 2025-07-01\nthreshold_percent = "80"'


async def test_a_corrected_appraisal_prints_the_council_vote_as_decided(
    client: httpx.AsyncClient, demo: DemoProvince, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    await council_review(client, year)
    [issued] = [d for d in year.responses["council"]["documents"] if d["kind"] == "office_appraisal"]
    original = (await client.get(issued["download_url"])).content

    assert FLAG_NOW in SHIPPED
    later = tmp_path / "catalogue-2028.toml"  # every member must now agree for the flag: 9 of 10 would fail
    later.write_text(SHIPPED.replace(FLAG_NOW, 'from = 2025-07-01\nthreshold_percent = "100"'), encoding="utf-8")
    monkeypatch.setenv("TDKT_CATALOGUE_FILE", str(later))
    get_settings.cache_clear()
    async with open_session() as session:
        council = await session.get_one(CouncilSession, year.council_id)
        council.location = "Phòng họp số 2, UBND tỉnh"
        session.add(council)
        await session.commit()
    corrected = ok(await client.post(f"/documents/{issued['id']}/corrections", headers=await as_user(
        client, SECRETARY), json={"reason": "Ghi sai phòng họp"}))
    new = (await client.get(corrected["download_url"])).content
    get_settings.cache_clear()

    results = [(row[1], row[-1]) for row in table_rows(new) if row and row[0].isdigit()]
    assert results == [(row[1], row[-1]) for row in table_rows(original) if row and row[0].isdigit()]
    assert ("Sở Công Thương", "Đề nghị") in results
