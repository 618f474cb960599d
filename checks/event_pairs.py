"""EV01's pairs: the figures two linked reports state differently, found each way.

In: two linked reports (their claims, their `align.Report`s, their figures'
glosses, and `ReportReads`: the days and periods of their sentences and their
figures read once for each way of pairing) and why they are linked
(`linter.checking.events.Link`). Out: (figure, figure, sure, label) for each
pair of disagreeing figures that no rule of `linter.checking.apart` or
`running` keeps apart: the comparison `checks.events.EventFigureConflict` turns
into findings. `compared` gives them, and keeps those of two published reports
for the next check of a draft against the same documents (`doichieu serve`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from checks.event_conflicts import scope, two, values
from linter.checking import DocumentClaims
from linter.checking.align import STRONG_ALIGN, Report, rewritten, truncated
from linter.checking.apart import disjoint
from linter.checking.companions import Glossed, regloss
from linter.checking.events import Link
from linter.checking.kept import held
from linter.checking.likeness import Side, conflicts, side, words
from linter.checking.memo import IdentityMemo
from linter.checking.running import updated
from linter.checking.sides import Bounds, bounds, two_sides
from linter.checking.slipped import Slippable, alone, paraphrased, slippable, slips, with_subject
from linter.models import DateRef, Period, PeriodRef, Quantity

# Subject words two figures share when their reports are linked by names only:
# measured on news2017's tuning half, two ("trọng tải", "trái cây") compared a
# ship with a bridge and a company's plan with its present; three or more held.
WEAK_LINK_WORDS = 3
# Shared names that link two reports well enough to compare slipped figures whose
# subjects say nothing alike: the Kwong Lung - Meko fire's reports share five (the
# company, the industrial park, the ward); two stories of one place share one or two.
SLIP_LINK_NAMES = 3

Sentence = tuple[int, int]  # a sentence's offsets, as a claim's `sentence` gives them


@dataclass(frozen=True)
class ReportReads:
    """What is read once of one report: when each sentence is about, the days it
    names (`_days`) and its periods (`_periods`); and its figures as each way of
    pairing reads them: `likeness.conflicts` (`figures`, `likeness.side`: the
    usable ones and their subject words), `slipped.slips` (`subjects`,
    `with_subject`), `sides.two_sides` (`bounds`) and `slipped.paraphrased`
    (`alone`: those alone of their kind in their sentence, `slippable`). Read once
    per report and run (`report_reads`), whatever the number of reports it is
    linked to: the linked pairs grow with the square of a province's reports, the
    reports only with them."""

    days: dict[Sentence, set[object]]
    periods: dict[Sentence, list[Period]]
    figures: Side
    subjects: Slippable
    bounds: Bounds
    alone: Slippable


def report_reads(item: DocumentClaims, figures: Iterable[Quantity]) -> ReportReads:
    """`ReportReads` of `item`, whose `figures` are those its `align.report` keeps."""
    figures = list(figures)
    read = side(figures), with_subject(figures), bounds(figures), slippable(alone(figures))
    return ReportReads(_days(item), _periods(item), *read)


Glosses = list[Glossed]  # a report's figures glossed in another unit (`companions`)
Read = Callable[[DocumentClaims], tuple[Report, Glosses, ReportReads]]  # what `pairs` reads
Found = tuple[Quantity, Quantity, bool, str]  # two figures, sure, label: what `pairs` yields

# The pairs of figures of two published reports, kept from one check of a draft to
# the next: a server checks every draft with its whole province, and comparing the
# figures of every linked pair of it again was a third of a check (31 of 90 ms at
# 80 reports). Only the pairs with the draft can change between two checks of one
# snapshot. An entry is keyed by the two documents and claims (identities) and what
# else `pairs` reads (the link, the tolerance); it holds the documents and the first
# claim of each weakly, and is used only while each is the very object it was made
# from, so an edited or deleted file's entry never matches again and lets it go
# (as linter.checking.events keeps its linked pairs).
KEPT_PAIRS = 16384  # a province of 1,000 reports links a few thousand pairs
_KEPT: IdentityMemo[tuple[Found, ...]] = IdentityMemo(KEPT_PAIRS)


def compared(
    left: DocumentClaims,
    right: DocumentClaims,
    why: Link,
    tolerance: float,
    read: Read,
    focus: frozenset[str] | None,
) -> tuple[Found, ...]:
    """`pairs` of two linked reports (`read` gives what they are read as). In a
    focused run (a draft's), the pairs of two reports outside `focus` are kept for
    the next run over the same documents; a batch run compares each pair once and
    keeps nothing."""

    def compare() -> tuple[Found, ...]:
        (ra, la, wa), (rb, lb, wb) = read(left), read(right)
        return tuple(pairs(left, right, (ra, rb), (la, lb), (wa, wb), tolerance, why))

    if focus is None or not focus.isdisjoint((left.document.path, right.document.path)):
        return compare()
    objects = (*held(left), *held(right))
    claims = (left.claims, right.claims)
    key = (*map(id, claims), *map(len, claims), why, tolerance)
    found = _KEPT.get(key, objects)
    if found is None:
        found = compare()
        _KEPT.put(key, objects, found)
    return found


def pairs(
    left: DocumentClaims,
    right: DocumentClaims,
    reports: tuple[Report, ...],
    glosses: tuple[Glosses, ...],
    when: tuple[ReportReads, ReportReads],
    tolerance: float,
    why: Link,
) -> Iterator[Found]:
    """Disagreeing figures of like subjects (sure), then slips by a power of ten
    between figures that only share words (doubtful), then figures that two
    rewrites of one sentence state differently (sure when most of the sentence is
    copied), then glosses of one figure given two ways (doubtful). Reports linked by names alone may be two stories of one place: their
    figures must share more, unless their very sentences are one text."""
    if scope(left) is None or scope(right) is None:
        return  # a document of a unit that could not be resolved is compared with nobody
    ours, theirs = reports[0].figures, reports[1].figures
    # "98 ha" for 98,7 ha is the figure shortened, whichever way the two were paired
    read = conflicts(when[0].figures, when[1].figures, tolerance)  # `ours` and `theirs`, read
    sure = [(qa, qb) for qa, qb in read if not truncated(qa, qb)]
    found = [(qa, qb, True, "", False) for qa, qb in sure]
    found += [(qa, qb, False, "", False) for qa, qb in slips(when[0].subjects, when[1].subjects)]
    known = {values(qa, qb) for qa, qb, *_ in found}  # a later way adds only new pairs

    def add(batch: Iterable[tuple[Quantity, Quantity, bool, str, bool]], only_new: bool) -> None:
        kept = [p for p in batch if not only_new or values(p[0], p[1]) not in known]
        found.extend(kept)
        known.update(values(qa, qb) for qa, qb, *_ in kept)

    # "hơn một triệu lượt du khách" / "gần 1 triệu lượt khách": the number says it
    # is one figure, whatever status its context gave each (`linter.checking.sides`).
    add(
        (
            (qa, qb, False, "", False)
            for qa, qb in two_sides(when[0].bounds, when[1].bounds, tolerance)
        ),
        True,
    )
    if why.numbers or why.names >= SLIP_LINK_NAMES:
        # A slip whatever the subjects: its digits are the evidence, the link vouches
        # for one event (names alone of one place may be two stories).
        # A pair of values the other ways already found keeps their evidence.
        add(
            ((qa, qb, False, "", True) for qa, qb in paraphrased(when[0].alone, when[1].alone)),
            True,
        )
    texts = left.document.text, right.document.text
    dates = left.document.meta.date, right.document.meta.date
    aligned = rewritten(reports[0], reports[1], tolerance)
    add(((a.first, a.second, a.score >= STRONG_ALIGN, a.label, True) for a in aligned), False)
    # "12 tầng, tương đương độ cao 50 m" / "12 tầng (55 m)": the shared figure says
    # what its glosses measure (`linter.checking.companions`).
    reglossed = regloss(glosses[0], glosses[1], (ours, theirs), tolerance)
    add(((qa, qb, False, at, True) for qa, qb, at in reglossed), True)
    # Reports linked by their wording alone (no shared figure, too few names) are two
    # stories of one topic as often as one: two years' admission plans, two fire
    # reports of the city; names they share do not make their subjects one thing.
    # One number put on two sides ("hơn 1 triệu" / "gần 1 triệu") says itself that it
    # is one figure: there the names still count.
    for qa, qb, sure, label, copied in found:
        named = why.names > 0 and (not why.text or qa.value == qb.value)
        a, b = when[0].days.get(qa.sentence, set()), when[1].days.get(qb.sentence, set())
        if a and b and not a & b:
            continue  # "ca 1 ngày 6/2" and "ngày 7/2": one figure of two days
        if _other_periods(qa, qb, when):
            continue  # "11 tháng đầu năm 2018 ... 236.334 tỉ" / "năm 2017 đạt 345.287 tỉ"
        if why.numbers == 0 and not copied and not _named_alike(qa, qb, named):
            continue  # a ship's "trọng tải" and a bridge's "tải trọng" in two stories
        if two(qa, qb):
            continue  # "dài 3.800 m" / "cách ... 395 m"; a whole and its part
        if updated((texts[0], qa, dates[0]), (texts[1], qb, dates[1])):
            continue  # "Đến nay, ... 156 căn nhà": a later count, not another reading
        yield qa, qb, sure, label


def _named_alike(qa: Quantity, qb: Quantity, named: bool) -> bool:
    """The same indicator of the lexicon, or `WEAK_LINK_WORDS` shared subject words
    ("cơ sở y tế", "giải phóng mặt bằng"), not a generic pair ("vốn đầu tư"). Reports
    linked by their titles' words alone (no figure, no name) are two stories of one
    topic as often as one: "13 cơ sở y tế" of a patient in another city and "59 cơ
    sở y tế" of the province, in two stories of health-insurance fraud; then only
    the indicator counts."""
    if qa.indicator is not None and qa.indicator == qb.indicator:
        return True
    return named and len(words(qa) & words(qb)) >= WEAK_LINK_WORDS


def _days(item: DocumentClaims) -> dict[Sentence, set[object]]:
    """The days each sentence names ("ngày 6/2/2017", "sáng 7-2"): a figure of a
    sentence about one day is that day's."""
    days: dict[Sentence, set[object]] = {}
    for ref in item.of(DateRef):
        if not ref.deadline:
            days.setdefault(ref.sentence, set()).add(ref.date)
    return days


def _periods(item: DocumentClaims) -> dict[Sentence, list[Period]]:
    """The periods each sentence names, but the base of a comparison ("so với cùng kỳ
    năm 2016"). Days are left out: a day in a sentence dates what happened to a
    figure's thing ("ngày 20/6 bàn giao khu đất 1,3 ha"), not the figure; two days
    are `_days`'s."""
    periods: dict[Sentence, list[Period]] = {}
    for ref in item.of(PeriodRef):
        if not ref.base:
            period = Period(grain=ref.grain, start=ref.start, end=ref.end, label=ref.label)
            periods.setdefault(ref.sentence, []).append(period)
    return periods


def _other_periods(qa: Quantity, qb: Quantity, when: tuple[ReportReads, ReportReads]) -> bool:
    """Whether every period one figure holds for lies outside every period the other
    holds for: two figures of two times, not one figure stated twice. A figure the
    parser gave no period holds for the periods its sentence names ("Cục Thuế cho
    biết luỹ kế 11 tháng đầu năm 2018 thu ngân sách mới đạt 236.334 tỉ đồng": the
    figure is of 2018 whatever its period). Two figures that both have one are
    `two`'s to tell apart (`linter.checking.apart.periods_apart`)."""
    if qa.period is not None and qb.period is not None:
        return False
    a = [qa.period] if qa.period is not None else when[0].periods.get(qa.sentence, [])
    b = [qb.period] if qb.period is not None else when[1].periods.get(qb.sentence, [])
    return bool(a and b) and all(disjoint(x, y) for x in a for y in b)
