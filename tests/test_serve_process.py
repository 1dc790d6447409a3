"""`tdkt serve` on the embedded default brings Prefect's server and UI, and takes them down when it ends."""

import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.service import free_port, serve, standalone_env


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
    ui_port = free_port()
    log = tmp_path / "serve.log"
    service, _ = serve([], standalone_env(tmp_path, ui_port), log)
    try:
        assert httpx.get(f"http://127.0.0.1:{ui_port}/api/health", timeout=5).json() is True
        assert f"Prefect UI: http://127.0.0.1:{ui_port}" in log.read_text()
        [prefect_server] = children_of(service.pid)
        service.send_signal(ending)
        service.wait(timeout=30)
        deadline = time.monotonic() + 15
        while alive(prefect_server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(prefect_server), "Prefect's server outlived the service"
    finally:
        if service.poll() is None:
            service.kill()
