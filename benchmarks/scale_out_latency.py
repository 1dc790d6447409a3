"""Scale-out: how long a stage takes from the person's request to its completion, for each way the API can hand a
stage to a worker, on the installation of the README's scale-out section (PostgreSQL for the app and for Prefect's
server, `prefect deploy --all`, a process worker asking every second, a `tdkt stage-worker`).

    TDKT_TEST_POSTGRES_URL=postgresql+psycopg://tdkt:tdkt@127.0.0.1:5432/tdkt_test \
        .venv/bin/python -m benchmarks.scale_out_latency [--years 3]

Each year is the demo province's six stages (tests/fault.py's STEPS), sent to the service of one runner; between
years the database is emptied and the demo loaded again. Prints every stage's request time and time to completion,
and the median per runner.
"""

import argparse
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import anyio
import httpx
from sqlalchemy import make_url
from sqlmodel import select

from migrations import upgrade
from models.domain.enums import StageKind, StageStatus
from models.storage.db import make_async_engine, open_session, use_engine
from models.tables.stage import Stage
from tests.conftest import POSTGRES_URL, _truncate_all
from tests.databases import create_database
from tests.demo import DemoProvince, load_demo
from tests.fault import STEPS
from tests.scale_out import scale_out
from tests.year import AUDITOR, Year, as_user, open_meeting

Timing = tuple[StageKind, float, float]  # kind, the request's own time, request to completion


async def completed(kind: StageKind) -> None:
    while True:
        async with open_session() as session:
            statuses = {s.status for s in (await session.exec(select(Stage).where(Stage.kind == kind))).all()}
        if statuses == {StageStatus.COMPLETED}:
            return
        if StageStatus.FAILED in statuses:
            raise RuntimeError(f"{kind.value} failed")
        await anyio.sleep(0.02)


async def one_year(service: str, url: str) -> list[Timing]:
    _truncate_all(url)
    demo: DemoProvince = await load_demo()
    timings: list[Timing] = []
    async with httpx.AsyncClient(base_url=service, timeout=120) as http:
        http.headers.update(await as_user(http, AUDITOR))
        year = Year(stage_answer=202)
        await open_meeting(http, demo, year)
        for kind, step in STEPS:
            began = time.perf_counter()
            await step(http, http, demo, year)
            answered = time.perf_counter()
            await completed(kind)
            timings.append((kind, answered - began, time.perf_counter() - began))
    return timings


def app_database() -> str:
    url = create_database(POSTGRES_URL, f"{make_url(POSTGRES_URL).database}_latency")
    upgrade(url.render_as_string(hide_password=False))
    return url.render_as_string(hide_password=False)


async def main(years: int) -> None:
    url = app_database()
    use_engine(make_async_engine(url))
    with tempfile.TemporaryDirectory() as folder, scale_out(url, Path(folder)) as installation:
        runners = {"process worker (deployment, polls 1 s)": installation.service,
                   "stage worker (task_worker)": installation.task_service}
        results: dict[str, list[Timing]] = {}
        for year in range(years):
            for name, service in runners.items():
                # The first year of each warms the worker up (imports, connections); it is printed, not counted.
                timings = await one_year(service, url)
                if year > 0 or years == 1:
                    results.setdefault(name, []).extend(timings)
                print(f"year {year + 1} {name}: " + ", ".join(f"{k.value} {t:.2f}s" for k, _, t in timings),
                      flush=True)
    print(f"\n{'runner':<40}{'stages':>7}{'request med s':>15}{'done med s':>12}{'done max s':>12}")
    for name, timings in results.items():
        print(f"{name:<40}{len(timings):>7}{statistics.median(t[1] for t in timings):>15.3f}"
              f"{statistics.median(t[2] for t in timings):>12.2f}{max(t[2] for t in timings):>12.2f}")


if __name__ == "__main__":
    # Stopped with kill, it still stops the servers and workers it started (the context managers unwind).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--years", type=int, default=3, help="years per runner; the first warms up")
    anyio.run(main, parser.parse_args().years)
