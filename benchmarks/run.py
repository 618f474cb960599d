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
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)

FLOOR = """
import os, re, sys
digits = re.compile(r"\\d+")
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                count += len(digits.findall(f.read()))
print(count)
"""
EDIT = (  # appended to one document before a "warm, 1 edit" run; {n} makes each run differ
    "\n\nThời gian tới, các sở, ngành tiếp tục theo dõi, đôn đốc việc triển khai "
    "các nhiệm vụ đã đề ra (cập nhật lần {n}).\n"
)
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


# --------------------------------------------------------------------------- setup


def doichieu_command() -> list[str]:
    """The `doichieu` of this interpreter's environment, else on PATH, else `-m linter`."""
    beside = Path(sys.executable).with_name("doichieu")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("doichieu")
    return [found] if found else [sys.executable, "-m", "linter"]


def check_flags(command: list[str]) -> set[str]:
    """Which of the flags this script uses `doichieu check` accepts."""
    out = subprocess.run(
        [*command, "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return {flag for flag in ("--no-cache", "--cache-dir", "--jobs", "--verbose") if flag in out}


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else ""
    ram_gb = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        ram_gb = round(int(found.group(1)) / 1024**2, 1) if found else None
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor() or platform.machine(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit or None,
        "rss_source": "GNU time" if GNU_TIME else "os.wait4 (upper bound)",
    }


def corpus_for(size: int, seed: int, base: Path) -> tuple[Path, dict[str, Any], float | None]:
    """The archive of `size` documents under `base`, generated unless already there."""
    folder = base / f"docs-{size}-seed-{seed}"
    manifest_path = folder / generate.MANIFEST
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (manifest.get("generator"), manifest.get("documents"), manifest.get("seed")) == (
            generate.GENERATOR_VERSION,
            size,
            seed,
        ):
            return folder, manifest, None
        shutil.rmtree(folder)
    manifest = generate.generate(folder, size, seed)
    return folder, manifest, float(manifest.pop("seconds"))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- findings


def load_findings(path: Path) -> list[dict[str, Any]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError):
        return []


def score(findings: list[dict[str, Any]], manifest: dict[str, Any]) -> dict[str, Any]:
    """Recall on the manifest's contradictions; warnings that are none of them."""
    warnings = [f for f in findings if f["severity"] in ("warning", "error")]

    def reports(finding: dict[str, Any], entry: dict[str, Any]) -> bool:
        paths = {e["path"] for e in finding["evidence"]}
        return finding["code"] == entry["code"] and all(f["path"] in paths for f in entry["files"])

    injected = manifest["injected"]
    found = sum(any(reports(f, e) for f in warnings) for e in injected)
    false = [f for f in warnings if not any(reports(f, e) for e in injected)]
    return {
        "injected": len(injected),
        "reported": found,
        "recall": found / len(injected) if injected else None,
        "false_alarms": len(false),
        "false_alarms_by_kind": dict(Counter(_kind(f) for f in false).most_common()),
        "false_alarm_examples": [
            {
                "code": f["code"],
                "message": f["message"],
                "paths": [e["path"] for e in f["evidence"]],
            }
            for f in false[:5]
        ],
        "info": sum(f["severity"] == "info" for f in findings),
    }


def _kind(finding: dict[str, Any]) -> str:
    """ "NU01 Tỷ lệ giảm nghèo": the code and the label the message opens with."""
    label = re.match(r"«([^»]+)»", finding["message"])
    return f"{finding['code']} {label.group(1)}" if label else finding["code"]


def fingerprints(path: Path) -> list[str]:
    return sorted(f.get("fingerprint", "") for f in load_findings(path))


# --------------------------------------------------------------------------- one size


def bench_size(
    size: int,
    args: argparse.Namespace,
    command: list[str],
    flags: set[str],
    base: Path,
    work: Path,
) -> dict[str, Any]:

    def say(text: str) -> None:
        print(f"[{size}] {text}", file=sys.stderr, flush=True)

    folder, manifest, generated = corpus_for(size, args.seed, base)
    say(f"archive: {folder} ({manifest['bytes'] / 1e6:.1f} MB)")
    repeat, slow = args.repeat, args.slow
    jobs = ["--jobs", str(args.jobs)] if args.jobs and "--jobs" in flags else []
    verbose = ["--verbose"] if "--verbose" in flags else []
    out = work / f"findings-{size}.json"
    check = [*command, "check", ".", "--format", "json", *jobs, *verbose]
    result: dict[str, Any] = {
        "documents": size,
        "bytes": manifest["bytes"],
        "generation_s": generated,
        "timings": {},
    }
    timings: dict[str, Timing] = result["timings"]

    say("floor")
    timings["floor"] = measure(
        [sys.executable, "-c", FLOOR, str(folder)], folder, repeat, slow, ok=(0,)
    )
    same: dict[str, bool] = {}
    result["same_findings"] = same
    expected: list[str] | None = None
    if not (args.skip_cold and "--cache-dir" in flags):
        say("cold, no cache")
        no_cache = ["--no-cache"] if "--no-cache" in flags else []
        timings["cold"] = measure([*check, "-o", str(out), *no_cache], folder, repeat, slow)
        result["score"] = score(load_findings(out), manifest)
        expected = fingerprints(out)

    if "--cache-dir" in flags:
        caches: list[Path] = []

        def fresh_cache(i: int) -> None:
            caches.append(work / f"cache-{size}-{i}")
            shutil.rmtree(caches[-1], ignore_errors=True)

        say("cold, empty cache")
        cached_out = work / f"findings-{size}-cached.json"
        fills = 1 if args.skip_cold else repeat  # --skip-cold is for the warm columns
        timings["cold_cache"] = _with_cache(
            check, cached_out, folder, fills, slow, fresh_cache, caches
        )
        if expected is None:  # --skip-cold: the first cached run is the reference
            result["score"] = score(load_findings(cached_out), manifest)
            expected = fingerprints(cached_out)
        same["cold_cache"] = fingerprints(cached_out) == expected
        cache = caches[-1]
        with_cache = [*check, "--cache-dir", str(cache)]

        say("warm")
        warm_out = work / f"findings-{size}-warm.json"
        timings["warm"] = measure([*with_cache, "-o", str(warm_out)], folder, repeat, slow)
        same["warm"] = fingerprints(warm_out) == expected

        say("warm, one file edited")
        edited = sorted(folder.rglob("*.md"))[size // 2]
        original = edited.read_bytes()

        def edit(i: int) -> None:
            edited.write_bytes(original + EDIT.format(n=i + 1).encode())

        try:
            edit_out = work / f"findings-{size}-edit.json"
            timings["warm_edit"] = measure(
                [*with_cache, "-o", str(edit_out)], folder, repeat, slow, before=edit
            )
            same["warm_edit"] = fingerprints(edit_out) == expected
        finally:
            edited.write_bytes(original)

        say("draft")
        text, quote = generate.draft(size, args.seed)
        draft = work / f"draft-{size}.md"

        def new_draft(i: int) -> None:  # never a cache hit: each run checks a new draft
            draft.write_text(text + EDIT.format(n=i + 1), encoding="utf-8")

        draft_out = work / f"findings-{size}-draft.json"
        timings["draft"] = measure(
            [*with_cache, "--draft", str(draft), "-o", str(draft_out)],
            folder,
            repeat,
            slow,
            before=new_draft,
        )
        result["draft"] = {
            "wrong_figure": quote,
            "findings": len(load_findings(draft_out)),
        }
    result["rss_mb"] = max((t.rss_mb for k, t in timings.items() if k != "floor"), default=0.0)
    result["timings"] = {k: t.as_dict() for k, t in timings.items()}
    return result


def _with_cache(
    check: list[str],
    out: Path,
    folder: Path,
    repeat: int,
    slow: float,
    fresh: Callable[[int], None],
    caches: list[Path],
) -> Timing:
    """Cold runs, each into a new empty cache folder (the last one is kept, warm)."""
    timing = Timing()
    for i in range(repeat):
        fresh(i)
        one = measure([*check, "-o", str(out), "--cache-dir", str(caches[-1])], folder, 1, slow)
        timing.runs += one.runs
        timing.cpu += one.cpu
        timing.exit_codes += one.exit_codes
        timing.rss_mb = max(timing.rss_mb, one.rss_mb)
        timing.phases, timing.error = one.phases, one.error
        if one.error or (one.runs and one.runs[0] > slow):
            break
    return timing


# --------------------------------------------------------------------------- report

COLUMNS = (
    ("floor", "floor"),
    ("cold", "cold"),
    ("cold_cache", "cold, cache"),
    ("warm", "warm"),
    ("warm_edit", "warm, 1 edit"),
    ("draft", "draft"),
)


def table(results: list[dict[str, Any]], which: str = "median") -> str:
    """The Markdown table of wall-clock medians (`which` "median"), or of CPU medians
    ("cpu_median": user + system, which another job on the machine barely moves)."""
    head = ["docs", "MB", *(label for _, label in COLUMNS), "peak RSS", "recall", "false alarms"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        floor = r["timings"]["floor"][which]
        cells = [f"{r['documents']:,}", f"{r['bytes'] / 1e6:.1f}"]
        for key, _ in COLUMNS:
            t = r["timings"].get(key)
            if t is None:
                cells.append("n/a")
            elif t["error"]:
                cells.append("error")
            elif key == "floor" or not floor:
                cells.append(f"{t[which]:.2f} s")
            else:
                cells.append(f"{t[which]:.2f} s ({_ratio(t[which] / floor)})")
        s = r["score"]
        recall = f"{s['reported']}/{s['injected']}" if s["injected"] else "n/a"
        cells += [f"{r['rss_mb']:.0f} MB", recall, str(s["false_alarms"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ratio(times: float) -> str:
    """3.8× near the targets (3× warm, 4× one edit), 119× far from them."""
    return f"{times:.1f}×" if times < 10 else f"{times:.0f}×"


def describe(m: dict[str, Any]) -> str:
    ram = f"{m['ram_gb']} GB RAM" if m["ram_gb"] else "RAM unknown"
    commit = f", doichieu {m['commit']}" if m["commit"] else ""
    return (
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {ram}, Python {m['python']}, "
        f"{m['platform']}{commit}"
    )


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
