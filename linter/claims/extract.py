"""Turn a document into typed claims: figures get their indicator, period, status and scope.

Reading goes sentence by sentence and keeps a running context, the way a
reader does: "Theo đó, các chỉ tiêu đặt ra trong năm 2024 là ..." sets the
period (2024) and status (target) for the figures that follow until another
period is named. Inside a sentence, figures separated by ";" or "," each take
the indicator named in their own clause; a clause that only continues the
previous figure ("..., đạt 100% kế hoạch, tăng 12% so với cùng kỳ") takes its
indicator; after "trong đó" a figure is a part of the one before.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from linter import nlp
from linter.claims.citations import RawCitation, find_citations, resolve_short_forms
from linter.claims.context import (
    Context,
    cues,
    figure_period,
    period_of,
    scope_of,
    status_of,
    update_context,
)
from linter.claims.periods import PeriodMention, find_dates, find_periods
from linter.claims.quantities import RawQuantity, find_quantities
from linter.claims.subjects import find_open_counts, subject_of
from linter.claims.targets import RawCount, find_counts, find_plans
from linter.lexicon import Lexicon, Mention, default_lexicon
from linter.models import (
    Claim,
    DateRef,
    Document,
    LegalRef,
    Period,
    PeriodRef,
    PlanRef,
    Quantity,
    Scope,
    Status,
    TargetCount,
)

_SEPARATORS = re.compile(r"[;:]|,(?!\d)|\s[-–]\s")  # "57,2" is a number, not a clause break
_CONTINUATION = re.compile(r"^\s*(?:và\s+)?(?:đạt|tăng|giảm|bằng|gấp|vượt|chiếm|ước đạt|ước)(?!\w)")


def extract_claims(doc: Document, lexicon: Lexicon | None = None) -> tuple[Claim, ...]:
    lexicon = lexicon or default_lexicon()
    folded = nlp.fold(doc.text)
    reference = doc.meta.date
    default_year = reference.year if reference else doc.meta.plan_year
    scope = Scope.DISTRICT if doc.meta.district else Scope.PROVINCE
    context = Context()
    claims: list[Claim] = []
    citations: list[tuple[tuple[int, int], RawCitation]] = []
    for s, e in nlp.sentences(doc.text):
        f = folded[s:e]
        mentions = find_periods(f, default_year)
        periods = [p for p in mentions if not p.is_base]
        claims.extend(_period_refs(doc, s, e, mentions))
        raw_citations = find_citations(f, doc.text[s:e])
        citations.extend(((s, e), c) for c in raw_citations)
        cited = [(c.start, c.end) for c in raw_citations]
        counts = find_counts(f)
        claims.extend(
            _quantities(doc, f, s, e, mentions, lexicon, context, reference, scope, cited, counts)
        )
        for d in find_dates(f, default_year):
            claims.append(
                DateRef(
                    span=doc.span(s + d.start, s + d.end),
                    sentence=(s, e),
                    date=d.date,
                    deadline=d.deadline,
                )
            )
        clauses = _clauses(f, [])
        for c in counts:
            c_start, c_end = next((a, b) for a, b in clauses if a <= c.start < b)
            period = period_of(periods, c.start, c_start, c_end) or context.period
            year = period.year if period else None
            claims.append(
                TargetCount(
                    span=doc.span(s + c.start, s + c.end),
                    sentence=(s, e),
                    achieved=c.achieved,
                    total=c.total,
                    count=c.count,
                    negative=c.negative,
                    year=year,
                )
            )
        for p in find_plans(f):
            claims.append(
                PlanRef(
                    span=doc.span(s + p.start, s + p.end),
                    sentence=(s, e),
                    year=p.year,
                    action=p.action,
                )
            )
        update_context(context, f, periods)
    claims.extend(_legal_refs(doc, citations))
    return tuple(sorted(claims, key=lambda c: (c.span.line, c.span.column, c.kind)))


def _period_refs(doc: Document, s: int, e: int, mentions: list[PeriodMention]) -> list[PeriodRef]:
    return [
        PeriodRef(
            span=doc.span(s + m.start, s + m.end),
            sentence=(s, e),
            grain=m.period.grain,
            start=m.period.start,
            end=m.period.end,
            label=m.period.label,
            base=m.is_base,
        )
        for m in mentions
    ]


def _legal_refs(doc: Document, found: list[tuple[tuple[int, int], RawCitation]]) -> list[LegalRef]:
    resolved = resolve_short_forms([c for _, c in found])
    refs: list[LegalRef] = []
    for ((base, end), _), (c, was_resolved) in zip(found, resolved, strict=True):
        sentence = (base, end)
        refs.append(
            LegalRef(
                span=doc.span(base + c.start, base + c.end),
                sentence=sentence,
                doc_type=c.doc_type,
                number=c.number,
                year=c.year,
                symbol=c.symbol,
                date=c.date,
                issuer=c.issuer,
                subject=c.subject,
                resolved=was_resolved,
            )
        )
    return refs


def _clauses(f: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause boundaries of a sentence; separators inside indicator names do not count."""
    cuts = [0]
    for m in _SEPARATORS.finditer(f):
        if not any(a <= m.start() < b for a, b in protected):
            cuts.append(m.end())
    cuts.append(len(f))
    return list(itertools.pairwise(cuts))


