"""Output formats: the `doichieu.formats` entry points (see reports.base).

Only the format asked for is imported; if it is broken, the run stops with one
line naming its package (exit 2), as no report could be written.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from linter.errors import PluginLoadError
from linter.plugins import FORMAT_NAME, FORMATS, group, load, package_of


def format_names() -> tuple[str, ...]:
    """The values `--format` accepts: every registered output format, without importing any."""
    return tuple(sorted({ep.name for ep in group(FORMATS)}))


def load_format(name: str) -> tuple[Callable[..., Any], str]:
    """The renderer registered as `name` (see reports.base) and the package that
    registered it, or PluginLoadError."""
    found = [ep for ep in group(FORMATS) if ep.name == name]
    if not found:
        raise PluginLoadError("output format", name, "?", "no such format is registered")
    ep = found[0]
    package = package_of(ep)
    if len(found) > 1:
        others = ", ".join(sorted(package_of(e) for e in found))
        raise PluginLoadError(
            "output format", name, package, f"registered more than once (by {others})"
        )
    try:
        obj = load(ep, package)  # its distribution noted (linter.plugins.foreign)
    except Exception as exc:  # a plugin may raise anything while importing
        raise PluginLoadError(
            "output format", name, package, f"failed to import {ep.value}: {exc!r}"
        ) from exc
    return validate_format(obj, name, package), package


def validate_format(obj: Any, ep_name: str, package: str) -> Callable[..., Any]:
    """Return `obj` if it can be called as `render(result, options)`, else PluginLoadError."""
    if not FORMAT_NAME.match(ep_name):
        raise PluginLoadError(
            "output format", ep_name, package, "expected a lower-case name such as 'sarif'"
        )
    if not callable(obj) or isinstance(obj, type):
        raise PluginLoadError(
            "output format", ep_name, package,
            f"expected a function render(result, options), found {obj!r}",
        )  # fmt: skip
    try:
        inspect.signature(obj).bind(None, None)
    except (TypeError, ValueError) as exc:
        raise PluginLoadError(
            "output format", ep_name, package,
            f"expected a function render(result, options), found one that takes {exc}",
        ) from exc  # fmt: skip
    return obj
