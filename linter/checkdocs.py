"""Read the examples out of a check's docstring.

Every check documents its contradiction with two literal blocks, each a small
corpus: ``Ví dụ mâu thuẫn::`` (must produce a finding of the check) and
``Ví dụ nhất quán::`` (must produce none). Inside a block, ``=== name.md``
starts a document. The tests run both, as pylint runs its bad/good examples.
"""

from __future__ import annotations

import inspect
import re

from linter.checking import Check

HEADINGS = {"bad": "Ví dụ mâu thuẫn::", "good": "Ví dụ nhất quán::"}
_DOC = re.compile(r"^=== (?P<name>\S+)\s*$", re.MULTILINE)


def _block(doc: str, heading: str) -> str | None:
    """The indented literal block after `heading`, dedented."""
    start = doc.find(heading)
    if start < 0:
        return None
    lines: list[str] = []
    for line in doc[start + len(heading) :].splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    return "\n".join(lines).strip("\n") + "\n"


def examples(check: type[Check]) -> dict[str, dict[str, str]]:
    """{"bad": {name: text}, "good": {name: text}} from the check's docstring."""
    doc = inspect.cleandoc(check.__doc__ or "")
    result: dict[str, dict[str, str]] = {}
    for kind, heading in HEADINGS.items():
        block = _block(doc, heading)
        if block is None:
            continue
        parts = _DOC.split(block)
        # split() yields [before, name1, text1, name2, text2, ...]
        result[kind] = {
            name: text.lstrip("\n") for name, text in zip(parts[1::2], parts[2::2], strict=True)
        }
    return result
