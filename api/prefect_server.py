"""The embedded default's own Prefect server: started by `tdkt serve`, gone when it goes, however it goes.

Prefect's ephemeral API would start the same server lazily, but it stops it only from an atexit hook, and
`tdkt serve` ends by SIGTERM (uvicorn re-raises it after shutting down, so atexit hooks never run) or by kill -9:
the server then stayed behind. Here the server is a child that the kernel signals when its parent dies
(PR_SET_PDEATHSIG), and administrators get Prefect's UI on a known address.
"""

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import certifi
import httpx
import prefect
from prefect.settings import (
    PREFECT_API_SSL_CERT_FILE,
    PREFECT_API_URL,
    PREFECT_CLIENT_CSRF_SUPPORT_ENABLED,
    PREFECT_CLIENT_MAX_RETRIES,
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
    PREFECT_HOME,
    PREFECT_SERVER_CSRF_PROTECTION_ENABLED,
    get_current_settings,
    temporary_settings,
)

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent(parent: int) -> None:
    """Run in the child before it starts: ask for SIGTERM when the parent dies (Linux), or go now if it did."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(0)


def _port(preferred: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))  # the usual port is taken (another Prefect server?): any free one
        return int(probe.getsockname()[1])


def _wait_until_healthy(process: subprocess.Popen[bytes], api_url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Prefect's server exited with code {process.returncode} while starting.")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{api_url}/health", timeout=1).status_code == 200:
                return
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"Prefect's server did not answer at {api_url} within {timeout:.0f} s.")


def one_certificate_file(home: Path) -> Path:
    """A CA file of one certificate, for Prefect's clients of the embedded server, which speaks plain HTTP.

    No certificate is ever checked on http://127.0.0.1, yet Prefect's client loads its CA file into a new SSL context
    for every client it makes, three per flow run. With certifi's whole bundle that costs 15 ms each and, measured
    here, about 1.6 MiB per flow run that the process never gives back: the API's memory grew from 135 to 450 MiB
    over a province's year. One certificate costs a millisecond and leaves nothing behind."""
    path = home / "embedded-server-ca.pem"
    if not path.exists():
        end = "-----END CERTIFICATE-----"
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}")  # two services starting at once each write their own copy
        partial.write_text(certifi.contents().split(end)[0].lstrip() + end + "\n", encoding="ascii")
        partial.replace(path)
    return path


def lean_client_settings() -> dict[Any, Any]:
    """What this process's Prefect clients need for the server started here, and nothing more: each item was a cost
    of every stage flow run (measured in one process, flow runs alternating: 54 → 42 ms median with all of them)."""
    return {
        # Retries come a quarter of a second apart (api/prefect_app.py), so allow more of them than the default 5.
        PREFECT_CLIENT_MAX_RETRIES: 20,
        # The CA file set in the environment (SSL_CERT_FILE included) has nothing to check on this plain-HTTP
        # address; loading the whole bundle cost 15 ms and 1.6 MiB for each of a flow run's clients.
        PREFECT_API_SSL_CERT_FILE: str(one_certificate_file(Path(PREFECT_HOME.value()))),
        # Each new client asks for a CSRF token before its first write; a server started without CSRF protection
        # (Prefect's default) has none to give, so the request is spared unless the administrator turned it on.
        PREFECT_CLIENT_CSRF_SUPPORT_ENABLED: PREFECT_SERVER_CSRF_PROTECTION_ENABLED.value(),
        # A heartbeat event (and a thread) per flow run feeds Prefect's zombie-run automations, which this server
        # has none of; a stage whose run died is found and run again by tdkt's own reconciler.
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None,
    }


@contextlib.contextmanager
def embedded_prefect_server(preferred_port: int, timeout: float = 90) -> Iterator[str | None]:
    """Start Prefect's server (with its UI) unless PREFECT_API_URL names one; yields the UI address, or None."""
    if PREFECT_API_URL.value():
        yield None
        return
    port = _port(preferred_port)
    address = f"http://127.0.0.1:{port}"
    env = {**os.environ, **get_current_settings().to_environment_variables(exclude_unset=True),
           "PREFECT_UI_API_URL": f"{address}/api"}
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent), "--factory",
               "api.prefect_app:create_app", "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning", "--lifespan", "on"]
    parent = os.getpid()
    process = subprocess.Popen(command, env=env, preexec_fn=lambda: _die_with_parent(parent))
    try:
        _wait_until_healthy(process, f"{address}/api", timeout)
        updates: dict[Any, Any] = {PREFECT_API_URL: f"{address}/api", **lean_client_settings()}
        with temporary_settings(updates=updates):
            yield address
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            process.kill()
