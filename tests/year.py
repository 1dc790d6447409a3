"""One emulation year for the Khối thi đua các sở quản lý kinh tế, driven through the public API."""

from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import httpx

from models.storage.demo import demo_data
from tests.demo import DemoProvince

YEAR = 2026
BLOCK = "KHOI-KINH-TE"
# Demo accounts (models/data/demo_province.toml), all with the demo password.
BLOCK_HEAD = "truongkhoi.kinhte"
SECRETARY = "thuky.hoidong"
CHAIRMAN_OFFICE = "vanphong.chutich"
AUDITOR = "kiemtoan"
_tokens: "WeakKeyDictionary[httpx.AsyncClient, dict[str, dict[str, str]]]" = WeakKeyDictionary()


async def as_user(http: httpx.AsyncClient, username: str) -> dict[str, str]:
    """The Authorization header of a real login, once per client and user."""
    tokens = _tokens.setdefault(http, {})
    if username not in tokens:
        response = await http.post("/login/access-token", data={"username": username,
                                                                "password": demo_data()["accounts"]["password"]})
        assert response.status_code == 200, response.text
        tokens[username] = {"Authorization": f"Bearer {response.json()['access_token']}"}
    return tokens[username]


@dataclass
class Year:
    """Ids and responses gathered while the year runs, for the test to assert on."""

    meeting_id: int = 0
    candidates: dict[str, int] = field(default_factory=dict)  # short label → nomination id
    responses: dict[str, Any] = field(default_factory=dict)
    proposal_id: int = 0
    council_id: int = 0
    standing_id: int = 0  # the session of the council's standing body (Thường trực Hội đồng)
    decisions: dict[str, int] = field(default_factory=dict)
    forwarding_id: int = 0  # the Chairman's Tờ trình to the Prime Minister
    # What a stage's request answers: 201 when its flow ran in the API's process, 202 when a worker will run it.
    stage_answer: int = 201


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


GOOD_COLLECTIVE = {"rating": "htxsnv", "members_total": 24, "members_completing_tasks": 24, "members_ldtt": 20,
                   "members_cstdcs": 3, "members_disciplined": 0}
TWO_EXCELLENT_YEARS = {"rating": "htxsnv", "rating_previous_year": "htxsnv", "members_disciplined": 0}
CSTDCS = "CHIEN_SI_THI_DUA_CO_SO"
# Past titles decided by the units themselves, as imported from their decisions: person → years of CSTĐCS.
PAST_CSTDCS = {"Nguyễn Thị Hồng Nhung": (2025, 2026), "Lê Văn Đức": (2024, 2025, 2026),
               "Trương Thị Mai": (2025, 2026), "Phan Thị Thu Hà": (2025, 2026)}


def candidates(demo: DemoProvince) -> list[tuple[str, dict[str, Any], int]]:
    """(label, candidate, votes for out of 7 members, 6 present): the block's proposals for the year."""
    u, p = demo.units, demo.people
    return [
        ("flag_sct", {"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": u["SCT"], "facts": {"leads_block": True},
                      "achievement": "Dẫn đầu Khối thi đua các sở quản lý kinh tế năm 2026"}, 6),
        ("flag_sxd", {"award_code": "CO_THI_DUA_UBND_TINH", "unit_id": u["SXD"], "facts": {"leads_block": False}}, 2),
        ("ttldxs_stc", {"award_code": "TAP_THE_LAO_DONG_XUAT_SAC", "unit_id": u["STC"], "facts": GOOD_COLLECTIVE}, 5),
        ("bk_snnmt", {"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": u["SNNMT"], "facts": TWO_EXCELLENT_YEARS}, 6),
        ("bk_sxd", {"award_code": "BANG_KHEN_CT_TAP_THE", "unit_id": u["SXD"], "facts": TWO_EXCELLENT_YEARS}, 5),
        ("bk_nhung", {"award_code": "BANG_KHEN_CT_CA_NHAN", "person_id": p["Nguyễn Thị Hồng Nhung"]}, 6),
        ("cstd_duc", {"award_code": "CHIEN_SI_THI_DUA_TINH", "person_id": p["Lê Văn Đức"],
                      "facts": {"province_wide_initiative": True},
                      "achievement": "Sáng kiến số hóa thủ tục cấp phép có phạm vi ảnh hưởng trong tỉnh"}, 5),
        ("bk_dung", {"award_code": "BANG_KHEN_CT_CA_NHAN", "person_id": p["Hoàng Văn Dũng"]}, 4),
        # Only two consecutive CSTĐCS (2025, 2026): screening must return it for the missing third year.
        ("cstd_mai", {"award_code": "CHIEN_SI_THI_DUA_TINH", "person_id": p["Trương Thị Mai"],
                      "facts": {"province_wide_initiative": True}}, 5),
        # Eligible, then put on hold by the secretary (a complaint under review) before the council meets.
        ("bk_ha", {"award_code": "BANG_KHEN_CT_CA_NHAN", "person_id": p["Phan Thị Thu Hà"]}, 5),
    ]


