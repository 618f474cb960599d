"""Periods (năm 2024, quý I/2024, 6 tháng đầu năm, giai đoạn 2021-2025) and dates.

Works on folded text. A period after "so với" is the base of a comparison
("tăng 12% so với cùng kỳ năm 2022", "so với cùng thời điểm năm 2016"), not
the period the figure is about, and is flagged as such. A date, a quarter or
"6 tháng" without a year ("ngày 14/12", "quý I", "6 tháng qua") takes the year
given by the caller (the year of the document's date). "ngày 12 tháng 7 năm
2024" is a day, never the month of July.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass
from functools import lru_cache

from linter import nlp
from linter.claims.deadlines import either_year_deadlines
from linter.claims.numbers import roman_quarter
from linter.models import Period

# Character windows, on folded text: a law's title names its year within its
# title ("Luật Đấu giá tài sản năm 2016"); "so với cùng kỳ ..." may stand a few
# words before the period it makes a base; "trước ngày", "chậm nhất đến" stand
# right before a deadline.
TITLE_WINDOW = 60
BASE_WINDOW = 48
DEADLINE_WINDOW = 30

_YEAR = r"(?:19|20)\d{2}"
# d/m/yyyy and d/m; also d-m and d.m.yyyy, which only count after "ngày"
# ("2 - 2,5%" is a range and "23.600" a number).
_DATE = re.compile(
    r"(?<![\w/.\-])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>" + _YEAR + r"))?(?![\w/]|[.\-]\d)"
)
_PERIOD = re.compile(
    r"(?<!\w)(?:"
    r"(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch 5 năm|5 năm)"
    rf"\s+(?P<ms>{_YEAR})\s*[-–—]\s*(?P<me>{_YEAR})"
    rf"|\(\s*(?P<ps>{_YEAR})\s*[-–—]\s*(?P<pe>{_YEAR})\s*\)"
    rf"|(?<![/\-–])(?P<bs>{_YEAR})\s*[-–—]\s*(?P<be>{_YEAR})(?![/\-–\d])"
    rf"|qu[ýí]\s+(?P<q>iv|iii|ii|i|[1-4])(?:(?:\s*/\s*|\s+năm\s+)(?P<qy>{_YEAR}))?(?![/\d])"
    rf"|(?P<h>\d{{1,2}}|sáu) tháng (?P<hw>đầu|cuối) năm(?:\s+(?P<hy>{_YEAR}))?"
    rf"|(?P<n9>9|chín) tháng(?: đầu năm)?(?:\s+(?:năm\s+)?(?P<n9y>{_YEAR}))?"
    # "6 tháng qua", "3 tháng năm nay", "6 tháng năm 2017", "GRDP 6 tháng ước
    # đạt", "Trong 6 tháng, ...": the reporting periods of the year; elsewhere
    # "6 tháng" is a duration ("6 tháng thi công").
    rf"|(?P<nm>3|6|ba|sáu) tháng(?:\s+(?:vừa\s+)?qua|\s+(?:đầu\s+)?năm nay"
    rf"|\s*(?:/\s*|\s+năm\s+)(?P<nmy>{_YEAR})|(?=\s+(?:này|ước|đạt|tăng|giảm)(?!\w))"
    rf"|(?P<nmc>(?=\s*[,:])))"
    rf"|tháng\s+(?P<mo>1[0-2]|0?[1-9])(?:\s*(?:/\s*|\s+năm\s+)(?P<moy>{_YEAR}))?(?![\d/])"
    # "đầu năm 2017" is a time early in the year, not the year a figure sums up
    rf"|(?<!đầu )(?:năm|hết năm|cuối năm|đến năm|trong năm)\s+(?P<y>{_YEAR})"
    rf"|(?<=trong )(?P<by>{_YEAR})(?![.,]?\d|\s*[-–—/]\s*\d)"  # "trong 2016, Hải Phòng thu ..."
    r"|(?P<whole>cả năm(?: nay)?)"  # "chỉ tiêu tăng trưởng cả năm": the document's year
    r")(?!\w)"
)
# What every period above holds: a digit, or the words of the few written without
# one ("quý I", "sáu tháng đầu năm", "cả năm"). Two sentences in three have none and
# are not read with _PERIOD, which opens on a lookbehind and is tried at every
# character.
_PERIOD_NEEDS = re.compile(r"\d|qu[ýí]|tháng|cả năm")
# "so với cùng kỳ năm 2016", "so với cùng thời điểm năm 2016", "so với mức của
# năm 2016", "bằng cùng kỳ năm trước", "cao hơn mức 6 tháng đầu năm": whatever
# words stand between "so với" and the period (no figure, no clause break), the
# period is the comparison's base.
_BASE_BEFORE = re.compile(
    r"(?:(?<!\w)so(?:\s+với)?(?!\w)[^,;:()\d%]{0,40}|(?<!\w)(?:bằng|như)\s+cùng\s+kỳ\s*"
    r"|(?<!\w)(?:cao|thấp|nhiều|ít)\s+hơn(?:\s+mức)?(?:\s+(?:của|cùng kỳ))?\s*)$"
)
# The year in the title of a law or a constitution is part of its name.
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:bộ luật|luật|hiến pháp)(?:\s+[^\W\d]+){0,8}\s+$")
_CLAUSE_START = re.compile(r"(?:^|[,;:.]\s*|(?<!\w)(?:trong|qua|kết quả|sau)\s+)$")
# "ngày 12 tháng 7 năm 2024", "ngày 5 tháng 3": a day written in words.
_WORDY_DATE = re.compile(
    rf"(?<!\w)(?:(?P<lead>ngày)\s+)?(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
    rf"(?:\s+năm\s+(?P<y>{_YEAR}))?(?!\w|\s*/)"
)
# What every day in words holds: a sentence without it has none and is not read with
# _WORDY_DATE, which opens on an optional "ngày" and is tried at every character (10
# of news2017's 38,500 sentences hold it).
_WORDY_DATE_NEEDS = re.compile(r"\d\s+tháng\s+\d")
_DEADLINE_BEFORE = re.compile(
    r"(?:trước|chậm nhất(?: đến| là)?|hạn chót|đến hết|trước ngày)\s*(?:ngày\s*)?$"
)


@dataclass(frozen=True)
class PeriodMention:
    """A period named in a sentence, and whether it is a comparison's base."""

    start: int
    end: int
    period: Period
    is_base: bool  # the base of a comparison, not the period a figure is about


