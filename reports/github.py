"""GitHub Actions output: workflow-command annotations and a job-summary table.

The annotations are the report; the summary is returned beside it, and the caller
appends it to `$GITHUB_STEP_SUMMARY` (this module writes nothing).
Messages quote document text, which is untrusted: every value is escaped so that
it cannot end the annotation early (a newline would start a new workflow command,
e.g. `::add-mask::`) or inject links and HTML into the summary.
"""

from __future__ import annotations

import re

from linter.models import Evidence, Finding, RunResult, Severity
from linter.textmap import printable
from reports.base import Rendered, RenderOptions
from reports.text import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command, as `@actions/core` escapes it, with the
    other control characters (an ANSI escape in a quote) made visible."""
    text = printable(text, keep_whitespace=True)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property: also `:` and `,`, which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _where(ev: Evidence) -> str:
    return f"{ev.path}:{ev.line}:{ev.column}"


def _properties(finding: Finding) -> str:
    props: list[tuple[str, object]] = []
    if finding.evidence:
        ev = finding.evidence[0]
        props.append(("file", ev.path))
        if ev.quote or (ev.line, ev.column) != (1, 1):
            props += [("line", ev.line), ("col", ev.column)]
            props += [("endLine", ev.end_line), ("endColumn", ev.end_column)]
        else:
            props.append(("line", 1))  # the finding is about the whole file
    props.append(("title", f"{finding.code} {finding.name}"))
    return ",".join(f"{key}={escape_property(str(value))}" for key, value in props)


def _annotation_text(finding: Finding) -> str:
    lines = [finding.message]
    lines += [f"{_where(ev)} «{ev.quote}»" for ev in finding.evidence if ev.quote]
    return "\n".join(lines)


def annotation(finding: Finding) -> str:
    command = COMMANDS[finding.severity]
    return f"::{command} {_properties(finding)}::{escape_data(_annotation_text(finding))}"


def render_annotations(result: RunResult, max_annotations: int = 10) -> str:
    # GitHub shows only the first few annotations of a step (10 per severity, 50 per
    # job), so the most severe go first; the summary lists everything.
    ranked = sorted(result.findings, key=lambda f: -f.severity.rank)  # stable within a rank
    shown = ranked[: max(max_annotations, 0)]
    lines = [annotation(f) for f in shown]
    hidden = len(ranked) - len(shown)
    if hidden:
        lines.append(
            f"::notice::{hidden} more doichieu finding(s) not annotated; "
            "see the job summary for all of them."
        )
    return "".join(line + "\n" for line in lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~$@])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def escape_markdown(text: str) -> str:
    """Untrusted text for one table cell: no HTML, no links or emphasis, no `|` that would
    split the cell, no line break that would end the table, no control character (an
    ANSI escape, a bidi override) that would reach the page or a log as such."""
    text = printable(text, keep_whitespace=True)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _NEWLINES.sub("<br>", text)


def _row(finding: Finding) -> str:
    first = finding.evidence[0] if finding.evidence else None
    where = escape_markdown(f"{first.path}:{first.line}") if first else ""
    quotes = "<br>".join(
        escape_markdown(f"{_where(ev)} «{ev.quote}»") for ev in finding.evidence if ev.quote
    )
    cells = [
        finding.severity.value,
        escape_markdown(finding.code),
        where,
        escape_markdown(finding.message),
        quotes,
    ]
    return "| " + " | ".join(cells) + " |"


_HEADERS = {
    "en": "| Severity | Code | Location | Message | Evidence |",
    "vi": "| Mức | Mã | Vị trí | Nội dung | Bằng chứng |",
}


def render_summary(result: RunResult, lang: str = "en") -> str:
    lines = ["## doichieu", "", summary_line(result, lang)]
    if result.findings:
        lines += [
            "",
            _HEADERS["en" if lang == "en" else "vi"],
            "| --- | --- | --- | --- | --- |",
            *(_row(f) for f in result.findings),
        ]
    return "\n".join(lines) + "\n"


def render_github(
    result: RunResult, max_annotations: int = 10, lang: str = "en"
) -> tuple[str, str]:
    """(annotation lines for stdout, Markdown for `$GITHUB_STEP_SUMMARY` in `lang`)."""
    return render_annotations(result, max_annotations), render_summary(result, lang)


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `github` output format: annotations as the report, the table as the job
    summary, which the caller appends to `$GITHUB_STEP_SUMMARY` if it wants to."""
    annotations, summary = render_github(result, lang=options.lang)
    return Rendered(text=annotations, job_summary=summary)
