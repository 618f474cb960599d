"""Dates whose weekday, lunar date or day of the month the calendar contradicts, read for CL01.

- a weekday before a solar date, "thứ Sáu (22/5/2017)", that the date does not
  fall on (ordinals such as "kỳ họp thứ ba" left out);
- a solar date with the lunar date it is said to be, "3/2 (mùng 6 Tết)", either
  order, against the Vietnamese calendar (`linter.data.lunar`);
- a day its month does not have, "đến 31/6", when a word or a year makes the
  numbers a date.

A date without its year takes the document's (`document_year`), asked for only
when a weekday or a lunar date needs it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from linter import nlp
from linter.checking import DocumentClaims, document_year, format_date
from linter.data import lunar

WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
WEEKDAY_NAMES = {
    "vi": ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
LUNAR_MONTHS = {
    "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "một": 11, "chạp": 12,
}  # fmt: skip

_SOLAR = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
# "lần thứ hai", "kỳ họp thứ ba", "xếp thứ 7": ordinals, not weekdays.
_ORDINAL_BEFORE = re.compile(
    r"(?:lần|kỳ|khóa|khoá|đợt|phiên|vòng|hạng|xếp|đứng|giải|người|số|năm|quý|tháng|"
    r"ngày|hội nghị|đại hội|lớp|họp)(?:\s+\w+)?\s*$"  # one word may stand between: "kỳ họp thứ ba"
)
_WEEKDAY = re.compile(
    r"(?<!\w)(?:thứ\s+(?P<wd>hai|ba|tư|năm|sáu|bảy|[2-7])|(?P<sun>chủ nhật|cn))(?!\w)"
    rf"(?:\s+tuần\s+(?:này|trước|sau|tới))?\s*[,(]?\s*(?:ngày\s+)?{_SOLAR}"
)
_LUNAR = (
    r"(?:(?:mùng|mồng|ngày)\s+(?P<ld>\d{1,2})\s+tết"
    r"|(?:mùng|mồng|ngày)\s+(?P<ld2>\d{1,2})\s+tháng\s+(?P<lm>giêng|chạp|mười một|mười|một|hai|ba|"
    r"tư|năm|sáu|bảy|tám|chín|\d{1,2})(?:\s+âm lịch|\s+âl)?"
    r"|rằm\s+tháng\s+(?P<lm3>giêng|chạp|mười một|mười|một|hai|ba|tư|năm|sáu|bảy|tám|chín|\d{1,2})"
    r"|(?P<ld4>\d{1,2})\s*[/.-]\s*(?P<lm4>\d{1,2})\s+(?:âm lịch|âl))"
)
_SOLAR_THEN_LUNAR = re.compile(rf"(?<![\d/.]){_SOLAR}\s*[,(]\s*(?:tức\s+)?(?:là\s+)?{_LUNAR}")
_LUNAR_THEN_SOLAR = re.compile(rf"{_LUNAR}\s*[,(]\s*(?:tức\s+)?(?:ngày\s+)?{_SOLAR}")
_LUNAR_WORDS = ("tết", "âm", "âl", "rằm", "giêng", "chạp", "mùng", "mồng")


@dataclass(frozen=True)
class Slip:
    """One date the calendar contradicts: where it is, what is written, what is so."""

    start: int
    end: int
    written: str  # what the text says the date is
    actual: str  # what the calendar says
    year_from_text: bool  # the year was written, not taken from the document


def slips(item: DocumentClaims, lang: str) -> Iterator[Slip]:
    """The document's days its month lacks, then its weekday slips, then its lunar slips."""
    text = item.document.text
    folded = nlp.lowered(text)  # case is all these patterns need; no underthesea on a cached run
    # The patterns run only around their key words: most texts name no weekday
    # and no lunar date, and a scan of every character is what costs here.
    yield from _no_such_days(folded, lang)
    weekdays = _windows(folded, ("thứ", "chủ nhật", "cn"))
    lunar_dates = _windows(folded, _LUNAR_WORDS)
    if not weekdays and not lunar_dates:
        return
    year = functools.cache(lambda: document_year(item, folded))  # only when a date needs it
    for m in _finditer(_WEEKDAY, folded, weekdays):
        if m.group("wd") and _ORDINAL_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        day = _solar(m, year)
        if day is None:
            continue
        wd = 6 if m.group("sun") else _weekday(m.group("wd"))
        if day.weekday() != wd:
            names = WEEKDAY_NAMES[lang]
            written = f"{names[wd]} {format_date(day)}"
            actual = f"{format_date(day)} {'is a' if lang == 'en' else 'là'} {names[day.weekday()]}"
            yield Slip(m.start(), m.end(), written, actual, bool(m.group("y")))
    pairs = [
        *_finditer(_SOLAR_THEN_LUNAR, folded, lunar_dates),
        *_finditer(_LUNAR_THEN_SOLAR, folded, lunar_dates),
    ]
    for m in sorted(pairs, key=lambda m: m.start()):
        day = _solar(m, year)
        found = lunar.to_lunar(day) if day else None
        if day is None or found is None:
            continue
        said = _lunar_written(m)
        if said is None or said == (found.day, found.month):
            continue
        if said[1] == 12 and said[0] == 30 and found.month == 12 and found.day == 29:
            continue  # "30 Tết" is the last day of a year whose last month has 29 days
        written = f"{format_date(day)} = {_lunar_label(*said, lang)}"
        is_ = "is" if lang == "en" else "là"
        actual = f"{format_date(day)} {is_} {_lunar_label(found.day, found.month, lang)}"
        yield Slip(m.start(), m.end(), written, actual, bool(m.group("y")))


