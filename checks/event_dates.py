"""Reports of one event that give the span of its dates differently."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from linter import nlp
from linter.checking import Check, DocumentClaims, Group, Option, by_date, evidence
from linter.checking.events import WINDOW_DAYS, linked_pairs
from linter.models import Finding, Severity

# How far apart the other ends of two spans that share one end may be to read as a
# slip of one of them ("từ 16/6" against "từ 17/6"). Further apart they are two
# stages of one programme ("trực tuyến từ 15/6 đến 30/6" against "lớp 1 từ 15/6 đến
# 18/6"), which news2017 shows as often as slips.
SLIP_DAYS = 2


class EventDateConflict(Check):
    """Two reports of one event give the span of its dates differently.

    Outlets that announce a fair, a campaign or a closure repeat its dates;
    when one writes "từ 16.6 – 23.6" and another "từ 17-23/6" for the same
    lychee week in Hà Nội, one of them is wrong. Documents of one province are
    taken to report one event as for EV01 (`linter.checking.events`). Inside
    such a pair, spans of dates ("từ 16/6 đến 23/6", "từ ngày 16/6 - 23/6/2017",
    "từ 17-23/6") that share one end and whose other ends are one or two days
    apart are reported, unless the other report also states the first span.
    Info: the reader decides which date is right.

    Why it matters: a reader who comes on the wrong day of a fair, or a
    business that closes a day early, acts on the date a report gave.

    Known problems: a programme with stages that end together ("trưng bày từ
    16/6", "bán hàng từ 17/6", both "đến 23/6") is reported when each report
    gives one stage; a span written with its month only once before both
    days ("từ tháng 6, ngày 16 đến 23") is not read; one finding per pair of
    spans, whichever reports state them. Measured on news2017's tuning half
    (778 articles): 1 finding, the one slip a reader found there (T05, two
    reports writing 16/6 against one writing 17/6); a third pair of spans,
    15/6-30/6 against 15/6-18/6, is two stages 12 days apart and stays quiet.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        province: Bắc Giang
        title: Tuần lễ vải thiều Lục Ngạn tại Hà Nội
        ---
        Từ 16.6 – 23.6, người tiêu dùng thủ đô sẽ được dùng thử vải thiều Lục Ngạn tại siêu thị Big C Thăng Long, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

        === b.md
        ---
        province: Bắc Giang
        title: Vải thiều Lục Ngạn về Hà Nội
        ---
        Tuần lễ vải thiều được Sở Công Thương tỉnh Bắc Giang tổ chức tại Big C Thăng Long từ 17-23/6, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

    Ví dụ nhất quán::

        === a.md
        ---
        province: Bắc Giang
        title: Tuần lễ vải thiều Lục Ngạn tại Hà Nội
        ---
        Từ 16.6 – 23.6, người tiêu dùng thủ đô sẽ được dùng thử vải thiều Lục Ngạn tại siêu thị Big C Thăng Long, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

        === b.md
        ---
        province: Bắc Giang
        title: Vải thiều Lục Ngạn về Hà Nội
        ---
        Tuần lễ vải thiều được Sở Công Thương tỉnh Bắc Giang tổ chức tại Big C Thăng Long từ 16-23/6, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.
    """

    code = "EV03"
    name = "event.date-conflict"
    severity = Severity.INFO
    options: ClassVar[Mapping[str, Option]] = {"window-days": WINDOW_DAYS}

    def run(self, group: Group) -> Iterator[Finding]:
        items = {item.document.path: item for item in group.items}
        spans = {path: _spans(item) for path, item in items.items()}
        if sum(1 for found in spans.values() if found) < 2:
            return  # no pair to compare: the linking is the costly part
        seen: set[str] = set()
        window = int(self.option("window-days"))
        for a, b, _ in linked_pairs((item.document for item in group.items), window):
            for sa in spans[a.path]:
                for sb in spans[b.path]:
                    if (
                        not _slip(sa, sb)
                        or _states(spans[a.path], sb)
                        or _states(spans[b.path], sa)
                    ):
                        continue
                    finding = self._finding(((items[a.path], sa), (items[b.path], sb)), group)
                    if finding.key not in seen:
                        seen.add(finding.key)
                        yield finding

    def _finding(self, pairs: tuple[tuple[DocumentClaims, _Span], ...], group: Group) -> Finding:
        ordered = by_date(pairs)
        said = [span.label for _, span in ordered]
        if group.lang == "en":
            message = f"Reports of one event give its dates as {said[0]} and {said[1]}."
        else:
            message = f"Các bản tin về cùng một sự kiện ghi thời gian là {said[0]} và {said[1]}."
        notes = [evidence(item, item.document.span(s.start, s.end)) for item, s in ordered]
        key = "|".join((self.code, *sorted(said)))
        return self.finding(message, notes, group, key=key)


@dataclass(frozen=True)
class _Span:
    start: int  # offsets of the words in the document's text
    end: int
    first: dt.date  # in the year written, else in `_NO_YEAR`
    last: dt.date
    year: int | None  # the year written, if any

    @property
    def label(self) -> str:
        return f"{self.first:%d/%m}–{self.last:%d/%m}"

    def within(self, year: int) -> tuple[dt.date, dt.date] | None:
        """The span moved to `year` (the other span's), None when it names another."""
        if self.year is not None and self.year != year:
            return None
        first, last = (
            _date(year, self.first.month, self.first.day),
            _date(year + (self.last.year - self.first.year), self.last.month, self.last.day),
        )
        return (first, last) if first and last else None


_NO_YEAR = 2001  # a year without 29/2: spans of no written year are read in it

_DAY = r"(?P<{0}d>\d{{1,2}})\s*[/.]\s*(?P<{0}m>\d{{1,2}})(?:\s*[/.]\s*(?P<{0}y>(?:19|20)\d\d))?"
_TO = r"\s*(?:[-–]|đến(?:\s+hết)?(?:\s+ngày)?)\s*"
# "từ 16/6 đến 23/6", "từ ngày 16/6 - 23/6/2017", "từ 16.6 – 23.6"; "từ 17-23/6".
_SPANS = (
    re.compile(rf"(?<!\w)từ\s+(?:ngày\s+)?{_DAY.format('a')}{_TO}{_DAY.format('b')}(?![\d/.])"),
    re.compile(rf"(?<!\w)từ\s+(?:ngày\s+)?(?P<ad>\d{{1,2}}){_TO}{_DAY.format('b')}(?![\d/.])"),
)


def _spans(item: DocumentClaims) -> list[_Span]:
    """Every span of dates the document writes, with the year it writes, if any."""
    text = nlp.lower(item.document.text)
    if "từ" not in text:
        return []
    found = []
    for pattern in _SPANS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            written = groups["by"] or groups.get("ay")
            y = int(written or _NO_YEAR)
            first = _date(
                int(groups.get("ay") or y), int(groups.get("am") or groups["bm"]), int(groups["ad"])
            )
            last = _date(y, int(groups["bm"]), int(groups["bd"]))
            if first and last and first > last:  # "từ 28/12 đến 3/1"
                first = _date(first.year - 1, first.month, first.day)
            if first and last and first < last:
                found.append(
                    _Span(m.start(), m.end(), first, last, int(written) if written else None)
                )
    return found


def _pair(a: _Span, b: _Span) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
    """Both spans in one year: a written one, else `_NO_YEAR`."""
    year = a.year or b.year or _NO_YEAR
    ya, yb = a.within(year), b.within(year)
    return (ya, yb) if ya and yb else None


def _slip(a: _Span, b: _Span) -> bool:
    """One end shared, the other one or two days apart."""
    pair = _pair(a, b)
    if pair is None:
        return False
    (fa, la), (fb, lb) = pair
    if fa == fb:
        return 0 < abs((la - lb).days) <= SLIP_DAYS
    if la == lb:
        return 0 < abs((fa - fb).days) <= SLIP_DAYS
    return False


def _states(spans: list[_Span], other: _Span) -> bool:
    return any((pair := _pair(s, other)) and pair[0] == pair[1] for s in spans)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
