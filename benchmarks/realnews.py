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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.engine.run import Options, run  # noqa: E402
from linter.models import Document, Finding, RunResult, Severity, Span  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "news2017"
DATA = REPO / "tests" / "realnews"
HALVES = ("tune", "heldout")
LABELS = {"tune": "tuning half (in-sample)", "heldout": "held-out half"}
ENGINE_PREFIXES = ("DC", "EN")
VERDICTS = ("true", "false", "debatable")


M = TypeVar("M", bound="Frozen")


class DataError(Exception):
    """A data file of the harness is missing or malformed (exit status 2)."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quote(Frozen):
    """Exact text of one file; `file` is its path relative to the corpus."""

    file: str
    quote: str = Field(min_length=1)


class Verdict(Frozen):
    code: str
    evidence: tuple[Quote, ...] = Field(min_length=1)
    verdict: Literal["true", "false", "debatable"]
    why: str = Field(min_length=1)
    # A finding judged false that is still reported at warning+ (it counts
    # against precision). Once it is fixed this must be set back to false, so
    # that the test notices if it ever comes back.
    known_at_warning: bool = False

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        # `verdict: true` is a YAML boolean; the reader means the word.
        return str(value).lower() if isinstance(value, bool) else value

    @property
    def key(self) -> tuple[str, frozenset[tuple[str, str]]]:
        return self.code, frozenset((q.file, q.quote) for q in self.evidence)


class Inconsistency(Frozen):
    """A genuine inconsistency a careful reader found in the articles."""

    id: str
    cluster: str | None = None
    kind: Literal["figure-conflict", "arithmetic", "date-or-citation", "other"]
    quotes: tuple[Quote, ...] = Field(min_length=1)
    why: str = Field(min_length=1)

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted({q.file for q in self.quotes}))


class Cluster(Frozen):
    id: str
    kind: str
    province: str
    topic: str
    files: tuple[str, ...]


class Judged(Frozen):
    """One finding of the run with its verdict, if someone wrote one."""

    finding: Finding
    verdict: Verdict | None


class Measurement(Frozen):
    half: str
    articles: int
    clusters: int
    findings: tuple[Judged, ...]
    found: tuple[tuple[Inconsistency, tuple[str, ...]], ...]  # entry, codes that found it
    # Verdicts on this half's files that match no finding of the run: the finding
    # is gone or its evidence changed, so the verdict no longer counts anywhere.
    unused_verdicts: int = 0

    def warning_plus(self) -> list[Judged]:
        return [
            j
            for j in self.findings
            if j.finding.severity.rank >= Severity.WARNING.rank and not is_engine(j.finding)
        ]

    def tally(self, judged: Iterable[Judged]) -> dict[str, int]:
        counts = Counter(j.verdict.verdict if j.verdict else "unjudged" for j in judged)
        return {name: counts[name] for name in (*VERDICTS, "unjudged")}

    def precision(self, strict: bool = False) -> float | None:
        t = self.tally(self.warning_plus())
        wrong = t["false"] + (t["debatable"] if strict else 0)
        return t["true"] / (t["true"] + wrong) if t["true"] + wrong else None

    def true_per_100(self, warning_only: bool) -> float:
        pool = (
            self.warning_plus()
            if warning_only
            else [j for j in self.findings if not is_engine(j.finding)]
        )
        true = sum(1 for j in pool if j.verdict and j.verdict.verdict == "true")
        return 100 * true / self.articles if self.articles else 0.0

    def recall(self) -> float | None:
        hits = sum(1 for _, codes in self.found if codes)
        return hits / len(self.found) if self.found else None


def is_engine(finding: Finding) -> bool:
    return finding.code.startswith(ENGINE_PREFIXES)


# --- data files ------------------------------------------------------------------------------


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: {exc}".splitlines()[0]) from exc


def _validated(path: Path, model: type[M], raw: Any) -> list[M]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataError(f"{path}: expected a list of entries, got {type(raw).__name__}")
    items = []
    for i, item in enumerate(raw, 1):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise DataError(f"{path}: entry {i}: {where}: {first['msg']}") from exc
    return items


def load_split(half: str, data: Path = DATA) -> list[Cluster]:
    path = data / "split.yaml"
    raw = _load_yaml(path)
    if not isinstance(raw, dict) or half not in raw:
        raise DataError(f"{path}: no half named {half!r}")
    return _validated(path, Cluster, raw[half])


def load_verdicts(path: Path) -> list[Verdict]:
    verdicts = _validated(path, Verdict, _load_yaml(path))
    seen: set[object] = set()
    for v in verdicts:
        if v.key in seen:  # two verdicts for one finding: which one counts?
            raise DataError(f"{path}: two verdicts for {v.code} {sorted(v.key[1])}")
        seen.add(v.key)
    return verdicts


def load_inconsistencies(path: Path) -> list[Inconsistency]:
    entries = _validated(path, Inconsistency, _load_yaml(path))
    ids = Counter(e.id for e in entries)
    if doubled := [i for i, n in ids.items() if n > 1]:
        raise DataError(f"{path}: ids used twice: {', '.join(sorted(doubled))}")
    return entries


# --- matching -----------------------------------------------------------------------------------


def finding_key(finding: Finding) -> tuple[str, frozenset[tuple[str, str]]]:
    return finding.code, frozenset((e.path, e.quote) for e in finding.evidence)


def judge(findings: Iterable[Finding], verdicts: Iterable[Verdict]) -> tuple[Judged, ...]:
    by_key = {v.key: v for v in verdicts}
    return tuple(Judged(finding=f, verdict=by_key.get(finding_key(f))) for f in findings)


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def span_range(span: Span, starts: Sequence[int]) -> tuple[int, int]:
    """Offsets in the original text of a span given by 1-based lines and columns."""
    last = len(starts)
    start = starts[min(span.line, last) - 1] + span.column - 1
    return start, starts[min(span.end_line, last) - 1] + span.end_column - 1


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def covers(finding: Finding, entry: Inconsistency, documents: dict[str, Document]) -> bool:
    """Every quote of the entry overlaps some evidence of the finding in the same file."""
    for q in entry.quotes:
        doc = documents.get(q.file)
        if doc is None:  # the file could not be read (DC01): nothing can cover it
            return False
        starts = line_starts(doc.original)
        spans = [span_range(e, starts) for e in finding.evidence if e.path == q.file]
        wanted = occurrences(doc.original, q.quote)
        if not any(s < qe and qs < e for s, e in spans for qs, qe in wanted):
            return False
    return True


def check_quotes(
    entries: Iterable[Inconsistency | Verdict], documents: dict[str, Document]
) -> None:
    """A quote that is not in its file can never match: say so instead of scoring 0."""
    for entry in entries:
        quotes = entry.quotes if isinstance(entry, Inconsistency) else entry.evidence
        name = entry.id if isinstance(entry, Inconsistency) else entry.code
        for q in quotes:
            if q.file in documents and not occurrences(documents[q.file].original, q.quote):
                raise DataError(f"{name}: quote {q.quote!r} is not in {q.file}")


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
