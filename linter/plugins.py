"""Entry points: the one way doichieu discovers its plugins.

Built-in plugins are registered in pyproject.toml exactly like a third-party
package's (flake8 registers pyflakes the same way), in three groups, each
loaded and validated by the stage that uses it:

- `doichieu.checks`: `linter.checking.registry` (a broken check becomes EN02);
- `doichieu.readers`: `linter.read.readers` (a broken document format is left out
  and the command line warns, naming its package);
- `doichieu.formats`: `linter.app.formats` (a broken output format stops the run
  with one line naming its package).
"""

from __future__ import annotations

import re
from importlib import metadata
from importlib.metadata import EntryPoint

CHECKS = "doichieu.checks"
FORMATS = "doichieu.formats"
READERS = "doichieu.readers"
# A format's name is typed on the command line (--format, --draft-format).
FORMAT_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")


def package_of(ep: EntryPoint) -> str:
    """The distribution that registered `ep`, to name it when it is broken."""
    return ep.dist.name if ep.dist is not None else "?"


def group(name: str) -> list[EntryPoint]:
    """The entry points of one group, in a stable order."""
    return sorted(metadata.entry_points(group=name), key=lambda e: (e.name, e.value))
