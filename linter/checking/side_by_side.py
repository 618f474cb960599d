"""Figures stated side by side in a sentence, and the words that say one is the other.

A report gives a figure with its equivalent right after it: "250 triệu USD (hơn
570 tỷ đồng)", "12 tầng, tương đương độ cao 50 m", "70%, tương đương trên 60.000
học sinh". FX01 reads the conversions, EV01 the glosses (`companions`), the
arithmetic check the shares; each pairs a figure with the next one of its
sentence (`side_by_side`) and tests the words between them against the words of
equivalence (`equivalence`) plus the few its own reading accepts ("khoảng",
"tương ứng", "với").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from linter.models import Quantity

# The words every reader takes for "the same as": "tương đương", "tức là", "tức".
EQUIVALENCE = ("tương đương", "tức là", "tức")


def equivalence(*extra: str) -> str:
    """A regex alternation of `EQUIVALENCE` and a caller's `extra` words, longest
    first (so "tương đương với" is read whole), any white space between words."""
    words = sorted({*EQUIVALENCE, *extra}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


@dataclass(frozen=True)
class Neighbours:
    """A figure, the next figure of its sentence, and the text between them."""

    first: Quantity
    second: Quantity
    between: str


def side_by_side(text: str, figures: Iterable[Quantity]) -> Iterator[Neighbours]:
    """Each figure with the next one of its sentence, in text order, one figure per
    place (a corpus may hold a claim twice). Each quote is looked for after the one
    before it, not from the start of the sentence: "12 tầng (55 m) và ... 12 tầng
    (40 m)" states "12 tầng" twice, and the second is the second. A quote not
    found there ends its sentence: what follows cannot be placed."""
    by_sentence: dict[tuple[int, int], dict[tuple[int, int], Quantity]] = {}
    for q in sorted(figures, key=lambda q: (q.span.line, q.span.column)):
        by_sentence.setdefault(q.sentence, {}).setdefault((q.span.line, q.span.column), q)
    for (start, end), own in by_sentence.items():
        sentence, at = text[start:end], 0
        placed: list[tuple[int, int, Quantity]] = []
        for q in own.values():
            found = sentence.find(q.span.quote, at)
            if found < 0:
                break
            at = found + len(q.span.quote)
            placed.append((found, at, q))
        for (_, a_end, a), (b_start, _, b) in pairwise(placed):
            yield Neighbours(a, b, sentence[a_end:b_start])
