"""The day a sentence or a report opens with, and the day a text calls today.

One pattern for each, `DAY_OPENED` and `TODAY`, read in the lowercased text by
three readers that differ only in where the day must stand:

- `sentence_day`: the day a sentence opens with ("Ngày 25-5, Phó Thủ tướng ...",
  "Chiều nay 25-5, Văn phòng ..."), which a later "Cùng ngày" repeats
  (`named_days`); any sentence, told by its capital;
- `opening`: the day a report's first paragraphs open with ("Sáng 30/6,",
  "Ngày 9-2-2017,") or call today ("Sáng nay (30/7)"), for EV03: a paragraph's
  first words only, since the lead's day is the report's. Two reports of one
  event that open with one day number of two months next to each other have one
  month mistyped (`month_slips`);
- `lead_days.todays`: every day a text calls today ("hôm nay, 2/6", "chiều nay
  17-5", "hôm nay (thứ Sáu, ngày 16/6)"), anywhere, for EV02.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checks import dated
from linter.nlp import alone

# The parts of a day a dated sentence names: "Sáng 26/5", "Đêm 30/6", "rạng sáng nay
# (1/7)" (before dawn: a night report's next day). Flat alternatives, each opening on
# its word (`alone`), so that re searches for their first letters.
_PARTS = ("sáng", "trưa", "chiều", "tối", "đêm")
_DAWN = rf"{alone('rạng')}\s+sáng"
_DAY_WORDS = ("ngày", *_PARTS)
# The first words a `DAY_OPENED` match may open on: "rạng" (of `_DAWN`), "ngày", a part
# of a day. Callers that search from where a match may begin (`nlp.finditer_at`) use it.
DAY_OPENERS = ("rạng", *_DAY_WORDS)

# "Ngày 25-5", "Sáng 26/5", "Sáng ngày 30/6", "Chiều nay 25-5", "Ngày 9-2-2017": a part of
# a day or "ngày", then the day (groups d, m, y of `dated.ONE_DAY`).
DAY_OPENED = re.compile(
    rf"(?:{_DAWN}|{alone(*_DAY_WORDS)})(?:\s+nay)?\s+(?:ngày\s+)?{dated.ONE_DAY}"
)

# "sáng nay (30/6)", "hôm nay, 2/6", "chiều nay 17-5", "hôm nay (thứ Sáu, ngày 16/6)",
# "ngày hôm nay (2/6)" (groups td, tm). A fraction ("1/2/3"), a decimal ("2/6,5") or a
# figure ("sáng nay (6.2 triệu lượt)", `dated.NOT_FIGURE`) is no day; a comma after the
# month that closes an aside ("hôm nay, 2/6, CTCP ...") is no decimal. The match ends at the month, before a
# closing bracket: EV02 quotes it so ("Sáng nay (30/7"); `opening` takes the bracket in.
TODAY = re.compile(
    rf"(?:{alone('ngày')}\s+hôm|{_DAWN}|{alone('hôm', *_PARTS)})(?:\s+hôm)?\s+nay"
    r"\s*[(,]?\s*(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<td>\d{1,2})\s*[/.-]\s*(?P<tm>\d{1,2})(?!\d|[,.]\d)(?!\s*[/.-]\s*\d{1,2}(?!\d))"
    + dated.NOT_FIGURE
)


def sentence_day(original: str, text: str, at: int) -> re.Match[str] | None:
    """The last day a sentence opens with before `at` in `text` (`original` lowercased):
    capitalised in `original` ("Ngày 25-5, Phó Thủ tướng ..."), since "trước ngày 30-6"
    inside a sentence is no day "cùng ngày" means. Any sentence, not only a paragraph's
    first as `opening`: "Cùng ngày" follows the sentence before it."""
    found = None
    for m in DAY_OPENED.finditer(text, 0, at):
        if original[m.start()].isupper():
            found = m
    return found


@dataclass(frozen=True)
class Opened:
    """The day a report opens with."""

    start: int
    end: int
    day: tuple[int, int]  # (day, month)

    @property
    def label(self) -> str:
        return f"{self.day[0]}/{self.day[1]}"


# A paragraph's first words ("Sáng 30/6,"), or a day called today anywhere in it.
_OPENS = re.compile(rf"(?:^|(?<=\n))\s*(?:{DAY_OPENED.pattern})|{TODAY.pattern}")
_CLOSE = re.compile(r"\s*\)")  # "Sáng nay (30/7)" is quoted whole
OPENING_PARAGRAPHS = 3  # the lead, and the paragraphs a caption may push it to


@lru_cache(maxsize=4096)
def opening(text: str) -> Opened | None:
    """The day the lowercased `text` opens with, within its first paragraphs."""
    cut = -1
    for _ in range(OPENING_PARAGRAPHS):
        cut = text.find("\n", cut + 1)
        if cut < 0:
            cut = len(text)
            break
    m = _OPENS.search(text, 0, cut)
    if m is None:
        return None
    day, month = int(m["d"] or m["td"]), int(m["m"] or m["tm"])
    if dated.date_of(dated.NO_YEAR, month, day) is None:
        return None
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    close = _CLOSE.match(text, m.end()) if m["tm"] else None
    return Opened(start, close.end() if close else m.end(), (day, month))


def month_slips(a: Opened | None, b: Opened | None) -> Iterator[tuple[Opened, Opened]]:
    """Two opening days of one day number in months next to each other (30/6, 30/7)."""
    if a and b and dated.month_slip(a.day, b.day):
        yield a, b
