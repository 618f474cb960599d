"""Read plain-text announcements (.txt), front matter included.

A .txt file is read like Markdown: a corpus converted by a script often keeps
the same YAML front matter in .txt files, and a file without it is plain text
anyway (no fence, no metadata).
"""

from __future__ import annotations

from linter.read.mdtext import read_with_front_matter
from linter.read.readers import Limits, Read, Reader


class TextReader(Reader):
    name = "txt"
    suffixes = (".txt",)

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        return read_with_front_matter(data, path)
