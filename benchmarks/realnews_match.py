"""How the real-news benchmark's findings meet its reading set.

A finding meets a verdict when its code and the (file, quote) pairs of its
evidence are the verdict's (`judge`), and covers an inconsistency a reader found
when some evidence in the same file overlaps every quote of the entry
(`covers`); offsets come from the evidence's lines and columns in the original
text. `check_quotes` refuses a quote that is not in its file, which could never
match and would only score 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from realnews_data import DataError, Inconsistency, Judged, Verdict

from linter.models import Document, Finding, Span


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
