"""The service as a separate process, for tests that kill it or talk to it over HTTP."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from prefect.settings import PREFECT_API_URL


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(args: list[str], env: dict[str, str], log: Path, cwd: Path | None = None,
          seconds: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    """`tdkt serve <args>` on a free port, once its /health answers; the log says why when it never does."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port), *args], env=env,
                               cwd=cwd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"the service did not start:\n{log.read_text()}")


def standalone_env(folder: Path, ui_port: int) -> dict[str, str]:
    """As on a fresh installation: a SQLite file and a Prefect home of its own, and no PREFECT_API_URL, so `tdkt
    serve` starts its own Prefect server and UI (on `ui_port`)."""
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "DATABASE_URL": f"sqlite:///{folder / 'tdkt.db'}", "PREFECT_HOME": str(folder / "prefect"),
        "TDKT_PREFECT_UI_PORT": str(ui_port), "TDKT_RECONCILE_INTERVAL_SECONDS": "0"}


def start_service(
    database_url: str, failpoint: str, log: Path, *args: str, prefect_api_url: str | None = None,
    env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """`tdkt serve` in its own process, sharing this process's Prefect API (unless told another) and signing key."""
    service_env = {**os.environ, "DATABASE_URL": database_url, "TDKT_FAILPOINT": failpoint,
                   "TDKT_RECONCILE_INTERVAL_SECONDS": "0",
                   "PREFECT_API_URL": prefect_api_url or str(PREFECT_API_URL.value()), **(env or {})}
    return serve(list(args), service_env, log, seconds=180)
