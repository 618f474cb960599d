"""`Document.text` built from pieces of a file's decoded text, with break points back
to every character of it (`Document.breaks`, read by `linter.textmap`).

Used by `linter.read.readers.build` (the text formats) and, through
`visible_text`, by the formats whose whole extracted text is the original (.docx,
.pdf). The text is NFC, CRLF is LF, and invisible format characters are left out.
"""

from __future__ import annotations

import re
import unicodedata

from linter import textmap

# Invisible format characters (Unicode's Cf) that text copied from a web page, Word or
# a chat carries: zero-width spaces and joiners, soft hyphens, bidi marks, a BOM inside
# the text. One inside "56.000" made it the figure "000", or none; no Vietnamese word
# needs them. Left out of `Document.text`; `original` keeps them.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def visible_text(original: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`Document.text` and its break points for an `original` taken whole (the text a
    .docx or a PDF is extracted to): NFC, CRLF as LF, no invisible characters."""
    builder = TextBuilder(original, 0)
    builder.copy(0, len(original))
    return builder.result()


class TextBuilder:
    """Builds `Document.text` from pieces of the original, recording break points."""

    def __init__(self, original: str, start: int) -> None:
        self._original = original
        self._parts: list[str] = []
        self._length = 0
        self._breaks: list[tuple[int, int]] = [(0, start)]

    def _mark(self, t: int, o: int) -> None:
        last_t, last_o = self._breaks[-1]
        if last_t == t:
            self._breaks[-1] = (t, o)
        elif o - t != last_o - last_t:
            self._breaks.append((t, o))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def copy(self, start: int, end: int) -> None:
        """Copy `original[start:end]`, NFC-normalised, with CRLF as LF, without its
        invisible format characters (`INVISIBLE`)."""
        for mark in INVISIBLE.finditer(self._original, start, end):
            if mark.start() < start:  # inside a letter already copied whole
                continue
            if cluster := self._letter_around(start, mark, end):
                base, stop = cluster
                self._copy(start, base)
                self.replace(base, stop, self._original[base:stop])
                start = stop
                continue
            self._copy(start, mark.start())
            start = mark.end()
        self._copy(start, end)

    def _letter_around(self, start: int, mark: re.Match[str], end: int) -> tuple[int, int] | None:
        """Where the letter holding the invisible character `mark` begins and ends, if
        it is inside one: between a base letter and its combining marks ("e\u0302",
        soft hyphen, "\u0323"). Each side normalised apart, "Việt" was not NFC, and no
        word list knew it."""
        text = self._original
        stop = mark.end()
        if stop >= end or not unicodedata.combining(text[stop]):
            return None
        base = mark.start()
        while base > start and unicodedata.combining(text[base - 1]):
            base -= 1
        if base == start or not unicodedata.category(text[base - 1]).startswith("L"):
            return None
        while stop < end and (unicodedata.combining(text[stop]) or INVISIBLE.match(text, stop)):
            stop += 1
        while INVISIBLE.match(text, stop - 1):  # one after the marks is no part of it
            stop -= 1
        return base - 1, stop

    def _copy(self, start: int, end: int) -> None:
        while start < end:
            crlf = self._original.find("\r\n", start, end)
            stop = end if crlf == -1 else crlf
            if stop > start:
                text, breaks = textmap.nfc_with_breaks(self._original[start:stop], 0, self._length)
                for t, o in breaks:
                    self._mark(t, start + o)
                self._append(text)
            if crlf == -1:
                return
            # Map the LF to the LF of the pair, so a span ending there takes in the whole CRLF.
            self._mark(self._length, crlf + 1)
            self._append("\n")
            start = crlf + 2

    def replace(self, start: int, end: int, text: str) -> None:
        """Put `text` where `original[start:end]` was (a decoded entity, a tag's line end)."""
        self._mark(self._length, start)
        self._append(unicodedata.normalize("NFC", INVISIBLE.sub("", text)))
        self._mark(self._length, end)

    def result(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        return "".join(self._parts), tuple(self._breaks)
