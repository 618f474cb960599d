"""The parse cache and parallel parsing: same bytes out, whatever happens to the cache."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import SEEDS, write_corpus
from linter.app.cli import main
from linter.engine import checkpool, parsing


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    # 20 documents: the seeds four times, under other folders (other provinces' copies
    # would be linked; these are the same province, so findings repeat per folder)
    for copy in range(4):
        write_corpus(tmp_path / "corpus" / f"batch{copy}", seeds)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", "corpus", "--format", "json", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_warm_run_is_identical_and_served_from_cache(corpus: Path, capsys, monkeypatch) -> None:
    cold = _run(capsys, "--cache-dir", "c")
    assert cold[0] == 1 and (corpus / "c" / "cache.sqlite").is_file()

    def no_parsing(*args: object) -> object:
        raise AssertionError("a warm run must not parse")

    monkeypatch.setattr(parsing, "_parse_file", no_parsing)
    assert _run(capsys, "--cache-dir", "c") == cold


def test_an_edited_file_is_parsed_again(corpus: Path, capsys) -> None:
    _run(capsys, "--cache-dir", "c")
    target = next((corpus / "corpus" / "batch0").glob("001_*.txt"))
    target.write_text(
        target.read_text(encoding="utf-8").replace("55.600", "55.800"), encoding="utf-8"
    )
    warm = _run(capsys, "--cache-dir", "c")
    assert warm == _run(capsys, "--no-cache")
    assert "55.800 tỷ đồng" in warm[1]


DOCUMENTS = {  # a damaged document row: each one a miss, parsed again, never a crash
    "nested-document": "[" * 100_000,  # json's recursion limit, not pydantic's
    "typed-document": '{"path": 1, "original": "", "text": ""}',
    "text-document": "not json",
}


@pytest.mark.parametrize("damage", ["garbage", "foreign", "bad-entry", *DOCUMENTS])
def test_damaged_cache_is_discarded_never_trusted(corpus: Path, capsys, damage: str) -> None:
    reference = _run(capsys, "--no-cache")
    _run(capsys, "--cache-dir", "c")
    path = corpus / "c" / "cache.sqlite"
    if damage == "garbage":
        path.write_bytes(b"\x00not a database" * 100)
    elif damage == "foreign":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
            db.execute("INSERT INTO meta VALUES ('magic', 'someone-else')")
    elif damage in DOCUMENTS:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE entries SET document = ?", (DOCUMENTS[damage],))
    else:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE entries SET claims = '[{\"kind\": 42}]'")
    status, out, err = _run(capsys, "--cache-dir", "c")
    assert (status, out) == reference[:2]
    if damage in ("garbage", "foreign"):
        assert "discarding" in err and "rebuilding" in err
    assert _run(capsys, "--cache-dir", "c")[:2] == reference[:2]  # rebuilt and usable


def test_new_parser_version_invalidates_entries(corpus: Path, capsys, monkeypatch) -> None:
    _run(capsys, "--cache-dir", "c")
    parsed = []
    real = parsing._parse_file
    monkeypatch.setattr(parsing, "_parse_file", lambda task: parsed.append(task) or real(task))
    monkeypatch.setattr("linter.engine.keys.parser_fingerprint", lambda: "another-version")
    _run(capsys, "--cache-dir", "c", "--jobs", "1")
    assert len(parsed) == 20


def test_jobs_do_not_change_a_byte(corpus: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(parsing, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(checkpool, "PARALLEL_DOCUMENTS", 2)  # the checks in workers too
    one = _run(capsys, "--no-cache", "--jobs", "1")
    two = _run(capsys, "--no-cache", "--jobs", "2")
    assert one == two
    # and from a cache, whose claims are validated in the workers
    _run(capsys, "--cache-dir", "c", "--jobs", "2")
    assert (
        _run(capsys, "--cache-dir", "c", "--jobs", "2", "--lang", "en")[1]
        == (_run(capsys, "--no-cache", "--jobs", "1", "--lang", "en")[1])
    )


def test_no_cache_writes_nothing_and_cache_clear(corpus: Path, capsys) -> None:
    _run(capsys, "--no-cache", "--cache-dir", "c")
    assert not (corpus / "c").exists()
    _run(capsys, "--cache-dir", "c")
    assert main(["cache", "clear", "--cache-dir", "c"]) == 0
    assert not (corpus / "c" / "cache.sqlite").exists()
    assert "removed" in capsys.readouterr().out


def test_bad_jobs_is_a_usage_error(corpus: Path, capsys) -> None:
    assert main(["check", "corpus", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_checks_are_indexed_not_pairwise(tmp_path: Path, monkeypatch) -> None:
    """Doubling the corpus (new provinces) doubles the comparisons, not quadruples them."""
    import checks.figures
    from conftest import run_corpus

    calls: list[int] = []
    real = checks.figures.intervals_overlap
    monkeypatch.setattr(
        checks.figures, "intervals_overlap", lambda a, b: calls.append(1) or real(a, b)
    )
    provinces = [
        "Quảng Ninh",
        "Bắc Kạn",
        "Hà Nội",
        "Nghệ An",
        "Lạng Sơn",
        "Hải Phòng",
        "Lào Cai",
        "Bạc Liêu",
    ]

    def corpus_of(n: int) -> dict[str, str]:
        docs = {}
        for i, province in enumerate(provinces[:n]):
            for j in range(3):
                docs[f"{i}_{j}.md"] = (
                    f"---\ndate: 2023-12-{10 + j}\nprovince: {province}\n---\n"
                    f"Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 1.00{j} tỷ đồng; tỷ lệ đô thị hóa đạt trên 50%.\n"
                )
        return docs

    run_corpus(tmp_path / "small", corpus_of(4), select={"NU01"})
    small = len(calls)
    calls.clear()
    run_corpus(tmp_path / "large", corpus_of(8), select={"NU01"})
    assert small > 0 and len(calls) == 2 * small


def test_a_draft_loads_only_its_provinces_from_a_warm_cache(corpus: Path, capsys) -> None:
    draft = corpus / "ban-thao.md"
    draft.write_text(
        "---\ndate: 2023-12-28\nprovince: Quảng Ninh\n---\n"
        "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 57.000 tỷ đồng.\n",
        encoding="utf-8",
    )
    cold = _run(capsys, "--no-cache", "--draft", "ban-thao.md")
    _run(capsys, "--cache-dir", "c")  # warm the cache with the corpus
    warm = _run(capsys, "--cache-dir", "c", "--draft", "ban-thao.md")
    assert warm[0] == cold[0]
    assert json.loads(warm[1])["findings"] == json.loads(cold[1])["findings"]
    documents = [d["path"] for d in json.loads(warm[1])["documents"]]
    assert not [p for p in documents if "003_" in p]  # Bắc Kạn: never compared, never loaded
    assert len(documents) == 1 + 4 * 4  # the draft and the Quảng Ninh seeds of each batch


def test_a_check_crashing_in_a_worker_is_the_same_en01(corpus: Path, capsys, monkeypatch) -> None:
    import checks.figures

    def crash(self, group):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(checks.figures.FigureConflict, "run", crash)
    monkeypatch.setattr(checkpool, "PARALLEL_DOCUMENTS", 2)
    one = _run(capsys, "--no-cache", "--jobs", "1")
    assert one == _run(capsys, "--no-cache", "--jobs", "2")
    assert '"code": "EN01"' in one[1] and "boom" in one[1]
