"""Figures of one run: each phase's wall time and the duration of every request (or step) in it."""

import os
import statistics
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Phase:
    name: str
    wall: float = 0.0
    durations: list[float] = field(default_factory=list)  # one per request (HTTP) or step (bare)
    polls: int = 0  # HTTP only: reads while waiting for a stage's flow
    labelled: list[tuple[float, str, float]] = field(default_factory=list)  # (duration, what, started at)
    statements: int = 0  # bare only: SQL statements sent, a figure the machine's load does not change


@dataclass
class Recorder:
    phases: dict[str, Phase] = field(default_factory=dict)
    total: float = 0.0
    began: float = field(default_factory=time.perf_counter)
    current: str = ""  # the phase being timed, which counts the statements sent meanwhile

    def count_statement(self, *_: object) -> None:
        if self.current:
            self.phase(self.current).statements += 1

    def phase(self, name: str) -> Phase:
        return self.phases.setdefault(name, Phase(name))

    @contextmanager
    def timed_phase(self, name: str) -> Iterator[Phase]:
        phase = self.phase(name)
        self.current = name
        began = time.perf_counter()
        try:
            yield phase
        finally:
            phase.wall += time.perf_counter() - began
            self.current = ""

    @contextmanager
    def step(self, phase: str, what: str = "") -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            duration = time.perf_counter() - began
            self.phase(phase).durations.append(duration)
            self.phase(phase).labelled.append((duration, what, began - self.began))

    def slowest(self, count: int = 5) -> list[str]:
        rows = sorted((row for p in self.phases.values() for row in p.labelled), reverse=True)[:count]
        return [f"  {d:8.3f} s  {what or '-':<40} started at {at:8.2f} s" for d, what, at in rows]


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def phase_table(recorder: Recorder, unit: str = "requests") -> list[str]:
    last = "polls" if unit == "requests" else "SQL"
    lines = [f"{'phase':<12}{'wall s':>9}{unit:>10}{'median s':>10}{'p95 s':>9}{'max s':>9}{'> 2 s':>7}"
             f"{last:>8}"]
    for p in recorder.phases.values():
        d = p.durations
        lines.append(f"{p.name:<12}{p.wall:>9.2f}{len(d):>10}{statistics.median(d) if d else 0:>10.3f}"
                     f"{p95(d):>9.3f}{max(d, default=0):>9.3f}{sum(1 for x in d if x > 2):>7}"
                     f"{p.polls if unit == 'requests' else p.statements:>8}")
    every = [x for p in recorder.phases.values() for x in p.durations]
    statements = sum(p.statements for p in recorder.phases.values())
    lines.append(f"{'all':<12}{recorder.total:>9.2f}{len(every):>10}{statistics.median(every) if every else 0:>10.3f}"
                 f"{p95(every):>9.3f}{max(every, default=0):>9.3f}{sum(1 for x in every if x > 2):>7}"
                 f"{'' if unit == 'requests' else statements:>8}")
    return lines


def ratio_table(http: Recorder, bare: Recorder) -> list[str]:
    lines = [f"{'phase':<12}{'HTTP s':>9}{'bare s':>9}{'HTTP/bare':>11}"]
    for name, p in http.phases.items():
        b = bare.phases.get(name)
        if b is not None:
            lines.append(f"{name:<12}{p.wall:>9.2f}{b.wall:>9.2f}{p.wall / b.wall if b.wall else 0:>11.1f}")
    lines.append(f"{'whole year':<12}{http.total:>9.2f}{bare.total:>9.2f}"
                 f"{http.total / bare.total if bare.total else 0:>11.1f}")
    return lines


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def peak_rss_mib(pid: int) -> float | None:
    """VmHWM: the process's peak resident set, as the kernel counted it."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live process below `pid`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            try:
                with open(f"/proc/{child}/cmdline", "rb") as cmdline:
                    command = cmdline.read().replace(b"\0", b" ").decode(errors="replace").strip()
            except OSError:
                command = "?"
            found.append((child, command))
            stack.append(child)
    return found
