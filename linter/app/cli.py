"""Command line: `doichieu check | claims | checks | explain` (also `python -m linter`).

Exit status: 0 when no finding reaches --fail-on (or with --exit-zero), 1 when
one does, 2 for usage or configuration errors, internal errors, or when no
document could be read at all. Writing a report to a file never changes it.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn, TextIO

from pydantic import BaseModel, ConfigDict

from linter import __version__
from linter.app import outputs
from linter.app.gitdiff import changed_since
from linter.app.inputs import Said, existing, read_stdin, refuse_draft, skipped_formats
from linter.checking.registry import known_codes, load_checks
from linter.data import load
from linter.engine.cache import clear as clear_cache
from linter.engine.config import Config, ConfigError, load_config
from linter.engine.parsing import ParseSettings, default_jobs
from linter.engine.policy import check_codes
from linter.engine.run import Options, display_path, run
from linter.engine.suppress import baseline_text, read_baseline
from linter.errors import DoichieuError, UsageError
from linter.models import RunResult, Severity
from linter.read.readers import load_readers

FAIL_ON = {
    "info": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
    "never": None,
}
DEFAULT_BASELINE = Path(".doichieu-baseline.json")
# Report formats that never read RunResult.claims: a warm run need not load them.
_NO_CLAIMS = frozenset({"text", "json", "sarif", "github"})
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = scan_lang(argv)  # what its errors are said in, before it is parsed
    try:
        parser = build_parser(lang)
        if not argv:  # as git and ruff do: the usage, not a one-line complaint
            sys.stdout.write(parser.format_help())
            return 2
        args = parser.parse_args(argv)
        if args.command == "checks":
            config = load_config(args.config)
            loaded = load_checks()
            check_codes(config, None, known_codes(loaded))
            from linter.checking import docs as checkdocs  # its models: 0.05 s of every run

            outputs.emit(checkdocs.listing(loaded, config.enabled, args.lang), None)
            for error in loaded.errors:
                print(f"doichieu: warning: {error}", file=sys.stderr)
            return 0
        if args.command == "serve":  # Starlette and uvicorn are imported only to serve
            from linter.app.serve import main as serve

            return serve(args)
        if args.command == "explain":
            from linter.checking import docs as checkdocs

            outputs.emit(checkdocs.explain(args.code, load_checks(), args.lang), None)
            return 0
        if args.command == "cache":
            removed = clear_cache(args.cache_dir)
            print(f"doichieu: {'removed' if removed else 'no cache in'} {args.cache_dir}")
            return 0
        if args.command == "claims":
            result = run(existing(args.paths), Options())
            _warn_unread(result)
            if not result.documents:
                _nothing_read(args.paths, lang)
            outputs.emit(outputs.render_claims(result, args.format), None)
            return 0
        return _check(args)
    except DoichieuError as exc:  # usage, configuration, malformed data files
        # "error:" stays as it is in every language: scripts and editors look for it.
        message = exc.said(lang) if isinstance(exc, Said | ConfigError) else str(exc)
        print(f"doichieu: error: {message}", file=sys.stderr)
        return 2
    except Exception:  # an internal error must not look like "findings" (exit 1)
        traceback.print_exc()
        print("doichieu: internal error; please report the traceback above", file=sys.stderr)
        return 2


def _warn_unread(result: RunResult) -> None:
    """Why `claims` lists nothing of a file: it could not be read (DC01), or its
    parse crashed (EN01); a listing without it would look like a file of no claim."""
    for finding in result.findings:
        if finding.code in ("DC01", "EN01"):
            where = finding.evidence[0].path
            print(f"doichieu: warning: {where}: {finding.message}", file=sys.stderr)


def _nothing_read(paths: Sequence[Path], lang: str) -> NoReturn:
    """Exit 2, saying why when a folder's files were all of formats not read."""
    notice = skipped_formats(paths, lang)
    if notice:
        print(f"doichieu: notice: {notice}", file=sys.stderr)
    raise Said("no-document")


