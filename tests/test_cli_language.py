"""One language per run: what the engine says, `--help` and the HTML report follow
`--lang` (Vietnamese by default, English with `--lang en`); and a draft piped in
is capped like a file."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from checks.figures import FigureConflict
from conftest import write_corpus
from linter.app.arguments import build_parser
from linter.app.cli import main

GOOD = """---
date: 2023-12-23
province: Quảng Ninh
---
Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.
"""
BAD_DATE = GOOD.replace("date: 2023-12-23", "date: hôm qua")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A readable document, an empty file (DC01), bad front matter (DC02), and an
    unsupported file to name on the command line (DC01)."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"tot.md": GOOD, "rong.txt": "", "ngay.md": BAD_DATE})
    (tmp_path / "bao-cao.odt").write_bytes(b"PK\x03\x04")
    return tmp_path


def test_engine_messages_follow_lang_even_from_the_cache(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache is filled by a Vietnamese run and read by an English one, and the
    other way round: it stores the reason, not the text."""
    args = ("check", "c", "bao-cao.odt", "--cache-dir", "cache", "--select", "NU01")
    vietnamese = [
        "bao-cao.odt:1:1: DC01 [error] định dạng '.odt' không được hỗ trợ: cần một trong "
        ".docx, .html, .htm, .md, .markdown, .pdf, .txt",
        "c/ngay.md:2:1: DC02 [warning] khóa 'date' của front matter: cần một ngày như "
        "2023-12-14, nhưng ghi 'hôm qua'",
        "c/rong.txt:1:1: DC01 [error] tệp rỗng: cần văn bản tiếng Việt",
    ]
    english = [
        "bao-cao.odt:1:1: DC01 [error] unsupported format '.odt': expected one of "
        ".docx, .html, .htm, .md, .markdown, .pdf, .txt",
        "c/ngay.md:2:1: DC02 [warning] front matter key 'date': expected a date like "
        "2023-12-14, found 'hôm qua'",
        "c/rong.txt:1:1: DC01 [error] file is empty: expected Vietnamese text",
    ]
    for lang, expected in (("vi", vietnamese), ("en", english), ("vi", vietnamese)):
        status, out, err = run(capsys, *args, "--lang", lang)
        assert status == 1, err
        assert out.splitlines()[:3] == expected, lang
    assert (corpus / "cache").is_dir()


