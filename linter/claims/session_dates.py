"""The date of a meeting, when its sentence gives one.

"Sáng 3/7, Kỳ họp thứ 4 HĐND thành phố ... khai mạc", "từ ngày 10 đến 12/7/2017",
"kỳ họp ... diễn ra hôm nay" (the document's own date). A sentence with two
different dates, a date of a cited resolution, a deadline, or words saying the
meeting is prepared for, reported to or looked back on ("trình kỳ họp thứ 5",
"tiếp xúc cử tri sau kỳ họp") gives none: the date would be another event's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from calendar import monthrange
from dataclasses import dataclass
from typing import Literal

from linter.claims.periods import find_dates
from linter.claims.sentence import Sentence
from linter.data.sessions import tables

# A date further than this from the meeting's words belongs to another clause's event.
NEAR = 120
# "Báo cáo số 506/BC-UBTCNS14 ngày 19/5/2017": the date of a numbered document.
_NUMBERED = re.compile(r"(?<!\w)số\s+\S+\s+(?:ngày\s+)?$")
_LINKS = "cho|tại|đến|tới|vào|với|của|phục vụ|trong"
# How many characters before the meeting's anchor are searched for `undated_before`.
BEFORE_WINDOW = 40

_RANGE = re.compile(
    r"(?<!\w)(?:từ|ngày)\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:\s*[/.]\s*(?P<m1>\d{1,2}))?"
    r"\s*(?:đến|tới|-|–|và)\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})"
    r"(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
)


@functools.lru_cache(maxsize=1)
def _LINKED_BEFORE(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of `words` right before the meeting, small words between: "trình tại kỳ họp"."""
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:\s+(?:{_LINKS}))*\s*$")


@dataclass(frozen=True)
class SessionDate:
    """When a session sits, and whether the text or the document's date says it."""

    start: dt.date
    end: dt.date
    source: Literal["text", "document"]


def date_of(
    sentence: Sentence, meeting: tuple[int, int], default_year: int | None
) -> SessionDate | None:
    """The date of the meeting at `meeting` (offsets in the sentence), if it has one."""
    f = sentence.folded
    t = tables()
    at, end = meeting
    if any(w in f for w in t.undated_sentence):
        return None
    if _LINKED_BEFORE(t.undated_before).search(f[max(0, at - BEFORE_WINDOW) : at]):
        return None
    spans = _ranges(f, default_year)
    taken = [(a, b) for a, b, _, _ in spans] + list(sentence.cited)
    for d in find_dates(f, default_year):
        if not d.deadline and not any(a <= d.start < b for a, b in taken):
            spans.append((d.start, d.end, d.date, d.date))
    spans = [
        s for s in spans
        if not _NUMBERED.search(f, max(0, s[0] - 40), s[0])
        and s[0] - end <= NEAR and at - s[1] <= NEAR
    ]  # fmt: skip
    found = {(s, e) for _, _, s, e in spans}
    if len(found) == 1:
        start, end = found.pop()
        return SessionDate(start, end, "text")
    meta = sentence.doc.meta
    if not found and meta.date and any(w in f for w in t.today_words):
        return SessionDate(meta.date, meta.date, "document")
    return None


def _ranges(f: str, default_year: int | None) -> list[tuple[int, int, dt.date, dt.date]]:
    found = []
    for m in _RANGE.finditer(f):
        year = int(m.group("y")) if m.group("y") else default_year
        m2 = int(m.group("m2"))
        m1 = int(m.group("m1")) if m.group("m1") else m2
        first, last = _day(year, m1, int(m.group("d1"))), _day(year, m2, int(m.group("d2")))
        if first and last and first <= last and (last - first).days < 60:
            found.append((m.start(), m.end(), first, last))
    return found


def _day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None or not 1 <= month <= 12 or not 1 <= day <= monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)
