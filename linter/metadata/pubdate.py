"""The publication date of a document, inferred from its text, and its `Layout`.

- HEADER: a dated line among the first five (`15/09/2023 21:00`), or a
  `date 2023-12` tag opening the text; a tag without day takes the day of the
  opening date below when its month matches, else the 1st.
- TEXT: an opening date ("Ngày 14/12", "Chiều ngày 15/ 9", "Sáng 6-2", the day
  it calls today: "Chiều nay (16/5)") that
  starts in the first 150 characters of one of the first two body paragraphs
  (read whole, never cut at character 150). With a year after a time of day
  ("Sáng 5/1/2024") it is the date; a full date after a bare "ngày" is a
  citation, not an opening, unless it opens its paragraph before a comma or
  "tại" ("Ngày 28/6/2017, Công ty ..."). Without a year, its year is found as below
  ("trước ngày 15/1/2024", a `deadline`, is never a cited date). No year: no
  TEXT date.
- GUESS: the end of the latest quarter, months-to-date ("6 tháng đầu năm") or
  month period that a sentence reports as achieved (a `reported` word, no
  `intended` one): "Quý I/2024 ... đạt 8,79%" gives 2024-03-31.

The opening's year, when the opening writes none, is the text's own year
(`infer_year`) when it has one; else the year that puts it at most 31 days
after a full date the text cites ("Ngày 14/12 ... Quyết định ngày 8/12/2023"):
a cited date further back is history ("Vào ngày 9/1/1984, ..."; a 2017
report opening "ngày 17/6" was once dated 17/6/1984 from it). On news2017's
undated tuning articles, years read as TEXT were 48 right and 6 wrong with a
reach of 62 days, 45 right and 2 wrong with 31 (benchmarks/docyear.py).

`infer_year` gives an undated text its year, never overriding a date's
year: the year its wording calls the present one (`linter.metadata.present`).

The layout (title, dated header line, body paragraphs) is read here because
the dated lines are what set the header apart from the body.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from linter import nlp
from linter.data import places
from linter.metadata.present import YEAR, present_year
from linter.models import Document, Provenance

# "15/09/2023 21:00", and the place-and-date line of official writing:
# "Quảng Ninh, ngày 28/12/2023" or "Quảng Ninh, ngày 28 tháng 12 năm 2023".
_HEADER_LINE = re.compile(
    r"(?:[^\d\n]{1,30},\s*)?(?:ngày\s+)?(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)(\d{4})"
    r"(?:\s*[,|-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?GMT[+\d:]*\)?)?"
)
_DATE_TAG = re.compile(r"\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
# Spaces are bounded so that a match is never longer than _OPENING_REACH: the
# window can then be cut short of a huge one-line paragraph without ever cutting
# a date in two ("ngày 8/12/2023" read as "8/1" when the window ended there).
_OPENING = re.compile(
    r"(?<!\w)(?:(?P<time>sáng|trưa|chiều|tối|đêm)(?:\s{1,3}ngày)?\s{1,3}|ngày\s{1,3}"
    r"|(?P<today>(?:sáng|trưa|chiều|tối|đêm|hôm)\s{1,3}nay\s{0,2}[(,]?\s{0,2}(?:ngày\s{1,3})?))"
    r"(?P<day>\d{1,2})\s{0,2}[/.-]\s{0,2}(?P<month>\d{1,2})"
    r"(?:\s{0,2}[/.-]\s{0,2}(?P<year>(?:19|20)\d{2}))?(?!\s{0,2}[/.-]?\s{0,2}\d)"
)
_DATELINE_END = re.compile(r"\s*(?:,|tại\s)")
_OPENING_WINDOW = 150  # an opening date starts within this many characters of a paragraph
_OPENING_REACH = 64  # longer than any match of _OPENING, with what it looks ahead at
_FULL_DATES = (
    re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?" + YEAR),
    re.compile(r"ngày\s+(\d{1,2})\s+(tháng)\s+(\d{1,2})\s+năm\s+" + YEAR),
)
_QUARTER = re.compile(r"(?<!\w)quý\s+(iv|i{1,3}|[1-4])\s*(?:/|-|năm)\s*" + YEAR)
_MONTHS = (  # (month, year) groups: "6 tháng đầu năm 2024", "tháng 9/2023"
    re.compile(r"(?<!\w)(\d{1,2})\s+tháng(?:\s+đầu)?(?:\s+năm)?\s*[/-]?\s*" + YEAR),
    re.compile(r"(?<!\w)tháng\s+(\d{1,2})\s*(?:[/.-]|năm)\s*" + YEAR),
)
# (the digit before a mark is looked for behind it: a pattern opening on a lookbehind
# is tried at every character of the text)
_SENTENCE_END = re.compile(r"[.!?;](?<!\d[.!?;])(?!\d)|\n")
# What a quarter or months of _QUARTER and _MONTHS end with: a sentence without it
# names no period reported on, and is not searched for its wording.
_SOME_YEAR = re.compile(r"(?:19|20)\d{2}")
_CITED_REACH = dt.timedelta(days=31)  # an opening this soon after a cited date shares its year
# A year on its own: not inside a document's number ("718/2004/QĐ") nor a longer number.


class Layout(NamedTuple):
    title: str | None
    header: dt.date | None  # from a dated header line
    paragraphs: list[tuple[int, int]]  # body paragraphs as text offsets


def read_layout(doc: Document) -> Layout:
    """The title, dated header line and body paragraphs of `doc`."""
    lines = [m for m in re.finditer(r"[^\n]+", doc.text) if m.group().strip()]
    dated = {m.start(): d for m in lines[:5] if (d := _header_date(m.group()))}
    # Shorter lines are section labels ("Thời sự"), captions or bylines.
    body = [m for m in lines if m.start() not in dated and len(m.group().split()) >= 4]
    title = None
    if doc.path.endswith(".txt") and body:
        line, following = body[0].group().strip(), doc.text[body[0].end() + 1 :].split("\n")[0]
        follows = not following.strip() or _header_date(following) is not None
        if len(line) <= 200 and not line.endswith(".") and follows:
            title, body = line, body[1:]
    return Layout(title, next(iter(dated.values()), None), [m.span() for m in body])


def infer_date(folded: str, layout: Layout) -> tuple[dt.date | None, Provenance]:
    """The date of the document whose folded text is `folded`, and how it was found."""
    if layout.header is not None:
        return layout.header, Provenance.HEADER
    opening, opening_year = _opening(folded, layout)
    if tag := _DATE_TAG.match(folded):
        year, month = int(tag[1]), int(tag[2])
        day = int(tag[3]) if tag[3] else opening[0] if opening and opening[1] == month else 1
        return _date(year, month, day), Provenance.HEADER
    if opening and opening_year and (own := _date(opening_year, opening[1], opening[0])):
        return own, Provenance.TEXT
    present, _ = present_year(folded)
    if opening:
        year = present or _opening_year(*opening, _cited_dates(folded))
        if year and (own := _date(year, opening[1], opening[0])):
            return own, Provenance.TEXT
    # A period of another year than the one the text calls its own is history.
    ends = [d for d in _reported_period_ends(folded) if present in (None, d.year)]
    return (max(ends), Provenance.GUESS) if ends else (None, Provenance.NONE)


def infer_year(
    folded: str, layout: Layout, date: dt.date | None, source: Provenance
) -> tuple[int | None, Provenance]:
    """The year of the document: its date's, however that was found, else the
    year its text says is the present one (see the module's docstring)."""
    if date is not None:
        return date.year, source
    return present_year(folded)


def _opening(folded: str, layout: Layout) -> tuple[tuple[int, int] | None, int | None]:
    """(day, month) of the opening date of the first two body paragraphs, and its
    year when a time of day introduces a full date ("Sáng 5/1/2024, ..."): that is
    when the reported event happened. A full date after a bare "ngày" is a date
    the text cites ("ngày 8/12/2023 của HĐND tỉnh"), not an opening."""
    for start, end in layout.paragraphs[:2]:
        limit = start + _OPENING_WINDOW
        for m in _OPENING.finditer(folded, start, min(end, limit + _OPENING_REACH)):
            if m.start() >= limit:
                break
            if m["year"] and not (m["time"] or m["today"]) and not _dateline(folded, start, m):
                continue
            day_month = (int(m["day"]), int(m["month"]))
            return day_month, int(m["year"]) if m["year"] else None
    return None, None


def _dateline(folded: str, start: int, m: re.Match[str]) -> bool:
    """Whether a full date after a bare "ngày" opens its paragraph as the date of what
    it reports ("Ngày 28/6/2017, Công ty ...", "Ngày 6/2/2017 tại Hà Nội, ..."), not
    as a cited one ("ngày 8/12/2023 của HĐND tỉnh")."""
    return not folded[start : m.start()].strip(" -–*#") and bool(
        _DATELINE_END.match(folded, m.end())
    )


def _cited_dates(folded: str) -> list[dt.date]:
    deadline = _patterns()["deadline"]
    numeric, worded = _FULL_DATES
    # the numeric dates open on a lookbehind, tried only where a run of digits starts
    matches = [*nlp.finditer_at(numeric, nlp.RUN_START, folded), *worded.finditer(folded)]
    found = (
        _date(int(m[4]), int(m[3]), int(m[1]))
        for m in matches
        if not deadline.search(folded, max(0, m.start() - 30), m.start())
    )
    return [d for d in found if d is not None]


def _opening_year(day: int, month: int, cited: list[dt.date]) -> int | None:
    gaps: dict[int, dt.timedelta] = {}
    for d in cited:
        for year in (d.year, d.year + 1):
            own = _date(year, month, day)
            if own and d <= own and own - d <= _CITED_REACH:
                gaps[year] = min(gaps.get(year, own - d), own - d)
    return min(sorted(gaps, reverse=True), key=lambda y: gaps[y], default=None)  # ties: latest


def _reported_period_ends(folded: str) -> list[dt.date]:
    pats, ends = _patterns(), list[dt.date | None]()
    for sentence in _SENTENCE_END.split(folded):
        if not _SOME_YEAR.search(sentence):
            continue
        if pats["reported"].search(sentence) and not pats["intended"].search(sentence):
            for m in _QUARTER.finditer(sentence):
                if not _bound(pats, sentence, m.start()):
                    quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m[1]) or int(m[1])
                    ends.append(_month_end(int(m[2]), 3 * quarter))
            ends += [
                _month_end(int(m[2]), int(m[1]))
                for p in _MONTHS
                for m in p.finditer(sentence)
                if not _bound(pats, sentence, m.start())
            ]
    return [d for d in ends if d is not None]


def _bound(pats: dict[str, re.Pattern[str]], sentence: str, at: int) -> bool:
    """Whether the period at `at` is where something starts or ends ("từ quý II/2016",
    "đến tháng 11/2011"), or a base of comparison: no period the text reports on."""
    before = re.split(r"[.,;:()]", sentence[max(0, at - 30) : at])[-1]  # its own clause
    return bool(pats["deadline"].search(before) or "so với" in before)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    spec = places.places()
    return {
        "deadline": re.compile(rf"(?<!\w)(?:{places.alternatives(spec.deadline)})(?:\s+ngày)?\s*$"),
        "reported": re.compile(rf"(?<!\w)(?:{places.alternatives(spec.reported)})(?!\w)"),
        "intended": re.compile(rf"(?<!\w)(?:{places.alternatives(spec.intended)})(?!\w)"),
    }


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date | None:
    return _date(year, month, calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else None


def _header_date(line: str) -> dt.date | None:
    found = _HEADER_LINE.fullmatch(line.strip())
    return _date(int(found[3]), int(found[2]), int(found[1])) if found else None
