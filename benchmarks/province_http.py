"""The province's year through HTTP against a real `tdkt serve` process, as the README's walk-through does it.

Per block (`clients` block heads at once, each phase finished by every block before the next starts): open the
meeting with its candidates, record the ballots, submit the proposal. Then the province, one client: the secretary
screens every proposal, holds the council session and records its votes, prepares one decision per award, and the
Chairman's office signs each. A stage answered 202 (not finished yet) is waited for by polling `GET /stages`.
"""

import asyncio
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.province_bodies import (
    YearIds,
    awards_in_mix,
    council_session_body,
    council_votes_body,
    decision_body,
    meeting_body,
    proposal_body,
    results_body,
    screening_body,
    sign_body,
    standing_results_body,
    standing_session_body,
)
from benchmarks.province_plan import CHAIRMAN_OFFICE, PASSWORD, SECRETARY, head_login
from benchmarks.province_report import Recorder
from benchmarks.province_setup import Province
from tests.service import free_port, serve, standalone_env

SECRET_KEY = "benchmark-signing-key-0123456789abcdef"


def start_serve(folder: Path, database_url: str) -> tuple[subprocess.Popen[bytes], str]:
    """`tdkt serve` on `database_url`, with a Prefect home and server of its own (the embedded default)."""
    env = standalone_env(folder, ui_port=free_port()) | {
        "DATABASE_URL": database_url, "TDKT_SECRET_KEY": SECRET_KEY, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "TDKT_ACCESS_TOKEN_MINUTES": "240"}
    return serve([], env, folder / "serve.log", seconds=300)


class Client:
    """Timed requests with the tokens of the year's people."""

    def __init__(self, http: httpx.AsyncClient, recorder: Recorder) -> None:
        self.http, self.recorder = http, recorder
        self.tokens: dict[str, dict[str, str]] = {}

    async def login(self, username: str) -> None:
        with self.recorder.step("logins"):
            response = await self.http.post("/login/access-token", data={"username": username, "password": PASSWORD})
        self.tokens[username] = {"Authorization": f"Bearer {_ok(response, 200)['access_token']}"}

    async def post(self, phase: str, user: str, path: str, body: dict[str, Any]) -> Any:
        with self.recorder.step(phase, f"POST {path} ({user})"):
            response = await self.http.post(path, json=body, headers=self.tokens[user])
        answer = _ok(response, 201, 202)
        if response.status_code == 202:
            await self.wait_for_stage(phase, answer["stage"]["id"])
        return answer

    async def wait_for_stage(self, phase: str, stage_id: int) -> None:
        """Poll until the stage's flow has finished; a stage that failed stops the run."""
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            self.recorder.phase(phase).polls += 1
            pending = _ok(await self.http.get("/stages", params={"status": "recorded", "limit": 500},
                                              headers=self.tokens[SECRETARY]), 200)
            if all(s["id"] != stage_id for s in pending):
                failed = _ok(await self.http.get("/stages", params={"status": "failed", "limit": 500},
                                                 headers=self.tokens[SECRETARY]), 200)
                if any(s["id"] == stage_id for s in failed):
                    raise RuntimeError(f"stage {stage_id} failed: {failed}")
                return
            await asyncio.sleep(0.1)
        raise RuntimeError(f"stage {stage_id} did not finish in 600 s")


def _ok(response: httpx.Response, *expected: int) -> Any:
    if response.status_code not in expected:
        raise RuntimeError(f"{response.request.method} {response.request.url.path}: {response.status_code} "
                           f"{response.text[:2000]}")
    return response.json()


async def _each_block(province: Province, clients: int, work: Any) -> None:
    """Run `work(b)` for every block, `clients` at a time."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for b in range(province.plan.blocks):
        queue.put_nowait(b)

    async def worker() -> None:
        while not queue.empty():
            await work(queue.get_nowait())

    await asyncio.gather(*(worker() for _ in range(clients)))


async def run_year_http(base_url: str, province: Province, clients: int, recorder: Recorder) -> YearIds:
    ids = YearIds()
    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(base_url=base_url, timeout=900, limits=limits) as http:
        client = Client(http, recorder)
        began = recorder.began = time.perf_counter()
        with recorder.timed_phase("logins"):
            for user in [SECRETARY, CHAIRMAN_OFFICE, *(head_login(b) for b in range(province.plan.blocks))]:
                await client.login(user)

        async def open_meeting(b: int) -> None:
            answer = await client.post("meetings", head_login(b), "/meetings", meeting_body(province, b))
            ids.meetings[b] = answer["meeting"]["id"]
            ids.nominations[b] = [n["id"] for n in answer["nominations"]]

        async def record_ballots(b: int) -> None:
            await client.post("ballots", head_login(b), f"/meetings/{ids.meetings[b]}/results",
                              results_body(province, b, ids.nominations[b]))

        async def propose(b: int) -> None:
            answer = await client.post("proposals", head_login(b), "/proposals", proposal_body(b, ids.meetings[b]))
            ids.proposals[b] = answer["stage"]["subject_id"]

        for name, work in (("meetings", open_meeting), ("ballots", record_ballots), ("proposals", propose)):
            with recorder.timed_phase(name):
                await _each_block(province, clients, work)
        with recorder.timed_phase("screening"):
            for b in range(province.plan.blocks):
                await client.post("screening", SECRETARY, f"/proposals/{ids.proposals[b]}/screening",
                                  screening_body(ids.nominations[b]))
        with recorder.timed_phase("council"):
            session = await client.post("council", SECRETARY, "/council-sessions", council_session_body(province))
            ids.council_session = session["session"]["id"]
            await client.post("council", SECRETARY, f"/council-sessions/{ids.council_session}/votes",
                              council_votes_body(province, ids))
            standing = await client.post("council", SECRETARY, "/council-sessions", standing_session_body(province))
            ids.standing_session = standing["session"]["id"]
            await client.post("council", SECRETARY, f"/council-sessions/{ids.standing_session}/appraisals",
                              standing_results_body(province, ids))
        with recorder.timed_phase("decisions"):
            for code in awards_in_mix(province):
                body = decision_body(ids, code)
                draft = await client.post("decisions", SECRETARY, "/decisions", body)
                ids.decisions[code] = draft["id"]
        with recorder.timed_phase("signing"):
            for code in awards_in_mix(province):
                report = await client.post("signing", CHAIRMAN_OFFICE, f"/decisions/{ids.decisions[code]}/sign",
                                           sign_body(province))
                if report["stage"]["status"] != "completed":  # it was waited for: read what it did
                    report = _ok(await http.get(f"/decisions/{ids.decisions[code]}",
                                                headers=client.tokens[SECRETARY]), 200)
                    ids.awarded += sum(1 for i in report["decision"]["items"] if not i["declined"])
                else:
                    ids.awarded += sum(1 for n in report["nominations"] if n["state"] == "awarded")
        recorder.total = time.perf_counter() - began
    return ids
