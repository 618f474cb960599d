"""Whether two figures measure the same thing, and which of them conflict.

Shared by the checks that compare figures in open vocabulary (EV01 across the
reports of one event, EV02 between a report's lead and its body). In: the
figures of two sides. Out: the pairs that conflict (`conflicts`), and how
surely two figures are one (`match`). Two figures are *like* when their unit,
measure and comparison base are equal, their periods and statuses do not
exclude each other and their subjects (`linter.claims.subjects`) overlap: the
shorter subject lies inside the longer, sharing at least `MIN_SUBJECT_WORDS`
syllables and `MIN_MATCH` of its words, or the nouns they measure ("dầu fo")
are the same. Which figures have such a subject is `linter.checking.usable`;
whether two like figures *agree*, and the slip that names a disagreement, is
`linter.checking.agreement` (with `truncated`: a figure cut at its last
non-zero digit). Their names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from linter.checking.agreement import (
    ONE_SIDED,
    agree,
    rounding,
    slip,
    stated_interval,
    truncated,
)
from linter.checking.apart import context_apart, periods_apart, roles_apart
from linter.checking.usable import (
    MIN_SUBJECT_WORDS,
    distinct,
    measured,
    qualifiers,
    small_count,
    words,
)
from linter.models import Quantity

MIN_MATCH = 0.6  # "sản lượng vải thiều" is not "sản lượng vải thiều nhà chị quả tươi" (4/8 words)

# The names other modules import from here (checks/, `align`, `sides`, `slipped`, ...).
__all__ = [
    "MIN_SUBJECT_WORDS",
    "ONE_SIDED",
    "Side",
    "agree",
    "ambiguous",
    "confirms",
    "conflicts",
    "distinct",
    "match",
    "province_figure",
    "qualifiers",
    "related",
    "rounding",
    "side",
    "slip",
    "stated_interval",
    "statuses_apart",
    "truncated",
    "vetoes",
    "words",
]


def conflicts(
    first: Iterable[Quantity] | Side, second: Iterable[Quantity] | Side, tolerance: float
) -> Iterator[tuple[Quantity, Quantity]]:
    """Figures of `first` whose subject `second` states only with figures that
    cannot hold together with it, each with the likest such figure of `second`.
    Either side may come read already (`side`): EV01 reads each report once, not
    once for each report it is linked to."""
    ours = first if isinstance(first, Side) else side(first)
    theirs = second if isinstance(second, Side) else side(second)
    for qa, wa in zip(ours.figures, ours.words, strict=True):
        # `match` is 0 unless unit, measure and base are equal: only those are tried,
        # in `theirs`' order.
        candidates = theirs.kinds.get(_kind(qa), ())
        matches = [(score, qb) for qb, wb in candidates if (score := _like(qa, qb, wa, wb)) > 0]
        if not matches or any(confirms(qb, qa, tolerance) for qb in theirs.figures):
            continue  # the other side also states an agreeing figure of a like subject
        best = max(score for score, _ in matches)
        qb = next(qb for score, qb in matches if score == best)
        if any(confirms(other, qb, tolerance) for other in ours.figures):
            continue  # the other side's figure is stated on this side too
        if ambiguous(qa, ours.figures, tolerance) or ambiguous(qb, theirs.figures, tolerance):
            continue  # "tổng mức đầu tư" of three projects: which one is meant?
        yield qa, qb


@dataclass(frozen=True)
class Side:
    """One side's figures as `conflicts` reads them: the usable ones, one per
    statement (`distinct`), each one's subject words (`_words`), and those of each
    unit, measure and base in their order. Reports of one event are linked in pairs
    that grow with the square of a province's reports (sixteen-fold for four times
    the reports): reading a report once, not once per pair, keeps the part of EV01
    that grows so to comparing figures alone."""

    figures: list[Quantity]
    words: list[_Words]
    kinds: dict[tuple[object, ...], list[tuple[Quantity, _Words]]]


def side(quantities: Iterable[Quantity]) -> Side:
    figures = distinct(quantities)
    read = [_words(q) for q in figures]
    kinds: dict[tuple[object, ...], list[tuple[Quantity, _Words]]] = {}
    for q, w in zip(figures, read, strict=True):
        kinds.setdefault(_kind(q), []).append((q, w))
    return Side(figures, read, kinds)


def _kind(q: Quantity) -> tuple[object, ...]:
    """What `match` first asks two figures to share."""
    return q.unit, q.measure, q.base


def ambiguous(q: Quantity, side: list[Quantity], tolerance: float) -> bool:
    """Whether one side gives the subject of `q` other values too."""
    return any(
        other is not q and match(q, other) > 0 and not agree(q, other, tolerance) for other in side
    )


def match(a: Quantity, b: Quantity) -> float:
    """How surely two figures measure the same thing: 0 (not comparable) to 1."""
    if _kind(a) != _kind(b):
        return 0.0
    return _like(a, b, _words(a), _words(b))


def _like(a: Quantity, b: Quantity, wa: _Words, wb: _Words) -> float:
    """`match` of two figures of one `_kind`, their subjects' words read (`_words`)."""
    if statuses_apart(a, b):
        return 0.0
    # The subjects first: they keep apart all but a few in a hundred of the figures
    # of one unit that EV01's linked reports pair, and cost about what the context does.
    score = _subjects(a, b, wa, wb)
    if score == 0.0 or context_apart(a, b):
        return 0.0  # a half-year and a year, a whole and its part (`linter.checking.apart`)
    return score


