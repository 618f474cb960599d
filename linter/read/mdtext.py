"""Read Markdown announcements (.md, .markdown): front matter, then the body as it is.

Markup is mostly left in the text: the parser reads sentences, and `**56.000 tỷ
đồng**` still holds the figure. Two kinds are not text and are left out (their
characters are still in `original`, so spans quote the file as it is):

- inline marks that open or close on a word (`**`, `*`, `__`, `_`, `` ` ``): an
  editor bolds the number and not its unit, "**56.000** tỷ đồng", and the marks
  between them kept the figure from being read. A mark inside a word ("mã_số",
  "1*2") or standing alone (a "* " bullet) is kept;
- HTML comments, as the HTML reader leaves them out: an editor's note of an old
  figure is not published. Suppressions in comments are read from `original`.

The YAML front matter (see `linter.read.frontmatter`) gives the date, province
and issuer when the file says them. A .txt file is read with its front matter
too (`read_with_front_matter`), but as plain text: a star there is a footnote's.
"""

from __future__ import annotations

import re

from linter import nlp
from linter.read import frontmatter
from linter.read.readers import Limits, Piece, Read, Reader, build, decode_with_damage, failed

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# A run of one to three marks that opens on a word (nothing of a word or of the marks
# before it) or closes on one (something before it, no word or mark after it).
_MARK = re.compile(r"(?<![\w*_`])[*_`]{1,3}(?=\w)|(?<=[^\s*_`])[*_`]{1,3}(?![\w*_`])")
# Where a mark begins: _MARK opens on lookbehinds, which re tries at every character.
_MARK_START = re.compile(r"[*_`]")


def read_with_front_matter(data: bytes | str, path: str, markdown: bool = False) -> Read:
    """A text file whose optional YAML front matter is metadata and the rest its body;
    with `markdown`, the body without its inline marks and comments."""
    original, damage = decode_with_damage(data)
    if not isinstance(original, str):
        return failed(original)
    front_matter, body_start, meta, problems = frontmatter.parse(original)
    if markdown:
        pieces = markdown_pieces(original, body_start)
    else:
        pieces = [(body_start, len(original), None)]
    return build(original, path, pieces, meta, [*damage, *problems], front_matter)


def markdown_pieces(original: str, start: int) -> list[Piece]:
    """The stretches of the body between the markup left out, in order."""
    skipped: list[tuple[int, int]] = []
    at = start
    for comment in _COMMENT.finditer(original, start):
        skipped += [
            m.span() for m in nlp.finditer_at(_MARK, _MARK_START, original, at, comment.start())
        ]
        skipped.append(comment.span())
        at = comment.end()
    skipped += [m.span() for m in nlp.finditer_at(_MARK, _MARK_START, original, at)]
    pieces: list[Piece] = []
    for begin, end in skipped:
        if begin > start:
            pieces.append((start, begin, None))
        start = end
    if start < len(original) or not pieces:  # a body of comments only is empty
        pieces.append((start, len(original), None))
    return pieces


class MarkdownReader(Reader):
    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        return read_with_front_matter(data, path, markdown=True)
