"""The HTML parser behind `linter.read.htmltext`: the events of a page as pieces of
its source, each with the zone it was met in, its title, first heading and date.

Apart from `htmltext` so that `html.parser` and `html.entities` (2.5 ms of a run's
imports) are imported when an HTML file is read, not whenever the readers are
listed: a run over Markdown and text files, as a draft's is, never needs them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from linter.read.readers import Piece

# Page furniture and non-text content: never part of the article.
_DROPPED_NAMES = "script style noscript template nav header footer aside form iframe svg head"
DROPPED = frozenset(_DROPPED_NAMES.split(" "))
# Elements that end a line of text; the brief's list plus a few close relatives.
_BLOCK_NAMES = (
    "p div br li h1 h2 h3 h4 h5 h6 tr section article blockquote td table ul ol "
    "main th dl dt dd pre hr figure figcaption"
)
BLOCKS = frozenset(_BLOCK_NAMES.split(" "))
MAIN = frozenset({"article", "main"})
# <meta> names (name, property or itemprop, lower case) that carry the publication
# date, as news sites spell them: Open Graph's article, schema.org, Dublin Core.
DATE_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "pubdate",
        "publishdate",
        "datepublished",
        "dc.date.issued",
    }
)


class Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        # Entities must stay separate events so each maps to its own source text.
        super().__init__(convert_charrefs=False)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._dropped: list[str] = []  # open DROPPED elements, innermost last
        self._main_depth = 0
        self._in_body = False
        self._capture: list[str] | None = None  # the <title> or first <h1> being read
        self.pieces: list[tuple[int, Piece]] = []  # (zone, piece); zone 2 main, 1 body, 0 other
        self.saw_main = False
        self.saw_body = False
        self.title: list[str] = []
        self.h1: list[str] = []
        self.published: tuple[str, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _add(self, start: int, end: int, replacement: str | None) -> None:
        if self._dropped:
            return
        zone = 2 if self._main_depth else 1 if self._in_body else 0
        self.pieces.append((zone, (start, end, replacement)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._offset()
        if tag == "meta":
            values = {name: value or "" for name, value in attrs}
            kind = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if kind in DATE_META and values.get("content") and self.published is None:
                self.published = (values["content"], pos)
            return
        if tag == "body":
            self.saw_body = self._in_body = True
            if "head" in self._dropped:  # an unclosed <head> ends where the body starts
                del self._dropped[self._dropped.index("head") :]
        if tag == "title":
            self._capture = self.title
        elif tag == "h1" and not self.h1 and not self._dropped:
            self._capture = self.h1
        if tag in DROPPED:
            self._dropped.append(tag)
            return
        if tag in MAIN and not self._dropped:
            self._main_depth += 1
            self.saw_main = True
        if tag in BLOCKS:
            self._add(pos, pos + len(self.get_starttag_text() or ""), "\n")

    def handle_endtag(self, tag: str) -> None:
        pos = self._offset()
        if tag in ("title", "h1"):
            self._capture = None
        if tag in DROPPED:
            if tag in self._dropped:
                index = len(self._dropped) - 1 - self._dropped[::-1].index(tag)
                del self._dropped[index:]
            return
        if tag in BLOCKS:
            self._add(pos, self._source.find(">", pos) + 1, "\n")
        if tag in MAIN and self._main_depth and not self._dropped:
            self._main_depth -= 1
        if tag == "body":
            self._in_body = False

    def handle_data(self, data: str) -> None:
        pos = self._offset()
        if self._capture is not None:
            self._capture.append(data)
        self._add(pos, pos + len(data), None)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        pos = self._offset()
        end = pos + len(raw)
        if self._source.startswith(";", end):
            end += 1
        # &nbsp; separates words like a space; the parser should not see U+00A0.
        text = html.unescape(self._source[pos:end]).replace("\xa0", " ")
        if self._capture is not None:
            self._capture.append(text)
        self._add(pos, end, None if text == self._source[pos:end] else text)
