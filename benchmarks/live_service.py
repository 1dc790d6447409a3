"""`tdkt serve --demo` as the README runs it, in a folder of its own: its SQLite file, its own Prefect home and
server (no PREFECT_API_URL), so a benchmark measures what a fresh installation does."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.service import free_port


def start_demo_service(folder: Path, code_dir: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start it and wait for /health; `code_dir` runs another checkout's code with this environment's packages."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "DATABASE_URL": f"sqlite:///{folder / 'service.db'}", "PREFECT_HOME": str(folder / "prefect"),
        "TDKT_PREFECT_UI_PORT": str(free_port()), "TDKT_RECONCILE_INTERVAL_SECONDS": "0",
        "TDKT_SECRET_KEY": "benchmark-signing-key-0123456789abcdef", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = folder / "serve.log"
    process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--demo", "--port", str(port)], env=env,
                               cwd=code_dir, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise SystemExit(f"the service did not start; see {log}")
