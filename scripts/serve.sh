#!/usr/bin/env bash
# Install the project into .venv and start the service on the embedded default (SQLite file + Prefect's
# local API) with the demo province loaded. The API docs are printed at start-up.
set -euo pipefail
cd "$(dirname "$0")/.."

python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/tdkt serve --demo "$@"
