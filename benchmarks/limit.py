"""Issue 15's "realistic limit" of a Python parser, measured on an archive beside the floor.

    python benchmarks/limit.py DIR                  # floor, the light pipeline, doichieu cold
    python benchmarks/limit.py DIR --jobs 1,2 --repeat 5 --json out.json
    python benchmarks/limit.py --scan DIR [--jobs N]  # the light pipeline alone

Issue 15 sets a cold run's target at 10× the floor (a bare process that reads every
file and counts digit runs, `run_size.FLOOR`) and names, as the limit of a Python
parser on this machine, "sentence splitting + ten regular expressions + an
Aho-Corasick gazetteer". This script runs that light pipeline as a whole process
(`--scan`): our own sentence splitter (`linter.nlp.sentences`), ten expressions of
the kinds a claim parser needs (figures, dates, citation numbers, percents, money,
units, acts, years, months, changes) searched in every sentence, and every name of
the gazetteer (provinces, districts, wards; pyahocorasick's automaton, built in
the process, as a parser would) found in every lowered sentence. With `--jobs N`
the files are split among N forked processes, as `doichieu check --jobs N` parses.

It then times the floor, the light pipeline and `doichieu check DIR --no-cache`
as run.py does (whole processes, wall clock and CPU of the process and its
workers, medians of --repeat runs) and prints each as a multiple of the floor:
what the light pipeline alone costs says how far below it a real parser's cold
run can go. The numbers depend on the machine; the README quotes them with the
command and the commit.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from run_timing import Timing

# Ten expressions of what a claim parser looks for, written as plainly as such a
# parser would: each one alone is cheap; a sentence is searched for all ten.
EXPRESSIONS = (
    r"\d+(?:[.,]\d+)*",  # a figure
    r"\b\d{1,2}/\d{1,2}/\d{4}\b",  # a date
    r"\bsố\s+\d+/\d{4}/[A-ZĐ-]+",  # a citation's number
    r"\d+(?:,\d+)?\s*%",  # a percent
    r"\b(?:tỷ|tỉ|triệu|nghìn|ngàn)\s+đồng\b",  # money
    r"\b(?:ha|km|tấn|người|hộ|lượt)\b",  # a unit
    r"\b(?:[Nn]ghị quyết|[Qq]uyết định|[Kk]ế hoạch|[Cc]hỉ thị)\b",  # an act
    r"\bnăm\s+\d{4}\b",  # a year
    r"\btháng\s+\d{1,2}\b",  # a month
    r"\b(?:tăng|giảm|đạt|vượt)\s+\d",  # a change
)


def gazetteer_names() -> list[str]:
    """Every province, district and ward name of the gazetteer, lowered, unique."""
    from linter.metadata import gazetteer

    table = gazetteer.load()
    names = {p.name for ps in table.provinces.values() for p in ps}
    names |= {p.full for ps in table.provinces.values() for p in ps}
    names |= {d.short for d in table.district_of.values()}
    names |= {w.short for ws in table.read_wards().values() for w in ws}
    return sorted({n.lower() for n in names if len(n) > 2})


def scan(files: list[Path]) -> dict[str, int]:
    """The light pipeline on `files`: its counts (sentences, matches, places, bytes)."""
    import ahocorasick  # a dev dependency (pyproject's [dev]): only this benchmark uses it

    from linter.nlp import sentences

    automaton = ahocorasick.Automaton()
    for name in gazetteer_names():
        automaton.add_word(name, name)
    automaton.make_automaton()
    expressions = [re.compile(e) for e in EXPRESSIONS]
    counts = {"files": 0, "bytes": 0, "sentences": 0, "matches": 0, "places": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        counts["files"] += 1
        counts["bytes"] += len(text.encode("utf-8"))
        for start, end in sentences(text):
            sentence = text[start:end]
            counts["sentences"] += 1
            counts["matches"] += sum(len(e.findall(sentence)) for e in expressions)
            counts["places"] += sum(1 for _ in automaton.iter(lowered[start:end]))
    return counts


def scan_tree(folder: Path, jobs: int = 1) -> dict[str, int]:
    """`scan` of every .md file under `folder`, split among `jobs` forked processes
    (every jobs-th file each, in sorted order), the counts summed."""
    files = sorted(folder.rglob("*.md"))
    if jobs <= 1:
        return scan(files)
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        parts = pool.map(scan, [files[i::jobs] for i in range(jobs)])
    return {key: sum(part[key] for part in parts) for key in parts[0]}


def sizes(folder: Path) -> dict[str, int]:
    """What the table divides by and says: files, bytes, sentences (split alone)."""
    from linter.nlp import sentences

    files = sorted(folder.rglob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    return {
        "files": len(files),
        "bytes": sum(len(text.encode("utf-8")) for text in texts),
        "sentences": sum(len(sentences(text)) for text in texts),
    }


def timings(folder: Path, jobs: list[int], repeat: int, doichieu: list[str]) -> dict[str, Timing]:
    """The floor, the light pipeline and doichieu's cold run with each of `jobs`."""
    from run_size import FLOOR
    from run_timing import measure

    out: dict[str, Timing] = {}
    out["floor"] = measure([sys.executable, "-c", FLOOR, str(folder)], folder, repeat, 1e9, ok=(0,))
    for n in jobs:
        scanning = [sys.executable, __file__, "--scan", str(folder), "--jobs", str(n)]
        out[f"light pipeline, jobs {n}"] = measure(scanning, folder, repeat, 1e9, ok=(0,))
    for n in jobs:
        cold = [*doichieu, "check", ".", "--no-cache", "--format", "json", "-o", os.devnull]
        out[f"doichieu cold, jobs {n}"] = measure([*cold, "--jobs", str(n)], folder, repeat, 60)
    return out


def table(measured: dict[str, Timing], size: int) -> str:
    floor = measured["floor"]
    lines = [
        "| run | wall | × floor | CPU | × floor | MB/s of CPU |",
        "|---|---|---|---|---|---|",
    ]
    for name, t in measured.items():
        if t.error or t.median is None or t.cpu_median is None:
            lines.append(f"| {name} | failed: {t.error} | | | | |")
            continue
        wall, cpu = t.median / floor.median, t.cpu_median / floor.cpu_median  # type: ignore[operator]
        rate = size / t.cpu_median / 1e6
        lines.append(
            f"| {name} | {t.median:.2f} s | {wall:.1f}× | {t.cpu_median:.2f} s | {cpu:.1f}× "
            f"| {rate:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="an archive (benchmarks/generate.py)")
    parser.add_argument("--scan", action="store_true", help="run the light pipeline only")
    parser.add_argument("--jobs", default="1,2", help="processes, comma-separated (1,2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--doichieu", help="the doichieu command to time (default: this venv's)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    jobs = [int(j) for j in str(args.jobs).split(",") if j.strip()]
    if args.scan:  # the timed child: nothing imported but what the pipeline needs
        print(json.dumps(scan_tree(folder, jobs[0]), sort_keys=True))
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run_*.py, next to this file
    from run_setup import doichieu_command, machine

    counts = sizes(folder)
    doichieu = args.doichieu.split() if args.doichieu else doichieu_command()
    measured = timings(folder, jobs, args.repeat, doichieu)
    print(f"{counts['files']} files, {counts['bytes'] / 1e6:.1f} MB, {counts['sentences']} "
          f"sentences; medians of {args.repeat} run(s)\n")  # fmt: skip
    print(table(measured, counts["bytes"]))
    if args.json:
        data = {
            "machine": machine(),
            "counts": counts,
            "results": {name: t.as_dict() for name, t in measured.items()},
        }
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
