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
_PROSE_REACH = 30
# How far "Thứ nhất, ..." may run before "Thứ hai, ..." (a paragraph or two).
_ORDINAL_REACH = 3000
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


def count_lines(folded: str, at: int, ordinals: tuple[str, ...]) -> tuple[int, int] | None:
    """(items, end) of the lines after offset `at` (the end of the announcing line),
    or None when no marked line follows or the list's shape is unclear."""
    lines, pos = [], at + 1
    for line in folded[at + 1 :].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    lines = [(p, line) for p, line in lines if line.strip()]
    if not lines:
        return None
    first = _marker(lines[0][1], ordinals)
    if first is None or first[1] != 1:
        return None
    kind, dashes = first[0], first[0] in "-+•*"
    count, end, i = 0, at, 0
    while i < len(lines):
        start, line = lines[i]
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
                if line.rstrip().endswith(":"):
                    return None  # a dash item with sub-items of the same dash: unclear
                count += 1
            elif found[1] == count + 1:
                count += 1
            else:
                break  # a new list ("1." again) or a number out of order
            end = start + len(line)
        i += 1
    return (count, end) if count else None


def _next_numbered(
    lines: list[tuple[int, str]], i: int, kind: str, wanted: int, ordinals: tuple[str, ...]
) -> int | None:
    for j in range(i + 1, min(len(lines), i + _PROSE_REACH)):
        found = _marker(lines[j][1], ordinals)
        if found == (kind, wanted):
            return j
    return None


def ordinal_chain(folded: str, at: int, ordinals: tuple[str, ...]) -> tuple[int, int] | None:
    """(items, end) of "Thứ nhất, ... Thứ hai, ..." from offset `at`; None when the
    chain stops short but its next ordinal comes later (the count is unclear)."""
    count, pos = 1, at
    while count < len(ordinals):
        opener = re.compile(
            rf"(?:^|[.;:!?]\s+|\n\s*)(?:[-+]\s*)?thứ\s+{ordinals[count]}\s*[,:.]", re.M
        )
        m = opener.search(folded, pos, pos + _ORDINAL_REACH)
        if m is None:
            break
        count, pos = count + 1, m.end()
    if count < len(ordinals) and f"thứ {ordinals[count]}" in folded[pos:]:
        return None
    end = folded.find("\n", pos)
    return count, len(folded) if end < 0 else end
