"""An amount with the share of a whole it takes ("N, chiếm x%"), against that whole.

The order `equivalents` does not read: the amount first, its share after it.
"... có 175 tổ chức và 300 cá nhân kinh doanh tại 475 cửa hàng. Cụ thể: bán buôn
10 cửa hàng, chiếm 2,1%" holds (10 / 475 = 2,1 %); "tổng chiều dài 470.142 m,
trong đó ống gang 249.146 m, chiếm 53%" holds.

Only the words of a share of a whole are read ("chiếm", "chiếm tỷ lệ", "tương
đương", "tức"): "bằng x%" and "đạt x%" are as often a ratio to last year or to a
plan ("đạt 100.000 tấn, bằng 70% so với năm 2016"). A share followed by words
naming its whole ("chiếm 15% tổng FDI", "chiếm 36% dân số cả nước") is of that
whole, which the text does not give, so only a share that ends its clause is read.
The whole is found as `equivalents` finds it (`lists._one_whole`): the one figure
of the amount's unit before it in its sentence, else in the sentence before (then
info); an item of the same list, an amount with its own share ("bán buôn 10 cửa
hàng, chiếm 2,1%; bán lẻ 464 cửa hàng, chiếm 97,9%"), is a sibling and never the
whole. In its own sentence the whole needs a word saying it is one: "trong đó",
"gồm", "cụ thể" between it and the list, or "tổng" in its clause. Without one, an
earlier figure is as often another item of an unshared list ("còn 1.250 hộ nghèo,
hộ cận nghèo là 900 hộ, chiếm 7,5%": of all households, not of the 1.250); a
sentence break before the list is its cue (the whole stated, then broken down).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from checks.arithmetic.equivalents import _share_of
from checks.arithmetic.figures import _CLAUSE_END, _Figure
from checks.arithmetic.lists import _one_whole, _whole, _within
from checks.arithmetic.result import _Arithmetic
from linter.models import Severity

# "4.592 chiếc, chiếm 37%", "454 đại biểu tán thành, chiếm tỷ lệ 92,46%", "hơn 10 triệu
# ha đất ngập nước (chiếm khoảng 30%": a few words may end the amount's noun first.
_TAKES = re.compile(
    r"(?:\s+[^\s\d,;:()%.!?]+){0,6}\s*[,(]?\s*(?:chiếm|tương\s+đương|tức)"
    r"(?:\s+(?:t[ỷỉ]\s+lệ|tới|khoảng|là))*\s*"
)
# Words after a whole that open its breakdown, and a word of its clause naming it one.
_BREAKDOWN = re.compile(r"(?<!\w)(?:trong\s+đó|gồm|cụ\s+thể)(?!\w)")
_TOTAL = re.compile(r"(?<!\w)tổng(?!\w)")
_CLAUSE_START = re.compile(r"[,;:(][^,;:(]*$")


def _portions(
    folded: str, figures: list[_Figure], previous: list[_Figure]
) -> Iterator[_Arithmetic]:
    """amount / whole must be the share the amount is said to take."""
    taking = list(_taking(folded, figures))
    if not taking:
        return
    taken_before = list(_taking(folded, previous))
    siblings = {id(f) for f, _ in taking}
    before_siblings = {id(f) for f, _ in taken_before}
    # A share between the whole and the amount that is no sibling's makes the whole
    # another share's amount ("500 hộ, 40% là hộ nghèo, 120 hộ, chiếm 24%"); a change
    # of the whole ("823 triệu kWh, tăng 23%") does not.
    shares_of_siblings = {id(s) for _, s in [*taken_before, *taking]}

    def another(f: _Figure) -> bool:
        return f.unit.startswith("%") and f.is_level and id(f) not in shares_of_siblings

    for amount, share in taking:
        here = [
            f
            for f in figures
            if f.start < amount.start and f.unit == amount.unit and id(f) not in siblings
        ]
        wholes = (
            here,
            [f for f in previous if f.unit == amount.unit and id(f) not in before_siblings],
        )
        stated = figures if here else [*previous, *figures]
        # The list opens at its first sibling after the one candidate whole: a ";"
        # before it starts another clause, one between two siblings does not.
        after = (here or wholes[1] or [amount])[0].start
        first = min(
            (f.start for f in stated if after < f.start and id(f) in siblings),
            default=amount.start,
        )
        until = (amount.start, min(first, amount.start))
        whole = _one_whole(folded, amount, wholes, stated, until, another)
        if whole is None or not _within(whole, amount):
            continue  # not _within: another period or status, "năm 2016 ... năm nay"
        if here and not _said_whole(folded, whole, first):
            continue
        yield _share_of(whole, share, amount, Severity.WARNING if here else Severity.INFO)


def _said_whole(folded: str, whole: _Figure, first: int) -> bool:
    """Whether the words make `whole` the whole of the list opening at `first`."""
    if _BREAKDOWN.search(folded, whole.end, first):
        return True
    clause = _CLAUSE_START.search(folded, whole.sentence_start, whole.start)
    return bool(
        _TOTAL.search(folded, clause.end() if clause else whole.sentence_start, whole.start)
    )


def _taking(folded: str, figures: list[_Figure]) -> Iterator[tuple[_Figure, _Figure]]:
    """Each amount with the share it is said to take, where the share ends its clause."""
    for amount, share in itertools.pairwise(figures):
        if share.unit != "%" or not share.is_level or not _whole(amount):
            continue
        if amount.sentence_start != share.sentence_start:
            continue
        if not _TAKES.fullmatch(folded, amount.end, share.start):
            continue
        if _CLAUSE_END.match(folded, share.end):
            yield amount, share
