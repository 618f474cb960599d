"""Warm runs decide from file metadata and cached check findings: the same bytes
out, no file read and no check run when nothing changed, and only the edited
file's province checked again after an edit."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SEEDS, real_corpus_or_skip, settle, write_corpus
from linter.app.cli import main
from linter.engine import cache, checkpool, filekeys, held, parsing


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    write_corpus(tmp_path / "corpus", seeds)
    settle(monkeypatch, (tmp_path / "corpus").rglob("*.txt"))  # metadata trusted
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", "corpus", "--format", "json", *args])
    return status, capsys.readouterr().out


def _codes(ran: tuple[int, str]) -> list[str]:
    return [finding["code"] for finding in json.loads(ran[1])["findings"]]


def _provinces_checked(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    checked: list[str | None] = []
    real = checkpool._run_check

    def counting(check, group, settings):  # type: ignore[no-untyped-def]
        checked.append(group.province)
        return real(check, group, settings)

    monkeypatch.setattr(checkpool, "_run_check", counting)
    return checked


def test_nothing_changed_reads_no_file_and_runs_no_check(corpus: Path, capsys, monkeypatch) -> None:
    cold = _run(capsys, "--cache-dir", "c")
    assert cold == _run(capsys, "--no-cache") and cold[0] == 1

    def no_reading(*args: object) -> bytes:
        raise AssertionError("a warm run must not read a file it has seen")

    monkeypatch.setattr(filekeys, "read_regular", no_reading)
    checked = _provinces_checked(monkeypatch)
    assert _run(capsys, "--cache-dir", "c") == cold
    assert checked == []


def test_one_edit_checks_its_province_only(corpus: Path, capsys, monkeypatch) -> None:
    _run(capsys, "--cache-dir", "c")
    target = next((corpus / "corpus").glob("001_*.txt"))  # Quảng Ninh
    target.write_text(
        target.read_text(encoding="utf-8").replace("55.600", "55.800"), encoding="utf-8"
    )
    checked = _provinces_checked(monkeypatch)
    warm = _run(capsys, "--cache-dir", "c")
    assert set(checked) == {"Quảng Ninh"}
    assert "55.800 tỷ đồng" in warm[1]
    assert warm == _run(capsys, "--no-cache")


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(corpus: Path, capsys) -> None:
    _run(capsys, "--cache-dir", "c")
    target = next((corpus / "corpus").glob("001_*.txt"))
    before = target.stat()
    target.write_text(
        target.read_text(encoding="utf-8").replace("55.600", "55.800"), encoding="utf-8"
    )
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would
    assert target.stat().st_size == before.st_size
    warm = _run(capsys, "--cache-dir", "c")
    assert "55.800 tỷ đồng" in warm[1]  # the change time moved: read again


def test_a_file_written_just_now_is_hashed_not_trusted(corpus: Path, capsys, monkeypatch) -> None:
    fresh = corpus / "corpus" / "new.txt"
    fresh.write_text((SEEDS / "001_82f02cea0d5a5bc1.txt").read_text(encoding="utf-8"), "utf-8")
    _run(capsys, "--cache-dir", "c")
    read: list[Path] = []
    real = filekeys.read_regular
    monkeypatch.setattr(filekeys, "read_regular", lambda p, *a: read.append(p) or real(p, *a))
    _run(capsys, "--cache-dir", "c")
    assert [p.name for p in read] == ["new.txt"]  # the others were old enough to trust


def test_cached_findings_follow_the_language_and_settings(corpus: Path, capsys) -> None:
    _run(capsys, "--cache-dir", "c")
    assert _run(capsys, "--cache-dir", "c", "--lang", "en") == _run(
        capsys, "--no-cache", "--lang", "en"
    )
    Path("pyproject.toml").write_text("[tool.doichieu]\napprox-tolerance = 0.2\n", encoding="utf-8")
    assert _run(capsys, "--cache-dir", "c") == _run(capsys, "--no-cache")


def test_claims_are_loaded_only_for_provinces_checked_again(
    corpus: Path, capsys, monkeypatch
) -> None:
    cold = _run(capsys, "--cache-dir", "c")
    with sqlite3.connect(corpus / "c" / "cache.sqlite") as db:  # damaged, never to be trusted
        db.execute("UPDATE entries SET claims = '[{\"kind\": 42}]'")
    loads: list[int] = []
    real = held.Deferred.load
    monkeypatch.setattr(held.Deferred, "load", lambda self: loads.append(1) or real(self))
    assert _run(capsys, "--cache-dir", "c") == cold and loads == []
    # another language: every province is checked again, its damaged claims parsed again
    english = _run(capsys, "--cache-dir", "c", "--lang", "en")
    assert english == _run(capsys, "--no-cache", "--lang", "en")
    assert len(loads) == len(list((corpus / "corpus").glob("*.txt")))


def test_entries_written_a_few_at_a_time_all_arrive(corpus: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cache, "FLUSH_ROWS", 2)  # five documents: three transactions
    cold = _run(capsys, "--cache-dir", "c")
    with sqlite3.connect(corpus / "c" / "cache.sqlite") as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (5,)
    monkeypatch.setattr(parsing, "_parse_file", lambda task: pytest.fail("parsed again"))
    assert _run(capsys, "--cache-dir", "c") == cold


def test_a_draft_is_checked_alone_by_document_checks_and_not_cached(
    corpus: Path, capsys, monkeypatch
) -> None:
    _run(capsys, "--cache-dir", "c")
    seed = next((corpus / "corpus").glob("001_*.txt"))  # Quảng Ninh, 55.600 tỷ đồng
    (corpus / "draft.txt").write_text(
        seed.read_text(encoding="utf-8").replace("55.600", "55.800"), encoding="utf-8"
    )
    seen: list[tuple[str, str, tuple[str, ...]]] = []
    real = checkpool._run_check

    def recording(check, group, settings):  # type: ignore[no-untyped-def]
        seen.append((check.code, check.scope, tuple(i.document.path for i in group.items)))
        return real(check, group, settings)

    monkeypatch.setattr(checkpool, "_run_check", recording)
    put: list[str] = []
    monkeypatch.setattr(cache.Cache, "put_group", lambda self, key, found: put.append(key))
    args = ["check", "--draft", "draft.txt", "corpus", "--format", "json", "--cache-dir", "c"]
    assert main(args) == 1
    report = capsys.readouterr().out
    assert "55.800 tỷ đồng" in report and "55.600 tỷ đồng" in report  # NU01, draft first
    alone = {paths for _, scope, paths in seen if scope == "document"}
    assert alone == {("draft.txt",)}
    assert any(len(paths) > 1 and "draft.txt" in paths for _, s, paths in seen if s == "group")
    assert put == []  # a province's findings with a draft in it are never asked for again


def test_a_province_checked_with_a_summary_not_made_whole_is_not_cached(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """A summary whose whole document is damaged in the cache, and whose file cannot be
    parsed again (gone since it was listed), is checked as it is, without its text:
    real articles (one with a wrong exchange rate, FX01, read from its text) whose
    findings then are wrong, and must not be cached for the runs after."""
    shutil.copytree(real_corpus_or_skip() / "ba-ria-vung-tau", tmp_path / "corpus")
    settle(monkeypatch, (tmp_path / "corpus").rglob("*.txt"))
    monkeypatch.chdir(tmp_path)
    cold = _run(capsys, "--no-cache")
    assert "FX01" in _codes(cold)
    assert _run(capsys, "--cache-dir", "c") == cold
    with sqlite3.connect(tmp_path / "c" / "cache.sqlite") as db:
        db.execute("UPDATE entries SET document = '{\"path\": 1' WHERE summary IS NOT NULL")
        db.execute("DELETE FROM groups")  # every province is checked again
    real = parsing._parse_file
    monkeypatch.setattr(parsing, "_parse_file", lambda task: (None, (), []))  # the file is gone
    assert "FX01" not in _codes(_run(capsys, "--cache-dir", "c"))  # checked without text
    monkeypatch.setattr(parsing, "_parse_file", real)  # back: parsed again, checked whole
    assert _run(capsys, "--cache-dir", "c") == cold
