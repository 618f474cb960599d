"""A warm run reads cached documents as summaries (metadata and front matter, no
text) where its report does not need the text: the texts of 5,000 documents were
most of what a warm run read from its cache. A province checked again reads its
documents whole, and so does every run for a document whose text holds an inline
suppression. The output is the same bytes as a run without a cache."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from conftest import SEEDS, settle, write_corpus
from linter.app.cli import main
from linter.engine import cache, checkpool, held, rows

SUPPRESSED = "\n<!-- doichieu: bỏ qua NU01 -->\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    commented = next(name for name in sorted(seeds) if name.startswith("002_"))
    seeds[commented] += SUPPRESSED
    write_corpus(tmp_path / "corpus", seeds)
    settle(monkeypatch, (tmp_path / "corpus").rglob("*.txt"))  # metadata trusted
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", "corpus", *args])
    return status, capsys.readouterr().out


def _whole(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the cached documents decoded with their text."""
    read: list[str] = []
    real = rows.decode_document

    def recording(raw: str):  # type: ignore[no-untyped-def]
        doc = real(raw)
        if doc.original:
            read.append(doc.path)
        return doc

    for module in (cache, rows):  # a warm run's entries; a province checked again
        monkeypatch.setattr(module, "decode_document", recording)
    return read


def test_texts_are_read_for_suppressions_and_provinces_checked_again(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _run(capsys, "--format", "json", "--no-cache")
    documents = json.loads(cold[1])["documents"]
    commented = next(d["path"] for d in documents if Path(d["path"]).name.startswith("002_"))
    assert _run(capsys, "--format", "json", "--cache-dir", "c") == cold  # fills the cache
    whole = _whole(monkeypatch)
    assert _run(capsys, "--format", "json", "--cache-dir", "c") == cold
    assert whole == [commented]  # every other document came as its summary
    assert _run(capsys, "--format", "text", "--cache-dir", "c") == _run(
        capsys, "--format", "text", "--no-cache"
    )

    edited = next((corpus / "corpus").glob("001_*.txt"))  # Quảng Ninh
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nCác sở, ngành tiếp tục theo dõi.\n", "utf-8"
    )
    whole.clear()
    again = _run(capsys, "--format", "json", "--cache-dir", "c")
    assert again == _run(capsys, "--format", "json", "--no-cache")
    province = {d["path"] for d in documents if d["province"] == "Quảng Ninh"}
    edited_path = f"corpus/{edited.name}"
    assert len(province) > 2 and edited_path in province
    # The edited file is parsed, not read from the cache; the rest of its province
    # is read whole to be checked again, and the commented document for its comment.
    assert sorted(set(whole)) == sorted((province - {edited_path}) | {commented})


def test_a_summary_whose_document_is_damaged_is_parsed_again(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A province checked again reads its summaries' documents back; one whose document
    column is damaged (its summary sound) is parsed again from its file, not checked as
    its empty summary, and those wrong findings are not cached either."""
    cold = _run(capsys, "--format", "json", "--no-cache")
    assert _run(capsys, "--format", "json", "--cache-dir", "c") == cold  # fills the cache
    with closing(sqlite3.connect(corpus / "c" / "cache.sqlite")) as db, db:
        db.execute("UPDATE entries SET document = '{\"path\": 1' WHERE summary IS NOT NULL")
        db.execute("DELETE FROM groups")  # every province is checked again
    checked: list[bool] = []  # whether each document a check was given has its text

    def recording(pairs):  # type: ignore[no-untyped-def]
        whole, complete = held.whole_items(pairs)
        checked.extend(bool(document.text) for document, _ in whole)
        return whole, complete

    monkeypatch.setattr(checkpool, "whole_items", recording)  # checked in this process
    assert _run(capsys, "--format", "json", "--cache-dir", "c") == cold
    assert len(checked) == len(json.loads(cold[1])["documents"]) and all(checked)
    assert _run(capsys, "--format", "json", "--cache-dir", "c") == cold  # nothing wrong cached


def test_a_warm_html_report_shows_the_texts_a_cold_one_shows(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The html report quotes documents' texts: a run writing one must not read
    summaries (the cli asks for claims, and so for whole documents)."""
    _run(capsys, "--html", "cold.html", "--no-cache")
    _run(capsys, "--html", "fill.html", "--cache-dir", "c")
    _run(capsys, "--html", "warm.html", "--cache-dir", "c")
    cold = (corpus / "cold.html").read_text(encoding="utf-8")
    assert (corpus / "fill.html").read_text(encoding="utf-8") == cold
    assert (corpus / "warm.html").read_text(encoding="utf-8") == cold
