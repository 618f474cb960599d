"""What the HTML report shows, computed before any markup is written.

Like coverage.py's FileData/IndexPage, every decision (ordering, grouping, which
part of a line to highlight) is made here in plain Python and frozen into
pydantic models; the template only lays them out and looks up UI labels by key
(`sev_error`, `prov_text`, ...) in `templates/strings.yaml`. Document text stays
plain `str` all the way, so autoescaping is the one and only thing that turns it
into HTML: highlights are `Segment`s, never pre-built markup.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import PurePath

from pydantic import BaseModel, ConfigDict

from linter.models import (
    CheckInfo,
    Document,
    Evidence,
    Finding,
    Provenance,
    Quantity,
    RunResult,
    Scope,
    Severity,
)

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CLIP = 300  # characters of context kept around a highlighted quote
_SENTENCE_END = re.compile(r"[.!?]\s+")


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Segment(View):
    text: str
    mark: bool


class EvidenceView(View):
    evidence: Evidence  # location and note are shown as they are
    title: str
    date: str | None  # dd/mm/yyyy
    segments: tuple[Segment, ...]
    newer: bool


class FindingCard(View):
    finding: Finding  # code, name, severity, message and district are shown as they are
    evidence: tuple[EvidenceView, ...]


class FindingGroup(View):
    key: str  # "p0", "p1", ...: a safe id for anchors and the province filter
    province: str | None  # None: the "unknown province" group, always last
    cards: tuple[FindingCard, ...]


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


class MetaField(View):
    value: str
    source: str  # a Provenance value; "" when nothing was inferred


class DocumentRow(View):
    path: str
    title: MetaField
    date: MetaField
    province: MetaField
    district: MetaField
    issuer: MetaField
    plan_year: MetaField


class Figure(View):
    text: str
    conflict: bool


class FactRow(View):
    indicator: str
    period: str
    status: str  # a Status value or ""
    scope: Scope
    district: str | None  # for district-scope figures: the document's district
    cells: tuple[tuple[Figure, ...], ...]  # one tuple per column, often empty


class FactTable(View):
    province: str | None
    columns: tuple[DocumentRow, ...]  # the province's documents, in date order
    rows: tuple[FactRow, ...]


class Report(View):
    lang: str
    summary: Summary
    groups: tuple[FindingGroup, ...]
    documents: tuple[DocumentRow, ...]
    facts: tuple[FactTable, ...]
    checks: tuple[CheckInfo, ...]


def vi_sort_key(name: str) -> tuple[str, str]:
    """Roughly Vietnamese alphabetical order: accents ignored first, Đ right after D."""
    base = unicodedata.normalize("NFD", name.casefold()).replace("đ", "d~")
    return "".join(c for c in base if not unicodedata.combining(c)), name


def format_date(date: dt.date | None) -> str | None:
    return date.strftime("%d/%m/%Y") if date else None


def highlight(line: str, start: int, end: int) -> tuple[Segment, ...]:
    """`line` with `line[start:end]` marked, trimmed to its sentence and ~CLIP characters."""
    left, mark, right = line[:start], line[start:end], line[end:].rstrip("\r")
    # Prefer whole sentences: long paragraphs sit on one line in these releases.
    if ends := list(_SENTENCE_END.finditer(left)):
        left = left[ends[-1].end() :]
    if nxt := _SENTENCE_END.search(right):
        right = right[: nxt.start() + 1]
    room = max(60, (CLIP - len(mark)) // 2)
    if len(left) > room:
        cut = left.find(" ", len(left) - room)  # cut between words when possible
        left = "…" + left[cut + 1 if 0 <= cut < len(left) - 1 else len(left) - room :]
    if len(right) > room:
        cut = right.rfind(" ", 0, room)
        right = right[: cut if cut > 0 else room] + "…"
    parts = ((left, False), (mark, True), (right, False))
    return tuple(Segment(text=t, mark=m) for t, m in parts if t)


def quote_segments(doc: Document | None, ev: Evidence) -> tuple[Segment, ...]:
    """The evidence quote marked inside its original line (spans point at the original)."""
    lines = doc.original.split("\n") if doc else []
    alone = (Segment(text=ev.quote, mark=True),) if ev.quote else ()
    if not 1 <= ev.line <= len(lines):
        return alone
    line = lines[ev.line - 1]
    start = ev.column - 1
    end = ev.end_column - 1 if ev.end_line == ev.line else len(line)
    if not line[start:end] or not ev.quote.startswith(line[start:end]):
        # Columns disagree with the quote (edited file?): fall back to searching for it.
        start = line.find(ev.quote)
        if start < 0 or not ev.quote:
            return alone
        end = start + len(ev.quote)
    return highlight(line, start, end)


def _card(f: Finding, docs: dict[str, Document]) -> FindingCard:
    dates = {e.document_date for e in f.evidence if e.document_date}
    latest = max(dates) if len(dates) > 1 else None  # "newer" only means something if dates differ
    views = []
    for e in f.evidence:
        doc = docs.get(e.path)
        title = e.document_title or (doc and doc.meta.title) or PurePath(e.path).name
        newer = latest is not None and e.document_date == latest
        date = format_date(e.document_date)
        segments = quote_segments(doc, e)
        views.append(
            EvidenceView(evidence=e, title=title, date=date, segments=segments, newer=newer)
        )
    return FindingCard(finding=f, evidence=tuple(views))


def _groups(result: RunResult) -> tuple[FindingGroup, ...]:
    docs = {d.path: d for d in result.documents}
    # Severity first; the sort is stable, so the run's own order holds within a level.
    found = sorted(result.findings, key=lambda f: -f.severity.rank)
    provinces: list[str | None] = sorted({f.province for f in found if f.province}, key=vi_sort_key)
    if any(not f.province for f in found):
        provinces.append(None)
    return tuple(
        FindingGroup(
            key=f"p{i}",
            province=province,
            cards=tuple(_card(f, docs) for f in found if (f.province or None) == province),
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


def _field(value: object, source: Provenance = Provenance.NONE) -> MetaField:
    known = value is not None and source is not Provenance.NONE
    return MetaField(
        value="" if value is None else str(value), source=source.value if known else ""
    )


def _document_row(doc: Document) -> DocumentRow:
    m = doc.meta
    return DocumentRow(
        path=doc.path,
        title=_field(m.title),  # DocumentMeta has no title_source
        date=_field(format_date(m.date), m.date_source),
        province=_field(m.province, m.province_source),
        district=_field(m.district, m.district_source),
        issuer=_field(m.issuer, m.issuer_source),
        plan_year=_field(m.plan_year, m.plan_year_source),
    )


def _figure(q: Quantity, conflicts: list[Evidence]) -> Figure:
    # NU01 evidence quotes a whole phrase ("tổng thu ... đạt 56.000 tỷ đồng"); the claim is
    # the figure inside it, so match by file, line and containment rather than equality.
    sp = q.span
    hit = any(
        e.path == sp.path and e.line <= sp.line <= e.end_line and sp.quote in e.quote
        for e in conflicts
    )
    return Figure(text=" ".join(sp.quote.split()) or f"{q.value:g} {q.unit}", conflict=hit)


def _fact_table(province: str | None, docs: list[Document], result: RunResult) -> FactTable:
    conflicts = [e for f in result.findings if f.code == "NU01" for e in f.evidence]
    # Row key: indicator, period start (chronological order), period, status, scope, district.
    rows: dict[tuple[str, dt.date, str, str, Scope, str], list[list[Figure]]] = {}
    for col, doc in enumerate(docs):
        for q in result.claims.get(doc.path, ()):
            if not isinstance(q, Quantity) or q.indicator is None:
                continue
            key = (
                result.indicator_labels.get(q.indicator, q.indicator),
                q.period.start if q.period else dt.date.max,
                q.period.label if q.period else "",
                q.status.value if q.status else "",
                q.scope,
                (doc.meta.district or "") if q.scope is Scope.DISTRICT else "",
            )
            rows.setdefault(key, [[] for _ in docs])[col].append(_figure(q, conflicts))
    fact_rows = tuple(
        FactRow(
            indicator=name,
            period=period,
            status=status,
            scope=scope,
            district=district or None,
            cells=tuple(map(tuple, rows[name, start, period, status, scope, district])),
        )
        for name, start, period, status, scope, district in sorted(rows)
    )
    columns = tuple(_document_row(d) for d in docs)
    return FactTable(province=province, columns=columns, rows=fact_rows)


def build_report(result: RunResult, lang: str = "vi") -> Report:
    """Everything the page shows; `lang` only picks the UI labels ("en", else Vietnamese)."""
    # Undated documents go last; the path keeps equal dates in a stable order.
    docs = sorted(
        result.documents, key=lambda d: (not d.meta.date, d.meta.date or dt.date.min, d.path)
    )
    provinces = [*sorted({d.meta.province for d in docs if d.meta.province}, key=vi_sort_key), None]
    tables = (
        _fact_table(p, [d for d in docs if (d.meta.province or None) == p], result)
        for p in provinces
    )
    return Report(
        lang="en" if lang == "en" else "vi",
        summary=_summary(result),
        groups=_groups(result),
        documents=tuple(_document_row(d) for d in docs),
        facts=tuple(t for t in tables if t.rows),  # provinces without indicator figures add nothing
        checks=tuple(sorted(result.checks, key=lambda c: c.code)),
    )
