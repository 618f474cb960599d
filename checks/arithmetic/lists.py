"""Lists of parts: where one stops, its items, which figure may be a total or a part of one."""

from __future__ import annotations

import re
from collections.abc import Callable

from checks.arithmetic.figures import _Figure


def _list_end(folded: str, start: int, end: int, bracket: bool, subset: bool) -> int:
    """Where a list of parts stops: its closing bracket, the sentence end, or for a
    "trong đó" list the first ";" (what follows it is often another topic)."""
    stops = [end]
    if bracket and (close := folded.find(")", start, end)) >= 0:
        stops.append(close)
    if subset and (semi := folded.find(";", start, end)) >= 0:
        stops.append(semi)
    return min(stops)


# Words of a clause that reports progress on the whole, not one of its parts:
# "gồm vốn ngân sách 60 tỷ đồng và vốn vay 40 tỷ đồng, đến nay đã giải ngân 90 tỷ đồng".
_PROGRESS = re.compile(r"(?<!\w)(?:đã|đến nay|giải ngân|lũy kế|tổng cộng|cả năm)(?!\w)")


def _item_bounds(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list: split at ";" when it has one, else at "," and "và". The
    item after "và" closes a ","-list, and an item that reports progress ends it."""
    body = folded[start:end]
    by_semicolon = ";" in body
    bounds: list[tuple[int, int]] = []
    pos, last = start, False
    for m in [*re.finditer(r";" if by_semicolon else r",(?!\d)|\s+và\s+", body), None]:
        item_end = start + m.start() if m else end
        if _PROGRESS.search(folded, pos, item_end):
            break
        bounds.append((pos, item_end))
        if last or m is None:
            break
        last = not by_semicolon and m.group().strip() == "và"
        pos = start + m.end()
    return bounds or [(start, start)]


def _within(total: _Figure, part: _Figure) -> bool:
    """Whether a part can belong to the total as the parser read them: not of another
    status, nor of a period outside the total's ("sản lượng đạt 500.000 tấn, trong đó
    năm 2016 đạt 520.000 tấn" names last year's figure, not a part)."""
    t, p = total.claim, part.claim
    if t.status and p.status and t.status != p.status:
        return False
    if t.period and p.period:
        return t.period.start <= p.period.start and p.period.end <= t.period.end
    return True


_NOT_ADDED = frozenset({"%", "lần"})
_SUBSET_CUE = re.compile(r"^\s*[,(:]?\s*trong\s+đó\s*:?")
# An item that compares ("gấp đôi tổng mức đầu tư (3 tỷ USD)") names no part.
_COMPARES = re.compile(r"(?<!\w)(?:gấp|so với|bằng|tương đương|chiếm)(?!\w)")


def _whole(f: _Figure) -> bool:
    """Whether a figure can be a total of parts: shares of different wholes,
    multiples and rates are never added."""
    return f.is_level and f.unit not in _NOT_ADDED and "/" not in f.unit


def _one_whole(
    folded: str,
    amount: _Figure,
    candidates: tuple[list[_Figure], list[_Figure]],
    stated: list[_Figure],
    until: tuple[int, int],
    another: Callable[[_Figure], bool],
) -> _Figure | None:
    """The whole an amount is a share of (`equivalents`, `portions`): the one candidate
    of its own sentence, else of the sentence before (`candidates`: here, previous);
    a level above zero and above the amount. A figure of
    `stated` between the whole and `until[0]` that is `another` share makes the whole
    that share's amount ("đỗ 99,36%, tương đương 60.559 thí sinh; ... 96,24%, tương
    đương 4.558 thí sinh" lists two groups), and a ";" between it and `until[1]`
    starts another clause."""
    here, previous = candidates
    wholes = here or previous
    if len(wholes) != 1:
        return None
    whole = wholes[0]
    if not whole.is_level or whole.low <= 0 or whole.claim.value <= amount.claim.value:
        return None
    if any(another(f) for f in stated if whole.start < f.start < until[0]):
        return None
    return None if ";" in folded[whole.end : until[1]] else whole
