"""Which statements of a province's year read a table whole: run on a nation benchmarks/nation_year.py loaded.

    .venv/bin/python -m benchmarks.nation_explain --database-url postgresql+psycopg://... [--top 40]

Adds one more province to the database (the next index) and runs its year bare, logging every statement sent
(SQLAlchemy's before/after_cursor_execute) with its time and one sample of its parameters. Prints the tables
PostgreSQL read by sequential scan meanwhile (pg_stat_user_tables, before and after) and, for the statements that
took most time, the scans of EXPLAIN's plan (ANALYZE for the reads, in a transaction rolled back): a Seq Scan on a
table that grows with the nation (nomination, transition, awardrecord, stage, document …) on a per-nomination path
makes a province's cost grow with the number of provinces before it.
"""

import argparse
import asyncio
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Engine

from benchmarks.province_bare import run_year_bare
from benchmarks.province_plan import ProvincePlan
from benchmarks.province_report import Recorder
from benchmarks.province_setup import create_province

# An expanding IN renders one placeholder per value: one statement whatever the list's length.
IN_LIST = re.compile(r"\((?:%\(\w+?_\d+\)s(?:, )?)+\)")
GROWS = 1000  # live rows: a table this large that is read whole on a per-nomination path is a finding
SETTLE = 1.0  # seconds for closed connections' counts to reach pg_stat_user_tables (each sends them as it exits)


@dataclass
class Sent:
    count: int = 0
    seconds: float = 0.0
    sample: Any = None  # the first parameters seen


@dataclass
class StatementLog:
    sent: dict[str, Sent] = field(default_factory=dict)
    started: dict[int, tuple[str, float]] = field(default_factory=dict)

    def before(self, _conn: Any, cursor: Any, statement: str, parameters: Any, _context: Any,
               executemany: bool) -> None:
        key = IN_LIST.sub("(…)", statement)
        sent = self.sent.setdefault(key, Sent())
        if sent.sample is None:
            many = executemany and isinstance(parameters, list | tuple)  # insertmanyvalues sends one dict
            sent.sample = (statement, parameters[0] if many and parameters else parameters)
        self.started[id(cursor)] = (key, time.perf_counter())

    def after(self, _conn: Any, cursor: Any, *_: Any) -> None:
        key, began = self.started.pop(id(cursor), ("", 0.0))
        if key:
            self.sent[key].count += 1
            self.sent[key].seconds += time.perf_counter() - began


def dsn_of(database_url: str) -> str:
    return database_url.replace("postgresql+psycopg://", "postgresql://", 1)


def table_reads(dsn: str) -> dict[str, tuple[int, int, int]]:
    """Per table: (live rows, sequential scans, rows they read), as this database's statistics count them."""
    with psycopg.connect(dsn) as connection:
        rows = connection.execute("SELECT relname, n_live_tup, seq_scan, seq_tup_read FROM pg_stat_user_tables")
        return {name: (live, scans, read) for name, live, scans, read in rows}


def seq_scans(plan: dict[str, Any]) -> Iterator[str]:
    if plan.get("Node Type") == "Seq Scan":
        yield plan["Relation Name"]
    for child in plan.get("Plans", []):
        yield from seq_scans(child)


def explain(dsn: str, statement: str, parameters: Any) -> list[str] | str:
    """The relations the plan reads by Seq Scan; ANALYZE only for reads (a write's sample may not apply twice)."""
    analyze = "ANALYZE, " if statement.lstrip().upper().startswith("SELECT") else ""
    with psycopg.connect(dsn) as connection:
        try:
            found = connection.execute(f"EXPLAIN ({analyze}FORMAT JSON) {statement}", parameters).fetchone()
        except psycopg.Error as error:
            return f"not explained: {str(error).splitlines()[0]}"
        finally:
            connection.rollback()
    return list(seq_scans(found[0][0]["Plan"])) if found else []


def shortened(statement: str) -> str:
    """A read from its FROM on (its column list says nothing of its plan), a write's first words; one line."""
    flat = " ".join(statement.split())
    begins = flat.find(" FROM ") if flat.startswith("SELECT") else -1
    return ("SELECT …" + flat[begins:] if begins > 0 else flat)[:320]


def next_province(dsn: str, blocks: int) -> int:
    with psycopg.connect(dsn) as connection:
        found = connection.execute("SELECT count(*) FROM emulationblock").fetchone()
        return (found[0] if found else 0) // blocks


def report(dsn: str, log: StatementLog, reads: dict[str, tuple[int, int, int]], top: int) -> list[str]:
    after = table_reads(dsn)
    lines = ["sequential scans during the year (table, live rows, scans, rows read):"]
    for name, (live, scans, read) in sorted(after.items(), key=lambda t: t[1][2] - reads.get(t[0], (0, 0, 0))[2],
                                            reverse=True):
        scans, read = scans - reads.get(name, (0, 0, 0))[1], read - reads.get(name, (0, 0, 0))[2]
        if scans:
            lines.append(f"  {name:<24}{live:>9,}{scans:>9,}{read:>14,}")
    lines.append(f"\nthe {top} statements that took most time (count, seconds, Seq Scans in the plan):")
    for key, sent in sorted(log.sent.items(), key=lambda kv: kv[1].seconds, reverse=True)[:top]:
        statement, parameters = sent.sample
        plan = explain(dsn, statement, parameters)
        big = [t for t in plan if after.get(t, (0, 0, 0))[0] >= GROWS] if isinstance(plan, list) else []
        flag = "GROWS " if big else "      "
        lines.append(f"{flag}{sent.count:>6}{sent.seconds:>8.2f}  {plan}  {shortened(key)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="the nation's PostgreSQL database: one is added")
    parser.add_argument("--blocks", type=int, default=35)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    dsn = dsn_of(args.database_url)
    plan = ProvincePlan(blocks=args.blocks, province=next_province(dsn, args.blocks))
    province = create_province(args.database_url, plan)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute("ANALYZE")  # plans as the nation's sizes make them, not as a fresh table's guesses
    log, reads = StatementLog(), table_reads(dsn)
    event.listen(Engine, "before_cursor_execute", log.before)
    event.listen(Engine, "after_cursor_execute", log.after)
    recorder = Recorder()
    ids = asyncio.run(run_year_bare(args.database_url, province, recorder))
    time.sleep(SETTLE)
    print(f"province {plan.province + 1} added: {ids.awarded} of {plan.nominations} awarded in "
          f"{recorder.total:.1f} s; {sum(s.count for s in log.sent.values()):,} statements, {len(log.sent)} distinct")
    print("\n".join(report(dsn, log, reads, args.top)))


if __name__ == "__main__":
    main()
