"""Terminal report: one line per finding, then its evidence indented below.

seeds/000_x.txt:2:377: NU01 [warning] «Tổng thu ...» (năm 2024, mục tiêu) ...
    seeds/000_x.txt:2:377  23/12/2023  «56.000 tỷ đồng»
    seeds/001_y.txt:2:553  14/12/2023  «55.600 tỷ đồng»
"""

from __future__ import annotations

from collections import Counter

from linter.models import RunResult, Severity
from linter.textmap import printable

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
    counts = Counter(f.severity for f in result.findings)
    summary = ", ".join(f"{counts[s]} {s.value}" for s in reversed(Severity) if counts[s])
    if lang == "en":
        lines.append(
            f"{len(result.documents)} documents read, {len(result.unreadable)} unreadable; "
            f"{len(result.findings)} findings ({summary or 'none'})."
        )
    else:
        lines.append(
            f"Đã đọc {len(result.documents)} văn bản, {len(result.unreadable)} không đọc được; "
            f"{len(result.findings)} phát hiện ({summary or 'không có'})."
        )
    return "\n".join(no_workflow_command(line) for line in lines) + "\n"


def no_workflow_command(line: str) -> str:
    """A GitHub runner executes any log line starting with '::' (`::add-mask::`,
    `::error::`...). Only a path can start a line here: './' names the same file."""
    return f"./{line}" if line.startswith("::") else line
