"""Peak memory of one `doichieu check` run, in process, at its phases (issue 15).

Runs the command line's own `main` in this process on an archive (by default as
a cold run: `check DIR --no-cache --format json -o FILE`) and prints the peak
resident set size (Linux's VmHWM) after the imports, when the checks start,
when the run returns, and after the report is written, and the largest peak of
the worker processes (parse and check workers are separate processes, whose
memory adds to the parent's). With `--top N` it also lists the N source lines
that allocated most of what is alive when the checks start (tracemalloc: the
run is then several times slower).

    .venv/bin/python benchmarks/memory.py /tmp/bench/docs-5000-seed-1
    .venv/bin/python benchmarks/memory.py DIR --jobs 1 --top 15
    .venv/bin/python benchmarks/memory.py DIR -- --cache-dir /tmp/c   # other check flags

Linux only (it reads /proc/self/status). The numbers are those of the linter
found on `sys.path`: run it with `PYTHONPATH=WORKTREE` to measure another commit.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any


def peak_mb() -> float:
    """This process's peak resident set size so far, in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def children_peak_mb() -> float:
    """The largest peak of the worker processes this process waited for, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(archive: Path, jobs: int, extra: list[str], top: int) -> dict[str, Any]:
    """Run `check` on `archive` once; the peaks at each phase and the top allocations."""
    started = time.perf_counter()
    from linter.app import check_command, cli  # imported here: the imports are a phase of their own
    from linter.engine import checkphase as engine

    phases: dict[str, float] = {"imports": peak_mb()}
    lines: list[str] = []
    if top:
        tracemalloc.start()
    checks: Callable[..., Any] = engine.run_documents

    def at_checks(*args: Any, **kwargs: Any) -> Any:
        if "parsed" in phases:  # a draft run checks twice (its province, then the draft)
            return checks(*args, **kwargs)
        phases["parsed"] = peak_mb()  # what the parse left alive, before any check
        if top:
            stats = tracemalloc.take_snapshot().statistics("lineno")
            lines.extend(f"{s.size / 1e6:9.1f} MB {s.count:9d}  {s.traceback}" for s in stats[:top])
        return checks(*args, **kwargs)

    engine.run_documents = at_checks  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        argv = ["check", str(archive), "--format", "json", "-o", str(report), "--jobs", str(jobs)]
        argv += extra or ["--no-cache"]
        original = check_command.run
        check_command.run = _timed(original, phases)  # type: ignore[assignment]
        try:
            status = cli.main(argv)
        finally:
            check_command.run = original  # type: ignore[assignment]
            engine.run_documents = checks  # type: ignore[assignment]
        data = json.loads(report.read_text(encoding="utf-8"))
    phases["report"] = peak_mb()
    return {
        "archive": str(archive),
        "documents": len(data["documents"]),  # as the run listed them, any format
        "argv": argv,
        "status": status,
        "findings": len(data["findings"]),
        "seconds": round(time.perf_counter() - started, 1),
        "peak_mb": {k: round(v) for k, v in phases.items()},
        "workers_peak_mb": round(children_peak_mb()),
        "top": lines,
    }


def _timed(run: Callable[..., Any], phases: dict[str, float]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = run(*args, **kwargs)
        phases["run"] = peak_mb()  # the checks done, the result built
        return result

    return wrapped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--jobs", type=int, default=2, help="doichieu check --jobs (default 2)")
    parser.add_argument("--top", type=int, default=0, help="tracemalloc's top N lines at 'parsed'")
    parser.add_argument("extra", nargs="*", help="other flags of check (after --)")
    args = parser.parse_args(argv)
    result = measure(args.archive, args.jobs, args.extra, args.top)
    for line in result.pop("top"):
        print(line)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
