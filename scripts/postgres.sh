#!/usr/bin/env bash
# Start a local PostgreSQL cluster from Debian's packages and create the role and database the tests use.
# Needs root and the `postgresql` package (installed by .ci/run). Safe to run again.
set -euo pipefail

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi

as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 30); do as_postgres pg_isready -q && break; sleep 1; done
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE tdkt LOGIN SUPERUSER PASSWORD ''tdkt'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tdkt') \gexec
SELECT 'CREATE DATABASE tdkt_test OWNER tdkt'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'tdkt_test') \gexec
SQL
echo "PostgreSQL $version is running: postgresql+psycopg://tdkt:tdkt@127.0.0.1:5432/tdkt_test"
