"""GitHub Actions annotations and job summary: escaping of untrusted text, ordering, limits."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_corpus
from linter.models import Evidence, Finding, RunResult, Severity
from reports.github import render_github

ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")

# Two Quảng Ninh releases disagreeing on the 2024 growth target; the quotes hold `,` and
# `%`, and one file name holds `,` and `:`, all of which end a property value unescaped.
GROWTH = {
    "báo cáo, số 1: tỉnh.md": (
        "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\n"
        "Các chỉ tiêu chủ yếu năm 2024: tốc độ tăng trưởng kinh tế (GRDP) đạt 10,5%; "
        "tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
    ),
    "b.md": (
        "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\n"
        "Theo đó, các chỉ tiêu đặt ra trong năm 2024 là tốc độ tăng trưởng kinh tế (GRDP) "
        "đạt 11%; tổng thu NSNN trên địa bàn đạt 56.000 tỷ đồng.\n"
    ),
}


def unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    kind, props, message = match.groups()
    values = dict(item.split("=", 1) for item in props.split(","))
    return kind, {k: unescape(v) for k, v in values.items()}, unescape(message)


def _finding(code: str, severity: Severity, message: str, quote: str = "q") -> Finding:
    ev = Evidence(path="a.md", line=3, column=2, end_line=3, end_column=2 + len(quote), quote=quote)
    return Finding(code=code, name="x.y", severity=severity, message=message, evidence=(ev,))


def _result(*findings: Finding) -> RunResult:
    return RunResult(
        documents=(),
        claims={},
        findings=findings,
        checks=(),
        indicator_labels={},
        settings={},
    )


def test_seed_annotations(seeds_result: RunResult) -> None:
    annotations, summary = render_github(seeds_result)
    lines = annotations.splitlines()
    assert len(lines) == 3
    kind, props, message = parse(lines[0])
    assert kind == "warning"
    assert props == {
        "file": "seeds/001_82f02cea0d5a5bc1.txt",
        "line": "2",
        "col": "553",
        "endLine": "2",
        "endColumn": "567",
        "title": "NU01 figure.conflict",
    }
    assert message.splitlines()[2] == "seeds/000_46a754388d49c070.txt:2:377 «56.000 tỷ đồng»"
    assert summary.count("\n| warning | ") == 3


def test_real_document_with_delimiters_is_escaped(tmp_path: Path) -> None:
    result = run_corpus(tmp_path, GROWTH, select={"NU01"})
    (finding,) = result.findings
    paths = {ev.path for ev in finding.evidence}
    assert "báo cáo, số 1: tỉnh.md" in paths
    annotations, _ = render_github(result)
    (line,) = annotations.splitlines()
    _, props, message = parse(line)
    assert props["file"] == finding.evidence[0].path
    assert "10,5%" in message and "báo cáo, số 1: tỉnh.md" in message
    assert message == "\n".join(
        [finding.message] + [f"{e.path}:{e.line}:{e.column} «{e.quote}»" for e in finding.evidence]
    )
    assert "báo cáo%2C số 1%3A tỉnh.md" in annotations
    assert "10,5%25" in annotations


def test_newline_cannot_start_a_command() -> None:
    hostile = "50%, tăng: 3\r\n::add-mask::x\n%0A"
    finding = _finding("NU01", Severity.ERROR, hostile, quote="a:b,c%\nd")
    annotations, _ = render_github(_result(finding))
    assert annotations.count("\n") == 1  # one line, whatever the text holds
    kind, _, message = parse(annotations.rstrip("\n"))
    assert kind == "error"
    assert message == f"{hostile}\na.md:3:2 «a:b,c%\nd»"
    assert "%250A" in annotations  # a literal "%0A" is not a newline once decoded


def test_most_severe_first_and_truncated() -> None:
    findings = [
        _finding("I1", Severity.INFO, "i1"),
        _finding("W1", Severity.WARNING, "w1"),
        _finding("E1", Severity.ERROR, "e1"),
        _finding("I2", Severity.INFO, "i2"),
        _finding("E2", Severity.ERROR, "e2"),
    ]
    annotations, summary = render_github(_result(*findings), max_annotations=3)
    lines = annotations.splitlines()
    assert [parse(line)[1]["title"] for line in lines[:3]] == ["E1 x.y", "E2 x.y", "W1 x.y"]
    assert [parse(line)[0] for line in lines[:3]] == ["error", "error", "warning"]
    assert lines[3].startswith("::notice::2 more")
    assert len(lines) == 4
    assert all(f"| {code} |" in summary for code in ("I1", "I2", "W1", "E1", "E2"))
    everything, _ = render_github(_result(*findings), max_annotations=10)
    assert len(everything.splitlines()) == 5
    assert parse(everything.splitlines()[-1])[0] == "notice"  # info -> notice


def test_summary_escapes_markdown() -> None:
    finding = _finding(
        "NU01", Severity.WARNING, "a | b\nc <img src=x> [l](http://e) *s*", quote="x|y"
    )
    _, summary = render_github(_result(finding))
    (row,) = [line for line in summary.splitlines() if line.startswith("| warning")]
    assert row.count("|") - row.count("\\|") == 6  # five cells, no extra column
    assert r"a \| b<br>c &lt;img src=x&gt; \[l\]\(http://e\) \*s\*" in row
    assert r"a.md:3:2 «x\|y»" in row
    assert "<img" not in summary


def test_no_findings() -> None:
    annotations, summary = render_github(_result())
    assert annotations == ""
    assert "0 findings (none)" in summary
    assert "|" not in summary
