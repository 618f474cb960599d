"""A share stated with the amount it comes to, against the whole it is a share of.

"... số lượng học sinh tốt nghiệp THCS là gần 80.000 học sinh. Trong khi đó, chỉ
tiêu ... chỉ đáp ứng được khoảng 70%, tương đương trên 60.000 học sinh": over
60.000 of under 80.000 is over 75 %, not about 70 %. "Việt Nam có hơn 128,3 triệu
thuê bao, Viettel chiếm tới trên 49,5% với 63,6 triệu thuê bao" holds.

The whole is the one figure of the amount's unit before the share in its sentence,
else the one in the sentence right before (then only info: that sentence may state
another whole); two candidates, a whole not above the amount or of another period,
another share or a ";" between the whole and the share link nothing
(`lists._one_whole`, shared with `portions`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.lists import _one_whole, _whole
from checks.arithmetic.result import _Arithmetic, _in, _number, _stated
from linter.checking.side_by_side import equivalence
from linter.models import Severity

# "70%, tương đương 60.000 học sinh", "22% (tức 138 tỷ đồng)", "chiếm 49,5% với 63,6 triệu".
_EQUIVALENT = re.compile(rf"\s*[,(]?\s*(?:{equivalence('tương đương với', 'với')})\s*")
_TAKES = re.compile(r"(?<!\w)(?:chiếm|đáp ứng|đạt|bằng|là)(?:\s+(?:được|tới|khoảng))*\s*$")


def _equivalents(
    folded: str, figures: list[_Figure], previous: list[_Figure]
) -> Iterator[_Arithmetic]:
    """amount / whole must be the share."""
    for i, (share, amount) in enumerate(itertools.pairwise(figures)):
        if share.unit != "%" or not share.is_level or not _whole(amount):
            continue
        if not _EQUIVALENT.fullmatch(folded[share.end : amount.start]):
            continue
        if "với" in folded[share.end : amount.start] and not _TAKES.search(
            folded, share.sentence_start, share.start
        ):
            continue  # "với" links an amount only to a share something takes: "chiếm x% với"
        here = [f for f in figures[:i] if f.unit == amount.unit]
        wholes = (here, [f for f in previous if f.unit == amount.unit])
        stated = figures[:i] if here else [*previous, *figures[:i]]
        span = (share.start, share.start)
        whole = _one_whole(folded, amount, wholes, stated, span, lambda f: f.unit == "%")
        if whole is None:
            continue
        yield _share_of(whole, share, amount, Severity.WARNING if here else Severity.INFO)


def _share_of(whole: _Figure, share: _Figure, amount: _Figure, severity: Severity) -> _Arithmetic:
    ratio = amount.claim.value / whole.claim.value * 100
    high = amount.high / whole.low * 100 if math.isfinite(amount.high) else math.inf
    return _Arithmetic(
        "equivalent",
        ((whole, "total"), (share, "share"), (amount, "equivalent")),
        amount.low / whole.high * 100,
        high,
        share.low,
        share.high,
        f"{_in(amount, amount)} / {_in(whole, amount)} = {_number(ratio)}%",
        f"«{_stated(share)}»",
        over=severity,
        under=severity,
    )
