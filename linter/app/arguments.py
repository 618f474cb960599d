"""The command line's arguments: `build_parser` builds its parser in a language,
`scan_lang` finds that language before anything is parsed.

Every help text is data (linter/data/cli_help.yaml, in Vietnamese and English);
a usage mistake is a `UsageError`, which `linter.app.cli` says in one line with
exit 2, never argparse's own exit. The defaults the commands share (`FAIL_ON`,
the baseline's and the cache's places) are here, where the options name them.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from linter import __version__
from linter.app import outputs
from linter.data import load
from linter.errors import UsageError
from linter.models import Severity
from linter.read.readers import load_readers

FAIL_ON = {
    "info": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
    "never": None,
}
DEFAULT_BASELINE = Path(".doichieu-baseline.json")
DEFAULT_CACHE = Path(os.environ.get("DOICHIEU_CACHE_DIR", ".doichieu_cache"))


class _Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    vi: str
    en: str


@lru_cache(maxsize=1)
def _help_texts() -> dict[str, _Text]:
    """linter/data/cli_help.yaml: every help text of the command line, in both languages."""
    return load("cli_help.yaml", dict[str, _Text])


def _texts(lang: str) -> dict[str, str]:
    # %% in a default path: argparse formats help texts with %.
    defaults = {
        "baseline": str(DEFAULT_BASELINE).replace("%", "%%"),
        "cache": str(DEFAULT_CACHE).replace("%", "%%"),
    }
    return {key: getattr(text, lang).format(**defaults) for key, text in _help_texts().items()}


def scan_lang(argv: Sequence[str]) -> str:
    """The language a command line asks for, before it is parsed: the help is
    written while parsing, so the parser must be built in its language first.
    As argparse does, the last `--lang` counts, abbreviations too (`--la en`),
    and nothing after `--` is an option; an invalid value is argparse's to report."""
    lang = "vi"
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not equals:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        if value in ("vi", "en"):
            lang = value
    return lang


class _Formatter(argparse.HelpFormatter):
    """Help with the usage line's prefix in the run's language."""

    def __init__(self, prog: str, usage_prefix: str = "usage: ") -> None:
        super().__init__(prog)
        self.usage_prefix = usage_prefix

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001
        # argparse passes "" to write a subcommand's prog: only None means "usage: "
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """A usage error is a UsageError (exit 2 with one line), and argparse's own
    words (titles, usage, -h) are in the language of `texts`."""

    def __init__(self, *args: Any, texts: dict[str, str], **kwargs: Any) -> None:
        formatter = partial(_Formatter, usage_prefix=texts["usage"])
        super().__init__(*args, add_help=False, formatter_class=formatter, **kwargs)
        self._positionals.title = texts["positionals"]
        self._optionals.title = texts["optionals"]
        self.add_argument("-h", "--help", action="help", help=texts["help"])

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _version() -> str:
    try:
        return metadata.version("doichieu")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return __version__


class _Version(argparse._VersionAction):
    """--version, the installed version read only when asked: it is in the METADATA
    file, which every run parsed with the email parser (2 ms) to build the parser."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        self.version = f"doichieu {_version()}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    h = _texts("en" if lang == "en" else "vi")
    parser = _Parser(prog="doichieu", description=h["description"], epilog=h["epilog"], texts=h)
    parser.add_argument("--version", action=_Version, help=h["version"])
    _lang_option(parser, lang, h)  # `doichieu --lang en --help`
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=h[name], description=h[name], texts=h)

    check = command("check")
    check.add_argument("paths", nargs="*", type=Path, help=h["check.paths"])
    check.add_argument(
        "--format", choices=outputs.format_names(), default="text", help=h["check.format"]
    )
    check.add_argument("-o", "--output", type=Path, metavar="FILE", help=h["check.output"])
    check.add_argument("--html", type=Path, metavar="FILE", help=h["check.html"])
    check.add_argument(
        "--fail-on", choices=list(FAIL_ON), default="warning", help=h["check.fail-on"]
    )
    check.add_argument("--exit-zero", action="store_true", help=h["check.exit-zero"])
    check.add_argument("--select", metavar="CODES", help=h["check.select"])
    check.add_argument("--statistics", action="store_true", help=h["check.statistics"])
    _lang_option(check, lang, h)
    check.add_argument("--config", type=Path, metavar="FILE", help=h["config"])
    check.add_argument("--draft", metavar="FILE", help=h["check.draft"])
    check.add_argument(
        "--draft-format", choices=load_readers().names, default="md",
        help=h["check.draft-format"],
    )  # fmt: skip
    check.add_argument("--changed-since", metavar="REV", help=h["check.changed-since"])
    check.add_argument(
        "--only", nargs="*", type=Path, metavar="FILE", default=None, help=h["check.only"]
    )
    check.add_argument("--baseline", type=Path, metavar="FILE", help=h["check.baseline"])
    check.add_argument(
        "--write-baseline", nargs="?", type=Path, const=True, metavar="FILE",
        help=h["check.write-baseline"],
    )  # fmt: skip
    check.add_argument("--jobs", type=int, default=None, metavar="N", help=h["check.jobs"])
    check.add_argument("--no-cache", action="store_true", help=h["check.no-cache"])
    _cache_dir_option(check, h)
    check.add_argument("--verbose", action="store_true", help=h["check.verbose"])
    cache = command("cache")
    cache.add_argument("action", choices=["clear"], help=h["cache.action"])
    _cache_dir_option(cache, h)
    claims = command("claims")
    claims.add_argument("paths", nargs="+", type=Path, help=h["claims.paths"])
    claims.add_argument(
        "--format", choices=["text", "json"], default="text", help=h["claims.format"]
    )
    checks = command("checks")
    checks.add_argument("--config", type=Path, metavar="FILE", help=h["config"])
    _lang_option(checks, lang, h)
    explain = command("explain")
    explain.add_argument("code", help=h["explain.code"])
    _lang_option(explain, lang, h)
    serve = command("serve")
    serve.add_argument("paths", nargs="*", type=Path, help=h["serve.paths"])
    serve.add_argument("--host", default="127.0.0.1", help=h["serve.host"])
    serve.add_argument("--port", type=int, default=8765, help=h["serve.port"])
    serve.add_argument("--allow-remote", action="store_true", help=h["serve.allow-remote"])
    serve.add_argument(
        "--time-limit", type=float, default=30.0, metavar="SECONDS", help=h["serve.time-limit"]
    )
    _lang_option(serve, lang, h)
    serve.add_argument("--config", type=Path, metavar="FILE", help=h["config"])
    serve.add_argument("--jobs", type=int, default=None, metavar="N", help=h["check.jobs"])
    serve.add_argument("--no-cache", action="store_true", help=h["check.no-cache"])
    _cache_dir_option(serve, h)
    return parser


def _lang_option(parser: argparse.ArgumentParser, lang: str, h: dict[str, str]) -> None:
    # The default is the language found by scan_lang, which is what --lang says anyway.
    parser.add_argument("--lang", choices=["vi", "en"], default=lang, help=h["lang"])


def _cache_dir_option(parser: argparse.ArgumentParser, h: dict[str, str]) -> None:
    parser.add_argument(
        "--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR", help=h["cache-dir"]
    )