def test_engine_findings_keep_their_fingerprint_in_both_languages(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A baseline written by a Vietnamese run hides the same findings in an English
    run, and baselines written before the messages were translated stay valid: the
    fingerprint is made of the English text, as it always was."""
    prints = {}
    for lang in ("vi", "en"):
        status, out, _ = run(capsys, "check", "c", "--no-cache", "--format", "json", "--lang", lang)
        assert status == 1
        findings = json.loads(out)["findings"]
        assert all("reason" not in f for f in findings)  # the report's schema is unchanged
        prints[lang] = {f["evidence"][0]["path"]: f["fingerprint"] for f in findings}
    assert prints["vi"] == prints["en"]
    english = "c/rong.txt|file is empty: expected Vietnamese text"
    assert (
        prints["en"]["c/rong.txt"] == hashlib.sha256(f"DC01|||{english}".encode()).hexdigest()[:20]
    )

    status, _, err = run(capsys, "check", "c", "--no-cache", "--write-baseline", "b.json")
    assert status == 0, err
    status, out, _ = run(capsys, "check", "c", "--no-cache", "--baseline", "b.json", "--lang", "en")
    assert status == 0 and "1 unreadable; 0 findings" in out, out


def test_a_draft_on_stdin_is_capped_like_a_file(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only one byte past `max-file-size` is read from stdin (a draft piped in may be
    endless), and the draft is DC01 with the configured cap, as a file draft is."""
    Path("doichieu.toml").write_text("max-file-size = 200\n", encoding="utf-8")
    draft = (GOOD * 3).encode()
    assert len(draft) > 200
    Path("draft.md").write_bytes(draft)
    status, out, _ = run(capsys, "check", "--draft", "draft.md", "c", "--no-cache")
    assert status == 1
    assert out.splitlines()[0] == (
        f"draft.md:1:1: DC01 [error] bỏ qua tệp: {len(draft)} byte, vượt giới hạn 200 byte "
        "(tăng `max-file-size` trong cấu hình để đọc tệp này)"
    )
    stream = io.BytesIO(draft)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    status, out, _ = run(capsys, "check", "--draft", "-", "c", "--no-cache", "--lang", "en")
    assert status == 1
    assert stream.tell() == 201
    assert out.splitlines() == [
        "<stdin>.md:1:1: DC01 [error] input skipped: more than the limit of 200 bytes "
        "(raise `max-file-size` in the configuration to read it)",
        # Unread, the draft has no province: no published document is its context, as
        # none is when the cache holds them (an unreadable one either).
        "0 documents read, 1 unreadable; 1 finding (1 error).",
    ]


def _check_rows(page: str) -> dict[str, str]:
    """Code -> summary, from the checks table of an HTML report."""
    rows = re.findall(r'<tr id="check-(\w+)">.*?<td>([^<]*)</td>\s*</tr>', page, re.DOTALL)
    return dict(rows)


def test_the_html_checks_table_is_in_the_run_language(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("vi", "en"):
        args = ("check", "c", "--no-cache", "--lang", lang, "--html", f"{lang}.html")
        assert run(capsys, *args)[0] == 1
    vi = _check_rows(Path("vi.html").read_text(encoding="utf-8"))
    en = _check_rows(Path("en.html").read_text(encoding="utf-8"))
    assert set(vi) == set(en) >= {"NU01", "VB01", "DC01", "EN02"}
    assert vi["NU01"] == (
        "Cùng một chỉ tiêu, cùng kỳ, trạng thái và phạm vi được nêu với các số liệu không thể "
        "cùng đúng."
    )
    assert vi["DC01"] == "Không đọc được tệp như một văn bản."
    assert en["DC01"] == "A file could not be read as a document."
    assert en["NU01"] == FigureConflict.summary()
    assert not [code for code in vi if vi[code] == en[code]]  # every row is translated


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_help_is_in_vietnamese_by_default_and_in_english_with_lang_en(
    capsys: pytest.CaptureFixture[str],
) -> None:
    vi = _help(capsys, "check", "--help")
    assert vi.startswith("cách dùng: doichieu check [-h] [--format {github,html,json,sarif,text}]")
    assert "\ntùy chọn:\n  -h, --help            in trợ giúp này rồi thoát\n" in vi
    assert "  --select CODES        các mã hoặc tiền tố mã cần chạy, cách nhau bằng dấu\n" in vi
    for asking in (("--lang", "en"), ("--lang=en",), ("--la", "en")):  # abbreviated, as argparse
        en = _help(capsys, "check", *asking, "--help")
        assert en.startswith("usage: doichieu check [-h] [--format {github,html,json,sarif,text}]")
        assert "\noptions:\n  -h, --help            show this help message and exit\n" in en
        assert "  --select CODES        comma-separated codes or prefixes to run\n" in en
    top = _help(capsys, "--lang", "en", "--help")
    assert "  explain             print the documentation of a check or engine code\n" in top
    # The last --lang counts, and after `--` nothing is an option: as argparse reads them.
    assert _help(capsys, "--lang", "en", "explain", "--lang", "vi", "--help").startswith("cách")
    assert _help(capsys, "explain", "--help", "--", "--lang", "en").startswith("cách")


def _helps(parser: argparse.ArgumentParser, where: str = "doichieu") -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for action in parser._actions:
        name = f"{where} {'/'.join(action.option_strings) or action.dest}"
        found[name] = action.help
        if isinstance(action, argparse._SubParsersAction):
            found.update(
                {f"{where} {n}": a.help for a in action._choices_actions for n in [a.dest]}
            )
            for sub, subparser in action.choices.items():
                found.update(_helps(subparser, f"{where} {sub}"))
    return found


def test_every_help_text_is_translated() -> None:
    """The same options in both languages, each with its own text in each (a text
    left in English in the Vietnamese help would be the same in both)."""
    vi, en = _helps(build_parser("vi")), _helps(build_parser("en"))
    assert vi.keys() == en.keys() and len(vi) > 35
    same = {name: en[name] for name in vi if vi[name] == en[name]}
    assert same == {"doichieu command": None}  # the subcommands' list, helped per command


def test_refused_front_matter_and_a_parser_crash_are_said_in_the_run_language(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "c" / "ngay.md").write_text(
        GOOD.replace("province:", "a: &x 1\nb: *x\nprovince:"), encoding="utf-8"
    )
    expected = {
        "vi": "c/ngay.md:4:4: DC02 [warning] front matter: lỗi YAML ở dòng 4: không được dùng "
        "alias YAML ('*name'); cần các dòng 'khóa: giá trị'",
        "en": "c/ngay.md:4:4: DC02 [warning] front matter: YAML error at line 4: YAML aliases "
        "('*name') are not allowed; expected 'key: value' lines",
    }
    for lang, line in expected.items():
        out = run(capsys, "check", "c", "--cache-dir", "cache", "--lang", lang)[1]
        assert line in out.splitlines()

    def crash(*_: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr("linter.engine.parsing.extract_claims", crash)
    expected = {
        "vi": "c/tot.md:1:1: EN01 [error] bộ phân tích bị lỗi trên văn bản này: ValueError('boom')",
        "en": "c/tot.md:1:1: EN01 [error] parser crashed on this document: ValueError('boom')",
    }
    for lang, line in expected.items():
        out = run(capsys, "check", "c", "--no-cache", "--lang", lang)[1]
        assert line in out.splitlines()