def _quantities(
    doc: Document,
    f: str,
    s: int,
    e: int,
    mentions: list[PeriodMention],
    lexicon: Lexicon,
    context: Context,
    reference: dt.date | None,
    scope: Scope,
    cited: list[tuple[int, int]],
    counts: list[RawCount],
) -> list[Quantity]:
    before, after = lexicon.find(f), lexicon.find_after(f)
    clauses = _clauses(f, [(m.start, m.end) for m in before + after])
    table = cues()
    result: list[Quantity] = []
    previous: str | None = None
    last_end = 0
    periods = [p for p in mentions if not p.is_base]
    known = find_quantities(f)
    taken = [(q.start, q.end) for q in known] + [(c.start, c.end) for c in counts]
    blocked = taken + cited + [(p.start, p.end) for p in mentions]
    opened = find_open_counts(f, doc.text[s:e], blocked)
    quantities = sorted(known + opened, key=lambda q: q.start)
    larger: str | None = None  # subject of the last figure, for a part without indicator
    for q in quantities:
        if any(a <= q.number_start < b for a, b in cited):
            continue
        c_start, c_end = next((a, b) for a, b in clauses if a <= q.number_start < b)
        figure_scope = scope_of(f, q.number_start, scope)  # "cả nước có ..." is the country's
        figures = [span for span in taken + cited if span != (q.start, q.end)]
        times = [(p.start, p.end) for p in mentions]
        subject = subject_of(f, q, (c_start, c_end), q.unit, figures, times)
        if larger and _CONTINUATION.match(f[c_start : q.start]):
            # "..., tăng 9,8%", "đạt 128% kế hoạch": the clause goes on about the figure before
            subject = (larger, subject[1])
        # "150 tấn vải thiều, trong đó có 70 tấn vải tươi": a part of the figure before
        is_part = bool(table.part_of.search(f, max(0, c_start - 12), q.start))
        if q in opened:  # a noun outside the unit table names no indicator
            part = f"({larger})" if is_part and larger else None
            plain = _quantity(
                doc, s, e, q, None, None, q.measure, None, part, figure_scope, subject
            )
            result.append(plain.model_copy(update={"open_unit": True}))
            last_end, larger = q.end, subject[0] or larger
            continue
        indicator = _indicator(q, before, after, c_start, c_end)
        part_of = None
        intro = f[c_start : q.start]
        if is_part:
            part_of = previous or (f"({larger})" if larger else None)
        elif indicator is None and _CONTINUATION.match(intro) and previous:
            indicator = previous
        elif indicator is None:
            indicator = _pending(before, last_end, q.start)
        if figure_scope is Scope.NATIONAL:
            indicator = None  # the country's figure is no statistic of this province
        if indicator is not None and not lexicon.accepts(indicator, q.unit):
            indicator = None  # "960 tỷ đồng" is no rate, whatever name precedes it
        spec = lexicon.indicators.get(indicator or "")
        if spec is not None:
            part_of = part_of or spec.parent
        measure = q.measure
        if spec is not None and spec.kind == "growth" and measure == "increase":
            measure = "level"  # "tốc độ tăng trưởng ... tăng trên 22%" states the rate itself
        period = figure_period(f, q, periods, (c_start, c_end), context)
        status = status_of(f, q, period, context, reference, taken, c_start)
        part_of = part_of if part_of != indicator else None
        result.append(
            _quantity(
                doc, s, e, q, indicator, period, measure, status, part_of, figure_scope, subject
            )
        )
        if indicator is not None and not (part_of and part_of == previous):
            previous = indicator
        last_end, larger = q.end, subject[0] or larger
    return result


def _quantity(
    doc: Document,
    s: int,
    e: int,
    q: RawQuantity,
    indicator: str | None,
    period: Period | None,
    measure: str,
    status: Status | None,
    part_of: str | None,
    scope: Scope,
    subject: tuple[str | None, str | None],
) -> Quantity:
    return Quantity(
        span=doc.span(s + q.start, s + q.end),
        sentence=(s, e),
        value=q.value,
        unit=q.unit,
        op=q.op,
        low=q.low,
        high=q.high,
        low_inclusive=q.low_inclusive,
        high_inclusive=q.high_inclusive,
        measure=measure,  # type: ignore[arg-type]
        indicator=indicator,
        period=period,
        base=q.base,
        status=status,
        scope=scope,
        part_of=part_of,
        subject=subject[0],
        measured=subject[1],
        dimension=q.dimension,
    )


def _indicator(
    q: RawQuantity, before: list[Mention], after: list[Mention], c_start: int, c_end: int
) -> str | None:
    for m in after:  # what the figure counts is the most specific name
        if q.number_start <= m.start <= q.end + 1 and m.start < c_end:
            return m.key
    left = [m for m in before if c_start <= m.start and m.end <= q.start]
    return left[-1].key if left else None


def _pending(before: list[Mention], last_figure_end: int, pos: int) -> str | None:
    """An indicator named earlier in the sentence whose figure has not come yet.

    "Tỷ lệ thu gom, xử lý rác thải ... đô thị và các xã đảo, ..., đạt 97,6%":
    the name and its figure sit in different clauses with no figure between.
    """
    left = [m for m in before if last_figure_end <= m.start and m.end <= pos]
    return left[-1].key if left else None
