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
.venv/bin/python -m pytest "$@"
