"""Read Markdown announcements (.md, .markdown): front matter, then the body as it is.

Markup is left in the text: the parser reads sentences, and `**56.000 tỷ đồng**`
still holds the figure. The YAML front matter (see `linter.read.frontmatter`) gives
the date, province and issuer when the file says them.
"""

from __future__ import annotations

from linter.read import frontmatter
from linter.read.readers import Limits, Read, Reader, build, decode_with_damage, failed


def read_with_front_matter(data: bytes | str, path: str) -> Read:
    """A text file whose optional YAML front matter is metadata and the rest its body."""
    original, damage = decode_with_damage(data)
    if not isinstance(original, str):
        return failed(original)
    front_matter, body_start, meta, problems = frontmatter.parse(original)
    pieces = [(body_start, len(original), None)]
    return build(original, path, pieces, meta, [*damage, *problems], front_matter)


class MarkdownReader(Reader):
    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        return read_with_front_matter(data, path)
