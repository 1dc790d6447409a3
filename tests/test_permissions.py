"""Every endpoint × every kind of caller gets exactly the expected status; a delegate is logged with both names."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import jwt

from models.settings import get_settings
from models.storage.demo import demo_data
from tests.demo import DemoProvince
from tests.year import AUDITOR, BLOCK_HEAD, CHAIRMAN_OFFICE, SECRETARY, Year, as_user, hold_meeting

ADMIN, OTHER_HEAD, NO_ROLE = "admin", "truongkhoi.vhxh", "chua.phan.quyen"  # the last: an account not yet granted
MEMBER = "donvi.taichinh"  # the demo's member unit: Sở Tài chính, of the head's block
CALLERS = ["anonymous", "expired", "revoked", ADMIN, BLOCK_HEAD, OTHER_HEAD, SECRETARY, CHAIRMAN_OFFICE, AUDITOR,
           NO_ROLE, MEMBER]
UNAUTHENTICATED = {"anonymous": 401, "expired": 401, "revoked": 401}


def expect(default: int, **by_caller: int) -> dict[str, int]:
    """Expected status per caller: unauthenticated ones always 401, the named ones as given, an account with no
    role 403 unless named, others default. A member unit reads and sends its own block's scoring only: elsewhere
    it is answered as an account with no role, unless named."""
    named = {NO_ROLE: 403} | {c.replace("__", "."): s for c, s in by_caller.items()}
    named.setdefault(MEMBER, named[NO_ROLE])
    return {c: UNAUTHENTICATED.get(c, named.get(c, default)) for c in CALLERS}


async def caller_headers(http: httpx.AsyncClient, admin_headers: dict[str, str]) -> dict[str, dict[str, str]]:
    expired = jwt.encode({"sub": "1", "exp": datetime.now(UTC) - timedelta(minutes=1)}, get_settings().secret_key,
                         algorithm="HS256")
    token = (await http.post("/me/api-tokens", headers=admin_headers, json={"name": "to revoke"})).json()
    revoked = await http.delete(f"/me/api-tokens/{token['id']}", headers=admin_headers)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    headers = {"anonymous": {"Authorization": ""}, "expired": {"Authorization": f"Bearer {expired}"},
               "revoked": {"Authorization": f"Bearer {token['token']}"}}
    created = await http.post("/users", headers=admin_headers, json={
        "username": NO_ROLE, "full_name": "Nguyễn Văn Mới", "password": demo_data()["accounts"]["password"]})
    assert created.status_code == 201, created.text
    for username in CALLERS[3:]:
        headers[username] = await as_user(http, username)
    return headers


def matrix(demo: DemoProvince, year: Year) -> list[tuple[str, str, Any, dict[str, int]]]:
    meeting, nid = year.meeting_id, year.candidates["flag_sct"]
    minutes = year.responses["results"]["documents"][0]["id"]
    bad_meeting = {"block_id": demo.blocks["KHOI-KINH-TE"], "year": 2026, "held_on": "2026-12-20",
                   "opened_at": "08:00:00", "location": "x", "chair_name": "x", "chair_title": "x",
                   "secretary_name": "x", "secretary_title": "x", "present_unit_ids": [demo.units["SCT"]],
                   "candidates": [{"award_code": "NO_SUCH_AWARD", "unit_id": demo.units["SCT"]}]}
    council = {"year": 2026, "held_on": "2027-01-03", "location": "x", "members": [
        {"full_name": "x", "position": "x", "present": True, "written_opinion": True}]}
    signing = {"signed_on": "2027-01-05", "signer_name": "Trần Thị Minh Hằng"}
    read_block = expect(200, **{"truongkhoi__vhxh": 404})
    read_province = expect(404, **{"truongkhoi__kinhte": 403, "truongkhoi__vhxh": 403})
    return [
        ("GET", "/awards", None, expect(200, chua__phan__quyen=200)),
        ("GET", "/blocks?year=2026", None, expect(200, chua__phan__quyen=200)),
        ("GET", "/units", None, expect(200)),
        ("GET", "/people", None, expect(200)),
        ("GET", "/me", None, expect(200, chua__phan__quyen=200)),
        ("POST", "/meetings", bad_meeting, expect(403, truongkhoi__kinhte=409, truongkhoi__vhxh=404)),
        ("GET", f"/meetings/{meeting}", None, read_block),
        ("POST", f"/meetings/{meeting}/results", {"tallies": [{"nomination_id": nid, "votes_for": 1,
                                                                "votes_against": 0}], "next_head_unit_id": 1},
         expect(403, truongkhoi__kinhte=409, truongkhoi__vhxh=404)),
        ("POST", "/proposals", {"meeting_id": meeting, "nomination_ids": [year.candidates["flag_sxd"]],
                                "issued_on": "2026-12-16", "signer_name": "x", "signer_title": "x"},
         expect(403, truongkhoi__kinhte=409, truongkhoi__vhxh=404)),
        ("GET", "/proposals/999", None, expect(404, chua__phan__quyen=404)),  # no such proposal, for anyone
        ("POST", "/proposals/999/screening", {"results": [{"nomination_id": nid, "eligible": True}]},
         expect(403, thuky__hoidong=404)),
        ("POST", "/council-sessions", council, expect(403, thuky__hoidong=422)),
        ("GET", "/council-sessions/999", None, read_province),
        ("POST", "/council-sessions/999/votes", {"votes": [{"nomination_id": nid, "votes_for": 1,
                                                            "votes_against": 0}]}, expect(403, thuky__hoidong=404)),
        ("POST", "/decisions", {"council_session_id": 999, "award_code": "CO_THI_DUA_UBND_TINH"},
         expect(403, thuky__hoidong=404)),
        ("GET", "/decisions/999", None, read_province),
        ("POST", "/decisions/999/sign", signing, expect(403, vanphong__chutich=404)),
        ("POST", "/forwardings", {"council_session_id": 999}, expect(403, thuky__hoidong=404)),
        ("GET", "/forwardings/999", None, read_province),
        ("POST", "/forwardings/999/sign", {"issued_on": "2027-01-08", "signer_name": "x"},
         expect(403, vanphong__chutich=404)),
        ("POST", "/forwardings/999/central-decision", {"number": "1/QĐ-TTg", "decided_on": "2027-05-20", "results": [
            {"nomination_id": nid, "awarded": True}]}, expect(403, thuky__hoidong=404)),
        ("GET", "/nominations", None, expect(200)),
        ("GET", f"/nominations/{nid}", None, read_block),
        ("POST", f"/nominations/{nid}/moves", {"to_state": "on_hold", "reason": "x", "version": 99},
         expect(403, thuky__hoidong=409)),
        ("GET", f"/documents/{minutes}", None, read_block),
        ("POST", f"/documents/{minutes}/corrections", {"reason": "Sửa lỗi chính tả"},
         expect(403, thuky__hoidong=422)),
        ("GET", f"/documents/{minutes}/pdf", None, read_block),
        ("GET", "/stages", None, expect(200, truongkhoi__kinhte=403, truongkhoi__vhxh=403)),
        ("POST", "/stages/999/retry", None, expect(403, admin=404)),
        ("GET", "/numbers?year=2026", None, expect(200, truongkhoi__kinhte=403, truongkhoi__vhxh=403)),
        ("POST", "/numbers/void", {"number": "99/QĐ-UBND", "year": 2026, "reason": "Cấp nhầm"},
         expect(403, thuky__hoidong=404)),
        ("POST", "/users", {"username": "admin", "full_name": "x", "password": "long-enough-1"},
         expect(403, admin=409)),
        ("GET", "/users", None, expect(403, admin=200)),
        ("POST", "/users/1/grants", {"role": "block_head"}, expect(403, admin=422)),
        ("DELETE", "/users/1/grants/999", None, expect(403, admin=404)),
        ("PATCH", "/users/1", {"full_name": "Quản trị hệ thống"}, expect(403, admin=200)),
        ("POST", "/delegations", {"delegate_username": "nobody", "principal_username": "admin",
                                  "starts_on": "2026-01-01", "ends_on": "2026-12-31", "reason": "x"},
         expect(403, admin=422)),
        ("GET", "/audit/transitions", None, expect(403, admin=200, kiemtoan=200)),
        ("GET", "/award-history", None, expect(200)),
        ("GET", f"/blocks/{demo.blocks['KHOI-KINH-TE']}/quotas?year=2026", None, read_block),
        ("GET", "/organisation/imports", None, expect(200, truongkhoi__kinhte=403, truongkhoi__vhxh=403)),
        ("GET", "/organisation/imports/999", None, read_province),
        ("GET", "/organisation/export?year=2026", None, expect(200, truongkhoi__kinhte=403, truongkhoi__vhxh=403)),
        *registry_matrix(demo),
        *scoring_matrix(demo),
    ]


def registry_matrix(demo: DemoProvince) -> list[tuple[str, str, Any, dict[str, int]]]:
    """The registry's per-item API: the province's roles read it, a block head their own block's objects (another
    block's answer 404), the administrator and the council secretary change it (403 for the others)."""
    unit, person = f"/registry/units/{demo.units['SCT']}", f"/registry/people/{demo.people['Lê Văn Đức']}"
    block = f"/registry/blocks/{demo.blocks['KHOI-KINH-TE']}"
    read_own = expect(200, **{"truongkhoi__vhxh": 404})
    manage_own = expect(403, admin=422, thuky__hoidong=422, truongkhoi__vhxh=404)
    ended = expect(403, admin=200, thuky__hoidong=200, truongkhoi__vhxh=404)  # the second ends it on the same day
    missing = expect(404, chua__phan__quyen=404)
    taken = {"code": "SCT", "name": "x"}  # a code already used: 422 for those who may create, nothing created
    return [
        ("GET", "/registry/units", None, expect(200)),
        ("POST", "/registry/units", taken, expect(403, admin=422, thuky__hoidong=422)),
        ("GET", unit, None, read_own),
        ("PATCH", unit, {"code": "STC"}, manage_own),  # taken: 422 for those who may change it
        ("POST", f"{unit}/end", {"active_until": "2030-12-31"}, ended),
        ("DELETE", unit, None, expect(403, admin=409, thuky__hoidong=409, truongkhoi__vhxh=404)),
        ("GET", f"{unit}/history", None, read_own),
        ("GET", "/registry/people", None, expect(200)),
        ("POST", "/registry/people", {"full_name": "x", "unit_id": 99999}, expect(403, admin=422, thuky__hoidong=422)),
        ("GET", person, None, read_own),
        ("PATCH", person, {"unit_id": 99999}, manage_own),
        ("POST", f"{person}/end", {"active_until": "2030-12-31"}, ended),
        ("DELETE", person, None, expect(403, admin=409, thuky__hoidong=409, truongkhoi__vhxh=404)),
        ("GET", f"{person}/history", None, read_own),
        ("GET", "/registry/households", None, expect(200)),
        ("POST", "/registry/households", {"head_name": "x", "address": "x", "commune_id": demo.units["SCT"]},
         expect(403, admin=422, thuky__hoidong=422)),
        ("GET", "/registry/households/999", None, missing),
        ("PATCH", "/registry/households/999", {"address": "x"}, missing),
        ("POST", "/registry/households/999/end", {"active_until": "2026-01-01"}, missing),
        ("DELETE", "/registry/households/999", None, missing),
        ("GET", "/registry/households/999/history", None, missing),
        ("GET", "/registry/blocks", None, expect(200)),
        ("POST", "/registry/blocks", taken | {"code": "KHOI-KINH-TE"}, expect(403, admin=422, thuky__hoidong=422)),
        ("GET", block, None, read_own),
        ("PATCH", block, {"code": "KHOI-VAN-HOA-XA-HOI"}, manage_own),
        ("DELETE", block, None, expect(403, admin=409, thuky__hoidong=409, truongkhoi__vhxh=404)),
        ("GET", f"{block}/history", None, read_own),
        ("GET", "/registry/memberships", None, expect(200)),
        ("POST", f"{block}/members", {"unit_id": demo.units["SCT"], "year": 2026, "role": "member"},
         expect(403, admin=409, thuky__hoidong=409, truongkhoi__vhxh=404)),
        ("PATCH", "/registry/memberships/999", {"role": "member"}, missing),
        ("DELETE", "/registry/memberships/999", None, missing),
        ("GET", "/registry/memberships/999/history", None, missing),
        ("GET", "/registry/changes", None, expect(200, truongkhoi__kinhte=403, truongkhoi__vhxh=403)),
        ("POST", "/login/change-password", {"username": "nobody", "password": "x", "new_password": "long-enough-1"},
         # The eleventh failed login for one name within the window is throttled (TDKT_LOGIN_FAILURES_PER_ACCOUNT).
         {c: 401 for c in CALLERS} | {CALLERS[10]: 429}),
    ]


