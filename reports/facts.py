"""Per-province fact sheets: every indicator figure, by document, plus charts over time.

A table puts the province's documents side by side in publication order, so a
figure restated differently stands out in its row; `reports.charts` draws the
same figures against publication dates where there are two dates or more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from linter.models import Document, Evidence, Quantity, RunResult, Scope
from reports.charts import Chart, Observation, build_chart
from reports.common import DocumentRow, View, document_row, vi_sort_key


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
    charts: tuple[Chart, ...]  # conflicting indicators first


# indicator label, period start (chronological order), period, status, scope, district
RowKey = tuple[str, dt.date, str, str, Scope, str]
# indicator label, scope, district, unit, measure: what can share one y axis
ChartKey = tuple[str, Scope, str, str, str]


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
    rows: dict[RowKey, list[list[Figure]]] = {}
    series: dict[ChartKey, list[Observation]] = defaultdict(list)
    for col, doc in enumerate(docs):
        for q in result.claims.get(doc.path, ()):
            if not isinstance(q, Quantity) or q.indicator is None:
                continue
            label = result.indicator_labels.get(q.indicator, q.indicator)
            district = (doc.meta.district or "") if q.scope is Scope.DISTRICT else ""
            start = q.period.start if q.period else dt.date.max
            period = q.period.label if q.period else ""
            status = q.status.value if q.status else ""
            figure = _figure(q, conflicts)
            key = (label, start, period, status, q.scope, district)
            rows.setdefault(key, [[] for _ in docs])[col].append(figure)
            if doc.meta.date:  # an undated release has no place on a time axis
                obs = Observation(
                    doc.meta.date, start, period, status, q.value, figure.text, figure.conflict
                )
                series[label, q.scope, district, q.unit, q.measure].append(obs)
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
    charts = [
        build_chart(label, scope, district or None, unit, measure, obs)
        for (label, scope, district, unit, measure), obs in series.items()
    ]
    return FactTable(
        province=province,
        columns=tuple(document_row(d) for d in docs),
        rows=fact_rows,
        charts=tuple(
            sorted(
                (c for c in charts if c),
                key=lambda c: (
                    not c.conflict,
                    vi_sort_key(c.indicator),
                    c.scope,
                    c.district or "",
                    c.unit,
                    c.measure,
                ),
            )
        ),
    )


def fact_tables(docs: list[Document], result: RunResult) -> tuple[FactTable, ...]:
    """One table per province (unknown province last), from `docs` in publication order."""
    names = {d.meta.province for d in docs if d.meta.province}
    provinces: list[str | None] = [*sorted(names, key=vi_sort_key), None]
    tables = (
        _fact_table(p, [d for d in docs if (d.meta.province or None) == p], result)
        for p in provinces
    )
    return tuple(t for t in tables if t.rows)  # provinces without indicator figures add nothing
