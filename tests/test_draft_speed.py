"""A draft against a warm cache: the cached claims of its province are read in one
query, not one connection per document, and a draft from stdin finds the places'
tables kept beside the cache instead of building them. The same findings either way."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEEDS, settle, write_corpus
from linter.app.cli import main
from linter.engine import cachefile, held
from linter.metadata import gazetteer

SEED = "001_*.txt"  # Quảng Ninh: the budget target, 55.600 tỷ đồng


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    write_corpus(tmp_path / "corpus", seeds)
    settle(monkeypatch, (tmp_path / "corpus").rglob("*.txt"))  # metadata trusted
    draft = next(SEEDS.glob(SEED)).read_text(encoding="utf-8").replace("55.600", "55.800")
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    gazetteer.keep_in(None)  # as a new process: no table in memory, no file named
    gazetteer.load.cache_clear()
    yield tmp_path
    gazetteer.keep_in(None)
    gazetteer.load.cache_clear()


def _draft(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", "corpus", "--format", "json", "--draft", *args])
    return status, capsys.readouterr().out


def _findings(report: str) -> list[dict[str, object]]:
    return json.loads(report)["findings"]


def test_a_province_s_cached_claims_are_read_in_one_query(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _draft(capsys, "draft.txt", "--no-cache")
    assert cold[0] == 1 and "55.800 tỷ đồng" in cold[1] and "55.600 tỷ đồng" in cold[1]
    assert main(["check", "corpus", "--cache-dir", "c", "--format", "json"]) == 1  # warm it
    capsys.readouterr()
    keys: list[list[str]] = []
    real = cachefile.read_claims

    def counting(path: Path, wanted: list[str]) -> dict[str, str]:
        keys.append(list(wanted))
        return real(path, wanted)

    monkeypatch.setattr(held, "read_claims", counting)  # where Deferred reads them
    loads: list[int] = []
    load = held.Deferred.load
    monkeypatch.setattr(held.Deferred, "load", lambda self: loads.append(1) or load(self))
    warm = _draft(capsys, "draft.txt", "--cache-dir", "c")
    # The same findings; the documents listed are the province's only (the rest unread).
    assert warm[0] == 1 and _findings(warm[1]) == _findings(cold[1])
    assert len(keys) == 1 and len(keys[0]) == len(loads) > 1  # one query, every document


def test_a_draft_from_stdin_reads_the_kept_places(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (corpus / "draft.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    built = _draft(capsys, "-", "--draft-format", "txt", "--no-cache")
    assert built[0] == 1 and "55.800 tỷ đồng" in built[1]
    gazetteer.load.cache_clear()  # a new process, which keeps the tables in its cache
    assert main(["check", "corpus", "--cache-dir", "c", "--format", "json"]) == 1  # keeps them
    capsys.readouterr()
    gazetteer.keep_in(None)  # a new process again
    gazetteer.load.cache_clear()
    monkeypatch.setattr(gazetteer, "_build", lambda: pytest.fail("tables built, not read"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    kept = _draft(capsys, "-", "--draft-format", "txt", "--cache-dir", "c")
    assert kept[0] == 1 and _findings(kept[1]) == _findings(built[1])
