"""Counts that announce a list ("3 khâu đột phá: ...") and how many items follow.

An announcement is a count, a counted noun from `linter/data/listing.yaml`, up
to five more words and ":", "gồm" or "là"; or a count, any noun of up to eleven
words and the same, when the list after it is one of names (every item opens
with a capital: "10 tuyến đường ... là Đồng Khởi, Nguyễn Thái Học, ...").
What follows is read in one of three ways: items on the lines below
(`linter.claims.itemlines`), items opened by "Thứ nhất, ... Thứ hai, ..." or
numbers, or items inside the sentence separated by ";", "," and "và". A
sentence's list gives a range (fewest, most): a ";" separates items for sure,
while "," and "và" may also join words inside one item ("giáo dục, đào tạo và
dạy nghề"), so they only raise the most; where ";" separates items, only the
last item's "," and "và" may hide another item.

No claim type is made of these: a count is compared only with the list right
after it in the same document, so there is nothing for the cache or another
check to share, and every document's claims would grow for one check's sake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from linter.claims.itemlines import count_lines, ordinal_chain
from linter.claims.stops import sentence_end
from linter.data import load


class _Listing(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    count_words: dict[str, int]
    ordinals: list[str] = Field(min_length=10)
    counted_nouns: list[str] = Field(min_length=1)
    open_words: list[str]
    not_named_things: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Enumeration:
    """A count that announces a list, and how many items the list holds."""

    start: int  # the count and its noun, "3 khâu đột phá"
    end: int
    list_end: int  # where the items end
    said: int
    fewest: int  # how many items the list holds, at least and at most
    most: int
    form: str  # "lines", "ordinals", "sentence"


@dataclass(frozen=True)
class _Patterns:
    """listing.yaml's words as the patterns that find lists."""

    header: re.Pattern[str]
    named: re.Pattern[str]  # a count of any noun, for a list of names only
    open_words: re.Pattern[str]
    counted: re.Pattern[str]  # a count with its noun inside a list: sub-groups
    words: dict[str, int]
    ordinals: tuple[str, ...]


