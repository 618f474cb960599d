"""What users of ruff, Vale or sqlfluff expect of a command line: --version, usage,
help for every option, explain for every code, statistics, one language per run,
colour only when wanted, a baseline and a pre-commit hook that need no flags."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_corpus
from linter import __version__
from linter.app.arguments import build_parser
from linter.app.cli import main
from linter.diagnostics import ENGINE_CODES

A = "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
B = "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n"
C = "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"
D = "---\ndate: 2023-12-28\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B, "c.md": C})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _doichieu(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        capture_output=True, text=True, cwd=cwd, check=False, timeout=120, env=env,
    )  # fmt: skip


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"doichieu {__version__}\n"


def test_bare_doichieu_prints_usage(capsys) -> None:
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith(
        "cách dùng: doichieu [-h] [--version] [--lang {vi,en}]\n"
        "                    {check,cache,claims,checks,explain,serve} ..."
    )
    assert "kiểm tra các văn bản và báo các chỗ mâu thuẫn" in out
    proc = _doichieu()
    assert (proc.returncode, proc.stdout) == (2, out)


def _options(parser: argparse.ArgumentParser, where: str) -> list[tuple[str, str | None]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _options(sub, f"{where} {name}")
        else:
            found.append((f"{where} {'/'.join(action.option_strings) or action.dest}", action.help))
    return found


def test_every_option_has_help() -> None:
    options = _options(build_parser(), "doichieu")
    assert len(options) > 30
    assert [name for name, text in options if not text] == []


@pytest.mark.parametrize("code", sorted(ENGINE_CODES))
def test_explain_knows_engine_codes(capsys, code: str) -> None:
    assert main(["explain", code.lower(), "--lang", "en"]) == 0
    en = capsys.readouterr().out
    name, severity, summary = ENGINE_CODES[code]
    assert en.startswith(
        f"{code} ({name}), default severity {severity.value}, from the doichieu engine, always on\n\n{summary}\n\n"
    )
    assert main(["explain", code]) == 0
    vi = capsys.readouterr().out
    assert vi.startswith(f"{code} ({name}), mức mặc định ")
    assert vi != en and ", của bộ máy doichieu, luôn bật\n\n" in vi


def test_explain_check_in_both_languages(capsys) -> None:
    assert main(["explain", "VB02"]) == 0
    vi = capsys.readouterr().out
    assert vi.startswith(
        "VB02 (citation.date-conflict), mức mặc định cảnh báo, từ doichieu\n\n"
        "Cùng một văn bản có số hiệu được trích dẫn với ngày hoặc cơ quan ban hành khác nhau.\n\n"
        "The same numbered document is cited with different dates or issuers.\n"
    )
    assert "Ví dụ mâu thuẫn::" in vi
    assert main(["explain", "VB02", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(
        "VB02 (citation.date-conflict), default severity warning, from doichieu\n\n"
        "The same numbered document is cited with different dates or issuers.\n"
    )
    assert main(["explain", "VB09"]) == 2
    assert "unknown code 'VB09'; known codes: " in capsys.readouterr().err


def test_checks_listing_in_both_languages(capsys) -> None:
    assert main(["checks"]) == 0
    vi = capsys.readouterr().out.splitlines()
    assert (
        "VB02  citation.date-conflict       cảnh báo  bật      Cùng một văn bản có số hiệu được trích dẫn với ngày hoặc cơ quan ban hành khác nhau."
        in vi
    )
    assert (
        "DC03  document.no-province         thông tin luôn bật Không xác định được tỉnh; văn bản chỉ được kiểm tra riêng."
        in vi
    )
    assert main(["checks", "--lang", "en"]) == 0
    en = capsys.readouterr().out.splitlines()
    assert (
        "VB02  citation.date-conflict       warning   enabled  The same numbered document is cited with different dates or issuers."
        in en
    )
    assert (
        "DC03  document.no-province         info      always   No province could be inferred; the document is checked alone."
        in en
    )
    assert len(vi) == len(en) >= 12


def test_statistics_count_findings_per_code(corpus: Path, capsys) -> None:
    write_corpus(corpus / "corpus", {"d.md": D, "e.md": A.replace("56.000", "57.000")})
    assert main(["check", "corpus", "--statistics"]) == 1
    vi = capsys.readouterr().out
    assert vi == (
        "    1  NU01  figure.conflict              warning\n"
        "    1  VB01  citation.number-conflict     warning\n"
        "Tổng cộng 2 phát hiện.\n"
    )
    assert main(["check", "corpus", "--statistics", "--lang", "en", "--select", "VB"]) == 1
    assert capsys.readouterr().out.endswith("\n1 finding in total.\n")
    assert main(["check", "corpus", "--statistics", "--format", "json"]) == 2
    assert "--statistics" in capsys.readouterr().err


def test_baseline_set_in_the_configuration(corpus: Path, capsys) -> None:
    write_corpus(corpus, {"doichieu.toml": 'corpus = ["corpus"]\nbaseline = "known.json"\n'})
    assert main(["check"]) == 1
    assert main(["check", "--write-baseline"]) == 0  # written where the configuration says
    assert [e["code"] for e in json.loads((corpus / "known.json").read_text())["findings"]] == [
        "NU01"
    ]
    assert main(["check"]) == 0  # and read from there
    assert main(["check", "--write-baseline"]) == 0  # rewriting keeps the accepted findings
    assert len(json.loads((corpus / "known.json").read_text())["findings"]) == 1
    (corpus / "corpus" / "d.md").write_text(D, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--format", "json"]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["VB01"]


def test_pre_commit_hook_needs_no_configuration(corpus: Path, capsys) -> None:
    # pre-commit runs `doichieu check --only FILES` at the top of the repository.
    (corpus / "corpus" / "d.md").write_text(D, encoding="utf-8")
    assert main(["check", "--only", "corpus/d.md", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["code"], [e["path"] for e in f["evidence"]]) for f in data["findings"]] == [
        ("VB01", ["corpus/d.md", "corpus/c.md"])
    ]


class _Terminal:
    def isatty(self) -> bool:
        return True


class _Pipe:
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    ("env", "terminal", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # set but empty: not a request (no-color.org)
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "0"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_no_color_and_force_color(monkeypatch, env, terminal, expected) -> None:
    from linter.app.check_command import use_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_colour(_Terminal() if terminal else _Pipe()) is expected


def test_force_color_through_a_pipe_and_never_into_a_file(corpus: Path) -> None:
    env = {**os.environ, "FORCE_COLOR": "1", "DOICHIEU_CACHE_DIR": str(corpus / "cache")}
    env.pop("NO_COLOR", None)
    env["PYTHONPATH"] = str(REPO)
    proc = _doichieu("check", "corpus", cwd=corpus, env=env)
    assert proc.returncode == 1
    assert "NU01 [\033[33mwarning\033[0m]" in proc.stdout
    proc = _doichieu("check", "corpus", "--output", "r.txt", cwd=corpus, env=env)
    assert proc.returncode == 1 and "\033[" not in (corpus / "r.txt").read_text(encoding="utf-8")
    env["NO_COLOR"] = "1"
    proc = _doichieu("check", "corpus", cwd=corpus, env=env)
    assert "NU01 [warning]" in proc.stdout and "\033[" not in proc.stdout


@pytest.mark.parametrize(
    ("files", "lang", "expected"),
    [
        ({"a.md": A}, "en", "1 document read, 0 unreadable; 0 findings (none)."),
        ({"a.md": A, "b.md": B}, "en", "2 documents read, 0 unreadable; 1 finding (1 warning)."),
        ({"a.md": A, "b.md": B, "c.md": C, "d.md": D}, "en",
         "4 documents read, 0 unreadable; 2 findings (2 warnings)."),
        ({"a.md": A, "b.md": B}, "vi", "Đã đọc 2 văn bản, 0 không đọc được; 1 phát hiện (1 cảnh báo)."),
    ],
)  # fmt: skip
def test_summary_line_in_the_run_language_with_plurals(
    tmp_path, capsys, files, lang, expected
) -> None:
    write_corpus(tmp_path, files)
    main(["check", str(tmp_path), "--lang", lang])
    assert capsys.readouterr().out.splitlines()[-1] == expected


def test_github_step_summary_in_the_run_language(corpus: Path, capsys, monkeypatch) -> None:
    summary = corpus / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "corpus", "--format", "github"]) == 1
    assert summary.read_text(encoding="utf-8").splitlines()[:5] == [
        "## doichieu",
        "",
        "Đã đọc 3 văn bản, 0 không đọc được; 1 phát hiện (1 cảnh báo).",
        "",
        "| Mức | Mã | Vị trí | Nội dung | Bằng chứng |",
    ]
    summary.unlink()
    assert main(["check", "corpus", "--format", "github", "--lang", "en"]) == 1
    assert summary.read_text(encoding="utf-8").splitlines()[2:5] == [
        "3 documents read, 0 unreadable; 1 finding (1 warning).",
        "",
        "| Severity | Code | Location | Message | Evidence |",
    ]
    capsys.readouterr()
