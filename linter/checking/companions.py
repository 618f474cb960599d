"""Figures stated with their equivalent, and one figure's equivalent given two ways.

A report often glosses a figure with the same thing in another unit: "được phê
duyệt tới 12 tầng, tương đương độ cao 50 m", "12 tầng (55 m)", "2,4 tỷ USD
(khoảng 54.000 tỷ đồng)". The gloss is said right after the figure, in
brackets or after "tương đương", "tức", "tương ứng", and is of another unit or
measure. When two reports of one event state the same figure (same value, unit,
measure and comparator) and each glosses it in one unit, the glosses are one
figure whatever words stand around them: the anchor says what they measure, so
no subject is needed ("độ cao 50 m" / a bare "55 m").

Measured on news2017's tuning half (every linked pair of its 778 readable
files): one such pair of glosses disagrees, the golf hotel's 12 floors as 50 m
and as 55 m; no other anchor was glossed in two reports with two values. Glosses
that agree once rounding and "khoảng" are allowed (two outlets converting
dollars at two rates) are no finding (`likeness.agree`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linter.checking.align import cannot_both_hold
from linter.checking.side_by_side import equivalence, side_by_side
from linter.models import Quantity

# What stands between a figure and its gloss: an opening bracket, or a word of
# equivalence and up to three words naming the gloss ("tương đương độ cao").
_GLUE = re.compile(
    rf"\s*(?:\(\s*(?:{equivalence('khoảng')})?"
    rf"|,?\s*(?:{equivalence('tương đương với', 'tương ứng với', 'tương ứng')})"
    r"(?:\s+[^\W\d_]+){0,3})\s*",
    re.IGNORECASE,
)
GLUE_CHARS = 30  # a gloss farther from its figure is another statement


@dataclass(frozen=True)
class Glossed:
    """A figure and the figure that glosses it in another unit or measure."""

    anchor: Quantity
    gloss: Quantity


def glossed(text: str, figures: Iterable[Quantity]) -> list[Glossed]:
    """A report's figures glossed by the next figure of their sentence, read once
    per report. Either of the two may be the one another report states too:
    "50 m (12 tầng)" glosses as "12 tầng (50 m)" does."""
    found = []
    for pair in side_by_side(text, figures):
        first, second = pair.first, pair.second
        if _kind(first) == _kind(second):
            continue  # a range or a list ("3.800m, 3.048m"), not a gloss
        if len(pair.between) <= GLUE_CHARS and _GLUE.fullmatch(pair.between):
            found += [Glossed(first, second), Glossed(second, first)]
    return found


def regloss(
    ours: Iterable[Glossed],
    theirs: Iterable[Glossed],
    figures: tuple[list[Quantity], list[Quantity]],
    tolerance: float,
) -> Iterator[tuple[Quantity, Quantity, str]]:
    """Glosses of one anchor figure, one in each report, that cannot both hold
    (`align.cannot_both_hold`: of one scope, part and base, not set apart by their
    context, neither gloss's value stated anywhere in the other report, whose
    `figures` are given). Each pair comes with the anchor's quote, which says
    what the glosses measure."""
    theirs = list(theirs)
    for a in ours:
        for b in theirs:
            ga, gb = a.gloss, b.gloss
            if _figure(a.anchor) != _figure(b.anchor) or _kind(ga) != _kind(gb):
                continue
            if cannot_both_hold(ga, gb, figures, tolerance):
                yield ga, gb, a.anchor.span.quote


def _kind(q: Quantity) -> tuple[str, str]:
    return q.unit, q.measure


def _figure(q: Quantity) -> tuple[object, ...]:
    return q.unit, q.measure, q.value, q.op, q.scope