# A count is no part of a number, a date or a share before it ("1.5 dự án", "30/4").
_BEFORE = r"(?<![\w.,/%-])"
# What makes the count announce a list: ":", "(bao) gồm (có)", "là".
_INTRO = r"(?P<intro>:|(?:bao\s+)?gồm(?:\s+có)?(?:\s*:)?|là(?:\s*:)?)(?!\w)"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load("listing.yaml", _Listing)
    words = "|".join(sorted(data.count_words, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in sorted(data.counted_nouns, key=len, reverse=True))
    count = rf"(?P<n>\d{{1,2}}|{words})\s+(?P<noun>{nouns})(?!\w)"
    header = re.compile(rf"{_BEFORE}{count}(?:\s+[^\W\d]+){{0,5}}?\s*{_INTRO}")
    opened = "|".join(re.escape(w) for w in data.open_words)
    # "năm" is left out: before any noun it is as often a year ("năm ngoái là ...").
    named_words = "|".join(w for w in sorted(data.count_words, key=len, reverse=True) if w != "năm")
    things = "|".join(re.escape(w) for w in sorted(data.not_named_things, key=len, reverse=True))
    named = re.compile(
        rf"{_BEFORE}(?P<n>\d{{1,2}}|{named_words})\s+(?!(?:{things})(?!\w))"
        rf"(?P<noun>[^\W\d]+)(?:\s+[^\W\d]+){{0,{NAMED_NOUN_WORDS - 1}}}?\s*{_INTRO}"
    )
    return _Patterns(
        header=header,
        named=named,
        open_words=re.compile(rf"(?<!\w)(?:{opened})(?!\w)"),
        counted=re.compile(rf"(?<![\w.,/])(?:\d{{1,3}}|{words})\s+(?:{nouns})(?!\w)"),
        words=data.count_words,
        ordinals=tuple(data.ordinals),
    )


# The most words of a noun that counts a list of names: "10 tuyến đường thông
# thoáng đã đăng kí với UBND thành phố là Đồng Khởi, ..." (T95) has eleven. On
# news2017's tuning half and real/ (815 files) the rule reads 55 lists at 6 words,
# 60 at 11 and none more up to 15; the two it flags (T95 at 11 words, "05 nhà chờ
# có số lượng vé cao nhất gồm: ..." at 8) are both true at every limit that reaches
# them. A longer reach found nothing more and only lets a count and a "là" far
# apart in one clause pass for an announcement, so it stops at the longest seen.
NAMED_NOUN_WORDS = 11

# A count after these is no count of a whole list: "một trong 3 khâu đột phá là
# ...", "hơn 20 dự án gồm ...", "lần thứ ba".
_NOT_WHOLE = re.compile(r"(?:trong|hơn|trên|gần|khoảng|thứ|số|lần|tới|đến)\s+$")
_BRACKETED = re.compile(r"\([^()\n]*\)|“[^”\n]*”|\"[^\"\n]*\"")
_SENTENCE_MOST = 12
_INLINE_REACH = 3000  # characters: a long paragraph
_JOIN = re.compile(r"(?<=\s)(?:và|hoặc|hay)(?=\s)")
_COMMA = re.compile(r",(?!\d)")
# What may separate the items of a sentence's list, and what may join two names
# inside one item ("Lai Châu cùng Hòa Bình", "Hà Nội/Hải Phòng").
_ITEM_BREAK = re.compile(rf";|{_COMMA.pattern}|{_JOIN.pattern}")
_NAME_JOIN = re.compile(r"(?<=\s)(?:cùng|với)(?=\s)|[&/–-]")


def find_enumerations(text: str, folded: str) -> Iterator[Enumeration]:
    """Every announced list of `text` (`folded` is its lowercase form, same length)."""
    p = _patterns()
    if ":" not in folded and "gồm" not in folded and " là " not in folded:
        return
    read: set[int] = set()
    for m in p.header.finditer(folded):
        found = _announced(text, folded, m, p, names=False)
        if found is not None:
            read.add(found.start)
            yield found
    # Any noun may count a list of names ("10 tuyến đường ... là Đồng Khởi, Lê Lợi"):
    # names, each opening with a capital, are what the count announced.
    for m in p.named.finditer(folded):
        if m.start() not in read and (found := _announced(text, folded, m, p, names=True)):
            yield found


def _announced(
    text: str, folded: str, m: re.Match[str], p: _Patterns, names: bool
) -> Enumeration | None:
    """The list a header match announces, or None when it cannot be counted."""
    if _NOT_WHOLE.search(folded, max(0, m.start() - 8), m.start()):
        return None
    if p.open_words.search(folded, m.start(), m.start("intro")):
        return None  # "5 dự án lớn như: ...": examples ("cao nhất là" is no "nhất là")
    word = m.group("n")
    said = int(word) if word.isdigit() else p.words[word]
    if said < 2:
        return None
    if names and not text[m.start("noun")].islower():
        return None  # "Ba Bò là ...": a count and a noun in capitals are a name
    found = _items(text, folded, m.end(), m.group("intro"), said, p, names)
    if found is None:
        return None
    end = m.start() + len(folded[m.start() : m.start("intro")].rstrip())
    return Enumeration(m.start(), end, found[0], said, found[1], found[2], found[3])


def _items(
    text: str, folded: str, at: int, intro: str, said: int, p: _Patterns, names: bool
) -> tuple[int, int, int, str] | None:
    """(end, fewest, most, form) of the items after an announcement, or None when
    the list cannot be told apart from what follows it. With `names`, only a list in
    the sentence whose every item opens with a capital is read."""
    # A list inside a paragraph is read within reach: a file that is one huge line
    # costs that much per announcement, not the rest of the file.
    reach = min(len(folded), at + _INLINE_REACH)
    line_end = folded.find("\n", at, reach)
    line_end = reach if line_end < 0 else line_end
    if not folded[at:line_end].strip():
        if names or not intro.endswith(":"):
            return None
        counted = count_lines(folded, line_end, p.ordinals)
        return None if counted is None else (counted[1], counted[0], counted[0], "lines")
    head = folded[at:line_end].lstrip()
    if head.startswith("thứ nhất") and not names:
        chain = ordinal_chain(folded, at, p.ordinals)
        return None if chain is None else (chain[1], chain[0], chain[0], "ordinals")
    end = sentence_end(text, at, line_end)
    body = _BRACKETED.sub(lambda m: " " * len(m.group()), folded[at:end])
    if "”" in body:  # the announcement was quoted speech, which ends here
        end = at + body.index("”")
        body = body[: body.index("”")]
    if p.open_words.search(body) or p.counted.search(body) or body.rstrip().endswith(":"):
        return None
    if names and not _all_named(text, at, body):
        return None
    semis, joins = body.count(";"), len(_JOIN.findall(body))
    others = _separators(body)
    if semis + others == 0 or (intro.startswith("là") and not semis and not joins and not names):
        # One item, or "là" saying what the things are ("60 dự án là bên không có
        # lỗi, ông Châu nói"): a list after "là" ends "... và C" or has ";". Names
        # after "là" are the list itself, however they are separated.
        return None
    if said > _SENTENCE_MOST:
        return None  # "60 dự án là ...": so many items are never listed in a sentence
    if semis and not all(part.strip() for part in body.split(";")):
        return None  # an empty item (";;"): no list a reader could count
    if semis:  # "A, B; C; D và E": a comma before a ";" is inside an item; the last may join two
        first = body[: body.index(";")]
        if _separators(first) + 1 >= said:
            return None  # "gồm A, B, C và D; doanh nghiệp còn lại là E": ";" may end the list
        others = _separators(body[body.rindex(";") :])
    if names:  # "Lai Châu cùng Hòa Bình", "Hà Nội/Hải Phòng": names joined otherwise
        others += len(_NAME_JOIN.findall(body))
    return end, semis + 1, semis + others + 1, "sentence"


def _all_named(text: str, at: int, body: str) -> bool:
    """Whether every item of `body` (a list starting at `at` in `text`) opens with a
    capital: "Đồng Khởi, Nguyễn Thái Học", "Bến xe Kim Mã: 522, Nguyễn Tuân: 302".
    One item in lower case ("Hoàng Thị Dung và mẹ chồng tôi") makes it no list of names."""
    starts = [0, *(m.end() for m in _ITEM_BREAK.finditer(body))]
    if len(starts) < 2:
        return False
    for start in starts:
        offset = len(body[start:]) - len(body[start:].lstrip())
        first = text[at + start + offset : at + start + offset + 1]
        if not first.isupper():
            return False
    return True


def _separators(part: str) -> int:
    return len(_COMMA.findall(part)) + len(_JOIN.findall(part))
