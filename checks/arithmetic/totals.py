"""Parts stated first and their total after them: "a, thêm b, tổng cộng là T".

"Thời điểm trước Tết, công ty đã chuyển số tiền là 15,5 tỷ đồng và sau Tết
chuyển thêm 500 triệu đồng, tổng cộng là 16 tỷ đồng": the figures of the
total's unit before "tổng cộng" in its sentence are what it adds up. The list
before a total is told apart by nothing but its place, so it is taken only
when nothing in the sentence says it is anything else: every figure a plain
level of the total's period and status and smaller than the total, none of
them compared ("so với", "gấp", "bằng") or split ("trong đó", "gồm"), no ";"
between two of them (clauses of a report may be other topics).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.lists import _COMPARES, _whole, _within
from checks.arithmetic.result import _Arithmetic, sum_of_parts
from linter.models import Severity

# "..., tổng cộng là 16 tỷ đồng", "... cộng lại 93 hộ": the total closes the list.
_TOTAL_AFTER = re.compile(
    r"(?:^|[,(:]|\s)\s*(?:tổng\s+cộng|cộng\s+lại)(?:\s+(?:là|được|lên\s+(?:tới|đến)))?\s*$"
)
# Words that make the figures before the total something other than its parts.
_NOT_A_LIST = re.compile(r";|(?<!\w)(?:trong\s+đó|gồm|còn\s+lại|riêng)(?!\w)")


def _totals_after(folded: str, figures: list[_Figure]) -> Iterator[_Arithmetic]:
    """A total after "tổng cộng" against the figures of its unit before it.

    More than the total is a warning: every figure before it is one of its parts.
    Less is info: a part may have been stated in an earlier sentence."""
    for i, total in enumerate(figures):
        if not _whole(total):
            continue
        if not _TOTAL_AFTER.search(
            folded, max(total.sentence_start, total.start - 30), total.start
        ):
            continue
        parts = [f for f in figures[:i] if f.unit == total.unit]
        if len(parts) < 2 or not all(_is_part(total, p) for p in parts):
            continue
        between = folded[parts[0].start : total.start]
        if _NOT_A_LIST.search(between) or _COMPARES.search(between):
            continue
        yield sum_of_parts(total, parts, Severity.WARNING, Severity.INFO)


def _is_part(total: _Figure, part: _Figure) -> bool:
    return part.is_level and _within(total, part) and part.claim.value < total.claim.value
