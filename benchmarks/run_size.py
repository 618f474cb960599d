"""One size of benchmarks/run.py: the floor and every run of `doichieu check` on one
archive (cold, cold into a cache, warm, one edit, a draft), and the findings of each
scored against the archive's manifest (recall, false alarms) and the cold run's."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import generate  # benchmarks/generate.py, next to this file (run.py puts it on sys.path)
from run_setup import corpus_for
from run_timing import Timing, measure

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
