"""Password guessing against a live `tdkt serve --demo`: does the service stay responsive, and can names be told
apart by timing? Prints figures, asserts nothing.

    .venv/bin/python -m benchmarks.login_flood [--code-dir DIR] [--seconds 20] [--threads 16]

--code-dir runs the service from another checkout (an older commit, say) with this environment's packages, so
that before and after are measured on the same machine in the same way.
"""

import argparse
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from benchmarks.live_service import start_demo_service

PASSWORD = "demo-tdkt-2026"


def login_seconds(base: str, username: str, tries: int) -> float:
    times = []
    with httpx.Client(base_url=base) as http:
        for _ in range(tries):
            started = time.perf_counter()
            http.post("/login/access-token", data={"username": username, "password": "sai-mat-khau"})
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def flood(base: str, seconds: float, threads: int) -> None:
    statuses: Counter[int] = Counter()
    health: list[float] = []
    stop = time.monotonic() + seconds

    def guess(index: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while time.monotonic() < stop:
                response = http.post("/login/access-token",
                                     data={"username": "thuky.hoidong", "password": f"doan-{index}-{time.time()}"})
                statuses[response.status_code] += 1

    workers = [threading.Thread(target=guess, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    with httpx.Client(base_url=base, timeout=60) as http:
        while time.monotonic() < stop:
            started = time.perf_counter()
            http.get("/health")
            health.append(time.perf_counter() - started)
            time.sleep(0.05)
    for worker in workers:
        worker.join()
    answered = sum(statuses.values())
    print(f"  {threads} threads of wrong passwords for {seconds:.0f} s: {answered} answers "
          f"({answered / seconds:.1f}/s): " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    print(f"  /health meanwhile: median {statistics.median(health) * 1000:.1f} ms, "
          f"max {max(health) * 1000:.1f} ms over {len(health)} probes")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code-dir", type=Path, default=Path(__file__).parent.parent)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, base = start_demo_service(Path(folder), args.code_dir.resolve())
        try:
            started = time.perf_counter()
            httpx.get(f"{base}/health")
            print(f"service from {args.code_dir}: /health idle {(time.perf_counter() - started) * 1000:.1f} ms")
            print(f"  one wrong login, median of 20: unknown name {login_seconds(base, 'khong.ai', 20) * 1000:.0f} ms,"
                  f" existing name {login_seconds(base, 'vanphong.chutich', 20) * 1000:.0f} ms")
            flood(base, args.seconds, args.threads)
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
