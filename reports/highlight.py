"""The evidence quote, marked inside the sentence it was taken from.

Highlights are `Segment`s of plain text, never pre-built markup, so that
autoescaping stays the one thing that turns document text into HTML.
"""

from __future__ import annotations

import re

from linter.models import Document, Evidence
from reports.common import View

CLIP = 300  # characters of context kept around a highlighted quote
_SENTENCE_END = re.compile(r"[.!?]\s+")


class Segment(View):
    text: str
    mark: bool


def highlight(line: str, start: int, end: int) -> tuple[Segment, ...]:
    """`line` with `line[start:end]` marked, trimmed to its sentence and ~CLIP characters."""
    left, mark, right = line[:start], line[start:end], line[end:].rstrip("\r")
    # Prefer whole sentences: long paragraphs sit on one line in these releases.
    if ends := list(_SENTENCE_END.finditer(left)):
        left = left[ends[-1].end() :]
    if nxt := _SENTENCE_END.search(right):
        right = right[: nxt.start() + 1]
    room = max(60, (CLIP - len(mark)) // 2)
    if len(left) > room:
        cut = left.find(" ", len(left) - room)  # cut between words when possible
        left = "…" + left[cut + 1 if 0 <= cut < len(left) - 1 else len(left) - room :]
    if len(right) > room:
        cut = right.rfind(" ", 0, room)
        right = right[: cut if cut > 0 else room] + "…"
    parts = ((left, False), (mark, True), (right, False))
    return tuple(Segment(text=t, mark=m) for t, m in parts if t)


def quote_segments(doc: Document | None, ev: Evidence) -> tuple[Segment, ...]:
    """The evidence quote marked inside its original line (spans point at the original)."""
    lines = doc.original.split("\n") if doc else []
    alone = (Segment(text=ev.quote, mark=True),) if ev.quote else ()
    if not 1 <= ev.line <= len(lines):
        return alone
    line = lines[ev.line - 1]
    start = ev.column - 1
    end = ev.end_column - 1 if ev.end_line == ev.line else len(line)
    if not line[start:end] or not ev.quote.startswith(line[start:end]):
        # Columns disagree with the quote (edited file?): fall back to searching for it.
        start = line.find(ev.quote)
        if start < 0 or not ev.quote:
            return alone
        end = start + len(ev.quote)
    return highlight(line, start, end)
