"""Timing whole processes for benchmarks/run.py: the wall clock, the CPU time (user +
system, the process and the workers it waited for) and the peak resident memory of
one run (`run_child`), and the median of several (`measure`, a `Timing`)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PHASE = re.compile(r"^doichieu: (?P<what>[^:]+): (?P<seconds>[\d.]+) ?s\b", re.MULTILINE)


@dataclass
class Timing:
    """One measurement: wall-clock seconds of each run, their median, peak memory."""

    runs: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of each run
    rss_mb: float = 0.0  # the largest max RSS of the runs (the process or one of its workers)
    exit_codes: list[int] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # --verbose lines of the last run
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "median": self.median, "cpu_median": self.cpu_median}


@dataclass
class Child:
    seconds: float
    cpu: float  # user + system: what the process and its workers computed, whatever the load
    exit_code: int
    rss_mb: float
    stderr: str


def _gnu_time() -> str | None:
    """GNU time, if present: it reports a child's peak RSS without ours in it."""
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if path is None:
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        done = subprocess.run(
            [path, "-f", "%M", "-o", out.name, "true"], capture_output=True, check=False
        )
        return path if done.returncode == 0 and out.read().strip().isdigit() else None


GNU_TIME = _gnu_time()
# A user's Python writes and reuses compiled bytecode (.pyc). An environment that
# forbids it (PYTHONDONTWRITEBYTECODE, as some sandboxes and CI images set) compiles
# every module of the linter at each start: about 0.25 s of CPU in every run, which
# is not what a user waits for.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(command: Sequence[str], cwd: Path) -> Child:
    """Run `command` to its end: its wall-clock time and peak RSS (its own or a worker's).

    The RSS comes from GNU time when present. `os.wait4` is the fallback: on
    Linux a child's ru_maxrss starts from this process's own peak, so there it
    is an upper bound."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name, *command] if GNU_TIME else command
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, cwd=cwd, env=USER_ENV, stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        reported = rss.read().strip().splitlines()
    kb = int(reported[-1]) if GNU_TIME and reported and reported[-1].isdigit() else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime  # the child's, with the children it waited for
    return Child(seconds, cpu, proc.returncode, kb / 1024, stderr)


def measure(
    command: Sequence[str],
    cwd: Path,
    repeat: int,
    slow: float,
    before: Callable[[int], None] | None = None,
    ok: tuple[int, ...] = (0, 1),
) -> Timing:
    """Median of `repeat` runs (one if the first is slower than `slow` s); `before(i)`
    prepares run i. Exit codes outside `ok` stop the measurement with an error."""
    timing = Timing()
    for i in range(repeat):
        if before is not None:
            before(i)
        child = run_child(command, cwd)
        timing.exit_codes.append(child.exit_code)
        if child.exit_code not in ok:
            tail = "\n".join(child.stderr.strip().splitlines()[-5:])
            timing.error = f"exit {child.exit_code}: {tail}"
            return timing
        timing.runs.append(child.seconds)
        timing.cpu.append(child.cpu)
        timing.rss_mb = max(timing.rss_mb, child.rss_mb)
        timing.phases = {m["what"]: float(m["seconds"]) for m in PHASE.finditer(child.stderr)}
        if child.seconds > slow:
            break
    return timing
