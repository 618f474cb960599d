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
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, TextIO

from linter import __version__, checkdocs, frontmatter, outputs
from linter.cache import clear as clear_cache
from linter.config import Config, load_config
from linter.engine import Options, display_path, run
from linter.errors import DoichieuError, UsageError
from linter.gitdiff import changed_since
from linter.loading import LoadResult, load_text
from linter.models import RunResult, Severity
from linter.parsing import ParseSettings, default_jobs
from linter.policy import check_codes
from linter.registry import known_codes, load_checks
from linter.suppress import baseline_text, read_baseline

FAIL_ON = {
    "info": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
    "never": None,
}
DEFAULT_BASELINE = Path(".doichieu-baseline.json")
DEFAULT_CACHE = Path(os.environ.get("DOICHIEU_CACHE_DIR", ".doichieu_cache"))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _version() -> str:
    try:
        return metadata.version("doichieu")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="doichieu",
        description="Find contradictions between official Vietnamese announcements.",
        epilog="Run 'doichieu COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"doichieu {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="check documents and report contradictions")
    check.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the configured corpus)"
    )
    check.add_argument(
        "--format", choices=outputs.FORMATS, default="text", help="report format (default: text)"
    )
    check.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the report to FILE (atomically)"
    )
    check.add_argument(
        "--html", type=Path, metavar="FILE", help="also write a self-contained HTML report"
    )
    check.add_argument(
        "--fail-on", choices=list(FAIL_ON), default="warning",
        help="exit 1 when a finding has at least this severity (default: warning)",
    )  # fmt: skip
    check.add_argument("--exit-zero", action="store_true", help="exit 0 whatever is found")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run")
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per code instead"
    )
    _lang_option(check)
    check.add_argument(
        "--config", type=Path, metavar="FILE", help="doichieu.toml or pyproject.toml"
    )
    check.add_argument(
        "--draft", metavar="FILE", help="report only what involves this draft ('-': stdin)"
    )
    check.add_argument("--draft-format", choices=["md", "txt", "html", "docx"], default="md",
                       help="format of a draft read from stdin (default: md)")  # fmt: skip
    check.add_argument(
        "--changed-since", metavar="REV", help="report only what involves files changed since REV"
    )
    only_help = "report only what involves these files (pre-commit passes them)"
    check.add_argument("--only", nargs="*", type=Path, metavar="FILE", default=None, help=only_help)
    check.add_argument(
        "--baseline", type=Path, metavar="FILE",
        help="hide findings recorded in FILE (default: `baseline` in the configuration)",
    )  # fmt: skip
    check.add_argument(
        "--write-baseline", nargs="?", type=Path, const=True, metavar="FILE",
        help=f"record today's findings (default: the configured baseline, or {DEFAULT_BASELINE})",
    )  # fmt: skip
    check.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="parse with N processes (default: CPUs)"
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    _cache_dir_option(check)
    check.add_argument("--verbose", action="store_true", help="timings per phase on stderr")
    cache = sub.add_parser("cache", help="manage the parse cache")
    cache.add_argument("action", choices=["clear"], help="clear: remove the cache")
    _cache_dir_option(cache)
    claims = sub.add_parser("claims", help="print every claim the parser finds")
    claims.add_argument("paths", nargs="+", type=Path, help="files or folders")
    claims.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    checks = sub.add_parser("checks", help="list the installed checks and engine codes")
    checks.add_argument(
        "--config", type=Path, metavar="FILE", help="doichieu.toml or pyproject.toml"
    )
    _lang_option(checks)
    explain = sub.add_parser("explain", help="print the documentation of a check or engine code")
    explain.add_argument("code", help="a check code (NU01) or an engine code (DC01, EN01)")
    _lang_option(explain)
    return parser


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=["vi", "en"], default="vi",
        help="language of messages and listings: vi (default) or en",
    )  # fmt: skip


