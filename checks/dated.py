"""Dates a report gives for what it announces, read from its text for EV03.

- spans: "từ 16/6 đến 23/6", "từ ngày 16-6 đến 23-6-2017", "từ 16.6 – 23.6",
  "(16/6 - 23/6/2017)", "từ 17-23/6", "từ 16 đến 23-6";
- hours: "vào 20h00 ngày 19/8/2017 tại Khách sạn Hà Nội", "18 giờ ngày 19-8
  tới tại Khách sạn Hà Nội": an hour, a day and the place named after it;
- ends: "việc lấy ý kiến người dân về loa phường ... sẽ kết thúc vào ngày 17-3",
  "Đợt lấy ý kiến nhân dân về loa phường sẽ kéo dài đến hết ngày 10/3": a last
  day with the words of its clause that name what ends.

A date without a year is read in `NO_YEAR` and compared in the year the
other side writes, so "23/6" and "23/6/2017" are one day, "23/6/2016" and
"23/6/2017" two.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from linter import nlp

NO_YEAR = 2001  # a year without 29/2: dates of no written year are read in it


@dataclass(frozen=True)
class Span:
    """A span of dates, "từ 16/6 đến 23/6"."""

    start: int  # offsets of the words in the document's text
    end: int
    first: dt.date  # the last day in its written year, else in `NO_YEAR`
    last: dt.date
    year: int | None  # the year written, if any (the last day's)

    @property
    def label(self) -> str:
        return f"{self.first:%d/%m}–{self.last:%d/%m}"

    def within(self, year: int) -> tuple[dt.date, dt.date] | None:
        """The span moved to end in `year`, None when it writes another year."""
        if self.year is not None and self.year != year:
            return None
        shift = year - self.last.year
        first = date_of(self.first.year + shift, self.first.month, self.first.day)
        last = date_of(year, self.last.month, self.last.day)
        return (first, last) if first and last else None


@dataclass(frozen=True)
class Hour:
    """An hour of a day at a place, "20h00 ngày 19/8/2017 tại khách sạn hà nội"."""

    start: int
    end: int
    hour: tuple[int, int]  # (hour, minute)
    day: tuple[int, int]  # (day, month)
    year: int | None
    place: tuple[str, ...]  # the first words after "tại"

    @property
    def label(self) -> str:
        return f"{self.hour[0]}:{self.hour[1]:02d} {self.day[0]}/{self.day[1]}"


@dataclass(frozen=True)
class End:
    """The last day of something, with the words that name it: "việc lấy ý kiến người
    dân về loa phường ... sẽ kết thúc vào ngày 17-3"."""

    start: int
    end: int
    day: tuple[int, int]  # (day, month)
    year: int | None
    what: tuple[str, ...]  # the words before the end word, within their clause
    pairs: frozenset[tuple[str, str]]  # `word_pairs(what)`, read once: compared often

    @property
    def label(self) -> str:
        return f"{self.day[0]}/{self.day[1]}"


# A day, "9.2", "10/2/2017" (groups {0}d, {0}m, {0}y; {1} the separator): its day's
# digits, then the rest, which `_SPANS` also puts after a day opened otherwise.
_DAY_REST = r"\s*{1}\s*(?P<{0}m>\d{{1,2}})(?:\s*{1}\s*(?P<{0}y>(?:19|20)\d\d))?"
_DAY = r"(?P<{0}d>\d{{1,2}})" + _DAY_REST
_SLASH, _ANY = r"[/.]", r"[/.-]"  # a dash is a date's only where it cannot be the span's
# One day written alone, "9.2", "10/2", "9-2-2017" (groups d, m, y), not the start of a
# longer number: what the readers of acts, held days and last days look for.
ONE_DAY = rf"{_DAY.format('', _ANY)}(?![\d/.-]?\d)"
# Not a figure: "từ 2.5 đến 3.5 triệu", "sáng nay (6.2 triệu lượt)", "32-35 độ C" are no
# days. A unit's syllable that opens another word ("30/6 đồng chí", "9/2 lần lượt",
# "tấn công") is no unit.
_UNITS = r"%|triệu|tỷ|tỉ|nghìn|ngàn|usd|độ|ha|km|đồng(?!\s+(?:chí|loạt|thời))|lần(?!\s+lượt)|tấn(?!\s+công)"
NOT_FIGURE = rf"(?!\s*(?:{_UNITS})(?!\w))"
_UNTIL = r"\s*đến(?:\s+hết)?(?:\s+ngày)?\s*"
_DASH = r"\s*[-–]\s*"


