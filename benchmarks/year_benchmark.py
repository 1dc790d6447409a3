"""How long one emulation year takes through the API, stage by stage; prints figures, asserts nothing.

    .venv/bin/python -m benchmarks.year_benchmark [--years 5] [--database-url postgresql+psycopg://...]
                                                   [--prefect-api-url http://127.0.0.1:4200/api]

Each year runs on a fresh database (a new SQLite file, or a truncated PostgreSQL database), with the stage flows
running in-process as in the embedded default, against Prefect's SQLite-backed test harness or, with
--prefect-api-url, against a running `prefect server` (for example one backed by PostgreSQL).
"""

import argparse
import asyncio
import os
import resource
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")

import httpx
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.testing.utilities import prefect_test_harness

from api.main import create_app
from benchmarks.province_setup import empty_every_table
from migrations import upgrade
from models.storage.db import make_async_engine, use_engine
from tests.demo import load_demo
from tests.year import run_year


def fresh_database(base_url: str | None, folder: Path, index: int) -> str:
    if base_url is None:
        url = f"sqlite:///{folder / f'year-{index}.db'}"
        upgrade(url)
        return url
    if index == 0:
        upgrade(base_url)
    empty_every_table(base_url)
    return base_url


async def one_year(url: str, timings: dict[str, list[float]]) -> float:
    engine = make_async_engine(url)
    use_engine(engine)
    demo = await load_demo()

    async def started(request: httpx.Request) -> None:
        request.extensions["started"] = time.perf_counter()

    async def finished(response: httpx.Response) -> None:
        if response.request.method == "POST":
            path = "/".join("{id}" if part.isdigit() else part for part in response.request.url.path.split("/"))
            timings[path].append(time.perf_counter() - response.request.extensions["started"])

    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=300,
                                 event_hooks={"request": [started], "response": [finished]}) as http:
        began = time.perf_counter()
        await run_year(http, demo)
        elapsed = time.perf_counter() - began
    use_engine(None)
    await engine.dispose()
    return elapsed


async def main(years: int, base_url: str | None) -> None:
    timings: dict[str, list[float]] = defaultdict(list)
    totals = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(years):
            url = fresh_database(base_url, Path(folder), index)
            totals.append(await one_year(url, timings))
    print(f"application database: {'PostgreSQL' if base_url else 'SQLite'}; Prefect API: "
          f"{PREFECT_API_URL.value()}; years run: {years}")
    print(f"whole year (one block, 10 candidates, 7 stage flows): first {totals[0]:.2f} s"
          + (f", then median {statistics.median(totals[1:]):.2f} s" if years > 1 else ""))
    print(f"{'request':<40}{'count':>6}{'median s':>10}{'max s':>8}")
    for path, values in sorted(timings.items()):
        print(f"{path:<40}{len(values):>6}{statistics.median(values):>10.3f}{max(values):>8.3f}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; default: a SQLite file per year")
    parser.add_argument("--prefect-api-url", default=None, help="a running Prefect API; default: the test harness")
    args = parser.parse_args()
    if args.prefect_api_url:
        with temporary_settings(updates={PREFECT_API_URL: args.prefect_api_url}):
            asyncio.run(main(args.years, args.database_url))
    else:
        with prefect_test_harness(server_startup_timeout=60):
            asyncio.run(main(args.years, args.database_url))