def scoring_matrix(demo: DemoProvince) -> list[tuple[str, str, Any, dict[str, int]]]:
    """Movements, criteria sets and block scoring: the province launches and reads, a block head scores their own."""
    block, sct = demo.blocks["KHOI-KINH-TE"], demo.units["SCT"]
    backwards = {"name": "x", "from_year": 2026, "until_year": 2025, "launch_number": "1/KH-UBND",
                 "launched_on": "2026-02-20", "launched_by": "x"}
    overlapping = {"code": "X", "name": "x", "year": 2026, "block_id": block,
                   "groups": [{"code": "A", "name": "x", "max_points": 100}],
                   "bands": [{"rating": "htxsnv", "from_points": 0}, {"rating": "htnv", "from_points": 0}]}
    pledge = {"block_id": block, "year": 2026, "signed_on": "2026-03-15",
              "signatories": [{"unit_id": sct, "full_name": "x", "title": "x"}]}
    score = {"scores": [{"criterion_code": "A", "points": 1}]}
    adjustment = {"unit_id": sct, "criterion_code": "A", "points": 1, "reason": "x"}
    block_write = expect(403, truongkhoi__kinhte=404, truongkhoi__vhxh=404)
    missing = expect(404, chua__phan__quyen=404)  # no such scoring, for anyone
    member_reads = expect(200, donvi__taichinh=200)
    return [
        ("POST", "/movements", backwards, expect(403, admin=422, thuky__hoidong=422)),
        ("GET", "/movements", None, member_reads),
        ("GET", "/movements/999", None, expect(404, donvi__taichinh=404)),
        # Another unit's registration: the member unit speaks for its own (404 as for another block's).
        ("POST", "/movements/999/registrations", {"unit_id": sct, "year": 2026, "registered_on": "2026-03-10"},
         expect(403, truongkhoi__kinhte=404, truongkhoi__vhxh=404, donvi__taichinh=404)),
        ("POST", "/movements/999/registrations", {"unit_id": demo.units["STC"], "year": 2026,
                                                  "registered_on": "2026-03-10"},
         expect(403, truongkhoi__kinhte=404, truongkhoi__vhxh=404, donvi__taichinh=404)),
        ("POST", "/movements/999/pledges", pledge, block_write),
        ("POST", "/criteria-sets", overlapping,
         expect(403, admin=422, thuky__hoidong=422, truongkhoi__kinhte=422, truongkhoi__vhxh=404)),
        ("GET", "/criteria-sets", None, member_reads),
        ("GET", "/criteria-sets/999", None, missing),
        ("POST", "/scorings", {"block_id": block, "year": 2026, "criteria_set_id": 999}, block_write),
        ("GET", "/scorings", None, member_reads),
        ("GET", "/scorings/statistics?from_year=2020", None, expect(200)),
        ("GET", "/statistics/awards?from_year=2020", None, expect(200)),
        ("GET", "/statistics/years.xlsx", None, expect(200)),
        ("GET", "/scorings/999", None, missing),
        ("GET", "/scorings/999/table.docx", None, missing),
        ("PUT", f"/scorings/999/units/{sct}/self-scores", score, missing),
        ("POST", "/scorings/999/adjustments", adjustment, missing),
        ("POST", "/scorings/999/close", {}, missing),
        ("POST", "/scorings/999/reopen", {"reason": "x"}, missing),
    ]