# "đến 31/6", "ngày 30/2/2017": a day its month does not have. A word before it, or
# its year, makes the numbers a date and not a fraction or a score.
_DATED = r"(?:ngày|đến|từ|trước|sau|sáng|trưa|chiều|tối|đêm|nay)\s*\(?\s*"
_NO_SUCH_DAY = re.compile(
    rf"(?<!\w)(?:{_DATED})?(?<![\d/.,-])(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})"
    # A comma or point then a digit makes it a decimal ("31,5"); one that ends the
    # date goes on with the clause ("Tính đến 31/6, tổng số nợ ...").
    r"(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?!\d|[,.]\d|\s*[/.-]\s*\d)"
)


# What every day a month does not have is written as (29 to 31 of a month of fewer
# than 31 days): a text without it has none, and is not read with `_NO_SUCH_DAY`
# (tried at every character, it was most of CL01's reading; 80 of news2017's 1,000).
_MAYBE_NO_SUCH_DAY = re.compile(r"(?:29|3[01])\s*[/.-]\s*(?:0?[2469]|11)(?!\d)")


def _no_such_days(folded: str, lang: str) -> Iterator[Slip]:
    """The first mention of each day its month does not have."""
    if not _MAYBE_NO_SUCH_DAY.search(folded):
        return
    seen: set[str] = set()
    for m in _NO_SUCH_DAY.finditer(folded):
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= month <= 12 and 29 <= day <= 31):
            continue
        if not m["y"] and m.start("d") == m.start():
            continue  # no word nor year makes it a date
        year = int(m["y"]) if m["y"] else 2000  # a leap year: 29/2 without a year is fine
        days = calendar.monthrange(year, month)[1]
        written = f"{day}/{month}" + (f"/{year}" if m["y"] else "")
        if day <= days or written in seen:
            continue
        seen.add(written)
        actual = (
            f"month {month} has {days} days" if lang == "en" else f"tháng {month} có {days} ngày"
        )
        yield Slip(m.start(), m.end(), written, actual, bool(m["y"]))


# A weekday or lunar date with its solar date spans a few dozen characters.
_REACH = 60


def _windows(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of `text` around each key word, merged."""
    spans = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            spans.append((max(0, at - _REACH), min(len(text), at + len(word) + _REACH)))
            at = text.find(word, at + 1)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _finditer(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    seen = -1
    for a, b in windows:
        for m in pattern.finditer(text, a, b):
            if m.start() > seen:
                seen = m.start()
                yield m


def _weekday(word: str) -> int:
    return int(word) - 2 if word.isdigit() else WEEKDAYS[word]


def _solar(m: re.Match[str], year: Callable[[], int | None]) -> dt.date | None:
    y = int(m.group("y")) if m.group("y") else year()
    if y is None:
        return None
    try:
        return dt.date(y, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _lunar_written(m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("ld"):
        day = int(m.group("ld"))
        return (day, 12) if day >= 23 else (day, 1)  # "mùng 6 Tết"; "29 Tết" is tháng Chạp
    if m.group("ld2"):
        return int(m.group("ld2")), _month(m.group("lm"))
    if m.group("lm3"):
        return 15, _month(m.group("lm3"))
    if m.group("ld4"):
        return int(m.group("ld4")), int(m.group("lm4"))
    return None


def _month(word: str) -> int:
    return int(word) if word.isdigit() else LUNAR_MONTHS[word]


def _lunar_label(day: int, month: int, lang: str) -> str:
    if lang == "en":
        return f"lunar {day}/{month}"
    if month == 1 and day <= 10:
        return f"mùng {day} Tết"
    return f"ngày {day} tháng {month} âm lịch"
