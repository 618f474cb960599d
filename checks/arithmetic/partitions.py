"""Parts listed after "gồm / bao gồm" against the total they make up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.lists import _COMPARES, _item_bounds, _list_end, _whole, _within
from checks.arithmetic.result import _Arithmetic, sum_of_parts
from linter.models import Severity

_PARTITION_CUE = re.compile(r"^\s*[,(:]?\s*(?:bao\s+)?gồm(?:\s+có)?\s*:?")
_OPEN_LIST = re.compile(r"\.\.\.|…|v\.v|(?<!\w)(?:khác|còn lại|chủ yếu|như)(?!\w)")


def _partitions(folded: str, figures: list[_Figure]) -> Iterator[_Arithmetic]:
    """A total right before "gồm / bao gồm": its parts make it up."""
    for i, total in enumerate(figures):
        if not _whole(total):
            continue
        after = folded[total.end : total.sentence_end]
        cue = _PARTITION_CUE.match(after)
        if cue is None:
            continue
        start = total.end + cue.end()
        bracket = after[: cue.end()].lstrip().startswith("(")
        end = _list_end(folded, start, total.sentence_end, bracket, subset=False)
        items = _items(folded, start, end, figures[i + 1 :], total)
        if items is not None:
            parts = [f for item_figures in items for f in item_figures]
            yield _partition(total, parts, items, folded[start : total.sentence_end])


def _items(
    folded: str, start: int, end: int, figures: list[_Figure], total: _Figure
) -> list[list[_Figure]] | None:
    """Figures of `unit` in each item of a list after "gồm"; None when the list is not
    a plain partition: an item with two figures of the unit, a change, a figure that
    is compared ("gấp đôi năm trước (30 tỷ)"), or a part of a part ("trong đó")."""
    if "trong đó" in folded[start:end]:
        return None
    bounds = _item_bounds(folded, start, end)
    end = bounds[-1][1]
    inside = [f for f in figures if f.unit == total.unit and start <= f.start < end]
    if any(not f.is_level for f in inside) or len(inside) < 2:
        return None
    items = [[f for f in inside if a <= f.start < b] for a, b in bounds]
    if any(len(i) > 1 for i in items) or not all(_within(total, f) for f in inside):
        return None
    if any(
        i and _COMPARES.search(folded, a, i[0].start)
        for (a, _), i in zip(bounds, items, strict=True)
    ):
        return None
    return items


def _partition(
    total: _Figure, parts: list[_Figure], items: list[list[_Figure]], rest: str
) -> _Arithmetic:
    """Parts after "gồm" must not add up to more than the total; to less only matters
    for a closed list (each item a figure of the total's unit, no "khác / còn lại")."""
    closed = all(items) and not _OPEN_LIST.search(rest)
    return sum_of_parts(total, parts, Severity.WARNING, Severity.INFO if closed else None)
