"""How well `linter.checking.events` links reports of one event on real news.

    .venv/bin/python benchmarks/linking.py --half tune            # while working
    .venv/bin/python benchmarks/linking.py --half tune --missed   # the unlinked pairs, to read
    .venv/bin/python benchmarks/linking.py --half heldout         # once, at the end: counts only
    .venv/bin/python benchmarks/linking.py --write-frequencies    # linter/data/syllables.yaml

Over the clusters of one half of news2017 (tests/realnews/split.yaml), each
file is read and given its metadata as `doichieu check` does (no claims: the
linking reads the text, title, date and province only), grouped by province,
and linked with `linked_pairs`. Counted:

- recall: pairs of one cluster that are linked, apart for clusters of kind
  `event` (one press conference, session, incident: they should be linked) and
  of kind `period` (articles of the same weeks, not one event: linking them is
  neither right nor wrong, so they are shown but not scored);
- false links: pairs of one province from two different clusters that are
  linked (the clusters were made so that each event is one cluster);
- the reading set's entries whose quotes span two or more files
  (tests/realnews/<half>_inconsistencies.yaml), and how many of them have every
  pair of their files linked: an entry whose reports are not linked can never
  be found by EV01 or EV03. Only counts are printed, never an entry.

`--write-frequencies` writes the table the linking weighs words with: in how
many of the news2017 articles that belong to no cluster (tuning material, never
held out) each folded syllable occurs, for those in at least `MIN_COUNT`.

Exit status 0, or 2 with a one-line error when the corpus is absent or a data
file is malformed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from realnews import CORPUS, DATA, DataError, load_inconsistencies, load_split  # noqa: E402
from realnews_data import half_files  # noqa: E402

from linter.checking.events import linked_pairs  # noqa: E402
from linter.checking.wording import syllables  # noqa: E402
from linter.metadata.infer import infer_metadata  # noqa: E402
from linter.models import Document  # noqa: E402
from linter.read.loading import load_document  # noqa: E402

Pair = frozenset[str]
TABLE = HERE.parent / "linter" / "data" / "syllables.yaml"
MIN_COUNT = 5  # rarer syllables are weighed alike, as rare: the table stays small


def read(corpus: Path, files: Iterable[str]) -> list[Document]:
    """The documents with their metadata, as the engine gives them to the checks."""
    docs = []
    for name in sorted(files):
        loaded = load_document(corpus / name, name)
        if loaded.document is None:
            raise DataError(f"{corpus / name}: cannot be read")
        doc = loaded.document
        docs.append(doc.model_copy(update={"meta": infer_metadata(doc)}))
    return docs


def linked(docs: list[Document]) -> set[Pair]:
    """Every linked pair, province by province, as the engine groups documents."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[doc.meta.province or doc.path].append(doc)
    return {frozenset((a.path, b.path)) for g in groups.values() for a, b, _ in linked_pairs(g)}


def measure(half: str, corpus: Path = CORPUS, missed: bool = False) -> list[str]:
    if not corpus.is_dir():
        raise DataError(f"corpus not present at {corpus} (it lives in ../shared, outside the repo)")
    clusters = load_split(half)
    cluster_of = {f: c for c in clusters for f in c.files}
    docs = read(corpus, cluster_of)
    province = {d.path: d.meta.province for d in docs}
    started = time.perf_counter()
    found = linked(docs)
    seconds = time.perf_counter() - started
    lines = [f"{half}: {len(clusters)} clusters, {len(docs)} articles, linked in {seconds:.2f} s"]
    for kind in ("event", "period"):
        pairs = [
            frozenset(p)
            for c in clusters
            if c.kind == kind
            for p in itertools.combinations(c.files, 2)
        ]
        hits = sum(1 for p in pairs if p in found)
        lines.append(f"  same {kind} cluster: {hits} of {len(pairs)} pairs linked")
        if missed:
            lines.extend(f"    not linked: {' '.join(sorted(p))}" for p in pairs if p not in found)
    other = [
        frozenset((a, b))
        for a, b in itertools.combinations(sorted(cluster_of), 2)
        if cluster_of[a].id != cluster_of[b].id and province[a] and province[a] == province[b]
    ]
    wrong = sorted(sorted(p) for p in other if p in found)
    lines.append(f"  different clusters, one province: {len(wrong)} of {len(other)} pairs linked")
    if missed:
        lines.extend(f"    linked: {' '.join(p)}" for p in wrong)
    entries = [
        e for e in load_inconsistencies(DATA / f"{half}_inconsistencies.yaml") if len(e.files) > 1
    ]
    kinds = sorted({e.kind for e in entries})
    for kind in ("all", *kinds):
        chosen = [e for e in entries if kind in ("all", e.kind)]
        joined = sum(
            1
            for e in chosen
            if all(frozenset(p) in found for p in itertools.combinations(e.files, 2))
        )
        counted = f"{joined} of {len(chosen)} linked"
        lines.append(f"  reading set, {kind}, two or more reports: {counted}")
    if missed:
        lines.extend(
            f"    not linked: {e.id} {' '.join(e.files)}"
            for e in entries
            if not all(frozenset(p) in found for p in itertools.combinations(e.files, 2))
        )
    return lines


def write_frequencies(corpus: Path = CORPUS, table: Path = TABLE) -> str:
    """The syllable table, from the articles of no cluster of either half."""
    texts = [_text(corpus / n, n) for n in half_files("none", corpus)]
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        for syllable in syllables(text):
            counts[syllable] += 1
    kept = sorted((s, n) for s, n in counts.items() if n >= MIN_COUNT)
    lines = [
        "# In how many of `documents` news articles each folded syllable occurs (those in",
        f"# at least {MIN_COUNT}): the weights of words when linking reports of one event",
        "# (linter/checking/wording.py). Generated by `benchmarks/linking.py",
        "# --write-frequencies` from the news2017 articles of no cluster; do not edit.",
        f"documents: {len(texts)}",
        f"rare: {MIN_COUNT}",
        "frequency:",
        *(f'  "{s}": {n}' for s, n in kept),  # quoted: "no", "on" are no booleans
    ]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"{table}: {len(kept)} syllables of {len(texts)} articles"


def _text(path: Path, name: str) -> str:
    loaded = load_document(path, name)
    if loaded.document is None:
        raise DataError(f"{path}: cannot be read")
    return loaded.document.text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--missed", action="store_true", help="list unlinked and false pairs")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--write-frequencies", action="store_true", help="write " + TABLE.name)
    args = parser.parse_args(argv)
    if args.missed and args.half != "tune":
        parser.error("--missed lists pairs to read: the tuning half only")
    try:
        if args.write_frequencies:
            print(write_frequencies(args.corpus))
            return 0
        print("\n".join(measure(args.half, args.corpus, args.missed)))
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
