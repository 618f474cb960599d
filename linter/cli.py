"""Command line: `doichieu check | claims | checks` (also `python -m linter`).

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage
errors, malformed data files, or when no document could be read at all.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from linter.engine import Options, engine_infos, run
from linter.errors import DoichieuError, UsageError
from linter.models import RunResult, Severity
from linter.registry import info, load_checks
from reports.json_report import render_claims_json, render_json
from reports.text import render_text

FAIL_ON = {
    "info": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
    "never": None,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="doichieu", description="Find contradictions between official announcements."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="check documents and report contradictions")
    check.add_argument("paths", nargs="+", type=Path, help="files or directories (txt, md, html)")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument(
        "--html", type=Path, metavar="FILE", help="also write a self-contained HTML report"
    )
    check.add_argument("--fail-on", choices=list(FAIL_ON), default="warning")
    check.add_argument("--select", metavar="CODES", help="comma-separated check codes to run")
    check.add_argument("--lang", choices=["vi", "en"], default="vi")
    claims = sub.add_parser("claims", help="print every claim the parser finds")
    claims.add_argument("paths", nargs="+", type=Path)
    claims.add_argument("--format", choices=["text", "json"], default="text")
    sub.add_parser("checks", help="list the installed checks")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"doichieu: error: {exc}", file=sys.stderr)
        return 2
    except DoichieuError as exc:  # malformed data files and the like
        print(f"doichieu: error: {exc}", file=sys.stderr)
        return 2
    except Exception:  # an internal error must not look like "findings" (exit 1)
        traceback.print_exc()
        print("doichieu: internal error; please report the traceback above", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "checks":
        return _list_checks()
    select = (
        {c.strip().upper() for c in args.select.split(",")}
        if getattr(args, "select", None)
        else None
    )
    options = Options(
        select=select, lang=getattr(args, "lang", "vi"), fail_on=getattr(args, "fail_on", "warning")
    )
    result = run(args.paths, options)
    if args.command == "claims":
        _write_stdout(
            render_claims_json(result.claims) if args.format == "json" else _claims_text(result)
        )
        return 0 if result.documents else 2
    if args.format == "json":
        _write_stdout(render_json(result))
    else:
        _write_stdout(render_text(result, colour=sys.stdout.isatty(), lang=options.lang))
    if args.html:
        from reports.html import render_html

        _write_atomic(args.html, render_html(result, lang=options.lang))
    if not result.documents:
        print("doichieu: error: no document could be read", file=sys.stderr)
        return 2
    threshold = FAIL_ON[options.fail_on]
    failing = threshold is not None and any(
        f.severity.rank >= threshold.rank for f in result.findings
    )
    return 1 if failing else 0


def _list_checks() -> int:
    loaded = load_checks()
    rows = [info(c, p) for c, p in loaded.checks] + engine_infos()
    for row in rows:
        print(f"{row.code}  {row.name:<28} {row.severity.value:<8} {row.summary}")
    for error in loaded.errors:
        print(f"doichieu: warning: {error}", file=sys.stderr)
    return 0


def _claims_text(result: RunResult) -> str:
    lines = []
    for path in sorted(result.claims):
        for c in result.claims[path]:
            lines.append(f"{c.span.path}:{c.span.line}:{c.span.column}: {c.kind} «{c.span.quote}»")
    return "\n".join(lines) + ("\n" if lines else "")


def _write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same directory, so a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    umask = os.umask(0)
    os.umask(umask)
    Path(tmp).chmod(0o666 & ~umask)  # mkstemp creates 0600; a report is meant to be shared
    Path(tmp).replace(path)
