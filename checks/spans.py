"""A number of years that the years written beside it contradict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter import nlp
from linter.checking import Check, DocumentClaims, Group, evidence
from linter.models import Finding, Severity

# Counts of years are written in digits or, up to ten, in words ("năm năm tới").
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10,
}  # fmt: skip
_N = rf"(?P<n>\d{{1,4}}|{'|'.join(NUMBER_WORDS)})"
# Words between a count and its bracketed years ("10 năm thực hiện Nghị quyết
# 26-NQ/TW (2008-2018)"): no punctuation, so both stay in one clause, and no year,
# which would be another span's ("5 năm 2016 - 2020 tăng 10 lần (2010-2020)").
_WORDS = r"(?:\s+(?!(?:19|20)\d\d(?!\d))[\w/-]+){0,6}?"


def _end(name: str) -> str:
    """A year, alone or closing a full date ("27/7/1947", "27-7-1947")."""
    return rf"(?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*)?(?P<{name}>(?:19|20)\d\d)"


# "2013-2023", "2016 – 2020", "27-7-1947/27-7-2017", "từ năm 2010 đến năm 2016".
_RANGE = (
    rf"(?:(?:giai đoạn|nhiệm kỳ|từ)\s+)?(?:năm\s+)?{_end('y1')}"
    rf"\s*(?:[-–—/]|đến(?:\s+năm)?)\s*{_end('y2')}(?![\d/.-]\d)"
)
# "10 năm (2013-2023)", "5 năm qua (2011-2015)", "6 năm, từ năm 2010-2016",
# "2 năm 2014 - 2015". A count ends a number ("lớp 10 năm học", "số 5 năm" are not
# counts: "năm học" is a school year, and "lớp", "số", "thứ" number things).
_COUNT_FIRST = re.compile(
    rf"(?<![\w/.,-])(?<!lớp )(?<!số )(?<!thứ ){_N}\s+năm(?!\s+(?:học|thứ))"
    rf"(?:\s*(?:(?:qua|tới|gần đây)\s*)?,?\s*(?=giai|từ|năm|\d)|{_WORDS}\s*\(\s*){_RANGE}"
)
# "giai đoạn 2016-2020 (5 năm)".
_RANGE_FIRST = re.compile(rf"(?<![\d/.-]){_RANGE}\s*\(\s*(?:gồm|trong|khoảng)?\s*{_N}\s+năm\s*\)")
_YEARS_CLOSED = re.compile(r"năm\s*\)")  # what every _RANGE_FIRST ends with
# "kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2017)": an
# anniversary counts whole years, so only the difference is right.
_ANNIVERSARY = re.compile(rf"kỷ niệm\s+{_N}\s+năm[^.;()\n]{{0,160}}\(\s*{_RANGE}\s*\)")
# "kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947)": one year, the start or the
# day of the anniversary itself ("kỷ niệm 88 năm Ngày truyền thống MTTQ (18-11-2018)").
_ANNIVERSARY_ONE = re.compile(rf"kỷ niệm\s+{_N}\s+năm[^.;()\n]{{0,160}}\(\s*{_end('y1')}\s*\)")
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?!\d)")
# "năm thứ 9 liên tiếp (2009-2017)", "2017 là năm thứ 9 liên tiếp ... từ năm 2009".
_IN_A_ROW = re.compile(
    rf"(?:(?:năm\s+)?(?P<now>(?:19|20)\d\d)\s+(?:là|cũng là|đã là)\s+)?"
    rf"năm thứ\s+{_N}\s+liên (?:tiếp|tục)(?P<rest>[^.;\n]{{0,160}})"
)
_SINCE = re.compile(r"(?:kể\s+)?từ\s+(?:năm\s+)?(?P<y1>(?:19|20)\d\d)(?!\s*[-–—/]\s*\d)")
_UNTIL_NOW = re.compile(r"đến nay|tới nay|năm nay")
_BRACKETED = re.compile(rf"^\s*\(\s*{_RANGE}\s*\)")


@dataclass(frozen=True)
class _Slip:
    """A count of years that the span it is said of does not hold."""

    start: int
    end: int
    said: int  # the count of years written
    first: int
    last: int
    allowed: tuple[int, ...]  # the counts the years allow
    last_from_text: bool = True  # else the last year is the document's own


class YearSpan(Check):
    """A number of years is written beside years that make another number.

    "sau 10 năm (2013-2023)" is right and so is "5 năm (2011-2015)": a span of
    years is counted as a difference (2023 - 2013 = 10) or inclusively (2011 to
    2015 are five years), so both pass; "8 năm (2013-2023)" does not.
    "giai đoạn 2016-2020 (5 năm)" is read the same way; a hedged count is a
    bound ("hơn 20 năm (1995-2017)" passes, "gần 20 năm (1990-2017)" does not). An anniversary counts
    whole years, so "kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (1947-2017)" must
    be the difference exactly; with one year, "kỷ niệm 110 năm ngày thành lập
    tỉnh (12/7/1907)" must come within a year of the document's date (either
    the year written or it plus the count), unless its sentence names another
    year (an anniversary past). "năm thứ 9 liên tiếp" needs a start year in its
    sentence ("từ năm 2009", "(2009-2017)") and the year it speaks of (written,
    or the document's year for "đến nay"); the start year may count or not.

    Why it matters: the count and the years are quoted together as one fact; a
    mismatch means one of them was mistyped or copied from an older text.

    Known problems: only a count and years side by side in one clause are read
    ("N năm (Y1-Y2)", "Y1-Y2 (N năm)"); a count in one sentence and its years in
    the next is not. Counts in words go up to mười.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-07-12
        province: Lào Cai
        ---
        Sau 8 năm thực hiện (2006-2016), chương trình đã hỗ trợ 12.000 hộ nghèo.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-07-12
        province: Lào Cai
        ---
        Sau 10 năm thực hiện (2006-2016), chương trình đã hỗ trợ 12.000 hộ nghèo.
    """

    code = "SP01"
    name = "span.years"
    severity = Severity.WARNING
    scope = "document"  # a finding is one document's, found from it alone

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            for slip in _slips(item):
                yield self._finding(item, slip, group)

    def _finding(self, item: DocumentClaims, slip: _Slip, group: Group) -> Finding:
        span = item.document.span(slip.start, slip.end)
        note = None
        if not slip.last_from_text:
            note = "the document's year" if group.lang == "en" else "năm của văn bản"
        counts = " / ".join(str(n) for n in slip.allowed)
        if group.lang == "en":
            message = (
                f"The text says {slip.said} years, but {slip.first}-{slip.last} "
                f"make {counts} years."
            )
        else:
            message = (
                f"Văn bản ghi {slip.said} năm, nhưng {slip.first}-{slip.last} là {counts} năm."
            )
        key = f"{self.code}|{slip.said}|{slip.first}|{slip.last}"
        district = item.document.meta.district
        return self.finding(
            message, [evidence(item, span, note)], group, district=district, key=key
        )


def _slips(item: DocumentClaims) -> Iterator[_Slip]:
    text = nlp.lowered(item.document.text)
    if "năm" not in text:
        return
    taken: list[tuple[int, int]] = []
    for m in _ANNIVERSARY.finditer(text):
        taken.append(m.span())
        yield from _judge(m, text, exact=True)
    if item.document.meta.date:
        yield from _anniversaries_by_date(text, item.document.meta.date.year)
    # Each pattern is tried only on a text holding the words it cannot match without
    # ("năm)" closes every _RANGE_FIRST, "năm thứ" is in every _IN_A_ROW): tried at
    # every character of every text, the two took half of the check's time.
    patterns = [_COUNT_FIRST, *([_RANGE_FIRST] if _YEARS_CLOSED.search(text) else [])]
    for pattern in patterns:
        for m in pattern.finditer(text):
            if not any(a <= m.start("n") < b for a, b in taken):
                yield from _judge(m, text, exact=False)
    now = item.document.meta.date.year if item.document.meta.date else None
    if "năm thứ" in text:
        for m in _IN_A_ROW.finditer(text):
            yield from _in_a_row(m, now)


def _count(m: re.Match[str]) -> int:
    word = m.group("n")
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _judge(m: re.Match[str], text: str, *, exact: bool) -> Iterator[_Slip]:
    first, last, said = int(m.group("y1")), int(m.group("y2")), _count(m)
    if last <= first:
        return  # "2016-2016" or a backwards range is something else, not a span
    allowed = (last - first,) if exact else (last - first, last - first + 1)
    if said not in allowed and not _hedged(text, m.start("n"), said, allowed):
        yield _Slip(m.start(), m.end(), said, first, last, allowed)


# "hơn 20 năm (1995-2017)" is 22 years and right: a hedged count is a bound.
_MORE = re.compile(r"(?:hơn|trên|ngoài|suốt hơn)\s+$")
_LESS = re.compile(r"(?:gần|ngót|chưa đầy|chưa tới|chưa đến|dưới|gần như)\s+$")
_ABOUT = re.compile(r"(?:khoảng|xấp xỉ|chừng|độ|hàng|vài)\s+$")


def _hedged(text: str, at: int, said: int, allowed: tuple[int, ...]) -> bool:
    before = text[max(0, at - 12) : at]
    if _MORE.search(before):
        return max(allowed) >= said
    if _LESS.search(before):
        return min(allowed) <= said
    if _ABOUT.search(before):
        return any(abs(n - said) <= max(1, said // 5) for n in allowed)
    return False


def _anniversaries_by_date(text: str, year: int) -> Iterator[_Slip]:
    """An anniversary with one year: it or the year N after it is the document's year
    (give or take one: reports come before and after the day). A sentence that
    names another year may speak of an anniversary past ("Năm 2010, nhân kỷ niệm
    1000 năm Thăng Long"): not read."""
    for m in _ANNIVERSARY_ONE.finditer(text):
        written, said = int(m.group("y1")), _count(m)
        if any(abs(y - year) <= 1 for y in (written, written + said)):
            continue
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        others = {int(y) for y in _YEAR.findall(text, start, m.end())} - {written}
        if not others:
            yield _Slip(m.start(), m.end(), said, written, year, (year - written,), False)


def _in_a_row(m: re.Match[str], now: int | None) -> Iterator[_Slip]:
    """The n-th year in a row since a start year: inclusive or not, both pass."""
    rest = m.group("rest")
    bracket = _BRACKETED.match(rest)
    since = _SINCE.search(rest)
    if bracket:
        first, last = int(bracket.group("y1")), int(bracket.group("y2"))
    elif since and m.group("now"):
        first, last = int(since.group("y1")), int(m.group("now"))
    elif since and now and _UNTIL_NOW.search(rest):
        first, last = int(since.group("y1")), now
    else:
        return
    said = _count(m)
    if last <= first:
        return
    allowed = (last - first, last - first + 1)
    from_text = bool(bracket or m.group("now"))
    if not from_text:  # "đến nay" early in a year may still mean the year before
        allowed = (last - first - 1, *allowed)
    if said not in allowed:
        end = m.start("rest") + (bracket.end() if bracket else 0)
        yield _Slip(m.start(), end, said, first, last, allowed, from_text)
