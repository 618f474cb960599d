"""Precision of doichieu over the whole shared corpus, from verdicts stored in the repository.

    .venv/bin/python benchmarks/corpus.py             # findings by severity x verdict
    .venv/bin/python benchmarks/corpus.py --unjudged  # and those without a verdict, as YAML
    .venv/bin/python benchmarks/corpus.py --json      # the same numbers as JSON

The whole of ../shared/corpus (news2017, real, real_detokenized) is checked in
one run, in process, with every check and the default settings: documents group
by province exactly as in `doichieu check ../shared/corpus`, so a figure of
real/ is compared with one of news2017/. Each finding is matched like
benchmarks/realnews.py does (code and set of (file, quote) of its evidence):

- evidence all in news2017/: tests/realnews/verdicts.yaml, files relative to
  news2017 (the verdicts the two halves of realnews.py use);
- evidence citing any other file: tests/realnews/corpus_verdicts.yaml, files
  relative to ../shared/corpus (`real/...`, `news2017/...` for the mixed ones).

Engine diagnostics (DC.., EN..) are left out: they judge a file, not two
statements. Exit status 0, or 2 with a one-line error when the corpus is absent
or a verdict file is malformed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # realnews.py, a sibling script

import realnews
from realnews import DataError, Judged, Verdict

from linter.engine.run import Options, run
from linter.models import Finding, RunResult, Severity

CORPUS = realnews.REPO.parent / "shared" / "corpus"
NEWS = "news2017/"  # the part whose verdicts live in verdicts.yaml
NEWS_VERDICTS = realnews.DATA / "verdicts.yaml"
CORPUS_VERDICTS = realnews.DATA / "corpus_verdicts.yaml"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
COLUMNS = (*realnews.VERDICTS, "unjudged")


def news_only(paths: Iterable[str]) -> bool:
    return all(p.startswith(NEWS) for p in paths)


def key(finding: Finding) -> tuple[str, frozenset[tuple[str, str]]]:
    """The finding's key in the verdict file it belongs to (paths relative to that file's root)."""
    code, evidence = realnews.finding_key(finding)
    if news_only(path for path, _ in evidence):
        return code, frozenset((path.removeprefix(NEWS), quote) for path, quote in evidence)
    return code, evidence


def load_corpus_verdicts(path: Path = CORPUS_VERDICTS) -> list[Verdict]:
    verdicts = realnews.load_verdicts(path)
    for v in verdicts:  # in both files, a finding would be judged twice or never
        if news_only(q.file for q in v.evidence):
            raise DataError(f"{path}: {v.code} cites only news2017: it goes in verdicts.yaml")
    return verdicts


def measure(
    corpus: Path = CORPUS,
    news_verdicts: Path = NEWS_VERDICTS,
    corpus_verdicts: Path = CORPUS_VERDICTS,
) -> tuple[tuple[Judged, ...], int, RunResult]:
    """The judged findings of one run over `corpus`, and how many corpus verdicts matched none."""
    if not corpus.is_dir():
        raise DataError(f"corpus not present at {corpus} (it lives in ../shared, outside the repo)")
    news, whole = realnews.load_verdicts(news_verdicts), load_corpus_verdicts(corpus_verdicts)
    result = run([corpus], Options(), root=corpus)  # claims kept: the quotes are read in the texts
    documents = {d.path: d for d in result.documents}
    realnews.check_quotes(whole, documents)
    inside = {p.removeprefix(NEWS): d for p, d in documents.items() if p.startswith(NEWS)}
    realnews.check_quotes(news, inside)
    by_key = {v.key: v for v in (*news, *whole)}
    judged = tuple(
        Judged(finding=f, verdict=by_key.get(key(f)))
        for f in result.findings
        if not realnews.is_engine(f)
    )
    used = {j.verdict.key for j in judged if j.verdict}
    return judged, sum(1 for v in whole if v.key not in used), result


# --- output -----------------------------------------------------------------------------------


def table(judged: Sequence[Judged]) -> dict[str, dict[str, Any]]:
    """Rows by severity, then warning+ and all: counts per verdict and precision."""
    rows = {s.value: [j for j in judged if j.finding.severity is s] for s in SEVERITIES}
    rows["warning+"] = [j for j in judged if j.finding.severity.rank >= Severity.WARNING.rank]
    rows["all"] = list(judged)
    out = {}
    for name, pool in rows.items():
        counts = Counter(j.verdict.verdict if j.verdict else "unjudged" for j in pool)
        row: dict[str, Any] = {c: counts[c] for c in COLUMNS}
        decided = row["true"] + row["false"]
        row["findings"] = len(pool)
        row["precision"] = row["true"] / decided if decided else None
        # Debatable counted as wrong: the number an editor who doubts them would see.
        strict = decided + row["debatable"]
        row["precision_strict"] = row["true"] / strict if strict else None
        out[name] = row
    return out


def markdown(judged: Sequence[Judged], unused: int, documents: int) -> str:
    rows = table(judged)
    lines = [
        f"## doichieu on ../shared/corpus: {documents} documents, {len(judged)} findings",
        "",
        "| severity | true | false | debatable | unjudged | findings | precision | strict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        counts = " | ".join(str(r[c]) for c in (*COLUMNS, "findings"))
        shares = f"{realnews._pct(r['precision'])} | {realnews._pct(r['precision_strict'])}"
        lines.append(f"| {name} | {counts} | {shares} |")
    lines += ["", f"corpus_verdicts.yaml entries matching no finding (gone or changed): {unused}"]
    return "\n".join(lines) + "\n"


def unjudged(judged: Sequence[Judged], result: RunResult) -> str:
    documents = {d.path: d for d in result.documents}
    lines = []
    for j in judged:
        if j.verdict is not None:
            continue
        f = j.finding
        home = NEWS_VERDICTS if news_only(e.path for e in f.evidence) else CORPUS_VERDICTS
        lines += [f"### {f.code} {f.severity.value}: {f.message}", "", f"in {home.name}:"]
        for e in f.evidence:
            doc = documents[e.path]
            start, end = realnews.span_range(e, realnews.line_starts(doc.original))
            lines.append(f"- `{e.path}` quote: {e.quote!r}")
            lines.append(f"  sentence: {realnews.sentence_around(doc, start, end)}")
        stub = {
            "code": f.code,
            "evidence": [{"file": path, "quote": quote} for path, quote in _in_order(f)],
            "verdict": "true|false|debatable",
            "why": "...",
        }
        block = yaml.safe_dump([stub], allow_unicode=True, sort_keys=False, width=100)
        lines += ["", "```yaml", block.rstrip(), "```", ""]
    return "\n".join(lines) if lines else "(every finding has a verdict)\n"


def _in_order(finding: Finding) -> list[tuple[str, str]]:
    """The evidence as the verdict file writes it, in the finding's order, each pair once."""
    strip = news_only(e.path for e in finding.evidence)
    pairs = [(e.path.removeprefix(NEWS) if strip else e.path, e.quote) for e in finding.evidence]
    return list(dict.fromkeys(pairs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unjudged", action="store_true", help="list findings without a verdict")
    parser.add_argument("--json", action="store_true", help="the numbers as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    try:
        judged, unused, result = measure(args.corpus)
    except DataError as exc:
        print(f"corpus: {exc}", file=sys.stderr)
        return 2
    if args.json:
        numbers = {"table": table(judged), "unused_corpus_verdicts": unused}
        print(json.dumps(numbers, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(markdown(judged, unused, len(result.documents)), end="")
    if args.unjudged:
        print("\n## Findings without a verdict\n")
        print(unjudged(judged, result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
