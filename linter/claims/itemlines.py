"""Items of an announced list that stand on lines of their own or open with ordinals.

    Tỉnh tập trung 3 khâu đột phá:
    - Cải cách hành chính;
    - Phát triển nguồn nhân lực.

Lines are counted by the marker of the first one ("-", "+", "1.", "a)", "(1)",
"Thứ nhất,"); a line with another marker is a sub-item and is skipped. A list
of dashes ends at the first line without a marker; a numbered list may have
prose between its items, so it goes on while the next number follows within a
few lines. "Thứ nhất, ... Thứ hai, ..." inside paragraphs is followed from
sentence to sentence. Offsets are into the folded (lowercase) text.
"""

from __future__ import annotations

import re

# Lines between two numbered items ("1. Về kinh tế:", a paragraph, "2. Về xã hội:").
_PROSE_REACH = 12
# How far "Thứ nhất, ..." may run before "Thứ hai, ..." (a paragraph or two).
_ORDINAL_REACH = 3000
_LINES_REACH = 20_000  # characters
_MARKER = re.compile(
    r"^\s*(?:(?P<dash>[-–+•*])\s"
    r"|(?P<num>\d{1,2})[.)]\s|\((?P<pnum>\d{1,2})\)\s?|(?P<let>[a-hđ])\)\s|thứ\s+(?P<ord>\w+)\s*[,:.])"
)
_LETTERS = "abcdđegh"  # the Vietnamese order of lettered items: no f


def _marker(line: str, ordinals: tuple[str, ...]) -> tuple[str, int] | None:
    """The kind of a line's marker and its number (1 for a dash), or None."""
    m = _MARKER.match(line)
    if m is None:
        return None
    if m.group("dash"):
        dash = m.group("dash")
        return ("-" if dash in "-–" else dash), 1
    if m.group("num"):
        return "num", int(m.group("num"))
    if m.group("pnum"):
        return "pnum", int(m.group("pnum"))
    if m.group("let"):
        return ("let", _LETTERS.index(m.group("let")) + 1) if m.group("let") != "f" else None
    word = m.group("ord")
    return ("ord", ordinals.index(word) + 1) if word in ordinals else None


class _Lines:
    """The non-empty lines after an offset, read only as far as they are asked for:
    a file of a hundred thousand announcements costs a few lines each."""

    def __init__(self, folded: str, at: int) -> None:
        self._text, self._pos = folded, at + 1
        self._limit = min(len(folded), at + 1 + _LINES_REACH)
        self._read: list[tuple[int, str]] = []

    def get(self, i: int) -> tuple[int, str] | None:
        while len(self._read) <= i and self._pos < self._limit:
            stop = self._text.find("\n", self._pos, self._limit)
            stop = self._limit if stop < 0 else stop
            if self._text[self._pos : stop].strip():
                self._read.append((self._pos, self._text[self._pos : stop]))
            self._pos = stop + 1
        return self._read[i] if i < len(self._read) else None


def count_lines(folded: str, at: int, ordinals: tuple[str, ...]) -> tuple[int, int] | None:
    """(items, end) of the lines after offset `at` (the end of the announcing line),
    or None when no marked line follows or the list's shape is unclear."""
    lines = _Lines(folded, at)
    head = lines.get(0)
    first = _marker(head[1], ordinals) if head else None
    if first is None or first[1] != 1:
        return None
    kind, dashes = first[0], first[0] in ("-", "+", "•", "*")
    count, end, i = 0, at, 0
    while (found_line := lines.get(i)) is not None:
        start, line = found_line
        found = _marker(line, ordinals)
        if found is None:
            if dashes:
                break
            ahead = _next_numbered(lines, i, kind, count + 1, ordinals)
            if ahead is None:
                break
            i = ahead
            continue
        if found[0] == kind:
            if dashes:
                if line.rstrip().endswith(":") or not line.strip()[1:].strip():
                    return None  # sub-items under the same dash, or an empty item: unclear
                count += 1
            elif found[1] == count + 1:
                count += 1
            else:
                break  # a new list ("1." again) or a number out of order
            end = start + len(line)
        i += 1
    return (count, end) if count else None


def _next_numbered(
    lines: _Lines, i: int, kind: str, wanted: int, ordinals: tuple[str, ...]
) -> int | None:
    for j in range(i + 1, i + _PROSE_REACH):
        found_line = lines.get(j)
        if found_line is None:
            return None
        if _marker(found_line[1], ordinals) == (kind, wanted):
            return j
    return None


def ordinal_chain(folded: str, at: int, ordinals: tuple[str, ...]) -> tuple[int, int] | None:
    """(items, end) of "Thứ nhất, ... Thứ hai, ..." from offset `at`; None when the
    chain stops short but its next ordinal comes later (the count is unclear)."""
    count, pos = 1, at
    while count < len(ordinals):
        found = _opener(folded, ordinals[count], pos)
        if found is None:
            break
        count, pos = count + 1, found
    if (
        count < len(ordinals)
        and folded.find(f"thứ {ordinals[count]}", pos, pos + _LINES_REACH) >= 0
    ):
        return None  # the next ordinal comes later, after more than a paragraph
    end = folded.find("\n", pos)
    return count, len(folded) if end < 0 else end


def _opener(folded: str, ordinal: str, pos: int) -> int | None:
    """The end of the next "Thứ hai," that opens a sentence or a line, within reach."""
    pattern = re.compile(rf"thứ\s+{ordinal}\s*[,:.]")  # a literal first: a fast scan
    for m in pattern.finditer(folded, pos, pos + _ORDINAL_REACH):
        before = folded[max(0, m.start() - 4) : m.start()].rstrip(" -+")
        if not before or before[-1] in ".;:!?\n":
            return m.end()
    return None