async def import_past_titles(http: httpx.AsyncClient) -> None:
    """The award history a province brings from past years' decisions, imported as a clerk would (idempotent)."""
    people = {p["id"]: p for p in (await http.get("/people", headers=await as_user(http, SECRETARY))).json()}
    units = {u["id"]: u["code"] for u in (await http.get("/units", headers=await as_user(http, SECRETARY))).json()}
    by_name = {p["full_name"]: units[p["unit_id"]] for p in people.values()}
    rows = ["year,award_code,unit_code,person_name,decision_number"]
    rows += [f"{y},{CSTDCS},{by_name[name]},{name},{10 + y % 100:02d}/QĐ-{by_name[name]}"
             for name, years in PAST_CSTDCS.items() for y in years]
    response = await http.post("/award-history/import", headers=await as_user(http, SECRETARY),
                               files={"file": ("danh-hieu-cstdcs.csv", "\n".join(rows).encode(), "text/csv")})
    assert response.status_code == 201, response.text


# The demo roster's council of 10: 8 present, 1 written opinion, 1 absent, so 9 vote; (for, against) on each
# eligible nomination routed to the full council (the flag and CSTĐ tỉnh).
COUNCIL_VOTES = {"flag_sct": (9, 0), "cstd_duc": (8, 1)}
# The standing body (its 3 standing seats) appraises TTLĐXS and the Bằng khen (catalogue: appraised_by), no vote.
STANDING_RESULTS = {"ttldxs_stc": True, "bk_snnmt": True, "bk_sxd": True, "bk_nhung": True}
# Which session's recommendations each award's decision is drawn from.
ROUTED_TO_STANDING_BODY = {"TAP_THE_LAO_DONG_XUAT_SAC", "BANG_KHEN_CT_TAP_THE", "BANG_KHEN_CT_CA_NHAN"}


def meeting_body(demo: DemoProvince) -> dict[str, Any]:
    """The block's POST /meetings: six of seven member units present (Thống kê tỉnh absent), ten candidates."""
    present = [demo.units[c] for c in ("SCT", "STC", "SNNMT", "SXD", "SKHCN", "BQLKCN")]  # CTK absent
    return {
        "block_id": demo.blocks[BLOCK], "year": YEAR, "held_on": "2026-12-15", "opened_at": "08:00:00",
        "location": "Hội trường Sở Công Thương", "chair_name": "Nguyễn Hữu Phước",
        "chair_title": "Giám đốc Sở Công Thương, Trưởng Khối", "secretary_name": "Lê Văn Đức",
        "secretary_title": "Phó Chánh Văn phòng Sở Công Thương", "method": "secret_ballot",
        "present_unit_ids": present, "candidates": [c for _, c, _ in candidates(demo)],
    }