async def test_every_endpoint_answers_every_caller_as_the_roles_say(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(anonymous, demo, year)
    headers = await caller_headers(anonymous, await as_user(anonymous, ADMIN))
    wrong = []
    for method, path, body, expected in matrix(demo, year):
        for caller in CALLERS:
            response = await anonymous.request(method, path, json=body, headers=headers[caller])
            if response.status_code != expected[caller]:
                wrong.append(f"{method} {path} as {caller}: {response.status_code}, expected {expected[caller]}")
            if response.status_code >= 400:
                assert response.headers["content-type"] == "application/problem+json", (path, response.text)
    assert wrong == [], "\n".join(wrong)
    health = await anonymous.get("/health", headers=headers["anonymous"])
    assert health.status_code == 200


async def test_a_delegate_acts_for_the_role_holder_and_the_log_names_both(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(anonymous, demo, year)
    nid = year.candidates["flag_sct"]
    auditor = await as_user(anonymous, AUDITOR)
    acting = {**auditor, "X-On-Behalf-Of": SECRETARY}
    body = {"to_state": "on_hold", "reason": "Đang xác minh đơn thư", "version": 2}
    refused = await anonymous.post(f"/nominations/{nid}/moves", headers=acting, json=body)
    assert refused.status_code == 403 and refused.json()["errors"][0]["rule"] == "delegation.active"
    today = date.today()
    delegation = await anonymous.post("/delegations", headers=await as_user(anonymous, ADMIN), json={
        "delegate_username": AUDITOR, "principal_username": SECRETARY, "starts_on": str(today),
        "ends_on": str(today + timedelta(days=7)), "reason": "Thư ký Hội đồng đi công tác"})
    assert delegation.status_code == 201
    moved = await anonymous.post(f"/nominations/{nid}/moves", headers=acting, json=body)
    assert moved.status_code == 201, moved.text
    last = moved.json()["history"][-1]
    assert (last["actor"], last["on_behalf_of"], last["client_address"]) == (AUDITOR, SECRETARY, "127.0.0.1")
    exported = await anonymous.get("/audit/transitions", params={"format": "csv"}, headers=auditor)
    assert exported.headers["content-type"].startswith("text/csv")
    assert f"{AUDITOR},{SECRETARY},127.0.0.1" in exported.text


async def test_a_block_head_lists_only_the_nominations_of_the_block_they_head(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = Year()
    await hold_meeting(anonymous, demo, year)
    own = await anonymous.get("/nominations", headers=await as_user(anonymous, BLOCK_HEAD))
    other = await anonymous.get("/nominations", headers=await as_user(anonymous, OTHER_HEAD))
    assert sorted(n["id"] for n in own.json()) == sorted(year.candidates.values())
    assert own.headers["X-Total-Count"] == str(len(year.candidates))
    assert other.json() == [] and other.headers["X-Total-Count"] == "0"


async def test_a_block_head_reads_the_units_and_staff_of_their_own_block_only(
    anonymous: httpx.AsyncClient, demo: DemoProvince
) -> None:
    blocks = (await anonymous.get("/blocks", params={"year": 2026},
                                  headers=await as_user(anonymous, SECRETARY))).json()
    members = {b["code"]: {m["unit_id"] for m in b["members"]} for b in blocks}
    for head, block in ((BLOCK_HEAD, "KHOI-KINH-TE"), (OTHER_HEAD, "KHOI-VAN-HOA-XA-HOI")):
        headers = await as_user(anonymous, head)
        units = (await anonymous.get("/units", headers=headers)).json()
        people = (await anonymous.get("/people", headers=headers)).json()
        assert {u["id"] for u in units} == members[block]
        assert people and {p["unit_id"] for p in people} <= members[block]
    everyone = (await anonymous.get("/people", headers=await as_user(anonymous, SECRETARY))).json()
    assert len(everyone) == len(demo.people)
