"""`doichieu check`: the run its options ask for, its reports written, its exit status.

What it reads comes from `linter.app.inputs` (the paths, a draft in a file or
piped in), how it reports from `linter.app.outputs`; what is checked and how is
the engine's (`linter.engine.run`). Exit status as `linter.app.cli` says.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from linter.app import outputs
from linter.app.arguments import DEFAULT_BASELINE, FAIL_ON
from linter.app.inputs import existing, nothing_read, read_stdin, refuse_draft
from linter.engine.config import Config, load_config
from linter.engine.config_errors import Said
from linter.engine.parsing import ParseSettings, default_jobs
from linter.engine.run import Options, run
from linter.engine.suppress import baseline_text, read_baseline
from linter.models import RunResult
from linter.read.listing import display_path
from linter.read.readers import load_readers

# Report formats that never read RunResult.claims: a warm run need not load them.
_NO_CLAIMS = frozenset({"text", "json", "sarif", "github"})


def check(args: argparse.Namespace, freeze: bool = False) -> int:
    """Run `doichieu check` as `args` ask; the exit status. `freeze` when the process
    ends with the run (`Options.freeze`)."""
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
    # No progress where no one watches: no terminal, a closed stream (None), or CI.
    quiet = sys.stderr is None or not sys.stderr.isatty() or bool(os.environ.get("CI"))
    parsing = ParseSettings(
        jobs=jobs, cache_dir=None if args.no_cache else args.cache_dir, progress=not quiet
    )
    options = Options(
        select=select, lang=args.lang, fail_on=args.fail_on, config=config, focus=focus,
        focus_role="draft" if args.draft else "changed", baseline=baseline, parsing=parsing,
        verbose=args.verbose, claims=bool(args.html) or args.format not in _NO_CLAIMS,
        freeze=freeze,
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
        nothing_read(paths, args.lang, config)
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


def use_colour(stream: TextIO | None) -> bool:
    """NO_COLOR (no-color.org) wins, then FORCE_COLOR, then whether `stream` is a terminal
    (None, a stream closed from the start, is none). Either counts when set and not
    empty; FORCE_COLOR=0 or false asks for none."""
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR", "")
    if forced:
        return forced.lower() not in ("0", "false", "no")
    return stream is not None and stream.isatty()


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
        # Imported here: subprocess, which only asking git needs, was 1.5 ms of every run.
        from linter.app.gitdiff import changed_since

        return changed_since(args.changed_since, Path.cwd()), []
    if args.only is not None:
        return frozenset(_relative(p) for p in args.only), []
    return None, []


def _relative(path: Path) -> str:
    """The path as the engine shows it, so a focus matches its documents."""
    return display_path(path, Path(os.path.abspath(Path.cwd())))  # noqa: PTH100 - as the engine
