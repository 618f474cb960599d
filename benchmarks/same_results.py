"""Did a speed change change a result? Compare two installs of doichieu byte for byte.

    python benchmarks/same_results.py --before /tmp/xv_base/bin/doichieu \\
        --after /tmp/xv_new/bin/doichieu --archive /tmp/bench/a1000

Each install is usually a venv over a clean `git worktree` of one commit, so
that both run the same set of checks whatever else is being changed in the
shared tree. Both run from the same working directory with the same arguments,
so the paths they print are the same and their outputs are compared as bytes
(`cmp`), never by eye. The cases:

    check SEEDS --format json --no-cache           the seeds of the repository
    check CORPUS --format json --no-cache          ../shared/corpus (real and news2017)
    check ARCHIVE --format json --no-cache         a generated archive (benchmarks/generate.py)
    claims CORPUS/real --format json               the claims of the real articles

and, since the cache is what speed work changes most, the `--after` install
also runs the archive and the corpus through a new cache three times: filling
it, warm, and warm after one file was edited and restored (its size and
modification time differ from the cached ones: it must be read again and
still give the same output). Each of those must equal the `--before` cold run.
Exit 0 when every output is identical, 1 otherwise (naming the cases), 2 when
a command fails to run. Only bytes are compared: nothing of the held-out half
of news2017 is printed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def run(exe: str, args: list[str], out: Path, cwd: Path) -> None:
    """One doichieu process, its report written to `out`; exit 0 and 1 are results."""
    started = time.perf_counter()
    with out.open("wb") as stdout:  # `claims` has no -o: the report is what stdout gets
        done = subprocess.run(
            [exe, *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False
        )
    if done.returncode not in (0, 1):
        sys.exit(f"same_results: {exe} {' '.join(args)} exited {done.returncode}: {done.stderr}")
    print(f"  {time.perf_counter() - started:6.1f} s  {Path(exe).parent.parent.name}: {out.name}")


def touch_one(folder: Path) -> None:
    """Rewrite one document with the same bytes and a new modification time: a
    cache keyed by file metadata must read it again (and find the same entry)."""
    docs = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".md", ".txt"})
    if not docs:
        return
    first = docs[0]
    data = first.read_bytes()
    first.write_bytes(data)
    os.utime(first, ns=(time.time_ns(), time.time_ns() + 1_000_000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the doichieu executable of the base")
    parser.add_argument("--after", required=True, help="the doichieu executable of the change")
    parser.add_argument("--seeds", type=Path, default=HERE.parent / "seeds")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--archive", type=Path, help="a generated archive (optional)")
    parser.add_argument("--skip-corpus", action="store_true", help="leave ../shared/corpus out")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="same_results-"))
    cold = ["--format", "json", "--no-cache"]
    cases: list[tuple[str, list[str], Path | None]] = [
        ("seeds", ["check", str(args.seeds.resolve()), *cold], None)
    ]
    if not args.skip_corpus and args.corpus.is_dir():
        corpus = args.corpus.resolve()
        cases.append(("corpus", ["check", str(corpus), *cold], None))
        cases.append(("claims-real", ["claims", str(corpus / "real"), "--format", "json"], None))
    if args.archive:
        cases.append(("archive", ["check", str(args.archive.resolve()), *cold], args.archive))
    different: list[str] = []
    for name, command, touch in cases:
        before, after = work / f"{name}.before.json", work / f"{name}.after.json"
        run(args.before, command, before, work)
        run(args.after, command, after, work)
        outputs = [after]
        if name in {"corpus", "archive"}:  # the same, through a new cache: fill, warm, edited
            cache = work / f"cache-{name}"
            cached = [a for a in command if a != "--no-cache"] + ["--cache-dir", str(cache)]
            for step in ("fill", "warm", "edited"):
                if step == "edited" and touch is not None:
                    touch_one(touch)
                out = work / f"{name}.after-{step}.json"
                run(args.after, cached, out, work)
                outputs.append(out)
        for out in outputs:
            same = filecmp.cmp(before, out, shallow=False)
            print(f"{'same' if same else 'DIFFERENT'}: {name} ({out.name})")
            if not same:
                different.append(out.name)
    if different:
        print(f"different outputs (kept in {work}): {', '.join(different)}")
        return 1
    shutil.rmtree(work)
    print("every output identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
