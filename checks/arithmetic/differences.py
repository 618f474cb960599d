"""A stated difference against the two levels it comes from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.result import _amount, _Arithmetic, _in, _stated

# "chênh lệch giảm 18,5 tỷ", "chênh lệch thu chi ngân sách là 200 tỷ": a few words
# may say what differs, but not what it is compared with or found in ("chênh lệch
# nhiều so với 5 tỷ đồng").
_DIFFERENCE_CUE = re.compile(
    r"(?<!\w)(?:chênh lệch|chênh|sai lệch)"
    r"(?:\s+(?!(?:so|với|trong|của|tại)(?!\w))[^\W\d]+){0,4}?(?:\s+(?:tăng|giảm))?"
    r"(?:\s+(?:là|khoảng|gần|hơn|trên))?\s*$"
)


def _differences(
    folded: str, figures: list[_Figure], following: list[_Figure]
) -> Iterator[_Arithmetic]:
    """A stated difference ("chênh lệch d"): its two levels are the only two figures
    of d's unit in its sentence, or (when it has none) in the next sentence."""
    for d in figures:
        clause = re.split(r"[;:,.()]", folded[max(d.sentence_start, d.start - 40) : d.start])[-1]
        if not _DIFFERENCE_CUE.search(clause):
            continue
        levels = _levels_like(d, figures) or _levels_like(d, following)
        if len(levels) != 2 or not _compared_pair(folded, d, levels):
            continue
        a, b = sorted(levels, key=lambda f: f.claim.value, reverse=True)
        diff = _amount(a.claim.value - b.claim.value, d)
        yield _Arithmetic(
            "difference",
            ((d, "difference"), (a, "larger"), (b, "smaller")),
            a.low - b.high,
            a.high - b.low,
            d.low,
            d.high,
            f"{_in(a, d)} − {_in(b, d)} = {diff}",
            _stated(d),
        )


# After "chênh lệch d", a clause break must come before its levels, and no word
# that makes d a part of them: "chênh lệch 5 tỷ đồng trong tổng thu 1.000 tỷ đồng và
# tổng chi 800 tỷ đồng" is a difference found inside those totals, not between them.
_BREAK_BEFORE_LEVELS = re.compile(r"[,;:.(]|(?<!\w)giữa(?!\w)")
_INSIDE = re.compile(r"^\s*(?:[,;:]\s*)?(?:trong|tại|thuộc|ở|của)(?!\w)")


def _compared_pair(folded: str, d: _Figure, levels: list[_Figure]) -> bool:
    """Whether the two levels are what d compares: both before it ("A, B, chênh lệch
    d"), or both after it past a clause break ("chênh lệch d. Số báo cáo là A ...")."""
    if all(f.start < d.start for f in levels):
        return True
    if any(f.start < d.start for f in levels):
        return False
    between = folded[d.end : min(f.start for f in levels)]
    return bool(_BREAK_BEFORE_LEVELS.search(between)) and not _INSIDE.match(between)


def _levels_like(d: _Figure, figures: list[_Figure]) -> list[_Figure]:
    return [f for f in figures if f is not d and f.is_level and f.unit == d.unit]
