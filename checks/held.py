"""The days a named event is held, read for EV03.

A conference, fair or exam is held on a day ("Hội nghị chuyên đề IPU ... do
Liên minh Nghị viện thế giới và Quốc hội Việt Nam phối hợp tổ chức tại TPHCM
ngày 10/5") or over a span of days ("Hội nghị diễn ra từ 11 đến 13/5 tại TP
HCM"). Each is read with the event noun its sentence names last before it
("hội nghị", "hội chợ", "kỳ thi" ...), so that two reports of one event can be
compared: a day outside the other report's span, and close to it, is one of
them given wrong. The day a report opens with is read by `opening_days`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checks import dated
from linter import nlp

# Events that are held over days and named by their kind in both reports; "lễ",
# "chương trình" and "giải" name too many things (a signing, a programme of years, a
# prize) to tie a day to an event.
_EVENT = re.compile(
    r"(?<!\w)(?:hội nghị|hội thảo|lễ hội|tuần lễ|hội chợ|kỳ thi|diễn đàn|triển lãm|"
    r"đại hội|liên hoan|hội thi|cuộc thi|festival)(?!\w)"
)
# The verbs that tie an event to its day ("được tổ chức ngày 10/5", "khai mạc ngày
# 10/5"): `_HELD` opens on them and `_HELD_STARTS` searches from them.
_VERB = r"(?:tổ chức|diễn ra|khai mạc)"
_HELD = re.compile(
    rf"(?<!\w)(?:được\s+)?{_VERB}(?:\s+tại\s+[^\W\d][^,.;:!?\d]{{0,40}}?)?"
    rf"\s*(?:vào\s+)?(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?{dated.ONE_DAY}"
    r"(?!\s*(?:đến|[-–]|và)\s*\d)"  # "ngày 10 - 11/6" is a span, read elsewhere
)
# Where a held day may begin: its verb, or "được" before it. `_HELD` opens on a
# lookbehind, which re tries at every character of a text; searched from these words
# only (`nlp.finditer_at`), the same days were found in a quarter of the time.
_HELD_STARTS = re.compile(rf"được\s+{_VERB}|{_VERB}")
# In the sentence before the day, words of another gathering about the event: "buổi
# họp báo giới thiệu hội chợ được tổ chức ngày 10/5" dates the press conference.
_ABOUT = re.compile(
    r"(?<!\w)(?:họp báo|giới thiệu|chuẩn bị|trước thềm|bên lề|buổi|lễ(?! hội))(?!\w)"
)
HELD_DAYS = 3  # a day further from the span is another event (a visit, a follow-up)
_BACK = 400  # how far back the sentence of a day or a span is read


@dataclass(frozen=True)
class Held:
    """One day, or a span of days, an event named by its kind is held."""

    start: int
    end: int
    first: dt.date  # in its written year, else in `dated.NO_YEAR`
    last: dt.date
    year: int | None
    event: str  # "hội nghị"

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"{self.first.day}/{self.first.month}"
        return f"{self.first:%d/%m}–{self.last:%d/%m}"


@lru_cache(maxsize=4096)
def helds(text: str) -> tuple[Held, ...]:
    """Every day and span of days the lowercased `text` gives a named event."""
    found = []
    for m in nlp.finditer_at(_HELD, _HELD_STARTS, text):
        event = _event_before(text, m.start())
        year = int(m["y"]) if m["y"] else None
        day = dated.date_of(year or dated.NO_YEAR, int(m["m"]), int(m["d"]))
        if event and day:
            found.append(Held(m.start(), m.end(), day, day, year, event))
    for span in dated.spans(text):
        event = _event_before(text, span.start)
        if event:
            found.append(Held(span.start, span.end, span.first, span.last, span.year, event))
    return tuple(found)


def _event_before(text: str, at: int) -> str | None:
    """The event noun its sentence names last before `at`, unless the sentence names
    another gathering about it."""
    sentence = re.split(r"[.;!?\n]\s", text[max(0, at - _BACK) : at])[-1]
    nouns = list(_EVENT.finditer(sentence))
    if not nouns or _ABOUT.search(sentence):
        return None
    return nouns[-1].group(0)


def conflicts(left: tuple[Held, ...], right: tuple[Held, ...]) -> Iterator[tuple[Held, Held]]:
    """A day one report holds an event on, outside the span the other gives it and
    close to it, unless either report gives the other's value to that event."""
    for a, b in ((x, y) for x in left for y in right):
        day, span = (a, b) if a.first == a.last else (b, a)
        if day.first != day.last or span.first == span.last or day.event != span.event:
            continue
        inside = _within(day, span)
        if inside is None or inside:
            continue
        if _states(right if day is a else left, day) or _states(left if day is a else right, span):
            continue
        yield a, b


def _within(day: Held, span: Held) -> bool | None:
    """Whether the day falls in the span; None when they are years or weeks apart. A
    span across New Year ("từ 30/12 đến 2/1") has days in two years: the day is read in
    each (29/12 is the day before it, 3/1 the day after), and a written year is its own
    day's ("ngày 29/12/2016" against "30/12/2016 - 2/1/2017", whose year is the last's)."""
    years = {span.first.year, span.last.year}
    if day.year and span.year:
        years &= {day.year}  # both written: the day's own year, or another event
    gaps = []
    for year in sorted(years):
        when = dated.date_of(year, day.first.month, day.first.day)
        if when is None:
            continue
        if span.first <= when <= span.last:
            return True
        gaps.append(min(abs((when - span.first).days), abs((when - span.last).days)))
    return False if gaps and min(gaps) <= HELD_DAYS else None


def _states(helds: tuple[Held, ...], other: Held) -> bool:
    """Whether a report gives the event the other's day or span as well."""
    return any(
        h.event == other.event and (h.first, h.last) == (other.first, other.last) for h in helds
    )