_FROM = rf"{nlp.alone('từ')}\s+(?:ngày\s+)?"
_END = rf"(?![\d/.-]\d){NOT_FIGURE}"  # not a longer number, nor a figure
# A day's first digit not after a word, a slash, a dot or a dash: the lookbehind comes
# after the digit (re then searches for digits); it stands for the day's digits of `_DAY`.
_BARE_DAY = r"(?P<ad>\d(?<![\w/.-]\d)\d?)"
_SPANS = (
    # "từ ngày 16-6 đến 23-6-2017", "từ 16/6 đến hết ngày 23/6"
    re.compile(rf"{_FROM}{_DAY.format('a', _ANY)}{_UNTIL}{_DAY.format('b', _ANY)}{_END}"),
    # "từ 16.6 – 23.6", "từ ngày 16/6 - 23/6/2017"
    re.compile(rf"{_FROM}{_DAY.format('a', _SLASH)}{_DASH}{_DAY.format('b', _SLASH)}{_END}"),
    # without "từ": "(16/6 - 23/6/2017)". One pattern with the one above once ("từ" or
    # nothing before the day); two, each opens on what re can search for (the lookbehind
    # after the first digit), and what this one also reads after a "từ" is the span above.
    re.compile(
        rf"{_BARE_DAY}{_DAY_REST.format('a', _SLASH)}{_DASH}{_DAY.format('b', _SLASH)}{_END}"
    ),
    # "từ 17-23/6", "từ 16 đến 23-6"
    re.compile(rf"{_FROM}(?P<ad>\d{{1,2}})(?:{_DASH}|{_UNTIL}){_DAY.format('b', _ANY)}{_END}"),
)
_HOUR = re.compile(
    r"(?P<h>\d(?<![\w,.]\d)\d?)\s*(?:h|giờ)\s*(?P<mi>\d{2})?(?:\s*phút)?"
    r"(?:\s*(?:sáng|trưa|chiều|tối|đêm))?\s*,?\s*(?:ngày\s+)?"
    rf"{_DAY.format('', _ANY)}(?![\d/.-])"
    r"(?:\s+(?:tới|này|năm nay))?\s*,?\s*tại\s+(?P<place>[^\W\d]+(?:\s+[^\W\d]+){2})"
)
PLACE_WORDS = 3  # words after "tại" that name the place: "khách sạn hà", "nhà văn hóa"
_END_OF = re.compile(
    nlp.alone("kết thúc", "kéo dài đến hết", "kéo dài đến", "đến hết", "hạn chót", "chậm nhất")
    + rf"(?:\s+(?:vào|là|trước))?(?:\s+ngày)?\s+{ONE_DAY}"
)
WHAT_WORDS = 12  # how far back the words naming what ends are read, within the clause
# How many word pairs two clauses must share to name one thing: "lấy ý kiến người dân
# về loa phường" and "lấy ý kiến nhân dân về loa phường" share four.
SHARED_PAIRS = 3


# A server checks draft after draft against the same published texts: each is read
# once (bounded, as a batch run reads each text once anyway).
@lru_cache(maxsize=4096)
def spans(text: str) -> tuple[Span, ...]:
    """Every span of dates in the lowercased `text`."""
    found = []
    for pattern in _SPANS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            written = groups["by"] or groups.get("ay")
            y = int(written or NO_YEAR)
            month = int(groups.get("am") or groups["bm"])
            first = date_of(int(groups.get("ay") or y), month, int(groups["ad"]))
            last = date_of(y, int(groups["bm"]), int(groups["bd"]))
            if first and last and first > last:  # "từ 28/12 đến 3/1"
                first = date_of(first.year - 1, first.month, first.day)
            if first and last and first < last:
                year = int(written) if written else None
                found.append(Span(m.start(), m.end(), first, last, year))
    # One span read by two patterns ("từ 16.6 – 23.6" and "16.6 – 23.6") is one: the longer.
    found.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in found:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return tuple(kept)


@lru_cache(maxsize=4096)
def hours(text: str) -> tuple[Hour, ...]:
    """Every hour of a day at a named place in the lowercased `text`."""
    found = []
    for m in _HOUR.finditer(text):
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        day, month = int(m["d"]), int(m["m"])
        if hour > 24 or minute > 59 or date_of(NO_YEAR, month, day) is None:
            continue
        year = int(m["y"]) if m["y"] else None
        place = tuple(m["place"].split()[:PLACE_WORDS])
        found.append(Hour(m.start(), m.end(), (hour, minute), (day, month), year, place))
    return tuple(found)


@lru_cache(maxsize=4096)
def ends(text: str) -> tuple[End, ...]:
    """Every "kết thúc vào ngày D" / "đến hết ngày D" in the lowercased `text`, with the
    words of its clause before it."""
    found = []
    for m in _END_OF.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if date_of(NO_YEAR, month, day) is None:
            continue
        clause = re.split(r"[.;:!?\n]|,\s", text[max(0, m.start() - 200) : m.start()])[-1]
        words = tuple(w for w in re.findall(r"[^\W\d_]+", clause)[-WHAT_WORDS:])
        year = int(m["y"]) if m["y"] else None
        found.append(End(m.start(), m.end(), (day, month), year, words, word_pairs(words)))
    return tuple(found)


def word_pairs(words: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The pairs of words next to each other: what two namings of one thing share."""
    return frozenset(itertools.pairwise(words))


def named_alike(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether two namings share enough word pairs to name one thing."""
    return len(a & b) >= SHARED_PAIRS


def month_slip(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """One day number in months next to each other, (30, 6) and (30, 7), or (31, 12)
    and (31, 1): a mistyped month more often than two events a month apart on the same
    day."""
    return a[0] == b[0] and abs(a[1] - b[1]) in (1, 11)


def days_apart(a: tuple[int, int], b: tuple[int, int], year: int) -> int | None:
    """Days between two (day, month) of `year`, or across its end (31/12 and 1/1 are one
    day apart, in a year of 365 days or 366); None when either is no date of `year`."""
    da, db = date_of(year, a[1], a[0]), date_of(year, b[1], b[0])
    if da is None or db is None:
        return None
    early, late = sorted((da, db))
    # From the later day to the year's end, then from its start to the earlier day.
    across = (dt.date(year, 12, 31) - late).days + 1 + (early - dt.date(year, 1, 1)).days
    return min((late - early).days, across)


def same_day(a: Hour, b: Hour) -> bool:
    return a.day == b.day and (a.year is None or b.year is None or a.year == b.year)


def span_pair(a: Span, b: Span) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
    """Both spans in one year: a written one, else `NO_YEAR`."""
    year = a.year or b.year or NO_YEAR
    ya, yb = a.within(year), b.within(year)
    return (ya, yb) if ya and yb else None


def date_of(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
