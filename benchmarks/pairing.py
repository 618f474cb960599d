"""Why the figures of two linked reports are not compared: `likeness.vetoes` over a half.

    .venv/bin/python benchmarks/pairing.py --half tune                # while working
    .venv/bin/python benchmarks/pairing.py --half tune --show status  # to read
    .venv/bin/python benchmarks/pairing.py --half heldout             # once: counts only

EV01 compares two figures of linked reports when `linter.checking.likeness.match`
finds them alike: one unit, measure and base, periods and roles not apart
(`linter.checking.apart`), statuses not apart, subjects alike. For every pair of
reports `linter.checking.events` links, and every pair of their usable figures
(`usable.distinct`) of one unit, measure and base that do not agree at the default
tolerance, this counts which of those tests keep them apart (`likeness.vetoes`),
and how many pairs each test alone keeps apart: a test that vetoes many pairs
alone is the one a looser reading would act on, so its pairs are the ones to read
(`--show`) before loosening it.

`--half tune` reads the tuning clusters and the articles of no cluster (the
material a helper may read); `--half heldout` reads the held-out clusters and
prints counts only (`--show` is refused). Exit status 0, or 2 with a one-line
error when the corpus is absent or a data file is malformed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))  # realnews, a sibling module

from realnews import CORPUS, check_files
from realnews_data import DataError, half_files

from linter.checking.events import linked_pairs
from linter.checking.likeness import agree, vetoes
from linter.checking.usable import distinct
from linter.claims.quantities import APPROX_TOLERANCE
from linter.models import Document, Quantity, RunResult

Pair = tuple[str, Quantity, str, Quantity, tuple[str, ...]]


def pairs(result: RunResult, tolerance: float = APPROX_TOLERANCE) -> Iterator[Pair]:
    """Each pair of figures of linked reports of one province (as the engine groups
    them), one unit, measure and base, that do not agree, with the tests that keep
    it apart (none: `match` pairs them)."""
    figures = {
        path: distinct(c for c in claims if isinstance(c, Quantity))
        for path, claims in result.claims.items()
    }
    provinces: dict[str, list[Document]] = defaultdict(list)
    for doc in result.documents:  # checks compare the documents of one province only
        if doc.meta.province:
            provinces[doc.meta.province].append(doc)
    linked = (link for _, docs in sorted(provinces.items()) for link in linked_pairs(docs))
    for a, b, _ in linked:
        for qa in figures.get(a.path, ()):
            for qb in figures.get(b.path, ()):
                if (qa.unit, qa.measure, qa.base) != (qb.unit, qb.measure, qb.base):
                    continue
                if not agree(qa, qb, tolerance):
                    yield a.path, qa, b.path, qb, vetoes(qa, qb)


def table(found: list[Pair]) -> list[str]:
    """The combinations of tests that keep pairs apart, most pairs first, then the
    pairs each test keeps apart on its own."""
    combos = Counter(" + ".join(why) or "(compared)" for *_, why in found)
    alone = Counter(why[0] for *_, why in found if len(why) == 1)
    lines = [f"pairs of disagreeing figures of linked reports: {len(found)}", ""]
    lines += [
        f"{n:6d}  {combo}" for combo, n in sorted(combos.items(), key=lambda x: (-x[1], x[0]))
    ]
    lines += ["", "kept apart by one test alone:"]
    lines += [f"{alone[name]:6d}  {name}" for name in ("period", "role", "status", "subject")]
    return lines


def show(found: list[Pair], test: str) -> list[str]:
    """The pairs `test` alone keeps apart, as a reader checks them."""
    lines = []
    for path_a, qa, path_b, qb, why in found:
        if why == (test,):
            lines.append(f"== {path_a}  {path_b}")
            for q in (qa, qb):
                period = q.period and f"{q.period.start}..{q.period.end}"
                lines.append(
                    f"   {q.span.quote!r} subject={q.subject!r} period={period} status={q.status}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "heldout"), required=True)
    parser.add_argument("--show", choices=("period", "role", "status", "subject"))
    args = parser.parse_args(argv)
    if args.show and args.half == "heldout":
        print("error: --show reads pairs; the held-out half is counted only", file=sys.stderr)
        return 2
    try:
        if not CORPUS.is_dir():
            raise DataError(f"corpus not present at {CORPUS} (it lives in ../shared)")
        found = list(pairs(check_files(CORPUS, half_files(args.half, CORPUS))))
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(show(found, args.show) if args.show else table(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
