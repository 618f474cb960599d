"""The publication date of a document, inferred from its text, and its `Layout`.

- HEADER: a dated line among the first five (`15/09/2023 21:00`), or a
  `date 2023-12` tag opening the text; a tag without day takes the day of the
  opening date below when its month matches, else the 1st.
- TEXT: an opening date ("Ngày 14/12", "Chiều ngày 15/ 9", "Sáng 6-2") that
  starts in the first 150 characters of one of the first two body paragraphs
  (read whole, never cut at character 150). With a year after a time of day
  ("Sáng 5/1/2024") it is the date; a full date after a bare "ngày" is a
  citation, not an opening. Without a year, its year Y is the one that puts
  dd/mm/Y soonest on or after a full date the text cites (dd/mm/yyyy or
  "ngày d tháng m năm yyyy"), leaving out dates after a `deadline` word
  ("trước ngày 15/1/2024"). Y is a cited date's own year, or
  the next one when that puts dd/mm/Y at most 31 days after it (early January
  citing late December). No such date: no TEXT date.
- GUESS: the end of the latest quarter, months-to-date ("6 tháng đầu năm") or
  month period that a sentence reports as achieved (a `reported` word, no
  `intended` one): "Quý I/2024 ... đạt 8,79%" gives 2024-03-31.

The layout (title, dated header line, body paragraphs) is read here because
the dated lines are what set the header apart from the body.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from linter.data import places
from linter.models import Document, Provenance

YEAR = r"((?:19|20)\d{2})(?!\d)"  # a year, as a regex group
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
    r"(?<!\w)(?:(?P<time>sáng|trưa|chiều|tối|đêm)(?:\s{1,3}ngày)?|ngày)\s{1,3}"
    r"(?P<day>\d{1,2})\s{0,2}[/.-]\s{0,2}(?P<month>\d{1,2})"
    r"(?:\s{0,2}[/.-]\s{0,2}(?P<year>(?:19|20)\d{2}))?(?!\s{0,2}[/.-]?\s{0,2}\d)"
)
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
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;](?!\d)|\n")
_NEW_YEAR_REACH = dt.timedelta(days=31)


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
    if opening and (year := _opening_year(*opening, _cited_dates(folded))):
        return _date(year, opening[1], opening[0]), Provenance.TEXT
    ends = _reported_period_ends(folded)
    return (max(ends), Provenance.GUESS) if ends else (None, Provenance.NONE)


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
            if m["year"] and not m["time"]:
                continue
            day_month = (int(m["day"]), int(m["month"]))
            return day_month, int(m["year"]) if m["year"] else None
    return None, None


def _cited_dates(folded: str) -> list[dt.date]:
    deadline = _patterns()["deadline"]
    found = (
        _date(int(m[4]), int(m[3]), int(m[1]))
        for pattern in _FULL_DATES
        for m in pattern.finditer(folded)
        if not deadline.search(folded, max(0, m.start() - 30), m.start())
    )
    return [d for d in found if d is not None]


def _opening_year(day: int, month: int, cited: list[dt.date]) -> int | None:
    gaps: dict[int, dt.timedelta] = {}
    for d in cited:
        for year in (d.year, d.year + 1):
            own = _date(year, month, day)
            if own and d <= own and (year == d.year or own - d <= _NEW_YEAR_REACH):
                gaps[year] = min(gaps.get(year, own - d), own - d)
    return min(sorted(gaps), key=lambda y: gaps[y], default=None)


def _reported_period_ends(folded: str) -> list[dt.date]:
    pats, ends = _patterns(), list[dt.date | None]()
    for sentence in _SENTENCE_END.split(folded):
        if pats["reported"].search(sentence) and not pats["intended"].search(sentence):
            for m in _QUARTER.finditer(sentence):
                quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m[1]) or int(m[1])
                ends.append(_month_end(int(m[2]), 3 * quarter))
            ends += [
                _month_end(int(m[2]), int(m[1])) for p in _MONTHS for m in p.finditer(sentence)
            ]
    return [d for d in ends if d is not None]


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