def _cache_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR",
        help=f"where parsed documents are cached (default: {DEFAULT_CACHE}, "
        "or $DOICHIEU_CACHE_DIR)",
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        parser = build_parser()
        if not argv:  # as git and ruff do: the usage, not a one-line complaint
            sys.stdout.write(parser.format_help())
            return 2
        args = parser.parse_args(argv)
        if args.command == "checks":
            config = load_config(args.config)
            loaded = load_checks()
            check_codes(config, None, known_codes(loaded))
            outputs.emit(checkdocs.listing(loaded, config, args.lang), None)
            for error in loaded.errors:
                print(f"doichieu: warning: {error}", file=sys.stderr)
            return 0
        if args.command == "explain":
            outputs.emit(checkdocs.explain(args.code, load_checks(), args.lang), None)
            return 0
        if args.command == "cache":
            removed = clear_cache(args.cache_dir)
            print(f"doichieu: {'removed' if removed else 'no cache in'} {args.cache_dir}")
            return 0
        if args.command == "claims":
            result = run(args.paths, Options())
            outputs.emit(outputs.render_claims(result, args.format), None)
            return 0 if result.documents else 2
        return _check(args)
    except DoichieuError as exc:  # usage, configuration, malformed data files
        print(f"doichieu: error: {exc}", file=sys.stderr)
        return 2
    except Exception:  # an internal error must not look like "findings" (exit 1)
        traceback.print_exc()
        print("doichieu: internal error; please report the traceback above", file=sys.stderr)
        return 2


def _check(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    paths = _paths(args, config)
    if args.statistics and args.format != "text":
        raise UsageError(f"--statistics is a text report; it cannot be --format {args.format}")
    focus, extra = _focus(args, paths, config)
    select = _codes(args.select) if args.select is not None else None
    baseline_file, write_to = _baseline_files(args, config)
    # Writing a baseline records every finding: hiding the known ones would drop them.
    reading = baseline_file is not None and not args.write_baseline
    baseline = read_baseline(baseline_file) if reading else frozenset()
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError(f"--jobs expects a number of processes of at least 1, found {jobs}")
    quiet = not sys.stderr.isatty() or bool(os.environ.get("CI"))
    parsing = ParseSettings(
        jobs=jobs, cache_dir=None if args.no_cache else args.cache_dir, progress=not quiet
    )
    options = Options(
        select=select, lang=args.lang, fail_on=args.fail_on, config=config, focus=focus,
        focus_role="draft" if args.draft else "changed", baseline=baseline, parsing=parsing,
        verbose=args.verbose,
    )  # fmt: skip

    result = run(paths, options, extra=extra)
    if args.statistics:
        outputs.emit(statistics(result, options.lang), args.output)
    else:
        colour = args.output is None and use_colour(sys.stdout)
        outputs.emit(outputs.render(result, args.format, options.lang, colour), args.output)
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
        print("doichieu: error: no document could be read", file=sys.stderr)
        return 2
    threshold = FAIL_ON[options.fail_on]
    failing = threshold is not None and any(
        f.severity.rank >= threshold.rank for f in result.findings
    )
    return 1 if failing and not args.exit_zero and not args.write_baseline else 0


def _paths(args: argparse.Namespace, config: Config) -> list[Path]:
    """The files and folders to read: those named, else the configured corpus."""
    paths = list(args.paths) or [(config.root or Path.cwd()) / p for p in config.corpus]
    if not paths and args.draft:  # checked against nothing, a draft would always "pass"
        raise UsageError(
            "--draft needs published documents to compare with: list them after the draft "
            "(doichieu check --draft FILE FOLDER) or set `corpus` in the configuration"
        )
    if not paths and (args.only is not None or args.changed_since):
        # Files of a repository are checked against the repository: pre-commit runs
        # hooks at its top, so a hook needs no configuration.
        return [Path()]
    if not paths:
        raise UsageError("no paths given and no `corpus` in the configuration")
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
        raise UsageError("--select expects check codes or prefixes, such as NU01,VB")
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
            raise UsageError(f"draft {draft_path} not found")
        paths.append(draft_path)
        return frozenset({_relative(draft_path)}), []
    if args.changed_since:
        return changed_since(args.changed_since, Path.cwd()), []
    if args.only is not None:
        return frozenset(_relative(p) for p in args.only), []
    return None, []


def read_stdin(stream: BinaryIO, suffix: str, config: Config) -> LoadResult:
    """A draft piped in, capped like a file: at most one byte more than the cap is
    read, so an endless or huge stream is refused (DC01) without being held in memory."""
    cap = config.max_file_size
    data = stream.read(cap + 1)
    shown = f"<stdin>.{suffix}"
    if len(data) > cap:
        problem = frontmatter.problem("stdin-too-big", limit=cap)
        return LoadResult(path=shown, document=None, problems=(problem,))
    return load_text(data, shown, f".{suffix}", cap, config.max_docx_inflated_size)


def _relative(path: Path) -> str:
    """The path as the engine shows it, so a focus matches its documents."""
    return display_path(path, Path(os.path.abspath(Path.cwd())))  # noqa: PTH100 - as the engine
