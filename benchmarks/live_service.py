"""`tdkt serve --demo` as the README runs it, in a folder of its own: its SQLite file, its own Prefect home and
server (no PREFECT_API_URL), so a benchmark measures what a fresh installation does."""

import subprocess
from pathlib import Path

from tests.service import free_port, serve, standalone_env


def start_demo_service(folder: Path, code_dir: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start it and wait for /health; `code_dir` runs another checkout's code with this environment's packages."""
    env = standalone_env(folder, ui_port=free_port()) | {
        "TDKT_SECRET_KEY": "benchmark-signing-key-0123456789abcdef", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    return serve(["--demo"], env, folder / "serve.log", cwd=code_dir)
