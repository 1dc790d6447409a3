"""A scale-out installation in processes of its own, set up as the README's scale-out section says: a Prefect
server on PostgreSQL; `prefect deploy --all` from prefect.yaml and a process worker, with a `tdkt serve` handing
stages to it (TDKT_STAGE_RUNNER=deployment); and a `tdkt stage-worker`, with a second `tdkt serve` handing stages to
it (TDKT_STAGE_RUNNER=task_worker). Both services share the database, so a year can move between them."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import make_url

from tests.conftest import POSTGRES_URL
from tests.databases import create_database, drop_database
from tests.service import free_port, start_service

ROOT = Path(__file__).parent.parent
PREFECT = str(Path(sys.executable).parent / "prefect")
POOL = "tdkt"


@dataclass(frozen=True)
class ScaleOut:
    prefect_api: str
    service: str  # stages go to the process worker, through the deployments
    task_service: str  # stages go to the stage worker
    worker_log: Path
    stage_worker_log: Path


@contextmanager
def prefect_database() -> Iterator[str]:
    """A PostgreSQL database of its own for the Prefect server, dropped afterwards."""
    name = f"{make_url(POSTGRES_URL).database}_prefect_{os.getpid()}"
    url = create_database(POSTGRES_URL, name)
    try:
        yield url.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    finally:
        drop_database(POSTGRES_URL, name)


def prefect_env(api_url: str, home: Path) -> dict[str, str]:
    """What every Prefect command of the installation is run with: its server, a home of its own, no telemetry."""
    return {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_HOME": str(home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "TDKT_CODE_DIR": str(ROOT)}


@contextmanager
def running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never answered:\n{log.read_text()}")


def prefect_command(args: list[str], env: dict[str, str], log: Path) -> None:
    done = subprocess.run([PREFECT, "--no-prompt", *args], env=env, cwd=ROOT, capture_output=True, timeout=300)
    log.write_bytes(done.stdout + done.stderr)
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{log.read_text()}"


@contextmanager
def scale_out(database_url: str, folder: Path) -> Iterator[ScaleOut]:
    """The whole installation, torn down afterwards. The scheduler is off, so the only flow runs are the stages'."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = prefect_env(api, folder / "prefect-home")
    with ExitStack() as stack:
        server_env = env | {"PREFECT_SERVER_DATABASE_CONNECTION_URL": stack.enter_context(prefect_database())}
        server_log = folder / "prefect-server.log"
        server = stack.enter_context(running(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui", "--no-scheduler"],
            server_env, server_log))
        wait_for_health(f"{api}/health", server, server_log)
        prefect_command(["work-pool", "create", POOL, "--type", "process"], env, folder / "work-pool.log")
        prefect_command(["deploy", "--all"], env, folder / "deploy.log")
        worker_log = folder / "worker.log"
        # The worker asks for runs every second rather than every ten, the option the README gives for quick stages.
        worker_env = env | {"DATABASE_URL": database_url, "PREFECT_WORKER_QUERY_SECONDS": "1"}
        stack.enter_context(running([PREFECT, "worker", "start", "--pool", POOL, "--type", "process"],
                                    worker_env, worker_log))
        # A stage handed to a stage worker keeps its parameters in Prefect's task storage, which the API and the
        # worker must share (here a folder; across machines a shared mount or a storage block).
        shared = {"PREFECT_LOCAL_STORAGE_PATH": str(folder / "task-storage")}
        stage_worker_log = folder / "stage-worker.log"
        stack.enter_context(running([sys.executable, "-m", "api.cli", "stage-worker"],
                                    env | shared | {"DATABASE_URL": database_url}, stage_worker_log))
        service, base = start_service(database_url, "", folder / "service.log", prefect_api_url=api,
                                      env={"TDKT_STAGE_RUNNER": "deployment"})
        stack.callback(service.kill)
        task_service, task_base = start_service(database_url, "", folder / "task-service.log", prefect_api_url=api,
                                                env={"TDKT_STAGE_RUNNER": "task_worker", **shared})
        stack.callback(task_service.kill)
        yield ScaleOut(api, base, task_base, worker_log, stage_worker_log)
