"""Editors' and CI's workflow: draft, changed files, baseline, suppressions, configuration.

Run against real files and a real temporary git repository.
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from conftest import write_corpus
from linter.app.cli import main

A = "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
B = "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n"
C = "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"
DRAFT = "---\ndate: 2023-12-28\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh về chuẩn nghèo đa chiều.\n"


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def _codes(data: dict) -> list[tuple[str, list[str]]]:
    return [(f["code"], [e["path"] for e in f["evidence"]]) for f in data["findings"]]


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B, "c.md": C})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_draft_reports_only_what_involves_it(corpus: Path, capsys) -> None:
    (corpus / "ban-thao.md").write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--draft", "ban-thao.md", "corpus", "--format", "json"]) == 1
    data = _json(capsys)
    assert _codes(data) == [("VB01", ["ban-thao.md", "corpus/c.md"])]  # not a/b's NU01
    # The draft leads (oldest first would put the published c.md first), labelled as the
    # draft, and the message says what the published document says.
    finding = data["findings"][0]
    assert [e["note"] for e in finding["evidence"]] == ["bản thảo: số 13", "số 12"]
    assert finding["message"].endswith(
        " Bản thảo ghi «Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh»; văn bản đã công bố ghi "
        "«Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh» (corpus/c.md, 20/12/2023)."
    )


def test_focused_document_leads_in_english_text_output(corpus: Path, capsys) -> None:
    (corpus / "ban-thao.md").write_text(B.replace("2023-12-14", "2023-12-29"), encoding="utf-8")
    assert main(["check", "--draft", "ban-thao.md", "corpus", "--lang", "en"]) == 1
    first = capsys.readouterr().out.splitlines()[:3]
    assert first[0] == (
        "ban-thao.md:5:52: NU01 [warning] 'State budget revenue' (năm 2024, target) is stated as "
        "55.600 tỷ đồng and 56.000 tỷ đồng: these figures cannot both be right. "
        "The draft says «55.600 tỷ đồng»; the published documents say "
        "«55.600 tỷ đồng» (corpus/b.md, 14/12/2023); «56.000 tỷ đồng» (corpus/a.md, 23/12/2023)."
    )
    assert first[1].startswith("    ban-thao.md:5:52  29/12/2023")
    assert first[2].startswith("    corpus/b.md:5:52  14/12/2023")


def test_draft_without_a_corpus_is_a_usage_error(corpus: Path, capsys) -> None:
    # Checked against nothing, a contradicting draft passed with 0 findings and exit 0.
    (corpus / "ban-thao.md").write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--draft", "ban-thao.md", "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("doichieu: error: --draft needs published documents")
    assert captured.err.count("\n") == 1
    write_corpus(corpus, {"doichieu.toml": 'corpus = ["corpus"]\n'})  # the configured corpus
    assert main(["check", "--draft", "ban-thao.md", "--format", "json"]) == 1
    assert _codes(_json(capsys)) == [("VB01", ["ban-thao.md", "corpus/c.md"])]


def test_draft_from_stdin(corpus: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    assert main(["check", "--draft", "-", "corpus", "--format", "json"]) == 1
    assert _codes(_json(capsys)) == [("VB01", ["<stdin>.md", "corpus/c.md"])]


def test_clean_draft_exits_0(corpus: Path, capsys) -> None:
    (corpus / "ban-thao.md").write_text(A.replace("2023-12-23", "2023-12-29"), encoding="utf-8")
    assert main(["check", "--draft", "ban-thao.md", "corpus"]) == 1  # b.md vs the draft: 55.600
    (corpus / "ban-thao.md").write_text(C.replace("2023-12-20", "2023-12-29"), encoding="utf-8")
    assert main(["check", "--draft", "ban-thao.md", "corpus"]) == 0
    capsys.readouterr()


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_changed_since_in_a_real_repository(corpus: Path, capsys) -> None:
    _git(corpus, "init", "-q", "-b", "main")
    _git(corpus, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "add", ".")
    _git(
        corpus,
        "-c",
        "user.email=t@example.invalid",
        "-c",
        "user.name=t",
        "commit",
        "-qm",
        "published",
    )
    assert main(["check", "corpus", "--changed-since", "HEAD", "--format", "json"]) == 0
    assert _json(capsys)["findings"] == []  # nothing changed: the old NU01 is not reported
    (corpus / "corpus" / "d.md").write_text(DRAFT, encoding="utf-8")  # new, untracked
    assert main(["check", "corpus", "--changed-since", "HEAD", "--format", "json"]) == 1
    data = _json(capsys)
    assert _codes(data) == [("VB01", ["corpus/d.md", "corpus/c.md"])]
    assert data["findings"][0]["evidence"][0]["note"] == "tệp đã thay đổi: số 13"


def _commit_all(repo: Path) -> None:
    ident = ["-c", "user.email=t@example.invalid", "-c", "user.name=t"]
    _git(repo, *ident, "add", ".")
    _git(repo, *ident, "commit", "-qm", "published")


@pytest.mark.parametrize("tracked", [True, False], ids=["modified", "untracked"])
def test_changed_since_finds_files_with_vietnamese_names(corpus: Path, capsys, tracked) -> None:
    # git quotes such names ("Th\303\264ng ...") unless asked for NUL-separated output;
    # a quoted name matched no document and the run passed with 0 findings.
    name = "corpus/Thông cáo số 2.md"
    _git(corpus, "init", "-q", "-b", "main")
    if tracked:
        (corpus / name).write_text(C, encoding="utf-8")
    _commit_all(corpus)
    (corpus / name).write_text(DRAFT, encoding="utf-8")
    assert main(["check", "corpus", "--changed-since", "HEAD", "--format", "json"]) == 1
    assert _codes(_json(capsys)) == [("VB01", [name, "corpus/c.md"])]


def test_changed_since_outside_a_repository_says_so_in_one_line(
    corpus: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent))
    assert main(["check", "corpus", "--changed-since", "HEAD"]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"doichieu: error: --changed-since needs a git repository: {corpus} is not inside one\n"
    )


def test_changed_since_bad_revision_is_a_usage_error(corpus: Path, capsys) -> None:
    _git(corpus, "init", "-q")
    assert main(["check", "corpus", "--changed-since", "no-such-rev"]) == 2
    assert "git diff" in capsys.readouterr().err
    # An option in disguise is never passed to git (it would write --output's file).
    assert main(["check", "corpus", "--changed-since=--output=leak.txt"]) == 2
    assert capsys.readouterr().err == (
        "doichieu: error: --changed-since expects a git revision, found '--output=leak.txt'\n"
    )
    assert not (corpus / "leak.txt").exists()


def test_baseline_hides_known_findings_until_they_change(corpus: Path, capsys) -> None:
    assert main(["check", "corpus", "--write-baseline"]) == 0
    baseline = json.loads((corpus / ".doichieu-baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in baseline["findings"]] == ["NU01"]
    assert main(["check", "corpus", "--baseline", ".doichieu-baseline.json"]) == 0
    # Moving the files and adding text does not resurrect it; a new figure does.
    (corpus / "corpus" / "b.md").write_text(
        B.replace("Chỉ tiêu", "Tin mới.\n\nChỉ tiêu"), encoding="utf-8"
    )
    assert main(["check", "corpus", "--baseline", ".doichieu-baseline.json"]) == 0
    (corpus / "corpus" / "b.md").write_text(B.replace("55.600", "55.700"), encoding="utf-8")
    assert main(["check", "corpus", "--baseline", ".doichieu-baseline.json"]) == 1
    capsys.readouterr()


def test_bad_baseline_is_a_usage_error(corpus: Path, capsys) -> None:
    (corpus / "bl.json").write_text("{}", encoding="utf-8")
    assert main(["check", "corpus", "--baseline", "bl.json"]) == 2
    assert "not a doichieu baseline" in capsys.readouterr().err


@pytest.mark.parametrize(
    "marker",
    ["<!-- doichieu: bỏ qua NU01 -->\n", "<!-- doichieu: ignore NU01 -->\n"],
)
def test_inline_suppression(corpus: Path, capsys, marker: str) -> None:
    (corpus / "corpus" / "b.md").write_text(B + marker, encoding="utf-8")
    assert main(["check", "corpus", "--format", "json"]) == 0
    assert _json(capsys)["findings"] == []


def test_front_matter_suppression_and_unused_ones(corpus: Path, capsys) -> None:
    b = B.replace("province: Quảng Ninh\n", "province: Quảng Ninh\ndoichieu-ignore: [NU01, VB01]\n")
    (corpus / "corpus" / "b.md").write_text(b, encoding="utf-8")
    assert main(["check", "corpus", "--format", "json", "--lang", "en"]) == 0
    en = _json(capsys)["findings"]
    assert [(f["code"], f["severity"], f["message"]) for f in en] == [
        ("DC04", "info", "suppression of VB01 is unused: no VB01 finding involves this document")
    ]
    assert main(["check", "corpus", "--format", "json"]) == 0
    vi = _json(capsys)["findings"]
    assert [f["message"] for f in vi] == [
        "bỏ qua VB01 không còn tác dụng: không có phát hiện VB01 nào liên quan đến văn bản này"
    ]
    assert main(["check", "corpus", "--write-baseline", "--lang", "en"]) == 0
    capsys.readouterr()
    # A baseline written by an English run hides the Vietnamese run's DC04 too.
    assert main(["check", "corpus", "--baseline", ".doichieu-baseline.json"]) == 0
    assert capsys.readouterr().out.endswith("; 0 phát hiện (không có).\n")


def test_html_comment_suppression(corpus: Path, capsys) -> None:
    html = "<html><body><!-- doichieu: bỏ qua NU01 --><p>Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.</p></body></html>"
    (corpus / "corpus" / "b.md").unlink()
    write_corpus(corpus / "corpus", {"b.html": html})
    write_corpus(
        corpus, {"doichieu.toml": '[[metadata]]\npath = "corpus/b.html"\nprovince = "Quảng Ninh"\n'}
    )
    assert main(["check", "corpus", "--format", "json"]) == 0
    assert _json(capsys)["findings"] == []


def test_config_select_severity_and_path_ignores(corpus: Path, capsys) -> None:
    write_corpus(corpus, {"pyproject.toml": '[tool.doichieu]\nseverity = { NU01 = "error" }\n'})
    assert main(["check", "corpus", "--format", "json", "--fail-on", "error"]) == 1
    assert [f["severity"] for f in _json(capsys)["findings"]] == ["error"]
    write_corpus(corpus, {"pyproject.toml": '[tool.doichieu]\nignore = ["NU"]\n'})
    assert main(["check", "corpus"]) == 0
    write_corpus(
        corpus,
        {"pyproject.toml": '[tool.doichieu]\nper-path-ignores = { "corpus/*" = ["NU01"] }\n'},
    )
    assert main(["check", "corpus"]) == 0
    write_corpus(
        corpus,
        {"pyproject.toml": '[tool.doichieu]\nper-path-ignores = { "corpus/a.md" = ["NU01"] }\n'},
    )
    assert main(["check", "corpus"]) == 1  # b.md is not ignored: the finding stays
    capsys.readouterr()


def test_config_tolerance_and_exclude(corpus: Path, capsys) -> None:
    approx = B.replace("đạt 55.600", "khoảng 55.000")
    (corpus / "corpus" / "b.md").write_text(approx, encoding="utf-8")
    assert main(["check", "corpus"]) == 0  # within 5 %
    write_corpus(corpus, {"doichieu.toml": "approx-tolerance = 0.01\n"})
    assert main(["check", "corpus"]) == 1
    write_corpus(corpus, {"doichieu.toml": 'approx-tolerance = 0.01\nexclude = ["corpus/b.md"]\n'})
    assert main(["check", "corpus"]) == 0
    capsys.readouterr()


def test_config_extra_indicator_from_configuration(corpus: Path, capsys) -> None:
    x = "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: đón 3 triệu lượt khách quốc tế.\n"
    y = x.replace("3 triệu", "4 triệu").replace("2023-12-23", "2023-12-24")
    write_corpus(corpus / "corpus", {"x.md": x, "y.md": y})
    assert main(["check", "corpus", "--select", "NU01", "--format", "json"]) == 1
    assert [f["code"] for f in _json(capsys)["findings"]] == ["NU01"]  # the a/b revenue only
    write_corpus(
        corpus,
        {
            "doichieu.toml": '[indicators.intl_visitors]\nlabel = "Khách quốc tế"\nnames = ["đón"]\nafter = ["lượt khách quốc tế"]\n'
        },
    )
    assert main(["check", "corpus", "--select", "NU01", "--format", "json"]) == 1
    assert len(_json(capsys)["findings"]) == 2


def test_config_errors_name_file_and_key(corpus: Path, capsys) -> None:
    write_corpus(corpus, {"doichieu.toml": 'selekt = ["NU"]\n'})
    assert main(["check", "corpus", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "doichieu.toml" in err and "unknown key 'selekt'" in err and "select" in err
    write_corpus(corpus, {"doichieu.toml": 'severity = { NU01 = "fatal" }\n'})
    assert main(["check", "corpus", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "severity.NU01" in err and "'info', 'warning' or 'error'" in err and "'fatal'" in err


def test_exit_zero_and_output_file(corpus: Path, capsys) -> None:
    assert (
        main(["check", "corpus", "--exit-zero", "--format", "json", "--output", "out/r.json"]) == 0
    )
    assert capsys.readouterr().out == ""
    assert [f["code"] for f in json.loads((corpus / "out" / "r.json").read_text())["findings"]] == [
        "NU01"
    ]
    assert (
        main(["check", "corpus", "--output", "out/r.txt"]) == 1
    )  # a file never changes the status


def test_checks_and_explain(corpus: Path, capsys) -> None:
    write_corpus(corpus, {"doichieu.toml": 'ignore = ["VB"]\n'})
    assert main(["checks", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "VB01  citation.number-conflict" in out
        and "disabled" in out.split("VB01")[1].split("\n")[0]
    )
    assert main(["explain", "NU01"]) == 0
    out = capsys.readouterr().out
    assert "Ví dụ mâu thuẫn::" in out and "56.000 tỷ đồng" in out
    assert main(["explain", "ZZ99"]) == 2


def test_pre_commit_hook_runs_batches_against_the_configured_corpus(corpus: Path, capsys) -> None:
    import yaml

    from conftest import REPO

    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["doichieu"]["entry"] == "doichieu check --only"
    assert hooks["doichieu-full"]["pass_filenames"] is False
    write_corpus(corpus, {"doichieu.toml": 'corpus = ["corpus"]\n'})
    # what pre-commit runs for a batch holding only c.md, then one holding b.md
    assert main(["check", "--only", "corpus/c.md", "--format", "json"]) == 0
    assert _json(capsys)["findings"] == []
    assert main(["check", "--only", "corpus/b.md", "--format", "json"]) == 1
    assert _codes(_json(capsys)) == [("NU01", ["corpus/b.md", "corpus/a.md"])]
    assert main(["check"]) == 1  # the full-corpus hook
    capsys.readouterr()


def test_sarif_and_github_formats_from_the_command_line(corpus: Path, capsys, monkeypatch) -> None:
    assert main(["check", "corpus", "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NU01"]
    summary = corpus / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "corpus", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::warning file=corpus/b.md,line=5,col=")
    assert "NU01" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "config", "expected"),
    [
        (
            ["--select", "NU1"],
            None,
            "unknown check code 'NU1' in --select; closest known codes: NU01",
        ),
        (
            ["--select", "N0U1"],
            None,
            "unknown check code 'N0U1' in --select; closest known codes: PN01, NU01, EN01",
        ),
        (
            [],
            'select = ["VB09"]\n',
            "unknown check code 'VB09' in doichieu.toml: select; closest known codes: VB01, VB02, VB03",
        ),
        (
            [],
            'ignore = ["TG02"]\n',
            "unknown check code 'TG02' in doichieu.toml: ignore; closest known codes: TG01",
        ),
        (
            [],
            'severity = { CT1 = "error" }\n',
            "unknown check code 'CT1' in doichieu.toml: severity; closest known codes: CT01",
        ),
    ],
)
def test_unknown_check_code_is_a_usage_error(corpus: Path, capsys, argv, config, expected) -> None:
    # A misspelt code selected no check at all: 0 findings, exit 0.
    if config:
        write_corpus(corpus, {"doichieu.toml": config})
    assert main(["check", "corpus", *argv, "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = captured.err.removesuffix("\n")
    assert "\n" not in line
    assert line.replace(str(corpus) + "/", "") == f"doichieu: error: {expected}"


def test_unknown_code_like_none_lists_every_known_code(corpus: Path, capsys) -> None:
    from linter.checking.registry import known_codes, load_checks

    assert main(["check", "corpus", "--select", "NU01,XY", "--lang", "en"]) == 2
    known = ", ".join(sorted(known_codes(load_checks())))
    assert {"NU01", "VB02", "DC01", "EN02"} <= set(known.split(", "))
    assert capsys.readouterr().err == (
        f"doichieu: error: unknown check code 'XY' in --select; known codes: {known}\n"
    )


def test_codes_and_prefixes_that_exist_are_accepted(corpus: Path, capsys) -> None:
    write_corpus(corpus, {"doichieu.toml": 'select = ["NU", "VB01"]\nignore = ["DC03"]\n'})
    assert main(["check", "corpus", "--select", "nu01"]) == 1
    assert main(["checks"]) == 0
    write_corpus(corpus, {"doichieu.toml": 'ignore = ["NU10"]\n'})
    assert main(["checks"]) == 2
    capsys.readouterr()
