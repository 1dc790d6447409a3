#!/usr/bin/env bash
# Install the project into .venv and run the whole test suite, with the linters first.
# SQLite always; PostgreSQL too when TDKT_TEST_DATABASES=sqlite,postgresql (see .ci/run and README).
set -euo pipefail
cd "$(dirname "$0")/.."

python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[postgres,dev]"

.venv/bin/ruff check .
.venv/bin/mypy
# One worker per core (at most 4), whole files to a worker: a module's fixtures and the fault matrix's references
# are made once. `-n 0` runs in one process.
.venv/bin/python -m pytest -n auto --maxprocesses 4 --dist loadfile "$@"
