"""Whether a later report's figure is a running count that updates an earlier one.

A story that runs over days is reported again with its counts brought up to
date: "Đợt mưa lũ đã làm sập 120 căn nhà" on the 1st, "Đến nay, đợt mưa lũ đã
làm sập 156 căn nhà" on the 3rd; an online poll read at noon and at night. Two
such figures are not two readings of one release, so the comparison of the
reports of one event (EV01) leaves them out. It does so only when the two
sentences are rewrites of one another (`linter.checking.align`): two different
sentences say two things even when one says "đến nay" ("từ năm ngoái đến nay
... xử phạt 14.000 cơ sở y tế" against "có khoảng 13.000 cơ sở y tế"). A count
that adds up as the story runs (houses, hectares, money) cannot fall from one
report to the next unless the later one says so ("giảm còn"): "203 ôtô" two
months after "230 ô tô" is still a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from linter.checking.align import alignment, sentence_of
from linter.models import Dimension, Quantity

LEAD_IN_CHARS = 400  # how far back the sentence before a figure's is looked for

# Words that make a figure a running count, updated from one report to the next:
# "Tính đến ngày 6/2, có 73% ý kiến" and "đến trưa 6-2, đã có 78% ý kiến" are one
# online poll read at two hours, not two readings of one release. "Hiện nay"
# says a figure is current, not that it runs ("HCM có khoảng 13.000 cơ sở y
# tế"), and "từ ngày 16/1 đến ngày 14/4" is a span of days, not an hour.
_RUNNING = re.compile(
    r"(?<!\w)(?:tính đến|tính tới|đến nay|tới nay|đến thời điểm|"
    r"đến (?:sáng|trưa|chiều|tối|hết|hôm nay|giờ|ngày)|"
    r"cập nhật|tăng lên|giảm xuống|giảm còn|nâng (?:tổng|lên)|lũy kế|luỹ kế|đã có thêm)(?!\w)"
)
_SPAN = re.compile(r"(?<!\w)từ (?:ngày )?[\w/.-]+ (?:đến|tới)(?: hết)?(?: ngày)?(?!\w)")


@lru_cache(maxsize=65536)
def running(sentence: str) -> bool:
    """Whether a sentence states a count as it stands at some hour (see `_RUNNING`)."""
    return _RUNNING.search(_SPAN.sub(" ", sentence.lower())) is not None


def updated(
    first: tuple[str, Quantity, dt.date | None], second: tuple[str, Quantity, dt.date | None]
) -> bool:
    """Whether the later of two reports (text, figure, date) rewrites the earlier
    one's sentence as a running count that updates it ("Đến nay, đợt mưa lũ đã
    làm sập 156 căn nhà" two days after "Đợt mưa lũ đã làm sập 120 căn nhà");
    reports of one day, or undated, are read both ways. Two sentences that are
    no rewrite of one another say two things even with "đến nay": "từ năm ngoái
    đến nay ... xử phạt 14.000 cơ sở y tế" against "có khoảng 13.000 cơ sở y tế"."""
    if not alignment(sentence_of(first[0], first[1]), sentence_of(second[0], second[1])):
        return False
    if first[2] and second[2] and first[2] != second[2]:
        later, earlier = (second, first) if second[2] > first[2] else (first, second)
        return _updates(later, earlier[1])
    return _updates(first, second[1]) or _updates(second, first[1])


# What adds up as a story runs (houses, hectares, money): such a count does not
# fall from one report to the next unless the later one says so ("giảm còn").
_CUMULATIVE = frozenset({Dimension.COUNT, Dimension.AREA, Dimension.MONEY, Dimension.MASS})
_FALLING = re.compile(r"(?<!\w)(?:giảm còn|giảm xuống|chỉ còn|còn lại)(?!\w)")


def _updates(later: tuple[str, Quantity, dt.date | None], earlier: Quantity) -> bool:
    """Whether `later` is a running count that may replace `earlier`: "203 ôtô"
    "đến ngày 14/6" does not update "230 ô tô" of April (a count cannot fall)."""
    text, q, _ = later
    lead = _lead_in(text, q)
    if not running(lead):
        return False
    if q.dimension not in _CUMULATIVE or q.measure != "level":
        return True  # a poll's share, an average: either way
    return q.value >= earlier.value or _FALLING.search(lead.lower()) is not None


def _lead_in(text: str, q: Quantity) -> str:
    """The figure's sentence and the one before it, which often says at what hour
    a count stands ("Tính đến ngày 6/2, có 73% ... Trong khi đó, 26% ý kiến")."""
    start, end = q.sentence
    before = text.rfind(". ", max(0, start - LEAD_IN_CHARS), max(0, start - 2))
    return text[before + 1 if before >= 0 else max(0, start - LEAD_IN_CHARS) : end]