def _year_period(year: int, label: str) -> Period:
    return Period(grain="year", start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), label=label)


def _months(year: int, first: int, last: int, grain: str, label: str) -> Period:
    end = dt.date(year, last, monthrange(year, last)[1])
    return Period(grain=grain, start=dt.date(year, first, 1), end=end, label=label)  # type: ignore[arg-type]


@lru_cache(maxsize=16)
def _wordy_dates(folded: str) -> tuple[re.Match[str], ...]:
    """Days written in words; without a year they need "ngày" ("12 tháng 7" alone
    may be a duration followed by a month). Kept for the last few sentences:
    period_spans, find_periods and find_dates each ask for a sentence's in turn."""
    if not _WORDY_DATE_NEEDS.search(folded):
        return ()
    return tuple(m for m in _WORDY_DATE.finditer(folded) if m.group("lead") or m.group("y"))


def period_spans(folded: str) -> list[tuple[int, int]]:
    """Where periods and days are named, year or not: a duration word inside one
    ("6 tháng đầu năm", "12 tháng 7") is part of the period, not a figure."""
    spans = [m.span() for m in _periods(folded)]
    return spans + [m.span() for m in _wordy_dates(folded)]


def _periods(folded: str) -> list[re.Match[str]]:
    """_PERIOD's matches, in order."""
    return list(_PERIOD.finditer(folded)) if _PERIOD_NEEDS.search(folded) else []


def find_periods(folded: str, default_year: int | None) -> list[PeriodMention]:
    found: list[PeriodMention] = []
    days = [m.span() for m in _wordy_dates(folded)]
    for m in _periods(folded):
        if any(a <= m.start() < b for a, b in days):
            continue  # "tháng 7 năm 2024" in "ngày 12 tháng 7 năm 2024" is that day's
        if _TITLE_BEFORE.search(folded, max(0, m.start() - TITLE_WINDOW), m.start()):
            continue  # "Luật Ngân sách Nhà nước năm 2015" names a law, not a period
        if any(d.start <= m.start() and m.end() <= d.end for d in either_year_deadlines(folded)):
            continue  # "Tới 2020 - 2021, sẽ giảm 10%": a deadline of either year, no period
        period = _to_period(m, default_year)
        if period is None:
            continue
        is_base = bool(_BASE_BEFORE.search(folded, max(0, m.start() - BASE_WINDOW), m.start()))
        found.append(PeriodMention(m.start(), m.end(), period, is_base))
    return found


