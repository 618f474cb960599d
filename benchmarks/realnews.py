"""How doichieu does on real news: precision of what it says, recall of what a reader found.

    .venv/bin/python benchmarks/realnews.py --half heldout         # the number to report
    .venv/bin/python benchmarks/realnews.py --half tune            # in-sample, for tuning
    .venv/bin/python benchmarks/realnews.py --half tune --unjudged # findings still to judge
    .venv/bin/python benchmarks/realnews.py --half heldout --json  # the same numbers as JSON

One half of the news2017 clusters (tests/realnews/split.yaml: odd clusters are
tuned on, even ones held out) is checked in one run, in process, with every
check and the default settings, so that documents group by province exactly as
in `doichieu check`. Each finding is matched to a hand-written verdict
(tests/realnews/verdicts.yaml) by its code and the set of (file, quote) of its
evidence: line numbers and messages change with every parser fix, the quotes a
finding rests on do not. Recall is over the inconsistencies a careful reader
found in the half (tests/realnews/<half>_inconsistencies.yaml): an entry is
found when one finding, at any severity, has evidence overlapping every quote
of the entry.

Engine diagnostics (DC.., EN..) are counted in the table of codes but not in
precision: they say a file is malformed or a check crashed, not that two
statements contradict each other. Exit status 0, or 2 with a one-line error
when the corpus is absent or a data file is malformed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))  # realnews_data.py and realnews_match.py, siblings

from realnews_data import (  # noqa: E402
    DATA,
    ENGINE_PREFIXES,
    VERDICTS,
    Cluster,
    DataError,
    Inconsistency,
    Judged,
    Measurement,
    Quote,
    Verdict,
    is_engine,
    load_inconsistencies,
    load_split,
    load_verdicts,
)
from realnews_match import (  # noqa: E402
    check_quotes,
    covers,
    finding_key,
    judge,
    line_starts,
    occurrences,
    span_range,
)

from linter.engine.run import Options, run  # noqa: E402
from linter.models import Document, Finding, RunResult  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "news2017"

HALVES = ("tune", "heldout")
LABELS = {"tune": "tuning half (in-sample)", "heldout": "held-out half"}

# Re-exported from realnews_data and realnews_match: tests, corpus.py and scripts use
# realnews.X.
__all__ = [
    "CORPUS",
    "DATA",
    "ENGINE_PREFIXES",
    "HALVES",
    "LABELS",
    "VERDICTS",
    "Cluster",
    "DataError",
    "Inconsistency",
    "Judged",
    "Measurement",
    "Quote",
    "Verdict",
    "check_files",
    "check_quotes",
    "covers",
    "finding_key",
    "is_engine",
    "judge",
    "line_starts",
    "load_inconsistencies",
    "load_split",
    "load_verdicts",
    "main",
    "markdown",
    "measure",
    "occurrences",
    "span_range",
    "summary",
    "unjudged",
]


# --- the run ----------------------------------------------------------------------------------


def check_files(corpus: Path, files: Sequence[str]) -> RunResult:
    """The real pipeline, in process: all checks, default settings, no cache."""
    missing = [f for f in files if not (corpus / f).is_file()]
    if missing:
        raise DataError(
            f"{corpus}: {len(missing)} files of the split are missing, e.g. {missing[0]}"
        )
    return run([corpus / f for f in files], Options(), root=corpus)


def measure(
    half: str,
    corpus: Path = CORPUS,
    data: Path = DATA,
) -> tuple[Measurement, RunResult]:
    if half not in HALVES:
        raise DataError(f"unknown half {half!r}; one of {', '.join(HALVES)}")
    if not corpus.is_dir():
        raise DataError(f"corpus not present at {corpus} (it lives in ../shared, outside the repo)")
    clusters = load_split(half, data)
    files = sorted({f for c in clusters for f in c.files})
    verdicts = load_verdicts(data / "verdicts.yaml")
    entries = load_inconsistencies(data / f"{half}_inconsistencies.yaml")
    outside = [e.id for e in entries for f in e.files if f not in files]
    if outside:
        raise DataError(f"{half}_inconsistencies.yaml: {outside[0]} names a file outside the half")
    result = check_files(corpus, files)
    documents = {d.path: d for d in result.documents}
    check_quotes([*entries, *verdicts], documents)
    judged = judge(result.findings, verdicts)
    found = tuple(
        (e, tuple(sorted({f.code for f in result.findings if covers(f, e, documents)})))
        for e in entries
    )
    used = {j.verdict.key for j in judged if j.verdict}
    in_half = [v for v in verdicts if all(q.file in documents for q in v.evidence)]
    measurement = Measurement(
        half=half,
        articles=len(files),
        clusters=len(clusters),
        findings=judged,
        found=found,
        unused_verdicts=sum(1 for v in in_half if v.key not in used),
    )
    return measurement, result


# --- output -----------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def summary(m: Measurement) -> dict[str, Any]:
    codes = Counter((j.finding.code, j.finding.severity.value) for j in m.findings)
    return {
        "half": m.half,
        "label": LABELS[m.half],
        "articles": m.articles,
        "clusters": m.clusters,
        "findings_by_code": {f"{c} {s}": n for (c, s), n in sorted(codes.items())},
        "warning_plus": m.tally(m.warning_plus()),
        "precision_warning_plus": m.precision(),
        "precision_warning_plus_strict": m.precision(strict=True),
        "true_per_100_articles_warning_plus": m.true_per_100(warning_only=True),
        "true_per_100_articles_any": m.true_per_100(warning_only=False),
        "reading_set": {e.id: list(codes) for e, codes in m.found},
        "recall_reading_set": m.recall(),
        "recall_by_kind": m.recall_by("kind"),
        "recall_by_confidence": m.recall_by("confidence"),
        "unused_verdicts": m.unused_verdicts,
    }


def markdown(m: Measurement) -> str:
    s = summary(m)
    t = s["warning_plus"]
    judged = t["true"] + t["false"]
    hits = sum(1 for _, codes in m.found if codes)
    lines = [
        f"## doichieu on news2017: {s['label']}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| articles (clusters) | {m.articles} ({m.clusters}) |",
        f"| findings | {len(m.findings)} |",
        f"| warning+ findings (engine diagnostics excluded) | {len(m.warning_plus())} |",
        f"| judged true / false / debatable / unjudged | "
        f"{t['true']} / {t['false']} / {t['debatable']} / {t['unjudged']} |",
        f"| precision at warning+ (true / (true+false)) | {_pct(s['precision_warning_plus'])} "
        f"({t['true']}/{judged}) |",
        f"| strict precision (debatable counts as false) | "
        f"{_pct(s['precision_warning_plus_strict'])} |",
        f"| true findings per 100 articles, warning+ | "
        f"{s['true_per_100_articles_warning_plus']:.1f} |",
        f"| true findings per 100 articles, any severity | {s['true_per_100_articles_any']:.1f} |",
        f"| recall on the reading set (any severity) | {_pct(s['recall_reading_set'])} "
        f"({hits}/{len(m.found)}) |",
        *(
            f"| recall, {facet} {name} | {hit}/{total} |"
            for facet in ("kind", "confidence")
            for name, (hit, total) in s[f"recall_by_{facet}"].items()
        ),
        f"| verdicts matching no current finding (gone or changed) | {m.unused_verdicts} |",
        "",
        "| code | severity | findings |",
        "|---|---|---|",
    ]
    lines += [
        f"| {k.split()[0]} | {k.split()[1]} | {n} |" for k, n in s["findings_by_code"].items()
    ]
    if not s["findings_by_code"]:
        lines.append("| (none) | | 0 |")
    if m.found:
        lines += ["", "| reading entry | kind | files | found by |", "|---|---|---|---|"]
        lines += [
            f"| {e.id} | {e.kind} | {', '.join(e.files)} | {', '.join(codes) or 'not found'} |"
            for e, codes in m.found
        ]
    return "\n".join(lines) + "\n"


def sentence_around(doc: Document, start: int, end: int) -> str:
    """The sentence holding original[start:end]: what a reviewer needs to judge a quote."""
    text = doc.original
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "? ", "! ")) + 1
    rights = [i for i in (text.find(mark, end) for mark in (". ", "\n", "? ", "! ")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return " ".join(text[left:right].split())


def unjudged(m: Measurement, result: RunResult) -> str:
    documents = {d.path: d for d in result.documents}
    lines = []
    for j in m.findings:
        if j.verdict is not None:
            continue
        f = j.finding
        lines += [f"### {f.code} {f.severity.value}: {f.message}", ""]
        for e in f.evidence:
            lines.append(f"- `{e.path}` quote: {e.quote!r}")
            if e.path in documents:
                doc = documents[e.path]
                start, end = span_range(e, line_starts(doc.original))
                lines.append(f"  sentence: {sentence_around(doc, start, end)}")
        lines += ["", "```yaml", _verdict_stub(f), "```", ""]
    return "\n".join(lines) if lines else "(every finding has a verdict)\n"


def _verdict_stub(finding: Finding) -> str:
    """A verdicts.yaml entry to fill in, so the key is copied exactly."""
    stub = {
        "code": finding.code,
        "evidence": [{"file": e.path, "quote": e.quote} for e in finding.evidence],
        "verdict": "true|false|debatable",
        "why": "...",
    }
    return yaml.safe_dump([stub], allow_unicode=True, sort_keys=False, width=100).rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES, required=True)
    parser.add_argument("--unjudged", action="store_true", help="list findings without a verdict")
    parser.add_argument("--json", action="store_true", help="the numbers as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    try:
        m, result = measure(args.half, args.corpus)
    except DataError as exc:
        print(f"realnews: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary(m), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(markdown(m), end="")
    if args.unjudged:
        print("\n## Findings without a verdict\n")
        print(unjudged(m, result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
