"""Discover plugins through entry points and validate them: checks, output and document formats.

Built-in plugins are registered in pyproject.toml exactly like a third-party
package's, in three groups:

- `doichieu.checks`: a check that fails to import or is malformed does not stop
  the run: it becomes an EN02 finding that names the entry point and its package.
- `doichieu.formats` (see reports.base): the values of `--format`. Only the one
  asked for is imported; if it is broken, the run stops with one line naming its
  package (exit 2), as no report could be written.
- `doichieu.readers` (see linter.readers): the document formats, by suffix. A
  broken one is left out (its files are then of an unsupported format) and the
  command line warns about it, naming its package.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from linter.checking import CODE, NAME, Check
from linter.diagnostics import ENGINE_CODES
from linter.errors import CheckLoadError, PluginLoadError
from linter.models import CheckInfo, Severity
from linter.readers import Reader

GROUP = "doichieu.checks"
FORMATS = "doichieu.formats"
READERS = "doichieu.readers"
# A format's name is typed on the command line (--format, --draft-format).
_FORMAT_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")
_SUFFIX = re.compile(r"\.[a-z0-9]+\Z")


@dataclass(frozen=True)
class Loaded:
    checks: tuple[tuple[type[Check], str], ...]  # (check, package that registered it)
    errors: tuple[CheckLoadError, ...]


def _package(ep: EntryPoint) -> str:
    return ep.dist.name if ep.dist is not None else "?"


def validate(obj: object, ep_name: str, package: str) -> type[Check]:
    """Return `obj` as a check class, or raise CheckLoadError saying what is wrong."""

    def fail(message: str) -> CheckLoadError:
        return CheckLoadError(ep_name, package, message)

    if not (isinstance(obj, type) and issubclass(obj, Check)):
        raise fail(f"expected a subclass of linter.checking.Check, found {obj!r}")
    code = getattr(obj, "code", None)
    if not isinstance(code, str) or not CODE.match(code):
        raise fail(f"expected a code like 'NU01' (two capitals, two digits), found {code!r}")
    if code != ep_name:
        raise fail(f"the entry point is named {ep_name!r} but the check's code is {code!r}")
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not NAME.match(name):
        raise fail(f"expected a name slug like 'figure.conflict', found {name!r}")
    if not isinstance(getattr(obj, "severity", None), Severity):
        raise fail(f"expected severity to be a linter.models.Severity, found {obj.severity!r}")
    if not obj.summary():
        raise fail("expected a docstring whose first line summarises the check, found none")
    if obj.run is Check.run:
        raise fail("expected a run(group) method, found only the base class's")
    return obj


def load_checks() -> Loaded:
    checks: dict[str, tuple[type[Check], str]] = {}
    errors: list[CheckLoadError] = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        package = _package(ep)
        try:
            check = validate(ep.load(), ep.name, package)
        except CheckLoadError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a plugin may raise anything while importing
            errors.append(CheckLoadError(ep.name, package, f"failed to import {ep.value}: {exc!r}"))
            continue
        if check.code in checks and checks[check.code][0] is not check:
            errors.append(CheckLoadError(ep.name, package, f"code {check.code} is already taken"))
            continue
        checks[check.code] = (check, package)
    return Loaded(tuple(checks[c] for c in sorted(checks)), tuple(errors))


def known_codes(loaded: Loaded) -> frozenset[str]:
    """Codes a user may name: the checks, the engine's own codes, and checks that
    failed to load (their code is right; the plugin is what is broken, and EN02 says so)."""
    broken = {e.entry_point for e in loaded.errors}
    return frozenset({*(c.code for c, _ in loaded.checks), *ENGINE_CODES, *broken})


def info(check: type[Check], package: str = "doichieu") -> CheckInfo:
    return CheckInfo(
        code=check.code,
        name=check.name,
        summary=check.summary(),
        severity=check.severity,
        package=package,
    )


def _group(group: str) -> list[EntryPoint]:
    # Through `metadata`, not the `entry_points` name above, which tests replace for checks.
    return sorted(metadata.entry_points(group=group), key=lambda e: (e.name, e.value))


# --- output formats -------------------------------------------------------------------


def format_names() -> tuple[str, ...]:
    """The values `--format` accepts: every registered output format, without importing any."""
    return tuple(sorted({ep.name for ep in _group(FORMATS)}))


def load_format(name: str) -> tuple[Callable[..., Any], str]:
    """The renderer registered as `name` (see reports.base) and the package that
    registered it, or PluginLoadError."""
    found = [ep for ep in _group(FORMATS) if ep.name == name]
    if not found:
        raise PluginLoadError("output format", name, "?", "no such format is registered")
    ep = found[0]
    package = _package(ep)
    if len(found) > 1:
        others = ", ".join(sorted(_package(e) for e in found))
        raise PluginLoadError(
            "output format", name, package, f"registered more than once (by {others})"
        )
    try:
        obj = ep.load()
    except Exception as exc:  # a plugin may raise anything while importing
        raise PluginLoadError(
            "output format", name, package, f"failed to import {ep.value}: {exc!r}"
        ) from exc
    return validate_format(obj, name, package), package


def validate_format(obj: Any, ep_name: str, package: str) -> Callable[..., Any]:
    """Return `obj` if it can be called as `render(result, options)`, else PluginLoadError."""
    if not _FORMAT_NAME.match(ep_name):
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


# --- document formats -----------------------------------------------------------------


@dataclass(frozen=True)
class Readers:
    readers: tuple[tuple[Reader, str], ...]  # (reader, package that registered it), by name
    errors: tuple[PluginLoadError, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r, _ in self.readers)

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Every suffix read, reader by reader (in the order of their names)."""
        return tuple(s for r, _ in self.readers for s in r.suffixes)

    def for_suffix(self, suffix: str) -> Reader | None:
        return next((r for r, _ in self.readers if suffix.lower() in r.suffixes), None)

    def named(self, name: str) -> Reader | None:
        return next((r for r, _ in self.readers if r.name == name), None)


