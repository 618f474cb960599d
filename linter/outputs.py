"""Turning a run into output: report formats, files written atomically, listings.

The core stops at `RunResult`; this module picks the renderer from reports/
and writes its text, so the CLI stays a thin layer over the engine.
"""

from __future__ import annotations

import inspect
import os
import sys
import tempfile
from pathlib import Path

from linter.checkdocs import examples
from linter.config import Config
from linter.diagnostics import engine_infos
from linter.errors import UsageError
from linter.models import RunResult
from linter.registry import info, load_checks
from reports.json_report import render_claims_json, render_json
from reports.text import render_text

FORMATS = ["text", "json", "sarif", "github"]


def render(result: RunResult, fmt: str, lang: str) -> str:
    if fmt == "json":
        return render_json(result)
    if fmt == "sarif":
        from reports.sarif import render_sarif

        return render_sarif(result)
    if fmt == "github":
        from reports.github import render_github

        annotations, summary = render_github(result)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:  # GitHub shows few annotations per step; the summary has them all
            with Path(summary_file).open("a", encoding="utf-8") as handle:
                handle.write(summary)
        return annotations
    return render_text(result, colour=sys.stdout.isatty(), lang=lang)


def render_claims(result: RunResult, fmt: str) -> str:
    if fmt == "json":
        return render_claims_json(result.claims)
    lines = [
        f"{c.span.path}:{c.span.line}:{c.span.column}: {c.kind} «{c.span.quote}»"
        for path in sorted(result.claims)
        for c in result.claims[path]
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def write_html(result: RunResult, path: Path, lang: str) -> None:
    from reports.html import render_html

    write_atomic(path, render_html(result, lang=lang))


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    umask = os.umask(0)
    os.umask(umask)
    Path(tmp).chmod(0o666 & ~umask)  # mkstemp creates 0600; a report is meant to be shared
    Path(tmp).replace(path)


def list_checks(config: Config) -> int:
    loaded = load_checks()
    for check, package in loaded.checks:
        row = info(check, package)
        state = "enabled" if config.enabled(row.code) else "disabled"
        print(f"{row.code}  {row.name:<28} {row.severity.value:<8} {state:<9} {row.summary}")
    for row in engine_infos():
        print(f"{row.code}  {row.name:<28} {row.severity.value:<8} {'always':<9} {row.summary}")
    for error in loaded.errors:
        print(f"doichieu: warning: {error}", file=sys.stderr)
    return 0


def explain(code: str) -> int:
    """A check's documentation, with its examples: what `doichieu explain CODE` prints."""
    for check, package in load_checks().checks:
        if check.code == code.upper():
            row = info(check, package)
            print(
                f"{row.code} ({row.name}), default severity {row.severity.value}, from {package}\n"
            )
            print(inspect.cleandoc(check.__doc__ or ""))
            return 0 if examples(check) else 1
    known = ", ".join(c.code for c, _ in load_checks().checks)
    raise UsageError(f"unknown check {code!r}; installed checks: {known}")