async def open_meeting(http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    await import_past_titles(http)
    body = meeting_body(demo)
    meeting = ok(await http.post("/meetings", json=body, headers=await as_user(http, BLOCK_HEAD)))
    year.meeting_id = meeting["meeting"]["id"]
    year.candidates = {label: n["id"] for (label, _, _), n in zip(candidates(demo), meeting["nominations"],
                                                                    strict=True)}


def results_body(demo: DemoProvince, year: Year) -> dict[str, Any]:
    tallies = [{"nomination_id": year.candidates[label], "votes_for": votes, "votes_against": 6 - votes}
               for label, _, votes in candidates(demo)]
    return {"tallies": tallies, "next_head_unit_id": demo.units["STC"], "next_deputy_unit_id": demo.units["SNNMT"],
            "closed_at": "11:00:00"}


async def hold_meeting(http: httpx.AsyncClient, demo: DemoProvince, year: Year) -> None:
    await open_meeting(http, demo, year)
    headers = await as_user(http, BLOCK_HEAD)
    year.responses["results"] = ok(await http.post(f"/meetings/{year.meeting_id}/results", headers=headers,
                                                   json=results_body(demo, year)))


async def submit_and_screen(http: httpx.AsyncClient, year: Year) -> None:
    proposal = ok(await http.post("/proposals", headers=await as_user(http, BLOCK_HEAD), json={
        "meeting_id": year.meeting_id, "issued_on": "2026-12-16", "signer_name": "Nguyễn Hữu Phước",
        "signer_title": "Giám đốc"}))
    year.responses["proposal"] = proposal
    year.proposal_id = proposal["stage"]["subject_id"]
    results = [{"nomination_id": n["id"], "eligible": True} for n in proposal["nominations"]]
    for result in results:
        if result["nomination_id"] == year.candidates["bk_dung"]:
            result.update(eligible=False, reason="Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị")
    year.responses["screening"] = ok(await http.post(f"/proposals/{year.proposal_id}/screening",
                                                     headers=await as_user(http, SECRETARY), json={"results": results}))


async def hold_for_review(http: httpx.AsyncClient, year: Year) -> None:
    """A complaint about one eligible nominee arrives: the secretary puts the dossier on hold."""
    nid = year.candidates["bk_ha"]
    version = (await http.get(f"/nominations/{nid}", headers=await as_user(http, SECRETARY))).json()[
        "nomination"]["version"]
    year.responses["hold"] = ok(await http.post(f"/nominations/{nid}/moves", headers=await as_user(http, SECRETARY),
                                                json={"to_state": "on_hold", "version": version,
                                                      "reason": "Có đơn khiếu nại đang được xác minh"}))


COUNCIL_HELD_ON = "2027-01-03"


async def council_review(http: httpx.AsyncClient, year: Year, **appraisal: str) -> None:
    """The session, its members taken from the council's roster on its day: the first 8 seats attend, the 9th sends
    a written opinion, the 10th is absent; then its votes. `appraisal` names who signs the office's Tờ trình, and
    when, if not the default."""
    secretary = await as_user(http, SECRETARY)
    seats = [s["id"] for s in ok(await http.get("/council/roster", params={"on": COUNCIL_HELD_ON}, headers=secretary),
                                 200)]
    council = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 1, UBND tỉnh",
        "present_seat_ids": seats[:8], "written_opinion_seat_ids": seats[8:9]}))
    year.council_id = council["session"]["id"]
    votes = [{"nomination_id": year.candidates[label], "votes_for": v, "votes_against": against}
             for label, (v, against) in COUNCIL_VOTES.items()]
    year.responses["council"] = ok(await http.post(f"/council-sessions/{year.council_id}/votes", headers=secretary,
                                                   json={"votes": votes, **appraisal}))
    await standing_appraisal(http, year, **appraisal)


async def standing_appraisal(http: httpx.AsyncClient, year: Year, **appraisal: str) -> None:
    """The standing body meets the same day: its standing seats on the roster attend and appraise, without a vote,
    the nominations whose awards the catalogue routes to it."""
    secretary = await as_user(http, SECRETARY)
    seats = ok(await http.get("/council/roster", params={"on": COUNCIL_HELD_ON}, headers=secretary), 200)
    standing = ok(await http.post("/council-sessions", headers=secretary, json={
        "year": YEAR, "body": "standing_body", "held_on": COUNCIL_HELD_ON, "location": "Phòng họp số 2, UBND tỉnh",
        "present_seat_ids": [s["id"] for s in seats if s["standing_body"]]}))
    year.standing_id = standing["session"]["id"]
    results = [{"nomination_id": year.candidates[label], "agreed": agreed}
               for label, agreed in STANDING_RESULTS.items()]
    year.responses["standing"] = ok(await http.post(f"/council-sessions/{year.standing_id}/appraisals",
                                                    headers=secretary, json={"results": results, **appraisal}))


def session_for(year: Year, award_code: str) -> int:
    """The session whose recommendations a decision for this award is drawn from: the route the award took."""
    return year.standing_id if award_code in ROUTED_TO_STANDING_BODY else year.council_id


async def decide(http: httpx.AsyncClient, year: Year) -> None:
    signer = {"signer_prefix": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Trần Thị Minh Hằng"}
    plans = [
        ("flag", "CO_THI_DUA_UBND_TINH", []),
        ("bk_collective", "BANG_KHEN_CT_TAP_THE",
         [{"nomination_id": year.candidates["bk_sxd"], "reason": "Đơn vị đang có đơn khiếu nại chưa giải quyết xong"}]),
        ("bk_individual", "BANG_KHEN_CT_CA_NHAN", []),
    ]
    for label, award_code, declined in plans:
        draft = ok(await http.post("/decisions", headers=await as_user(http, SECRETARY), json={
            "council_session_id": session_for(year, award_code), "award_code": award_code}))
        year.decisions[label] = draft["id"]
        year.responses[f"sign_{label}"] = ok(await http.post(
            f"/decisions/{draft['id']}/sign", headers=await as_user(http, CHAIRMAN_OFFICE),
            json={"signed_on": "2027-01-05", **signer, "declined": declined}))


async def run_year(http: httpx.AsyncClient, demo: DemoProvince) -> Year:
    year = Year()
    await hold_meeting(http, demo, year)
    await submit_and_screen(http, year)
    await hold_for_review(http, year)
    await council_review(http, year)
    await decide(http, year)
    return year
