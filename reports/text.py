"""Terminal report: one line per finding, then its evidence indented below.

seeds/000_x.txt:2:377: NU01 [warning] «Tổng thu ...» (năm 2024, mục tiêu) ...
    seeds/000_x.txt:2:377  23/12/2023  «56.000 tỷ đồng»
    seeds/001_y.txt:2:553  14/12/2023  «55.600 tỷ đồng»
"""

from __future__ import annotations

from collections import Counter

from linter.models import RunResult, Severity
from linter.textmap import printable
from reports.base import Rendered, RenderOptions

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def render_text(result: RunResult, colour: bool = False, lang: str = "vi") -> str:
    lines: list[str] = []
    for f in result.findings:
        first = f.evidence[0]
        severity = (
            f"{_COLOURS[f.severity]}{f.severity.value}{_RESET}" if colour else f.severity.value
        )
        where = f"{printable(first.path)}:{first.line}:{first.column}"
        lines.append(f"{where}: {f.code} [{severity}] {printable(f.message)}")
        for ev in f.evidence:
            if not ev.quote:
                continue
            date = ev.document_date.strftime("%d/%m/%Y") if ev.document_date else "??/??/????"
            quote = printable(ev.quote)
            lines.append(f"    {printable(ev.path)}:{ev.line}:{ev.column}  {date}  «{quote}»")
    lines.append(summary_line(result, lang))
    return "\n".join(no_workflow_command(line) for line in lines) + "\n"


# Severities counted in the summary line: Vietnamese nouns have no plural.
_SEVERITY_WORDS = {
    "vi": {Severity.ERROR: ("lỗi",) * 2, Severity.WARNING: ("cảnh báo",) * 2,
           Severity.INFO: ("thông tin",) * 2},
    "en": {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings"),
           Severity.INFO: ("info", "info")},
}  # fmt: skip


def summary_line(result: RunResult, lang: str) -> str:
    """ "Đã đọc 5 văn bản, 0 không đọc được; 3 phát hiện (3 cảnh báo)." or, in English,
    "1 document read, 0 unreadable; 1 finding (1 warning)." (the text report's last
    line, and the GitHub job summary's first)."""
    words = _SEVERITY_WORDS["en" if lang == "en" else "vi"]
    counts = Counter(f.severity for f in result.findings)
    tally = ", ".join(
        f"{counts[s]} {words[s][counts[s] != 1]}" for s in reversed(Severity) if counts[s]
    )
    read, unreadable, found = len(result.documents), len(result.unreadable), len(result.findings)
    if lang == "en":
        return (
            f"{read} document{'s' * (read != 1)} read, {unreadable} unreadable; "
            f"{found} finding{'s' * (found != 1)} ({tally or 'none'})."
        )
    return (
        f"Đã đọc {read} văn bản, {unreadable} không đọc được; "
        f"{found} phát hiện ({tally or 'không có'})."
    )


def no_workflow_command(line: str) -> str:
    """A GitHub runner executes any log line starting with '::' (`::add-mask::`,
    `::error::`...). Only a path can start a line here: './' names the same file."""
    return f"./{line}" if line.startswith("::") else line


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `text` output format (entry point `doichieu.formats: text`)."""
    return Rendered(text=render_text(result, colour=options.colour, lang=options.lang))