def validate_reader(obj: object, ep_name: str, package: str) -> Reader:
    """An instance of `obj` if it is a well-formed Reader subclass, else PluginLoadError."""

    def fail(message: str) -> PluginLoadError:
        return PluginLoadError("document format", ep_name, package, message)

    if not (isinstance(obj, type) and issubclass(obj, Reader)):
        raise fail(f"expected a subclass of linter.readers.Reader, found {obj!r}")
    name = getattr(obj, "name", None)
    if name != ep_name:
        raise fail(f"the entry point is named {ep_name!r} but the reader's name is {name!r}")
    if not _FORMAT_NAME.match(ep_name):
        raise fail("expected a lower-case name such as 'docx'")
    suffixes = getattr(obj, "suffixes", None)
    if (
        not isinstance(suffixes, tuple)
        or not suffixes
        or not all(isinstance(s, str) and _SUFFIX.match(s) for s in suffixes)
    ):
        raise fail(f"expected suffixes like ('.md', '.markdown'), found {suffixes!r}")
    if obj.read is Reader.read:
        raise fail("expected a read(data, path, limits) method, found only the base class's")
    return obj()


@cache
def load_readers() -> Readers:
    """The document formats, once per process: every file read asks for its reader."""
    readers: dict[str, tuple[Reader, str]] = {}
    errors: list[PluginLoadError] = []
    for ep in _group(READERS):
        package = _package(ep)
        try:
            reader = validate_reader(ep.load(), ep.name, package)
        except PluginLoadError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a plugin may raise anything while importing
            message = f"failed to import {ep.value}: {exc!r}"
            errors.append(PluginLoadError("document format", ep.name, package, message))
            continue
        taken = {s: other for other, (r, _) in readers.items() for s in r.suffixes}
        clash = sorted(s for s in reader.suffixes if s in taken)
        if reader.name in readers or clash:
            what = f"suffix {clash[0]} is" if clash else f"name {reader.name} is"
            owner = taken[clash[0]] if clash else reader.name
            message = f"{what} already read by {owner!r} from package {readers[owner][1]!r}"
            errors.append(PluginLoadError("document format", ep.name, package, message))
            continue
        readers[reader.name] = (reader, package)
    return Readers(tuple(readers[n] for n in sorted(readers)), tuple(errors))


def hook_pattern(suffixes: tuple[str, ...]) -> str:
    """The `files:` pattern of the pre-commit hook for these suffixes (any letter case,
    as the loader reads them)."""
    names = "|".join(sorted({s.removeprefix(".") for s in suffixes}))
    return rf"(?i)\.({names})$"
