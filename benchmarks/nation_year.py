"""A nation's emulation year in one PostgreSQL database (issue 11): prints figures, asserts nothing.

    .venv/bin/python -m benchmarks.nation_year --database-url postgresql+psycopg://... [--provinces 34]
                                               [--blocks 35] [--out FILE]

The application has no province entity (one installation serves one province), so a nation is provinces stored
one after another in the same database, each with its own registry, accounts and council days
(benchmarks/province_plan.py, province index k). The database is emptied first. Each province is stored
(benchmarks/province_setup.py) and then runs its year with the bare work (benchmarks/province_bare.py: the
recording functions and the stage flows' task functions, no HTTP, no Prefect). Per province it prints the
nominations so far, the year's seconds, its milliseconds per nomination, its SQL statements and the rows
PostgreSQL read by sequential scan meanwhile (both untouched by the machine's load), and, apart, the setup's
seconds, which are not the year; then the whole time, and the cost per nomination, whole year and per
phase, at provinces 1, 2, 5 and the last side by side, and the last over the second (the first also pays the
process's first use of every code path and template): flat means the last province costs what the second did.
"""

import argparse
import asyncio
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")

from benchmarks.nation_explain import SETTLE, dsn_of, table_reads
from benchmarks.province_bare import run_year_bare
from benchmarks.province_plan import ProvincePlan
from benchmarks.province_report import Recorder, load
from benchmarks.province_setup import create_province, fresh_database
from models.storage.db import is_sqlite


@dataclass(frozen=True)
class ProvinceRun:
    number: int  # 1-based, as printed
    nominations: int
    setup: float  # seconds storing the province (workbook import, history, accounts): not the year
    recorder: Recorder
    scanned: int  # rows PostgreSQL read by sequential scan during the year: flat when no path reads a growing table

    @property
    def statements(self) -> int:
        return sum(p.statements for p in self.recorder.phases.values())

    def ms_per_nomination(self, seconds: float) -> float:
        return 1000 * seconds / self.nominations


HEADER = f"{'province':>8}{'noms so far':>13}{'year s':>9}{'ms/nom':>9}{'SQL':>9}{'seq rows':>12}{'setup s':>9}"


def run_province(database_url: str, plan: ProvincePlan) -> ProvinceRun:
    """Store province `plan.province` and run its year bare; refuse figures from a year that did not award all."""
    began = time.perf_counter()
    province = create_province(database_url, plan)
    setup = time.perf_counter() - began
    recorder = Recorder()
    before = rows_scanned(database_url)
    ids = asyncio.run(run_year_bare(database_url, province, recorder))
    scanned = rows_scanned(database_url) - before
    if ids.awarded != plan.nominations:
        sys.exit(f"province {plan.province + 1}: {ids.awarded} of {plan.nominations} nominations awarded; "
                 "the figures would not be the year's")
    return ProvinceRun(plan.province + 1, plan.nominations, setup, recorder, scanned)


def rows_scanned(database_url: str) -> int:
    """Rows read by sequential scan so far, once the connections just closed have reported theirs (not timed)."""
    time.sleep(SETTLE)
    return sum(read for _, _, read in table_reads(dsn_of(database_url)).values())


def row(run: ProvinceRun, so_far: int) -> str:
    year = run.recorder.total
    return (f"{run.number:>8}{so_far:>13,}{year:>9.2f}{run.ms_per_nomination(year):>9.2f}{run.statements:>9,}"
            f"{run.scanned:>12,}{run.setup:>9.2f}")


def side_by_side(runs: list[ProvinceRun]) -> list[str]:
    """Milliseconds per nomination, whole year and per phase, at provinces 1, 2, 5 and the last, and the last
    over the second: the first also pays this process's first use of every code path and template."""
    picked = [runs[i - 1] for i in sorted({1, 2, 5, len(runs)}) if i <= len(runs)]
    warm = picked[1] if len(picked) > 1 else picked[0]
    lines = [f"{'ms per nomination':<18}" + "".join(f"{f'province {r.number}':>14}" for r in picked)
             + f"{f'{picked[-1].number}/{warm.number}':>10}"]
    phases = list(picked[0].recorder.phases)
    figures = [("whole year", [r.recorder.total for r in picked])]
    figures += [(name, [r.recorder.phases[name].wall for r in picked]) for name in phases]
    for name, seconds in figures:
        ms = [r.ms_per_nomination(s) for r, s in zip(picked, seconds, strict=True)]
        second = ms[picked.index(warm)]
        lines.append(f"{name:<18}" + "".join(f"{m:>14.2f}" for m in ms) + f"{ms[-1] / second if second else 0:>10.2f}")
    lines.append(f"{'SQL statements':<18}" + "".join(f"{r.statements:>14,}" for r in picked))
    lines.append(f"{'seq rows read':<18}" + "".join(f"{r.scanned:>14,}" for r in picked))
    return lines


def say(line: str, out: list[str]) -> None:
    """Printed as it comes (a nation takes minutes), and kept for --out."""
    print(line, flush=True)
    out.append(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--database-url", required=True, help="PostgreSQL URL: the database is emptied!")
    parser.add_argument("--blocks", type=int, default=35)
    parser.add_argument("--units-per-block", type=int, default=10)
    parser.add_argument("--staff-per-unit", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="also write the report to this file")
    args = parser.parse_args()
    if is_sqlite(args.database_url):
        parser.error("a nation's year is measured on PostgreSQL: give a postgresql+psycopg:// URL")
    plans = [ProvincePlan(blocks=args.blocks, units_per_block=args.units_per_block,
                          staff_per_unit=args.staff_per_unit, province=k) for k in range(args.provinces)]
    out: list[str] = []
    say(f"nation: {args.provinces} provinces of {plans[0].blocks} blocks × {plans[0].units_per_block} units × "
        f"{plans[0].staff_per_unit} staff, {plans[0].nominations:,} nominations each, "
        f"{sum(p.nominations for p in plans):,} in all; one PostgreSQL database, the bare work (no HTTP, no Prefect)",
        out)
    say(f"load before: {load()}", out)
    url = fresh_database(args.database_url, "nation")
    runs: list[ProvinceRun] = []
    began = time.perf_counter()
    say(HEADER, out)
    for plan in plans:
        runs.append(run_province(url, plan))
        say(row(runs[-1], sum(r.nominations for r in runs)), out)
    whole = time.perf_counter() - began
    years, setups = sum(r.recorder.total for r in runs), sum(r.setup for r in runs)
    say(f"whole nation: {whole:.1f} s: {years:.1f} s of years, {setups:.1f} s of setup, {whole - years - setups:.1f} s "
        f"reading the statistics; load after: {load()}", out)
    for line in side_by_side(runs):
        say(line, out)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
