"""What the HTML report shows, computed before any markup is written.

Like coverage.py's FileData/IndexPage, every decision (ordering, grouping, which
part of a line to highlight, where a chart point goes) is made in plain Python
and frozen into pydantic models; the templates only lay them out and look up UI
labels by key (`sev_error`, `prov_text`, ...) in `templates/strings.yaml`.
Document text stays plain `str` all the way, so autoescaping is the one and only
thing that turns it into HTML. Fact sheets live in `reports.facts`, quote
highlighting in `reports.highlight`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from linter.checking.docs import info_summary
from linter.models import CheckInfo, Document, Evidence, Finding, RunResult, Severity
from reports.common import (
    DocumentRow,
    View,
    date_order,
    document_row,
    format_date,
    vi_sort_key,
)
from reports.facts import FactTable, fact_tables
from reports.highlight import Segment, quote_segments

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class EvidenceView(View):
    evidence: Evidence  # location and note are shown as they are
    doc: str  # key of the document filter option ("d0", ...)
    title: str
    date: str | None  # dd/mm/yyyy
    issuer: str | None  # who said it: the document's issuer, when known
    segments: tuple[Segment, ...]
    newer: bool


class FindingCard(View):
    finding: Finding  # code, name, severity, message and district are shown as they are
    evidence: tuple[EvidenceView, ...]
    docs: str  # space-separated document keys, for the document filter


class FindingGroup(View):
    key: str  # "p0", "p1", ...: a safe id for anchors and the province filter
    province: str | None  # None: the "unknown province" group, always last
    cards: tuple[FindingCard, ...]


class DocOption(View):
    """A choice of the document filter: a path that some finding has evidence in."""

    key: str  # "d0", "d1", ...: paths may hold spaces or quotes, keys never do
    path: str
    date: str | None


class Unreadable(View):
    path: str
    reason: str  # message of the DC01 finding about the path, if any


class Summary(View):
    documents_read: int
    unreadable: tuple[Unreadable, ...]
    findings: int
    by_severity: tuple[tuple[str, int], ...]  # every severity, most severe first
    by_code: tuple[tuple[str, int], ...]
    settings: tuple[tuple[str, str], ...]


class Report(View):
    lang: str
    summary: Summary
    groups: tuple[FindingGroup, ...]
    doc_options: tuple[DocOption, ...]
    documents: tuple[DocumentRow, ...]
    facts: tuple[FactTable, ...]
    checks: tuple[CheckInfo, ...]


def _doc_options(docs: list[Document], findings: tuple[Finding, ...]) -> tuple[DocOption, ...]:
    cited = {e.path for f in findings for e in f.evidence}
    dates = {d.path: format_date(d.meta.date) for d in docs}
    # Publication order first, like the documents table; paths never read (DC01) after.
    paths = [d.path for d in docs if d.path in cited] + sorted(cited - dates.keys())
    return tuple(DocOption(key=f"d{i}", path=p, date=dates.get(p)) for i, p in enumerate(paths))


def _card(f: Finding, docs: dict[str, Document], keys: dict[str, str]) -> FindingCard:
    dates = {e.document_date for e in f.evidence if e.document_date}
    latest = max(dates) if len(dates) > 1 else None  # "newer" only means something if dates differ
    views = []
    for e in f.evidence:
        doc = docs.get(e.path)
        views.append(
            EvidenceView(
                evidence=e,
                doc=keys[e.path],
                title=e.document_title or (doc and doc.meta.title) or PurePath(e.path).name,
                date=format_date(e.document_date),
                issuer=doc.meta.issuer if doc else None,
                segments=quote_segments(doc, e),
                newer=latest is not None and e.document_date == latest,
            )
        )
    docs_attr = " ".join(dict.fromkeys(v.doc for v in views))
    return FindingCard(finding=f, evidence=tuple(views), docs=docs_attr)


def _groups(result: RunResult, options: tuple[DocOption, ...]) -> tuple[FindingGroup, ...]:
    docs = {d.path: d for d in result.documents}
    keys = {o.path: o.key for o in options}
    # Severity first; the sort is stable, so the run's own order holds within a level.
    found = sorted(result.findings, key=lambda f: -f.severity.rank)
    provinces: list[str | None] = sorted({f.province for f in found if f.province}, key=vi_sort_key)
    if any(not f.province for f in found):
        provinces.append(None)
    return tuple(
        FindingGroup(
            key=f"p{i}",
            province=province,
            cards=tuple(_card(f, docs, keys) for f in found if (f.province or None) == province),
        )
        for i, province in enumerate(provinces)
    )


def _summary(result: RunResult) -> Summary:
    dc01 = [f for f in result.findings if f.code == "DC01"]

    def reason(path: str) -> str:
        hits = [f for f in dc01 if any(e.path == path for e in f.evidence) or path in f.message]
        return hits[0].message if hits else ""

    sev = Counter(f.severity for f in result.findings)
    return Summary(
        documents_read=len(result.documents),
        unreadable=tuple(Unreadable(path=p, reason=reason(p)) for p in result.unreadable),
        findings=len(result.findings),
        by_severity=tuple((v.value, sev[v]) for v in SEVERITIES),
        by_code=tuple(sorted(Counter(f.code for f in result.findings).items())),
        settings=tuple(sorted(result.settings.items())),
    )


def build_report(result: RunResult, lang: str = "vi") -> Report:
    """Everything the page shows; `lang` picks the UI labels and the checks' summaries
    ("en", else Vietnamese)."""
    docs = date_order(result.documents)
    options = _doc_options(docs, result.findings)
    return Report(
        lang="en" if lang == "en" else "vi",
        summary=_summary(result),
        groups=_groups(result, options),
        doc_options=options,
        documents=tuple(document_row(d) for d in docs),
        facts=fact_tables(docs, result),
        checks=tuple(
            c.model_copy(update={"summary": info_summary(c, lang)})
            for c in sorted(result.checks, key=lambda c: c.code)
        ),
    )