def vetoes(a: Quantity, b: Quantity) -> tuple[str, ...]:
    """Which of `match`'s tests keep two figures of one unit, measure and base
    apart, each on its own: "period", "role" (`linter.checking.apart`), "status",
    "subject"; none when they are like. A diagnostic (benchmarks/pairing.py):
    measured on the readable news2017 files, the period, role and status tests
    were right on nearly every pair whose subjects alone would have matched."""
    found = (
        ("period", periods_apart(a.period, b.period)),
        ("role", roles_apart(a, b)),
        ("status", statuses_apart(a, b)),
        ("subject", _subjects(a, b, _words(a), _words(b)) == 0.0),
    )
    return tuple(name for name, apart in found if apart)


def statuses_apart(a: Quantity, b: Quantity) -> bool:
    """A target against an actual figure ("dự kiến 56 triệu khách" / "công suất 10
    triệu khách"): both read, and not the same."""
    return bool(a.status and b.status and a.status != b.status)


class _Words(NamedTuple):
    """What `_subjects` reads of one figure: its subject's words, the measured noun's,
    the words before that noun, and whether it is a small count."""

    subject: frozenset[str]
    measured: frozenset[str]
    head: frozenset[str]
    small: bool


def _words(q: Quantity) -> _Words:
    found, noun = words(q), measured(q)
    return _Words(found, noun, found - noun, small_count(q))


def _subjects(a: Quantity, b: Quantity, wa: _Words, wb: _Words) -> float:
    """How surely the subjects (or the lexicon's indicator) say one thing, whatever
    the periods, roles and statuses; `wa` and `wb` are their `_words`."""
    if a.indicator and a.indicator == b.indicator:
        if province_figure(a, b):
            return 0.0
        return 1.0  # the lexicon names the subject
    if wa.small or wb.small:
        # "7 tỉnh" / "8 tỉnh": small counts are often parts of a story; only the very
        # same words make them one figure.
        return 1.0 if wa.subject == wb.subject else 0.0
    core = _overlap(wa.measured, wb.measured)
    short = len(wa.measured) <= MIN_SUBJECT_WORDS
    if wa.head and wb.head and wa.head.isdisjoint(wb.head) and short:
        core = 0.0  # "Bắc Giang ... 30.000 ha vải thiều", "huyện Lục Ngạn ... 16.300 ha vải thiều"
    return max(_overlap(wa.subject, wb.subject), core)


def province_figure(a: Quantity, b: Quantity) -> bool:
    """One indicator of one period and status: NU01 compares these across the
    province, and reports them; reports of one event add nothing to that."""
    return bool(
        a.indicator
        and a.indicator == b.indicator
        and a.period
        and b.period
        and a.status
        and a.status == b.status
    )


def confirms(other: Quantity, q: Quantity, tolerance: float) -> bool:
    """Whether `other` states `q`'s figure again, at least as precisely: "hơn 20.000
    tấn" does not confirm "20.108 tấn" against the "20.018 tấn" beside it."""
    if other.op in ONE_SIDED and q.op not in ONE_SIDED:
        return False
    return related(other, q) and agree(other, q, tolerance)


def related(a: Quantity, b: Quantity) -> bool:
    """A looser likeness than `match`: enough to say an agreeing figure may be the
    same one ("giá /kg" and "giá bán vải tươi nguyên chùm /kg")."""
    if (a.unit, a.measure) != (b.unit, b.measure):
        return False
    return len(words(a) & words(b)) >= MIN_SUBJECT_WORDS or match(a, b) > 0


def _overlap(wa: frozenset[str], wb: frozenset[str]) -> float:
    """Word overlap of two subjects; the shorter must lie inside the longer."""
    common = len(wa & wb)
    if common < MIN_SUBJECT_WORDS or common < min(len(wa), len(wb)):
        return 0.0
    score = common / max(len(wa), len(wb))
    return score if score >= MIN_MATCH else 0.0