def _to_period(m: re.Match[str], default_year: int | None) -> Period | None:
    """The period a match names, labelled canonically whichever way the text wrote it."""
    g = m.groupdict()
    if g["ms"] or g["ps"] or g["bs"]:
        first, last = int(g["ms"] or g["ps"] or g["bs"]), int(g["me"] or g["pe"] or g["be"])
        if last <= first:
            return None
        term = m.group().startswith("nhiệm kỳ")
        label = f"{'nhiệm kỳ' if term else 'giai đoạn'} {first}-{last}"
        start, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
        return Period(grain="term" if term else "multi_year", start=start, end=end, label=label)
    if g["q"]:
        q = roman_quarter(g["q"]) or int(g["q"])
        year = int(g["qy"]) if g["qy"] else default_year  # "quý III" of the document's year
        if year is None:
            return None
        label = f"quý {('I', 'II', 'III', 'IV')[q - 1]}/{year}"
        return _months(year, 3 * q - 2, 3 * q, "quarter", label)
    if g["h"]:
        year = int(g["hy"]) if g["hy"] else default_year
        if year is None:
            return None
        months = 6 if g["h"] == "sáu" else int(g["h"])
        if not 1 <= months <= 11:
            return None
        first = 1 if g["hw"] == "đầu" else 13 - months
        grain = "half" if months == 6 else "month"
        label = f"{months} tháng {g['hw']} năm {year}"
        return _months(year, first, first + months - 1, grain, label)
    if g["nm"]:
        if g["nmc"] is not None and not _CLAUSE_START.search(m.string, 0, m.start()):
            return None  # "kéo dài 6 tháng, ..." is a duration
        months = {"ba": 3, "sáu": 6}.get(g["nm"]) or int(g["nm"])
        year = int(g["nmy"]) if g["nmy"] else default_year
        if year is None:
            return None
        grain = "half" if months == 6 else "quarter"
        return _months(year, 1, months, grain, f"{months} tháng đầu năm {year}")
    if g["n9"]:
        year = int(g["n9y"]) if g["n9y"] else default_year
        return None if year is None else _months(year, 1, 9, "month", f"9 tháng năm {year}")
    if g["mo"]:
        month = int(g["mo"])
        year = int(g["moy"]) if g["moy"] else default_year  # "tháng 1" of the document's year
        return (
            None if year is None else _months(year, month, month, "month", f"tháng {month}/{year}")
        )
    if g["whole"]:
        return None if default_year is None else _year_period(default_year, f"năm {default_year}")
    year = g["y"] or g["by"]
    return _year_period(int(year), f"năm {year}")


@dataclass(frozen=True)
class DateMention:
    """A date named in a sentence, and whether it is a deadline."""

    start: int
    end: int
    date: dt.date
    deadline: bool
    year_inferred: bool


def find_dates(folded: str, default_year: int | None) -> list[DateMention]:
    found = _find_numeric_dates(folded, default_year)
    for m in _wordy_dates(folded):
        year = int(m.group("y")) if m.group("y") else default_year
        day, month = int(m.group("d")), int(m.group("m"))
        if year is None or not 1 <= month <= 12 or not 1 <= day <= monthrange(year, month)[1]:
            continue
        deadline = bool(
            _DEADLINE_BEFORE.search(folded, max(0, m.start() - DEADLINE_WINDOW), m.start())
        )
        at = m.start("d") if m.group("lead") else m.start()
        date = dt.date(year, month, day)
        found.append(DateMention(at, m.end(), date, deadline, not m.group("y")))
    return sorted(found, key=lambda d: d.start)


def _find_numeric_dates(folded: str, default_year: int | None) -> list[DateMention]:
    found: list[DateMention] = []
    for m in nlp.finditer_at(_DATE, nlp.RUN_START, folded):  # each opens a run of digits
        day, month = int(m.group("d")), int(m.group("m"))
        year = int(m.group("y")) if m.group("y") else default_year
        if year is None or not 1 <= month <= 12 or not 1 <= day <= monthrange(year, month)[1]:
            continue
        after_day_word = re.search(r"(?:ngày|sáng|chiều|tối|hôm)\s*$", folded[: m.start()])
        if (m.group("y") is None or m.group("sep") != "/") and not after_day_word:
            continue  # "23/26 chỉ tiêu" is a count, "2 - 2,5" a range: those need "ngày"
        deadline = bool(
            _DEADLINE_BEFORE.search(folded, max(0, m.start() - DEADLINE_WINDOW), m.start())
        )
        found.append(
            DateMention(m.start(), m.end(), dt.date(year, month, day), deadline, not m.group("y"))
        )
    return found
