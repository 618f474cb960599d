"""A total and its breakdown "như sau:": "chỉ tiêu ... là 13.455; chỉ tiêu cho các
trường thành viên như sau: A 3.040; B 3.800; ...; Khoa Y 175".

A total stated as a bare count ("... ĐH là 13.455, CĐ 450") is no figure the parser
reads (it has no unit after it), and neither are the parts listed for it by name
("Trường ĐH Kinh tế - Luật 1.400"), so this reads both from the text. What links
them is their wording only, and it is taken when nothing else can be meant:

- the breakdown opens with "như sau:" / "cụ thể (như sau):" and is three or more
  items separated by ";", each a name in capitals and one or two whole numbers;
- the total is the last "<label> là N" of the sentence before the cue or of its
  own sentence, N followed by nothing but "," ";" "." (a count whose noun was said
  before), optionally a second level "<label2> M" after it ("ĐH là 13.455, CĐ
  450"): an item's figure followed by label2 ("300 chỉ tiêu bậc CĐ") is a part of
  M, the other figure a part of N;
- the words that introduce the total and those that introduce the breakdown share
  a pair of content words ("chỉ tiêu dự kiến ... tổng chỉ tiêu"): the list breaks
  down what the total counts.

A total written to its units is taken as an exact sum, and so are its parts: a
text that knows a total to the unit knows its parts (1.000 places of a school are
1.000, not "1.000 give or take 50").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.checking.align import word_pairs
from linter.claims.numbers import DIGITS, parse_digits
from linter.claims.stops import sentence_end, sentence_start
from linter.nlp import alone

# "như sau:", "cụ thể như sau:", "cụ thể:": the cue that a breakdown follows. Flat
# alternatives, each opening on a word (`alone`), in the order the optional group
# "(?<!\w)(?:(?:cụ\s+thể\s+)?như\s+sau|cụ\s+thể)" tried them: re searches for them.
_CUE = re.compile(
    rf"(?:{alone('cụ')}\s+thể\s+như\s+sau|{alone('như')}\s+sau|{alone('cụ')}\s+thể)\s*:"
)
_NUMBER = re.compile(rf"(?<![\w.,/-])(?:{DIGITS})(?![\w/%-]|[.,]\d)")
# "ĐH là 13.455, CĐ 450": a label, "là", a bare count, maybe a second label and count.
_TOTAL = re.compile(
    rf"(?<!\w)(?P<l1>[^\W\d]+)\s+là\s+(?P<t1>{DIGITS})(?=\s*[,;.])"
    rf"(?:\s*,\s*(?P<l2>[^\W\d]+(?:\s+[^\W\d]+)?)\s+(?P<t2>{DIGITS})(?=\s*[,;.]))?"
)
# A figure followed by one of these measures something other than a count of what
# the total counts: a share, money, an area, an age, a score.
_OTHER_UNIT = re.compile(
    r"^\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|đồng|usd|ha|km|m|m2|m3|tấn|kg|năm|tuổi|điểm|lần)(?!\w)"
)
# Words that carry no topic: two of them shared say nothing about what is counted.
_FUNCTION = frozenset(
    "của các cho với và là trong theo đó được những này có đã sẽ từ đến tại ở một "
    "thì mà như sau cụ thể về năm nay khi vào ra".split()
)
_MIN_ITEMS = 3
# Characters a sentence is looked for within: a file of one huge line costs that
# much per cue, not the whole line.
_REACH = 1500


@dataclass(frozen=True)
class Piece:
    """A number of a breakdown where it is written, with its digits as written."""

    start: int
    end: int
    value: float
    written: str  # the digits as written: "3.040"


@dataclass(frozen=True)
class Breakdown:
    """A total and the parts a text says it is made of."""

    total: Piece
    parts: tuple[Piece, ...]

    @property
    def summed(self) -> float:
        return sum(p.value for p in self.parts)


def breakdowns(text: str, folded: str) -> Iterator[Breakdown]:
    """Every total with the breakdown after it (`folded` is `text` lowercased, same
    length); consistent or not: the check reports those that do not add up."""
    for cue in _CUE.finditer(folded):
        end = _end(text, cue.end())
        body = folded[cue.end() : end]
        if "…" in body or "..." in body:
            continue  # an open list: "... (430)…"
        items = _items(text, folded, cue.end(), end)
        if items is None:
            continue
        opens = _start(text, cue.start())
        before = _start(text, max(0, opens - 1))
        found = _total(folded, before, cue.start())
        if found is None:
            continue
        total, label2, total2 = found
        lead = folded[max(opens, folded.rfind(";", opens, cue.start()) + 1) : cue.start()]
        # The total is in the cue's sentence or in the one before it.
        said = opens if total.start >= opens else before
        if not _shared_pair(folded[said : total.start], lead):
            continue
        first: list[Piece] = []
        second: list[Piece] = []
        for item in items:
            sorted_item = _split(folded, item, label2)
            if sorted_item is None:
                break
            first.extend(sorted_item[0])
            second.extend(sorted_item[1])
        else:
            if len(first) >= _MIN_ITEMS:
                yield Breakdown(total, tuple(first))
            if total2 is not None and len(second) >= 2:
                yield Breakdown(total2, tuple(second))


def _items(text: str, folded: str, start: int, end: int) -> list[list[Piece]] | None:
    """The figures of each ";"-item of a breakdown, or None when it is no list of
    named counts: too few items, an item without a name in capitals or without a
    figure, more than two figures, a decimal or a figure of another unit."""
    bounds: list[tuple[int, int]] = []
    pos = start
    for m in [*re.finditer(";", folded[start:end]), None]:
        stop = start + m.start() if m else end
        bounds.append((pos, stop))
        pos = start + m.end() if m else end
    if len(bounds) < _MIN_ITEMS:
        return None
    items: list[list[Piece]] = []
    for a, b in bounds:
        lead = len(folded[a:b]) - len(folded[a:b].lstrip())
        if not text[a + lead : a + lead + 1].isupper():
            return None
        numbers = list(_NUMBER.finditer(folded, a, b))
        pieces = [p for p in map(_piece, numbers) if p is not None]
        if not pieces or len(pieces) > 2 or len(pieces) < len(numbers):
            return None
        if any(_OTHER_UNIT.match(folded, p.end, b) for p in pieces):
            return None
        items.append(pieces)
    return items


def _piece(m: re.Match[str], group: int | str = 0) -> Piece | None:
    """The count `group` of `m` holds; None for a decimal, which counts no places,
    people or things."""
    token = m[group]
    value = None if "," in token else parse_digits(token)
    return None if value is None else Piece(m.start(group), m.end(group), value, token)


def _split(folded: str, item: list[Piece], label2: str | None) -> tuple[list[Piece], ...] | None:
    """The item's part of the total and its part of the second total: "3.040 chỉ tiêu
    ở bậc ĐH và 300 chỉ tiêu bậc CĐ" gives ([3.040], [300]) when the second level is
    "CĐ"; None when its two figures cannot be told apart."""
    tails = [
        folded[p.end : (item[i + 1].start if i + 1 < len(item) else p.end + 40)]
        for i, p in enumerate(item)
    ]
    marked = [
        label2 is not None and re.search(rf"(?<!\w){re.escape(label2)}(?!\w)", t) is not None
        for t in tails
    ]
    if len(item) == 1:
        return ([], item) if marked[0] else (item, [])
    if marked != [False, True] or not re.search(r"(?<!\w)và(?!\w)", tails[0]):
        return None
    return [item[0]], [item[1]]


def _total(folded: str, start: int, end: int) -> tuple[Piece, str | None, Piece | None] | None:
    """The last "<label> là N[, <label2> M]" between `start` and `end`."""
    last = None
    for m in _TOTAL.finditer(folded, start, end):
        last = m
    if last is None:
        return None
    total = _piece(last, "t1")
    if total is None:
        return None
    second = None if last["t2"] is None or last["l2"] == last["l1"] else _piece(last, "t2")
    return total, None if second is None else last["l2"], second


def _shared_pair(before: str, lead: str) -> bool:
    """Whether two texts share two content words in a row ("chỉ tiêu")."""
    return bool(_pairs(before) & _pairs(lead))


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(a, b) for a, b in word_pairs(text) if a not in _FUNCTION and b not in _FUNCTION}


def _end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends, within its line and `_REACH`."""
    reach = min(len(text), at + _REACH)
    line_end = text.find("\n", at, reach)
    return sentence_end(text, at, reach if line_end < 0 else line_end)


def _start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts, within its line and `_REACH`."""
    line_start = max(text.rfind("\n", max(0, at - _REACH), at) + 1, at - _REACH, 0)
    return sentence_start(text, at, line_start)
