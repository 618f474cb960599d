"""How often the year inferred for an undated article is right, on real news.

    .venv/bin/python benchmarks/docyear.py                  # tuning material of news2017 + real
    .venv/bin/python benchmarks/docyear.py --half heldout   # held-out clusters: counts only

Every article is read with its `date` and `published` keys removed from the
front matter, as if nobody had dated it, and the metadata stage infers its
date and year (`linter.metadata.pubdate`). Truth: the year of the removed key
where there is one; else 2017 for news2017, whose articles were all crawled
between February and July 2017 (its README). The tuning material is the
tuning clusters and the articles in no cluster (tests/realnews/split.yaml),
plus ../shared/corpus/real; held-out clusters are only counted. Exit status 0,
or 2 with a one-line error when the corpus is absent or the split malformed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))  # realnews_data, a sibling module

from realnews_data import DataError, half_files  # noqa: E402

from linter.metadata.infer import infer_metadata  # noqa: E402
from linter.read.loading import load_text  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
_DATED = re.compile(r"^(?:published|date):[^\n]*\n", re.MULTILINE)
_YEAR = re.compile(r'^(?:published|date):\s*"?(\d{4})', re.MULTILINE)


def files(half: str) -> list[tuple[Path, int | None]]:
    """(article, the year it is known to be of) for the half asked."""
    news = CORPUS / "news2017"
    found: list[tuple[Path, int | None]] = [(news / f, 2017) for f in half_files(half, news)]
    if half != "heldout":
        found += [(p, None) for p in sorted((CORPUS / "real").rglob("*.txt"))]
    return found


def measure(paths: list[tuple[Path, int | None]]) -> dict[str, Counter[str]]:
    tally: dict[str, Counter[str]] = {}
    for path, default in paths:
        raw = path.read_text(encoding="utf-8")
        stated = _YEAR.search(raw)
        truth = int(stated[1]) if stated else default
        source = f"{path.parent.parent.name}, {'with' if stated else 'without'} a date key"
        document = load_text(_DATED.sub("", raw), str(path), ".txt").document
        if document is None or truth is None:
            continue
        meta = infer_metadata(document)
        count = tally.setdefault(source, Counter())
        count["articles"] += 1
        if meta.year is not None:
            right = "right" if meta.year == truth else "wrong"
            count[f"{meta.year_source.value} {right}"] += 1
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "heldout"), default="tune")
    args = parser.parse_args(argv)
    if not (CORPUS / "news2017").is_dir():
        print(f"docyear: error: {CORPUS / 'news2017'} is not here", file=sys.stderr)
        return 2
    try:
        chosen = files(args.half)
    except DataError as error:  # a malformed tests/realnews/split.yaml
        print(f"docyear: error: {error}", file=sys.stderr)
        return 2
    for source, count in sorted(measure(chosen).items()):
        given = sum(n for k, n in count.items() if k != "articles")
        right = sum(n for k, n in count.items() if k.endswith("right"))
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(count.items()) if k != "articles")
        n = count["articles"]
        print(f"{source}: {n} articles, a year for {given}, right {right} ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
