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
from collections.abc import Sequence
from pathlib import Path

from linter import outputs
from linter.cache import clear as clear_cache
from linter.config import load_config
from linter.engine import Options, display_path, run
from linter.errors import DoichieuError, UsageError
from linter.gitdiff import changed_since
from linter.loading import load_text
from linter.models import Severity
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="doichieu", description="Find contradictions between official announcements."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="check documents and report contradictions")
    check.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the configured corpus)"
    )
    check.add_argument("--format", choices=outputs.FORMATS, default="text")
    check.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the report to FILE (atomically)"
    )
    check.add_argument(
        "--html", type=Path, metavar="FILE", help="also write a self-contained HTML report"
    )
    check.add_argument("--fail-on", choices=list(FAIL_ON), default="warning")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 whatever is found")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run")
    check.add_argument("--lang", choices=["vi", "en"], default="vi")
    check.add_argument(
        "--config", type=Path, metavar="FILE", help="doichieu.toml or pyproject.toml"
    )
    check.add_argument(
        "--draft", metavar="FILE", help="report only what involves this draft ('-': stdin)"
    )
    check.add_argument("--draft-format", choices=["md", "txt", "html", "docx"], default="md",
                       help="format of a draft read from stdin")  # fmt: skip
    check.add_argument(
        "--changed-since", metavar="REV", help="report only what involves files changed since REV"
    )
    only_help = "report only what involves these files (pre-commit passes them)"
    check.add_argument("--only", nargs="*", type=Path, metavar="FILE", default=None, help=only_help)
    check.add_argument(
        "--baseline", type=Path, metavar="FILE", help="hide findings recorded in FILE"
    )
    check.add_argument(
        "--write-baseline", nargs="?", type=Path, const=DEFAULT_BASELINE, metavar="FILE",
        help=f"record today's findings (default {DEFAULT_BASELINE})",
    )  # fmt: skip
    check.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="parse with N processes (default: CPUs)"
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR")
    check.add_argument("--verbose", action="store_true", help="timings per phase on stderr")
    cache = sub.add_parser("cache", help="manage the parse cache")
    cache.add_argument("action", choices=["clear"])
    cache.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR")
    claims = sub.add_parser("claims", help="print every claim the parser finds")
    claims.add_argument("paths", nargs="+", type=Path)
    claims.add_argument("--format", choices=["text", "json"], default="text")
    checks = sub.add_parser("checks", help="list the installed checks")
    checks.add_argument("--config", type=Path, metavar="FILE")
    explain = sub.add_parser("explain", help="print a check's documentation and examples")
    explain.add_argument("code")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "checks":
            config = load_config(args.config)
            check_codes(config, None, known_codes(load_checks()))
            return outputs.list_checks(config)
        if args.command == "explain":
            return outputs.explain(args.code)
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
    paths = list(args.paths) or [(config.root or Path.cwd()) / p for p in config.corpus]
    if not paths and args.draft:  # checked against nothing, a draft would always "pass"
        raise UsageError(
            "--draft needs published documents to compare with: name them after the draft "
            "(doichieu check --draft FILE FOLDER) or set `corpus` in the configuration"
        )
    if not paths:
        raise UsageError("no paths given and no `corpus` in the configuration")
    focus, extra = _focus(args, paths)
    select = _codes(args.select) if args.select is not None else None
    baseline = read_baseline(args.baseline) if args.baseline else frozenset()
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
    outputs.emit(outputs.render(result, args.format, options.lang), args.output)
    if args.html:
        outputs.write_html(result, args.html, options.lang)
    if args.write_baseline:
        outputs.write_atomic(args.write_baseline, baseline_text(result.findings))
        print(
            f"doichieu: recorded {len(result.findings)} findings in {args.write_baseline}",
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


def _codes(text: str) -> frozenset[str]:
    """`--select NU01,vb` as codes; an empty list would select nothing, silently."""
    codes = frozenset(c.strip().upper() for c in text.split(",") if c.strip())
    if not codes:
        raise UsageError("--select expects check codes or prefixes, such as NU01,VB")
    return codes


def _focus(args: argparse.Namespace, paths: list[Path]) -> tuple[frozenset[str] | None, list]:
    """The documents a run reports on (None: all), and a draft read from stdin."""
    if args.draft == "-":
        data = sys.stdin.buffer.read()
        draft = load_text(data, f"<stdin>.{args.draft_format}", f".{args.draft_format}")
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


def _relative(path: Path) -> str:
    """The path as the engine shows it, so a focus matches its documents."""
    return display_path(path, Path(os.path.abspath(Path.cwd())))  # noqa: PTH100 - as the engine
