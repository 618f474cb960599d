"""Entry points: the one way doichieu discovers its plugins.

Built-in plugins are registered in pyproject.toml exactly like a third-party
package's (flake8 registers pyflakes the same way), in three groups, each
loaded and validated by the stage that uses it:

- `doichieu.checks`: `linter.checking.registry` (a broken check becomes EN02);
- `doichieu.readers`: `linter.read.readers` (a broken document format is left out
  and the command line warns, naming its package);
- `doichieu.formats`: `linter.app.formats` (a broken output format stops the run
  with one line naming its package).

Every plugin is imported through `load`, which notes the distributions other than
doichieu's that it imported code from (`foreign`): the command line ends its
process without the interpreter's own exit only when there is none
(`linter.app.cli._end`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from functools import cache
from importlib import metadata
from importlib.metadata import EntryPoint, EntryPoints
from typing import Protocol

OWN = "doichieu"  # this project's distribution, which registers the built-in plugins
CHECKS = "doichieu.checks"
FORMATS = "doichieu.formats"
READERS = "doichieu.readers"
# A format's name is typed on the command line (--format, --draft-format).
FORMAT_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")


# A distribution's name is read from its METADATA file, parsed by the email parser
# at every ask (doichieu's holds the README: 1 ms a time, and each reader asked):
# once per distribution object here, let go with it.
_NAMES: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def package_of(ep: EntryPoint) -> str:
    """The distribution that registered `ep`, to name it when it is broken."""
    dist = ep.dist
    if dist is None:
        return "?"
    try:
        return _NAMES[dist]
    except KeyError:
        name = _NAMES[dist] = dist.name
        return name
    except TypeError:  # a distribution that cannot be held weakly
        return dist.name


# The distributions, other than OWN, whose plugins this process imported.
_FOREIGN: set[str] = set()


def load(ep: EntryPoint, package: str) -> object:
    """What `ep` names, imported (`EntryPoint.load`), its distribution (`package`, as
    `package_of(ep)` names it: every caller has it already) noted first if it is not
    doichieu's: noted even when the import fails, as it may have run some of the
    plugin's code (opened a file) before failing."""
    if package != OWN:
        _FOREIGN.add(package)
    return ep.load()


def foreign() -> frozenset[str]:
    """The distributions other than doichieu's whose plugins `load` imported: code this
    project does not know may hold a file open that only the interpreter's own exit
    flushes ("?", a plugin of no known distribution, is one)."""
    return frozenset(_FOREIGN)


def group(name: str) -> list[EntryPoint]:
    """The installed entry points of one group, as `importlib.metadata.entry_points(
    group=...)` gives them, in a stable order. Every distribution's entry_points.txt is
    read once per process, not at every ask: a draft's run asked five times (the
    formats twice, the readers, the checks), 2.3 ms each, and each ask made new
    distribution objects whose names `package_of` parsed again. A process sees the
    plugins installed when it first asks, as `linter.read.readers.load_readers` and a
    server's checks always did."""
    found = _installed(metadata.entry_points).select(group=name)
    return sorted(found, key=lambda e: (e.name, e.value))


class _Selectable(Protocol):
    """What `importlib.metadata.entry_points()` gives: EntryPoints (3.12), or a mapping of
    groups that selects the same way (3.11)."""

    def select(self, **params: str) -> EntryPoints: ...


@cache
def _installed(scan: Callable[[], _Selectable]) -> _Selectable:
    # Kept by the scan asked for: another put in its place (a test's plugins) reads anew.
    return scan()
