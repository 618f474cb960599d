"""Find the main text of an HTML page without losing track of where it came from.

The result is a list of pieces of the source rather than a string, so that the
loader can build `Document.text` with break points back to every character:
text nodes are copied as they are, while entities and line-ending tags are
replaced by the characters they stand for. The parser itself is
`linter.read.htmlparse`, imported by the first page read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from linter import textmap
from linter.models import Provenance
from linter.read import frontmatter
from linter.read.readers import Limits, Piece, Read, Reader, build, decode_with_damage, failed


@dataclass(frozen=True)
class HtmlPage:
    pieces: list[Piece]
    title: str | None
    published: tuple[str, int] | None  # raw meta content and the offset of its tag


def extract(source: str) -> HtmlPage:
    """The main text of `source`: the `<article>`/`<main>` content if any, else `<body>`."""
    from linter.read.htmlparse import Extractor  # html.parser only when a page is read

    parser = Extractor(source)
    parser.feed(source)
    parser.close()
    zone = 2 if parser.saw_main else 1 if parser.saw_body else 0
    kept = [piece for piece_zone, piece in parser.pieces if piece_zone >= zone]
    title = _clean("".join(parser.title)) or _clean("".join(parser.h1)) or None
    return HtmlPage(_tidy(source, kept), title, parser.published)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _tidy(source: str, pieces: list[Piece]) -> list[Piece]:
    """Drop whitespace at the start of each line, so no line is blank or indented.

    Markup indentation would otherwise fill the text with blank lines; only
    whole pieces or piece prefixes are dropped, so offsets stay exact.
    """
    result: list[Piece] = []
    line_start = True
    for start, end, replacement in pieces:
        if replacement is None:
            chunk = source[start:end]
            if line_start:
                start += len(chunk) - len(chunk.lstrip())
                if start == end:
                    continue
            line_start = source[end - 1] == "\n"
        else:
            if not replacement or (line_start and replacement.isspace()):
                continue
            line_start = replacement.endswith("\n")
        result.append((start, end, replacement))
    return result


class HtmlReader(Reader):
    name = "html"
    suffixes = (".html", ".htm")

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        original, problems = decode_with_damage(data)
        if not isinstance(original, str):
            return failed(original)
        page = extract(original)
        meta: dict[str, object] = {"title": page.title}
        if page.published:  # the date in the markup, when the page has one
            content, offset = page.published
            date = frontmatter.parse_date(content)
            if date:
                meta.update(date=date, date_source=Provenance.HEADER)
            else:
                line, column = textmap.line_col(original, offset)
                problems.append(frontmatter.value_problem("bad-meta-date", content, line, column))
        return build(original, path, page.pieces, meta, problems)