def _check(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    for error in load_readers().errors:  # its files are then of an unsupported format
        print(f"doichieu: warning: {error}", file=sys.stderr)
    paths = existing(_paths(args, config))
    if args.statistics and args.format != "text":
        raise Said("statistics-format", format=args.format)
    focus, extra = _focus(args, paths, config)
    select = _codes(args.select) if args.select is not None else None
    baseline_file, write_to = _baseline_files(args, config)
    # Writing a baseline records every finding: hiding the known ones would drop them.
    reading = baseline_file is not None and not args.write_baseline
    baseline = read_baseline(baseline_file) if reading else frozenset()
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise Said("jobs-below-one", jobs=str(jobs))
    quiet = not sys.stderr.isatty() or bool(os.environ.get("CI"))
    parsing = ParseSettings(
        jobs=jobs, cache_dir=None if args.no_cache else args.cache_dir, progress=not quiet
    )
    options = Options(
        select=select, lang=args.lang, fail_on=args.fail_on, config=config, focus=focus,
        focus_role="draft" if args.draft else "changed", baseline=baseline, parsing=parsing,
        verbose=args.verbose, claims=bool(args.html) or args.format not in _NO_CLAIMS,
    )  # fmt: skip

    result = run(paths, options, extra=extra)
    if args.statistics:
        outputs.emit(statistics(result, options.lang), args.output)
    else:
        colour = args.output is None and use_colour(sys.stdout)
        rendered = outputs.render(result, args.format, options.lang, colour)
        outputs.emit(rendered.text, args.output)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if rendered.job_summary is not None and summary_file:
            # In GitHub Actions: few annotations show per step; the summary has them all.
            outputs.write_job_summary(rendered.job_summary, Path(summary_file))
    if args.html:
        outputs.write_html(result, args.html, options.lang)
    if args.write_baseline:
        outputs.write_atomic(write_to, baseline_text(result.findings))
        count = len(result.findings)
        print(
            f"doichieu: recorded {count} finding{'s' * (count != 1)} in {write_to}",
            file=sys.stderr,
        )
    if not result.documents and not result.skipped:
        _nothing_read(paths, args.lang)
    threshold = FAIL_ON[options.fail_on]
    failing = threshold is not None and any(
        f.severity.rank >= threshold.rank for f in result.findings
    )
    return 1 if failing and not args.exit_zero and not args.write_baseline else 0


def _paths(args: argparse.Namespace, config: Config) -> list[Path]:
    """The files and folders to read: those named, else the configured corpus."""
    paths = list(args.paths) or [(config.root or Path.cwd()) / p for p in config.corpus]
    if not paths and args.draft:  # checked against nothing, a draft would always "pass"
        raise Said("draft-no-corpus")
    if not paths and (args.only is not None or args.changed_since):
        # Files of a repository are checked against the repository: pre-commit runs
        # hooks at its top, so a hook needs no configuration.
        return [Path()]
    if not paths:
        raise Said("no-paths")
    return paths


def _baseline_files(args: argparse.Namespace, config: Config) -> tuple[Path | None, Path]:
    """The baseline to read (None: none), and where --write-baseline writes.

    `baseline` in the configuration serves both; --baseline FILE overrides it. A
    configured baseline not written yet hides nothing (erring towards showing
    findings), while one named with --baseline must exist."""
    configured = (config.root or Path.cwd()) / config.baseline if config.baseline else None
    read = args.baseline or (configured if configured and configured.exists() else None)
    if isinstance(args.write_baseline, Path):
        return read, args.write_baseline
    return read, args.baseline or configured or DEFAULT_BASELINE


def use_colour(stream: TextIO) -> bool:
    """NO_COLOR (no-color.org) wins, then FORCE_COLOR, then whether `stream` is a terminal.
    Either counts when set and not empty; FORCE_COLOR=0 or false asks for none."""
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR", "")
    if forced:
        return forced.lower() not in ("0", "false", "no")
    return stream.isatty()


def statistics(result: RunResult, lang: str) -> str:
    """`--statistics`: how many findings of each code, most frequent first (as ruff's)."""
    counts = Counter(f.code for f in result.findings)
    finding = {f.code: f for f in result.findings}
    lines = [
        f"{n:>5}  {code}  {finding[code].name:<28} {finding[code].severity.value}"
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    total = len(result.findings)
    if lang == "en":
        lines.append(f"{total} finding{'' if total == 1 else 's'} in total.")
    else:
        lines.append(f"Tổng cộng {total} phát hiện.")
    return "\n".join(lines) + "\n"


def _codes(text: str) -> frozenset[str]:
    """`--select NU01,vb` as codes; an empty list would select nothing, silently."""
    codes = frozenset(c.strip().upper() for c in text.split(",") if c.strip())
    if not codes:
        raise Said("select-empty")
    return codes


def _focus(
    args: argparse.Namespace, paths: list[Path], config: Config
) -> tuple[frozenset[str] | None, list]:
    """The documents a run reports on (None: all), and a draft read from stdin."""
    if args.draft == "-":
        draft = read_stdin(sys.stdin.buffer, args.draft_format, config)
        return frozenset({draft.path}), [draft]
    if args.draft:
        draft_path = Path(args.draft)
        if not draft_path.is_file():
            refuse_draft(draft_path)
        paths.append(draft_path)
        return frozenset({_relative(draft_path)}), []
    if args.changed_since:
        return changed_since(args.changed_since, Path.cwd()), []
    if args.only is not None:
        return frozenset(_relative(p) for p in args.only), []
    return None, []


def _relative(path: Path) -> str:
    """The path as the engine shows it, so a focus matches its documents."""
    return display_path(path, Path(os.path.abspath(Path.cwd())))  # noqa: PTH100 - as the engine
