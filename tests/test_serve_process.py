"""`tdkt serve` on the embedded default brings Prefect's server and UI, and takes them down when it ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.service import free_port


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("ending", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "SIGTERM"])
def test_prefect_server_started_by_serve_ends_with_it(tmp_path: Path, ending: signal.Signals) -> None:
    port, ui_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tdkt.db'}", "PREFECT_HOME": str(tmp_path / "prefect"),
        "TDKT_PREFECT_UI_PORT": str(ui_port), "TDKT_RECONCILE_INTERVAL_SECONDS": "0"}
    log = tmp_path / "serve.log"
    serve = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], env=env,
                             stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and serve.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise AssertionError(f"serve did not start:\n{log.read_text()}")
        assert httpx.get(f"http://127.0.0.1:{ui_port}/api/health", timeout=5).json() is True
        assert f"Prefect UI: http://127.0.0.1:{ui_port}" in log.read_text()
        [prefect_server] = children_of(serve.pid)
        serve.send_signal(ending)
        serve.wait(timeout=30)
        deadline = time.monotonic() + 15
        while alive(prefect_server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(prefect_server), "Prefect's server outlived the service"
    finally:
        if serve.poll() is None:
            serve.kill()
