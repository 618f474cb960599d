"""Exceptions raised by doichieu.

The tree (every exception derives from `DoichieuError`)::

    DoichieuError
    ├── UsageError          bad command-line arguments or paths (exit status 2)
    ├── LoadError           a file could not be read as a document; becomes a finding
    ├── CheckLoadError      a check plugin failed to import or is malformed; becomes a finding
    ├── PluginLoadError     an output or document format plugin is unusable (exit status 2
    │                       when asked for; otherwise a warning)
    ├── LexiconError        a YAML data file (indicators, ...) is malformed (exit status 2)
    └── OutputError         a report or baseline could not be written (exit status 2)

Messages say what was expected, what was found and where.
"""

from __future__ import annotations


class DoichieuError(Exception):
    """Root of every error doichieu raises on purpose."""

    def said(self, lang: str) -> str:
        """The error's line in `lang` ("vi" or "en"): errors with a message of the
        catalogue (`linter.engine.config_errors`) translate it; the others say it
        in English, as they were raised."""
        del lang  # no translation of its own
        return str(self)


class UsageError(DoichieuError):
    """The command line cannot be carried out as given."""


class LoadError(DoichieuError):
    """A file could not be turned into a document."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class CheckLoadError(DoichieuError):
    """A check registered under the `doichieu.checks` entry-point group is unusable."""

    def __init__(self, entry_point: str, package: str, message: str) -> None:
        super().__init__(f"check {entry_point!r} from package {package!r}: {message}")
        self.entry_point = entry_point
        self.package = package
        self.message = message


class PluginLoadError(DoichieuError):
    """An output format (`doichieu.formats`) or a document format (`doichieu.readers`)
    failed to import or is malformed."""

    def __init__(self, kind: str, entry_point: str, package: str, message: str) -> None:
        super().__init__(f"{kind} {entry_point!r} from package {package!r}: {message}")
        self.entry_point = entry_point
        self.package = package
        self.message = message


class LexiconError(DoichieuError):
    """A data file does not have the expected shape."""


class OutputError(DoichieuError):
    """A report, or the baseline, could not be written where it was asked to go."""
