"""The HTML reader imports `html.parser` (and `html.entities`) when it reads a page,
not when the readers are listed: a run over Markdown and text files never needs it.
Checked in a fresh interpreter, where no other test has imported it already."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

_PROBE = """
import sys
from linter.read.loading import load_text
from linter.read.readers import load_readers

load_readers()
print("html.parser" in sys.modules, "html.entities" in sys.modules)
load_text("---\\nprovince: Hà Nội\\n---\\nUBND xã họp.\\n", "a.md", ".md")
print("html.parser" in sys.modules, "html.entities" in sys.modules)
found = load_text("<html><body><p>Ngày 3&nbsp;tháng 5</p></body></html>", "a.html", ".html")
print("html.parser" in sys.modules, "html.entities" in sys.modules)
print(repr(found.document.text))
"""


def test_html_parser_imported_when_a_page_is_read() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "False False",
        "False False",
        "True True",
        repr("Ngày 3 tháng 5\n"),
    ]
