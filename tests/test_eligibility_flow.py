"""Eligibility at work: the law in force by date, a dossier returned for missing facts and resubmitted, a signature
refused when the history changed, and the dry run before a vote."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from models.domain.enums import RecipientKind
from models.settings import get_settings
from models.storage.catalogue_file import catalogue
from models.storage.db import open_session
from models.tables.award import Award
from models.tables.nomination import AwardRecord
from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, SECRETARY, Year, as_user, council_review, hold_meeting, ok, submit_and_screen

FLAG = "CO_THI_DUA_UBND_TINH"


def test_the_shipped_catalogue_switches_from_decree_98_to_decree_152_on_1_july_2025() -> None:
    assert "98/2023" in catalogue().threshold_in_force(FLAG, date(2025, 6, 30)).basis
    assert "152/2025" in catalogue().threshold_in_force(FLAG, date(2025, 7, 1)).basis


@pytest.fixture
def province_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A province's own catalogue: the shipped one with the flag needing 90 % until 30/06/2025."""
    shipped = (Path(__file__).parent.parent / "models" / "data" / "catalogue.toml").read_text(encoding="utf-8")
    own = tmp_path / "catalogue.toml"
    own.write_text(shipped.replace('until = 2025-06-30\nthreshold_percent = "80"',
                                   'until = 2025-06-30\nthreshold_percent = "90"', 1), encoding="utf-8")
    monkeypatch.setenv("TDKT_CATALOGUE_FILE", str(own))
    get_settings.cache_clear()
    yield own
    get_settings.cache_clear()


def test_a_province_catalogue_changes_the_rule_without_code_and_dates_decide_which_applies(
    province_catalogue: Path,
) -> None:
    law = catalogue()
    before, after = law.threshold_in_force(FLAG, date(2025, 6, 30)), law.threshold_in_force(FLAG, date(2025, 7, 1))
    assert (before.threshold.percent, after.threshold.percent) == (Decimal(90), Decimal(80))
    assert before.threshold.required(11) == 10 and after.threshold.required(11) == 9


async def test_a_dossier_missing_facts_is_returned_asking_for_them_and_passes_once_they_are_given(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    head = await as_user(client, BLOCK_HEAD)
    nid = year.candidates["ttldxs_stc"]
    missing_ldtt = {"rating": "htxsnv", "members_total": 24, "members_completing_tasks": 24, "members_cstdcs": 3,
                    "members_disciplined": 0}
    assert (await client.put(f"/nominations/{nid}/facts", headers=head, json=missing_ldtt)).status_code == 200
    await submit_and_screen(client, year)
    returned = (await client.get(f"/nominations/{nid}")).json()
    assert returned["nomination"]["state"] == "returned"
    assert returned["history"][-1]["reason"].endswith("Please provide: members_ldtt.")
    corrected = await client.put(f"/nominations/{nid}/facts", headers=head, json={**missing_ldtt, "members_ldtt": 18})
    assert corrected.status_code == 200 and corrected.json()["facts"]["members_ldtt"] == 18
    revisions = (await client.get(f"/nominations/{nid}")).json()["facts_revisions"]
    assert [(r["actor"], "members_ldtt" in r["previous"], r["facts"].get("members_ldtt")) for r in revisions] == [
        (BLOCK_HEAD, True, None), (BLOCK_HEAD, False, 18)], "every correction is kept, with who made it"
    again = ok(await client.post("/proposals", headers=head, json={
        "meeting_id": year.meeting_id, "nomination_ids": [nid], "issued_on": "2026-12-20",
        "signer_name": "Nguyễn Hữu Phước", "signer_title": "Giám đốc"}))
    assert again["nominations"][0]["state"] == "submitted"
    screened = ok(await client.post(f"/proposals/{again['stage']['subject_id']}/screening",
                                    headers=await as_user(client, SECRETARY),
                                    json={"results": [{"nomination_id": nid, "eligible": True}]}))
    assert screened["nominations"][0]["state"] == "eligible"
    frozen = await client.put(f"/nominations/{nid}/facts", headers=head, json=missing_ldtt)
    assert frozen.status_code == 409 and frozen.json()["errors"][0]["rule"] == "facts.with_the_block"


async def test_signing_is_refused_when_the_history_changed_since_screening(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    await submit_and_screen(client, year)
    await council_review(client, year)
    draft = ok(await client.post("/decisions", headers=await as_user(client, SECRETARY), json={
        "council_session_id": year.standing_id, "award_code": "TAP_THE_LAO_DONG_XUAT_SAC"}))
    async with open_session() as session:  # the unit's own decision for the same title arrives meanwhile
        award = (await session.exec(select(Award).where(Award.code == "TAP_THE_LAO_DONG_XUAT_SAC"))).one()
        session.add(AwardRecord(year=2026, award_id=award.id,
                                recipient_kind=RecipientKind.COLLECTIVE, unit_id=demo.units["STC"],
                                decision_number="45/QĐ-STC", source="import"))
        await session.commit()
    refused = await client.post(f"/decisions/{draft['id']}/sign", headers=await as_user(client, "vanphong.chutich"),
                                json={"signed_on": "2027-01-05", "signer_name": "Trần Thị Minh Hằng"})
    assert refused.status_code == 409
    [problem] = refused.json()["errors"]
    assert problem["rule"] == "eligibility.failed" and "Điều 5" in problem["message"]
    assert (await client.get(f"/decisions/{draft['id']}")).json()["decision"]["status"] == "draft", "nothing signed"


async def test_the_dry_run_tells_a_block_head_what_a_candidate_lacks_before_the_vote(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    await hold_meeting(client, demo, Year())  # imports the past titles
    head = await as_user(client, BLOCK_HEAD)
    body = {"award_code": "CHIEN_SI_THI_DUA_TINH", "year": 2026, "person_id": demo.people["Trương Thị Mai"]}
    result = (await client.post("/eligibility/check", headers=head, json=body)).json()
    assert result["outcome"] == "fail"
    outcomes = {r["rule"]: r["outcome"] for r in result["results"]}
    assert outcomes == {"cstd_tinh.three_years_cstdcs": "fail", "cstd_tinh.province_initiative": "cannot_tell",
                        "achievement.one_award": "pass"}
    other_block = {**body, "person_id": demo.people["Vũ Đức Thắng"]}
    assert (await client.post("/eligibility/check", headers=head, json=other_block)).status_code == 404
