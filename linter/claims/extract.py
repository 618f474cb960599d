"""Turn a document into typed claims: figures get their indicator, period, status and scope.

Reading goes sentence by sentence (`linter.claims.sentence`) and keeps a
running context, the way a reader does: "Theo đó, các chỉ tiêu đặt ra trong năm
2024 là ..." sets the period (2024) and status (target) for the figures that
follow until another period is named (`linter.claims.context`). Each sentence
gives its periods, figures (`linter.claims.figures`), dates, target counts and
plans; citations are resolved over the whole document at the end, since a
short form ("Nghị quyết 12") is read through its full citation.
"""

from __future__ import annotations

from linter import nlp
from linter.claims.citations import RawCitation, resolve_short_forms
from linter.claims.context import Context, period_of, update_context
from linter.claims.figures import Reading, quantities, title_quantities
from linter.claims.officials import officials
from linter.claims.periods import find_dates
from linter.claims.persons import persons
from linter.claims.sentence import Sentence, clause_of, read_sentence
from linter.claims.sessions import find_sessions
from linter.claims.targets import find_plans
from linter.data.lexicon import Lexicon, default_lexicon
from linter.models import (
    Claim,
    DateRef,
    Document,
    LegalRef,
    PeriodRef,
    PlanRef,
    Scope,
    TargetCount,
)


def extract_claims(doc: Document, lexicon: Lexicon | None = None) -> tuple[Claim, ...]:
    folded = nlp.fold(doc.text)
    reference = doc.meta.date
    default_year = reference.year if reference else doc.meta.plan_year
    scope = Scope.DISTRICT if doc.meta.district else Scope.PROVINCE
    reading = Reading(lexicon or default_lexicon(), reference, scope)
    context = Context()
    claims: list[Claim] = []
    citations: list[tuple[tuple[int, int], RawCitation]] = []
    for s, e in nlp.sentences(doc.text):
        sentence = read_sentence(doc, folded, s, e, default_year)
        claims.extend(_period_refs(sentence))
        citations.extend((sentence.bounds, c) for c in sentence.citations)
        claims.extend(quantities(sentence, reading, context))
        claims.extend(_dates(sentence, default_year))
        claims.extend(_target_counts(sentence, context))
        claims.extend(_plans(sentence))
        claims.extend(officials(sentence))
        claims.extend(persons(sentence))
        claims.extend(find_sessions(sentence))
        update_context(context, sentence.folded, sentence.periods)
    claims.extend(title_quantities(doc, reading, default_year))  # a title in front matter
    claims.extend(_legal_refs(doc, citations))
    return tuple(sorted(claims, key=lambda c: (c.span.line, c.span.column, c.kind)))


def _dates(sentence: Sentence, default_year: int | None) -> list[DateRef]:
    return [
        DateRef(
            span=sentence.span(d.start, d.end),
            sentence=sentence.bounds,
            date=d.date,
            deadline=d.deadline,
        )
        for d in find_dates(sentence.folded, default_year)
    ]


def _target_counts(sentence: Sentence, context: Context) -> list[TargetCount]:
    if not sentence.counts:
        return []  # most sentences: their clauses are not cut for nothing
    clauses = sentence.clauses()
    counts = []
    for c in sentence.counts:
        c_start, c_end = clause_of(clauses, c.start)
        period = period_of(sentence.periods, c.start, c_start, c_end) or context.period
        counts.append(
            TargetCount(
                span=sentence.span(c.start, c.end),
                sentence=sentence.bounds,
                achieved=c.achieved,
                total=c.total,
                count=c.count,
                negative=c.negative,
                year=period.year if period else None,
            )
        )
    return counts


def _plans(sentence: Sentence) -> list[PlanRef]:
    return [
        PlanRef(
            span=sentence.span(p.start, p.end),
            sentence=sentence.bounds,
            year=p.year,
            action=p.action,
        )
        for p in find_plans(sentence.folded)
    ]


def _period_refs(sentence: Sentence) -> list[PeriodRef]:
    return [
        PeriodRef(
            span=sentence.span(m.start, m.end),
            sentence=sentence.bounds,
            grain=m.period.grain,
            start=m.period.start,
            end=m.period.end,
            label=m.period.label,
            base=m.is_base,
        )
        for m in sentence.mentions
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
