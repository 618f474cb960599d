"""Days a report gives in its title and its first paragraphs, read for EV02.

- todays: every day the text calls today, "sáng nay (30/6)", "hôm nay, 2/6",
  "chiều nay 17-5", "hôm nay (thứ Sáu, ngày 16/6)";
- title slips: the title dates something ("3 cổ phiếu cần quan tâm ngày 9/2")
  that the lead names in the same words with another day a few days off
  ("một số cổ phiếu cần quan tâm trước phiên 8/2 của các công ty chứng
  khoán"), or one day number of the month next to it, and the lead never
  gives the title's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks import dated, opening_days
from linter import nlp
from linter.models import Document, Span

Day = tuple[int, int]  # (day, month)


def todays(text: str) -> list[tuple[int, int, Day]]:
    """(start, end, (day, month)) of every day the text calls today, anywhere in it
    (`opening_days.TODAY`)."""
    found = []
    for m in opening_days.TODAY.finditer(nlp.lowered(text)):
        day, month = int(m["td"]), int(m["tm"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((m.start(), m.end(), (day, month)))
    return found


gap = dated.days_apart  # days between two days called today, or a title's and a lead's


# A day and month without a year, glued ("9/2", "8-2", "9.2"): "9 - 10 xã" is a count.
_DATE = re.compile(
    r"(?<![\d/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?![\d/.,-]?\d)" + dated.NOT_FIGURE
)
_WORD = re.compile(r"[^\W\d_]+")
NAMING_WORDS = 8  # words before a date, within its clause, that name what it dates
SLIP_DAYS = 3  # a title's day further from the lead's is another day, not a slip
_YEAR = 2000  # a leap year: 29/2 stays a day


@dataclass(frozen=True)
class TitleSlip:
    """A title's day and the lead's other day for the same thing."""

    title: Span
    lead: Span
    said: tuple[str, str]  # ("9/2", "8/2")


def title_slip(doc: Document) -> TitleSlip | None:
    """The first thing the title dates that the lead dates otherwise, in the same
    words; None when the lead gives the title's day anywhere."""
    title, at = _title(doc)
    lead = doc.text[: max(0, doc.text.find("\n")) or len(doc.text)]
    if not title or not lead:
        return None
    lead_dates = [(m, _day(m), _naming(lead, m.start())) for m in _DATE.finditer(lead)]
    stated = {day for _, day, _ in lead_dates}
    for tm in _DATE.finditer(title):
        day, named = _day(tm), _naming(title, tm.start())
        if day is None or day in stated or len(named) < dated.SHARED_PAIRS:
            continue
        for lm, other, words in lead_dates:
            if other and _close(day, other) and dated.named_alike(named, words):
                start = _words_start(title, tm.start())
                shown = Document(
                    path=doc.path, original=doc.original, text=title, breaks=((0, at),)
                )
                said = (f"{day[0]}/{day[1]}", f"{other[0]}/{other[1]}")
                lead_start = _words_start(lead, lm.start(), 2)
                return TitleSlip(shown.span(start, tm.end()), doc.span(lead_start, lm.end()), said)
    return None


def _close(a: Day, b: Day) -> bool:
    """A few days apart, across the year's end too, or one day number of months next
    to each other: one day mistyped (the same day is no slip: it is `stated`)."""
    days = gap(a, b, _YEAR)
    return (days is not None and days <= SLIP_DAYS) or dated.month_slip(a, b)


def _title(doc: Document) -> tuple[str, int]:
    """The front matter's title and where the file holds it; ("", 0) when it holds none
    verbatim (a .txt title is the body's first line, read with the body)."""
    title = doc.meta.title or ""
    body_start = doc.original_index(0) if doc.text else len(doc.original)
    key = max(0, doc.original.find("title:", 0, body_start))
    at = doc.original.find(title, key, body_start) if title else -1
    return (title, at) if at >= 0 else ("", 0)


def _day(m: re.Match[str]) -> Day | None:
    day, month = int(m["d"]), int(m["m"])
    return (day, month) if dated.date_of(_YEAR, month, day) else None


def _naming(text: str, at: int) -> frozenset[tuple[str, str]]:
    """Word pairs of the words before `at` in its clause, lowercased."""
    clause = re.split(r"[.;:!?\n,]", text[max(0, at - 200) : at])[-1]
    return dated.word_pairs([w.lower() for w in _WORD.findall(clause)][-NAMING_WORDS:])


def _words_start(text: str, at: int, words: int = NAMING_WORDS) -> int:
    """Where the `words` words before `at` in its clause start."""
    clause_start = max(text.rfind(c, 0, at) for c in ".;:!?\n,") + 1
    found = [m.start() for m in _WORD.finditer(text, clause_start, at)]
    return found[-words] if len(found) >= words else (found[0] if found else at)
