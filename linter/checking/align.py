"""Which figures of two reports of one event are one figure, read from their sentences.

Outlets that report one press release rewrite its sentences: "Tàu có trọng tải
20.108 tấn, khi mắc cạn trên tàu chở 1.701 tấn dầu FO" becomes "Tàu có trọng
tải 20.018 tấn và chở 1.701 tấn dầu FO". The subject the parser reads for such
a figure may be weak (None, "diện tích", only the counted noun), yet the
sentence around it says plainly that both reports state the same thing. So two
sentences are *aligned* when their pairs of neighbouring words overlap
strongly (a Dice score of at least `ALIGN_MIN` and `SHARED_MIN` shared pairs:
a short "Tổng mức đầu tư của phương án là 61.590 tỷ đồng" shares too few with
another project's), and inside them figures of one unit and measure are paired
when the words right before or right after their numbers are the same, one to
one ("trên tổng diện tích đất 5,07ha trong Khu" / "tổng diện tích gần 6ha
trong Khu").

Aligned figures that cannot both hold are `rewritten` figures: EV01 reports
them unless the later report brings a running count up to date
(`linter.checking.running`). Word pairs are read once per sentence text
(`lru_cache`): a report is compared with every report linked to it, and a
served corpus is compared again at every keystroke of a draft.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from linter.checking.apart import context_apart
from linter.checking.likeness import (
    ONE_SIDED,
    agree,
    ambiguous,
    match,
    province_figure,
    statuses_apart,
    truncated,
)
from linter.models import Quantity

# Measured on the linked reports of news2017's tuning half (all its 778 readable
# files): rewrites of one sentence score 0.34 to 0.92 (a ship's tonnage and
# cargo, a project's area, a price per m2); two sentences of one topic that
# state different things share few word pairs ("Tổng mức đầu tư của phương án
# là 61.590 tỷ đồng" / "Tổng mức đầu tư dự án ước hơn 5.400 tỉ đồng": three;
# two schools' quotas, "Trường tuyển 3.500 chỉ tiêu": two).
ALIGN_MIN = 0.4
SHARED_MIN = 5  # word pairs: a six-word sentence that shares four is a topic, not a rewrite
# A named slip is a warning only above this: most of the sentence is copied (the
# ship's "trọng tải 20.108 tấn" / "20.018 tấn" rewrite scores 0.59).
STRONG_ALIGN = 0.55
CONTEXT_WORDS = 2  # the words right before or after a number that say which figure it is

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Aligned:
    """Two figures of aligned sentences taken to be one figure."""

    first: Quantity
    second: Quantity
    score: float  # Dice score of their sentences' word pairs
    label: str  # the words before the first figure, when it has no subject


@lru_cache(maxsize=65536)
def _words(sentence: str) -> tuple[str, ...]:
    # Interned: the cache holds up to 65,536 sentences' words, a million strings of a
    # few thousand words (90 of a check worker's MB at 5,000 documents, not interned).
    return tuple(map(sys.intern, _WORD.findall(sentence.lower())))


@lru_cache(maxsize=65536)
def word_pairs(sentence: str) -> frozenset[tuple[str, str]]:
    """Pairs of neighbouring words, which keep more of a sentence's meaning than
    its words ("trọng tải", "mắc cạn", "dầu fo")."""
    words = _words(sentence)
    return frozenset(pairwise(words))


def alignment(first: str, second: str) -> float:
    """How much of two sentences is one text: a Dice score of their word pairs, 0
    below `ALIGN_MIN` or `SHARED_MIN` shared pairs."""
    return _score(word_pairs(first), word_pairs(second))


# A served corpus compares the same published sentences at every check of a
# draft: their word pairs are the same objects (`word_pairs` is cached), so a
# score is looked up by identity instead of intersecting two sets again.
@lru_cache(maxsize=65536)
def _score(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> float:
    if not a or not b or 2 * min(len(a), len(b)) < ALIGN_MIN * (len(a) + len(b)):
        return 0.0  # the sizes alone rule it out: most sentence pairs stop here
    shared = len(a & b)
    score = 2 * shared / (len(a) + len(b))
    return score if shared >= SHARED_MIN and score >= ALIGN_MIN else 0.0


@dataclass(frozen=True)
class _Sentence:
    """A sentence of a report with its figures and the word pairs it is matched by."""

    text: str
    figures: list[Quantity]
    pairs: frozenset[tuple[str, str]]
    kinds: frozenset[tuple[str, str]]  # (unit, measure) of its figures


@dataclass(frozen=True)
class Report:
    """A report's figures and its sentences that hold them, read once per check
    run: a report is compared with every report linked to it."""

    figures: list[Quantity]
    sentences: list[_Sentence]


def report(text: str, figures: Iterable[Quantity]) -> Report:
    """Each sentence with figures, its figures one per place in the text (claims
    repeated in a cache or a corpus are compared once)."""
    kept = list(figures)
    found: dict[tuple[int, int], dict[tuple[int, int], Quantity]] = {}
    for q in kept:
        found.setdefault(q.sentence, {}).setdefault((q.span.line, q.span.column), q)
    sentences = []
    for (start, end), places in found.items():
        sentence, own = text[start:end], list(places.values())
        kinds = frozenset((q.unit, q.measure) for q in own)
        sentences.append(_Sentence(sentence, own, word_pairs(sentence), kinds))
    return Report(kept, sentences)


def aligned_figures(first: Report, second: Report) -> Iterator[Aligned]:
    """Pairs of figures, one of each report, that aligned sentences state at the
    same place (`_paired`); only sentences with figures of one unit and measure
    are compared."""
    for a in first.sentences:
        for b in second.sentences:
            if a.kinds.isdisjoint(b.kinds) or not (score := _score(a.pairs, b.pairs)):
                continue
            if _named_apart(a.text, b.text):
                continue
            for qa, qb in _paired(a, b):
                yield Aligned(qa, qb, score, _before(a.text, qa))


@lru_cache(maxsize=65536)
def _names(sentence: str) -> frozenset[str]:
    """The words of a sentence written with a capital, but its first one."""
    found = _WORD.findall(sentence)[1:]
    return frozenset(w.lower() for w in found if w[0].isupper())


def _named_apart(first: str, second: str) -> bool:
    """Whether each sentence names something the other does not: one template said
    of two projects ("Dự án Khu đô thị mới Nhơn Hội có diện tích đất thu hồi 48
    ha" / "Dự án nuôi tôm công nghệ cao ở Phù Mỹ có diện tích đất thu hồi 4,8 ha").
    A rewrite may add a name ("Tàu vận tải Chemroad Journey có trọng tải") or
    write one in lower case ("Đài truyền thanh" / "đài truyền thanh"), not swap it."""
    words_a, words_b = set(_words(first)), set(_words(second))
    return bool(_names(first) - words_b) and bool(_names(second) - words_a)


def _paired(a: _Sentence, b: _Sentence) -> Iterator[tuple[Quantity, Quantity]]:
    """Figures of one unit and measure with the same words right before or right
    after their numbers, one to one: "kiểm tra 197 phòng khám" and "đình chỉ 16
    phòng khám" in two sentences that share the rest are two figures, and
    "21% ý kiến ...; chỉ có 1% ý kiến" against one "26% ý kiến" pairs neither."""
    for kind in sorted(a.kinds & b.kinds):
        ours = [(q, _around(a.text, q)) for q in a.figures if (q.unit, q.measure) == kind]
        theirs = [(q, _around(b.text, q)) for q in b.figures if (q.unit, q.measure) == kind]
        for qa, around_a in ours:
            found = [(qb, around_b) for qb, around_b in theirs if _shares(around_a, around_b)]
            if len(found) != 1:
                continue
            qb, around_b = found[0]
            if sum(_shares(around, around_b) for _, around in ours) == 1:
                yield qa, qb


_Around = tuple[tuple[str, ...], tuple[str, ...]]


def _shares(a: _Around, b: _Around) -> bool:
    return any(x and x == y for x, y in zip(a, b, strict=True))


def _around(sentence: str, q: Quantity) -> _Around:
    return _around_quote(sentence, q.span.quote)


@lru_cache(maxsize=65536)
def _around_quote(sentence: str, quote: str) -> _Around:
    """The `CONTEXT_WORDS` words right before and right after a figure's quote
    (the quote holds its comparator: "gần 6ha")."""
    at = sentence.find(quote)
    if at < 0:
        return (), ()
    before = _words(sentence[:at])[-CONTEXT_WORDS:]
    after = _words(sentence[at + len(quote) :])[:CONTEXT_WORDS]
    return before, after


def _before(sentence: str, q: Quantity) -> str:
    return " ".join(_around(sentence, q)[0])


def rewritten(first: Report, second: Report, tolerance: float) -> Iterator[Aligned]:
    """Aligned figures that cannot both hold (`cannot_both_hold`), which the subjects could
    not compare (weak, or not alike) and which their side gives no other value of
    a like subject, neither one a truncation of the other (98 ha / 98,7 ha).
    Whether one is a running count is the caller's (`updated`)."""
    for pair in aligned_figures(first, second):
        qa, qb = pair.first, pair.second
        if agree(qa, qb, tolerance) or truncated(qa, qb):
            continue  # most aligned pairs agree: skip them before the scans below
        if qa.indicator or qb.indicator or match(qa, qb) > 0:
            continue  # subjects that say what is measured: `likeness.conflicts` judged them
        if ambiguous(qa, first.figures, tolerance) or ambiguous(qb, second.figures, tolerance):
            continue  # one template for a figure of each year or district: which one?
        if cannot_both_hold(qa, qb, (first.figures, second.figures), tolerance):
            yield pair


def cannot_both_hold(
    a: Quantity, b: Quantity, sides: tuple[list[Quantity], list[Quantity]], tolerance: float
) -> bool:
    """Whether two figures taken for one (a rewritten sentence's, a gloss of one
    figure) cannot both hold: not agreeing once rounding is allowed, of one scope,
    part and base, not set apart by their context (`apart`), and neither value
    stated again on the other's side (`sides`: then both figures exist)."""
    if agree(a, b, tolerance) or apart(a, b):
        return False
    if (a.scope, a.part_of, a.base) != (b.scope, b.part_of, b.base):
        return False  # "trong đó" 986 ha of the 1.841 ha: a part, not the whole again
    return not (_stated(a, sides[1], tolerance) or _stated(b, sides[0], tolerance))


def apart(a: Quantity, b: Quantity) -> bool:
    """Figures the context says are two (periods apart, a whole and a part, another
    status: `linter.checking.apart`), or an
    indicator's figure of one period and status, which NU01 compares already."""
    if context_apart(a, b):
        return True  # a half-year and a year, a whole and its part
    return statuses_apart(a, b) or province_figure(a, b)


def sentence_of(text: str, q: Quantity) -> str:
    return text[q.sentence[0] : q.sentence[1]]


def _stated(q: Quantity, side: list[Quantity], tolerance: float) -> bool:
    """Whether `side` states `q` again, as precisely: "từ 45 m" (a rule's bound)
    does not state the 55 m of a hotel."""
    return any(
        (o.unit, o.measure) == (q.unit, q.measure)
        and not (o.op in ONE_SIDED and q.op not in ONE_SIDED)
        and agree(o, q, tolerance)
        for o in side
    )
