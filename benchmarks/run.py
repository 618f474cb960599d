"""Speed of `doichieu check` on a whole archive, against the floor of reading it.

    python benchmarks/run.py                      # sizes 100, 1000 and 5000 documents
    python benchmarks/run.py --quick              # sizes 100 and 1000, one run each
    python benchmarks/run.py --sizes 20000 --jobs 4 --corpus-dir ~/bench --json out.json

For each size, a synthetic archive (benchmarks/generate.py) is generated, or
reused from --corpus-dir, and every measurement is the wall-clock time of a
whole process, startup included, the median of --repeat runs (a single run when
the first took longer than --slow seconds):

    floor          `python -c`: read every file, count digit runs with one regex
    cold           `doichieu check DIR --format json --no-cache`
    cold, cache    the same into an empty --cache-dir (once with --skip-cold, which
                   leaves out the run without a cache, to measure the warm columns)
    warm           again with that cache, nothing changed
    warm, 1 edit   again after appending a sentence to one document
    draft          `doichieu check --draft DRAFT.md DIR` against the warm cache (a
                   new draft each run, never itself a cache hit)

Beside the wall clock, the CPU time of each run (user + system, of the process
and the workers it waited for) is recorded and tabled: on a machine shared with
other jobs the wall clock of the same run varies by half or more, its CPU time
by a few per cent. It also records the peak resident memory of each process (`os.wait4`), checks
that the findings of the cold run include every contradiction of the archive's
manifest (recall) and counts the warnings that are not in it (false alarms),
and checks that the cached runs report the same findings as the cold one. A
Markdown table goes to stdout, with a line describing the machine; --json
writes the same numbers. Flags `doichieu check` lacks (--no-cache, --cache-dir,
--jobs) are detected from its --help and left out, with a note.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# The pieces, next to this file: measuring a process, the setup, one size, the tables.
# Timing, run_child and table are also read here by tests/test_benchmark_run.py.
from run_setup import check_flags, doichieu_command, machine  # noqa: E402
from run_size import bench_size  # noqa: E402
from run_table import describe, table  # noqa: E402
from run_timing import Timing, run_child  # noqa: E402

__all__ = ["Timing", "main", "run_child", "table"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", help="comma-separated numbers of documents (100,1000,5000)")
    parser.add_argument("--jobs", type=int, help="passed to doichieu check (default: its own)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and one run each")
    parser.add_argument("--corpus-dir", type=Path, help="keep and reuse the archives here")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--slow", type=float, default=60.0, help="seconds after which a case is run only once"
    )
    parser.add_argument(
        "--doichieu",
        metavar="EXE",
        help="the doichieu to time (default: the one beside this Python, else on PATH); "
        "another install, such as a venv over a worktree of the commit before a change",
    )
    parser.add_argument(
        "--skip-cold",
        action="store_true",
        help="leave out the run without a cache (the longest); recall is then scored on "
        "the first run into an empty cache, which must report the same findings",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    sizes_text = args.sizes or ("100,1000" if args.quick else "100,1000,5000")
    sizes = [int(s.replace("_", "")) for s in sizes_text.split(",") if s.strip()]
    if args.quick:
        args.repeat = 1

    command = [args.doichieu] if args.doichieu else doichieu_command()
    flags = check_flags(command)
    notes = [
        f"doichieu check has no {flag}: {why}"
        for flag, why in (
            ("--no-cache", "the cold run may use and fill a cache"),
            ("--cache-dir", "cached runs (cold with cache, warm, edit, draft) skipped"),
            ("--jobs", "--jobs ignored, the linter's own default used"),
        )
        if flag not in flags and (flag != "--jobs" or args.jobs)
    ]
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="doichieu-bench-"))
    base = args.corpus_dir.expanduser().resolve() if args.corpus_dir else work / "corpora"
    try:
        results = [bench_size(size, args, command, flags, base, work) for size in sizes]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    jobs_used = args.jobs if args.jobs and "--jobs" in flags else "default"
    print(describe(info))
    print(
        f"doichieu: {' '.join(command)}; jobs: {jobs_used}; "
        f"median of {args.repeat} run(s) (one above {args.slow:g} s); seed {args.seed}"
    )
    print()
    print(table(results))
    print("\nCPU time (user + system, the process and its workers; medians of the same runs):\n")
    print(table(results, "cpu_median"))
    for note in notes:
        print(f"\nNote: {note}")
    for r in results:
        if not all(r["same_findings"].values()):
            print(f"\nWarning: cached runs of {r['documents']} documents reported other "
                  f"findings than the cold run: {r['same_findings']}")  # fmt: skip
    if args.json:
        data = {"machine": info, "settings": {**vars(args), "sizes": sizes}, "notes": notes,
                "results": results}  # fmt: skip
        args.json.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
