"""A province's emulation year at real scale (issue 11): prints figures, asserts nothing.

    .venv/bin/python -m benchmarks.province_year [--blocks 35] [--clients 1] [--bare]
                                                 [--database-url postgresql+psycopg://... [--scale-out]] [--out FILE]

Generates the province (benchmarks/province_plan.py), stores it, starts `tdkt serve` on it (SQLite file and its
own Prefect server, the embedded default; or the PostgreSQL database given, emptied first), and runs the year
through HTTP (benchmarks/province_http.py). Prints per phase the wall time and the requests' median, p95 and max,
the whole year, and the peak RSS of the API process and of its Prefect server. --scale-out runs the year against the
README's scale-out installation instead (a Prefect server on PostgreSQL, a stage worker). --bare also runs the same year
without HTTP and Prefect on a fresh database with the same province (benchmarks/province_bare.py), and prints the
ratio HTTP/bare per phase.
"""

import argparse
import asyncio
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")

from benchmarks.province_bare import run_year_bare
from benchmarks.province_http import run_year_http, start_serve
from benchmarks.province_plan import ProvincePlan
from benchmarks.province_report import Recorder, descendants, load, peak_rss_mib, phase_table, ratio_table
from benchmarks.province_setup import create_province, fresh_database


def http_run(plan: ProvincePlan, clients: int, base_url: str, folder: Path, out: list[str],
             keep_log: Path | None) -> Recorder:
    url = fresh_database(base_url, "http")
    province = create_province(url, plan)
    process, api = start_serve(folder, url)
    recorder = Recorder()
    try:
        out.append(f"load before the HTTP run: {load()}")
        ids = asyncio.run(run_year_http(api, province, clients, recorder))
        out.append(f"load after the HTTP run:  {load()}")
        rss = [(process.pid, "tdkt serve (API)", peak_rss_mib(process.pid))]
        rss += [(pid, command[:90], peak_rss_mib(pid)) for pid, command in descendants(process.pid)]
    finally:
        process.terminate()
        process.wait(timeout=60)
        if keep_log is not None:  # the service's own log, for what the figures do not say (retries, errors)
            keep_log.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / "serve.log", keep_log)
    year_report(out, recorder, f"HTTP, {clients} block head(s) at once: {ids.awarded} of {plan.nominations} "
                f"nominations awarded, {len(ids.decisions)} decisions signed", "through HTTP")
    out.append("peak RSS (VmHWM):")
    out.extend(f"  {mib if mib is None else f'{mib:.0f} MiB':>9}  pid {pid}  {name}" for pid, name, mib in rss)
    return recorder


def scale_out_run(plan: ProvincePlan, clients: int, base_url: str, folder: Path, out: list[str]) -> Recorder:
    """The year against the README's scale-out installation (tests/scale_out.py): a Prefect server on PostgreSQL and
    a `tdkt stage-worker`, the API handing each stage to it (TDKT_STAGE_RUNNER=task_worker) and answering 202."""
    from tests.scale_out import scale_out  # needs TDKT_TEST_POSTGRES_URL's server for Prefect's own database

    url = fresh_database(base_url, "http")
    province = create_province(url, plan)
    recorder = Recorder()
    with scale_out(url, folder) as installation:
        out.append(f"load before the scale-out run: {load()}")
        ids = asyncio.run(run_year_http(installation.task_service, province, clients, recorder))
        out.append(f"load after the scale-out run:  {load()}")
    year_report(out, recorder, f"scale-out (stage worker), {clients} block head(s) at once: {ids.awarded} of "
                f"{plan.nominations} nominations awarded, {len(ids.decisions)} decisions signed; a request answered "
                "202 is waited for by polling (column polls)", "scale-out")
    return recorder


def year_report(out: list[str], recorder: Recorder, heading: str, how: str) -> None:
    """The year's phases through HTTP, its whole time and its slowest requests, under `heading`."""
    out.append(f"\n{heading}")
    out.extend(phase_table(recorder))
    out.append(f"whole year {how}: {recorder.total:.2f} s; the slowest requests:")
    out.extend(recorder.slowest())


def bare_run(plan: ProvincePlan, base_url: str, out: list[str]) -> Recorder:
    url = fresh_database(base_url, "bare")
    province = create_province(url, plan)
    recorder = Recorder()
    out.append(f"\nload before the bare run: {load()}")
    ids = asyncio.run(run_year_bare(url, province, recorder))
    out.append(f"bare work (same rows and documents, no HTTP, no Prefect, one process): {ids.awarded} of "
               f"{plan.nominations} nominations awarded")
    out.extend(phase_table(recorder, unit="steps"))
    out.append(f"whole year, bare: {recorder.total:.2f} s   (load after: {load()})")
    return recorder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blocks", type=int, default=35)
    parser.add_argument("--units-per-block", type=int, default=10)
    parser.add_argument("--staff-per-unit", type=int, default=3)
    parser.add_argument("--clients", type=int, default=1, help="block heads working at once")
    parser.add_argument("--bare", action="store_true", help="also run the bare work and print HTTP/bare")
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL (emptied!); default: SQLite files")
    parser.add_argument("--scale-out", action="store_true",
                        help="with --database-url: a Prefect server on PostgreSQL and a stage worker instead of "
                             "`tdkt serve`'s own (TDKT_TEST_POSTGRES_URL names the server for Prefect's database)")
    parser.add_argument("--out", type=Path, default=None, help="also write the report to this file")
    args = parser.parse_args()
    if args.scale_out and not args.database_url:
        parser.error("--scale-out needs --database-url (PostgreSQL)")
    plan = ProvincePlan(blocks=args.blocks, units_per_block=args.units_per_block, staff_per_unit=args.staff_per_unit)
    with tempfile.TemporaryDirectory(prefix="province-year-") as name:
        folder = Path(name)
        base_url = args.database_url or f"sqlite:///{folder}"
        out = [f"province: {plan.blocks} blocks × {plan.units_per_block} units × {plan.staff_per_unit} staff; "
               f"{plan.nominations} nominations ({', '.join(f'{n} {c}' for c, n in plan.mix.items())} per block)",
               f"application database: {'PostgreSQL' if args.database_url else 'SQLite file'}; Prefect: "
               + ("a server on PostgreSQL, stage runner task_worker" if args.scale_out else
                  "the server `tdkt serve` starts itself (embedded default), stage runner inline")]
        if args.scale_out:
            http = scale_out_run(plan, args.clients, base_url, folder, out)
        else:
            keep_log = args.out.with_name(args.out.name + ".serve.log") if args.out else None
            http = http_run(plan, args.clients, base_url, folder, out, keep_log)
        if args.bare:
            bare = bare_run(plan, base_url, out)
            out.append("\nHTTP / bare, wall time per phase:")
            out.extend(ratio_table(http, bare))
    report = "\n".join(out)
    print(report)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
