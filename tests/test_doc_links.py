"""Every relative link of the project's Markdown files leads to a file that exists.

The READMEs point into docs/ (the history of the speed passes, the pictures)
and back; a section moved or a file renamed must not leave a reader a dead link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

# The reader's documents (fixtures are test input, not documentation; the
# folders are named so that the walk does not enter .venv).
DOCS = sorted(
    [REPO / "README.md"]
    + [
        path
        for folder in ("benchmarks", "docs", "tests/gold")
        for path in (REPO / folder).glob("**/*.md")
    ]
)
# [text](target) and ![alt](target), the target up to its closing parenthesis.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _relative_links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:|#", t)]


def test_the_documents_are_found() -> None:
    names = {path.relative_to(REPO).as_posix() for path in DOCS}
    assert {"README.md", "benchmarks/README.md", "docs/history/speed.md"} <= names


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_relative_links_resolve(path: Path) -> None:
    dead = [t for t in _relative_links(path) if not (path.parent / t.split("#")[0]).exists()]
    assert dead == []


def test_the_readmes_link_the_speed_history() -> None:
    # The history left the READMEs; each must still say where it went.
    assert "docs/history/speed.md" in _relative_links(REPO / "README.md")
    assert "../docs/history/speed.md" in _relative_links(REPO / "benchmarks" / "README.md")
