"""A file's stats row names its entry and that entry's province (cache SCHEMA 7): a
draft's run leaves the documents of other provinces out from that row alone; a cache
of schema 6 is discarded and rebuilt, as any other version's."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import SEEDS, settle, write_corpus
from linter.app.cli import main
from linter.engine import cachefile, filekeys, parsing
from linter.engine.cache import SCHEMA, Cache

NO_PROVINCE = "Thông báo chung: lịch tiếp công dân tuần này không thay đổi.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds (two provinces), and a notice that names none, settled: past the racy
    window, their metadata is trusted; the draft, written after, is not."""
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    write_corpus(tmp_path / "corpus", {**seeds, "notice.txt": NO_PROVINCE})
    settle(monkeypatch, (tmp_path / "corpus").glob("*.txt"))
    draft = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")  # Quảng Ninh
    (tmp_path / "draft.txt").write_text(draft.replace("55.600", "55.800"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", "corpus", "--format", "json", *args]) in (0, 1)
    return capsys.readouterr().out


def _stats(cache: Path) -> list[tuple[str | None, str | None]]:
    """Each stats row's province and its entry's, the entry's province read from the
    entries table (a row whose entry is missing would show None beside its own)."""
    with sqlite3.connect(cache / "cache.sqlite") as db:
        return db.execute(
            "SELECT s.province, e.province FROM stats s LEFT JOIN entries e ON e.key = s.entry"
        ).fetchall()


def test_each_stats_row_names_its_entry_s_province(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remembered by a whole run (each parsed), by one after a file was rewritten with
    the same bytes (read, found in the cache: its province is the cached document's)
    and by a draft's run (the province of a file read is asked of the cache)."""
    _run(capsys, "--cache-dir", "c")
    rows = _stats(corpus / "c")
    assert len(rows) == 6 and all(own == entry for own, entry in rows)
    assert {p for p, _ in rows} == {None, "Bắc Kạn", "Quảng Ninh"}
    for name, step in (("002_*.txt", ()), ("004_*.txt", ("--draft", "draft.txt"))):
        target = next((corpus / "corpus").glob(name))
        target.write_bytes(target.read_bytes())  # a new change time: its row is not found
        settle(monkeypatch, [target])
        draft = corpus / "draft.txt"
        draft.write_bytes(draft.read_bytes())  # written since: still too new
        _run(capsys, "--cache-dir", "c", *step)
        rows = _stats(corpus / "c")
        assert all(own == entry for own, entry in rows)
    assert len(rows) == 6  # a rewritten file's new row replaced its old; the draft is too new


def test_a_draft_reads_nothing_of_another_province(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its stats rows tell the cache's provinces: the documents of Quảng Ninh are read
    from the cache, the others neither read, nor looked up, nor parsed."""
    cold = _run(capsys, "--no-cache", "--draft", "draft.txt")
    _run(capsys, "--cache-dir", "c")
    read: list[str] = []
    real = filekeys.read_regular
    monkeypatch.setattr(filekeys, "read_regular", lambda p, *a: read.append(p.name) or real(p, *a))
    real_parse = parsing._parse_file
    monkeypatch.setattr(parsing, "_parse_file", lambda task: _draft_only(task, real_parse))
    asked: list[object] = []
    real_provinces = Cache.provinces
    monkeypatch.setattr(
        Cache, "provinces", lambda self, keys: asked.append(keys) or real_provinces(self, keys)
    )
    monkeypatch.setattr(Cache, "get_many", _only("Quảng Ninh", Cache.get_many))
    assert _run(capsys, "--cache-dir", "c", "--draft", "draft.txt") == cold
    assert read == ["draft.txt"] and asked == []  # the draft alone: it was written just now
    assert "55.800 tỷ đồng" in cold and "55.600 tỷ đồng" in cold


def _draft_only(task, real):  # type: ignore[no-untyped-def]
    assert task[1] == "draft.txt", f"parsed {task[1]}"
    return real(task)


def _only(province: str, real):  # type: ignore[no-untyped-def]
    """get_many, failing when asked for a document of another province than `province`."""

    def checked(self, keys, *args):  # type: ignore[no-untyped-def]
        found = real(self, keys, *args)
        for doc, _, _ in found.values():
            if doc is not None and doc.path != "draft.txt":
                assert doc.meta.province == province, doc.path
        return found

    return checked


def test_known_tells_the_provinces_asked_for_apart(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    rows = [(b"a", "ea", "Huế"), (b"b", "eb", None), (b"c", "ec", "Đà Nẵng")]
    for row in rows:
        cache.remember(*row)
    cache.commit()
    cache = Cache(tmp_path)
    keys = [b"a", b"b", b"c", b"missing"]
    assert cache.known(keys) == {b"a": "ea", b"b": "eb", b"c": "ec"}
    assert cache.known(keys, {"Huế"}) == {b"a": "ea", b"b": None, b"c": None}
    assert cache.known(keys, {None, "Đà Nẵng"}) == {b"a": None, b"b": "eb", b"c": "ec"}
    assert cache.known(keys[:1], {"Huế", "x'); DROP TABLE stats; --"}) == {b"a": "ea"}
    assert cache.known([b"c"], set()) == {b"c": None}
    more = [(n.to_bytes(2, "big"), f"e{n}", "Huế" if n % 2 else None) for n in range(cachefile.FEW)]
    for row in more:  # enough rows, and keys, to read the table through
        cache.remember(*row)
    cache.commit()
    cache = Cache(tmp_path)
    everyone = [key for key, _, _ in more] + keys
    expected = {key: (entry if province is None else None) for key, entry, province in more}
    assert cache.known(everyone, {None, "Đà Nẵng"}) == {
        **expected,
        b"a": None,
        b"b": "eb",
        b"c": "ec",
    }
    cache.commit()


def test_a_cache_of_schema_6_is_discarded_and_rebuilt(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema change changes the parser's fingerprint too (it hashes linter's code),
    so no entry of an older schema could be found again: its file is discarded with a
    notice, like any other version's, every file parsed again, the same report; the
    next run reads nothing."""
    cold = _run(capsys, "--cache-dir", "c")
    path = corpus / "c" / "cache.sqlite"
    with sqlite3.connect(path) as db:  # as schema 6 left it
        db.execute("DROP TABLE stats")
        db.execute("CREATE TABLE stats (key TEXT PRIMARY KEY, entry TEXT NOT NULL)")
        db.execute("UPDATE meta SET value = '6' WHERE key = 'schema'")
    parsed: list[str] = []
    real_parse = parsing._parse_file
    monkeypatch.setattr(parsing, "_parse_file", lambda t: parsed.append(t[1]) or real_parse(t))
    assert main(["check", "corpus", "--format", "json", "--cache-dir", "c"]) in (0, 1)
    out, err = capsys.readouterr()
    assert out == cold and "discarding" in err and "another program or version" in err
    assert len(parsed) == 6 and "corpus/notice.txt" in parsed
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (
            str(SCHEMA),
        )
    read: list[str] = []
    real = filekeys.read_regular
    monkeypatch.setattr(filekeys, "read_regular", lambda p, *a: read.append(p.name) or real(p, *a))
    assert _run(capsys, "--cache-dir", "c") == cold and read == []
    assert json.loads(cold)["findings"]


def test_select_binds_the_values_of_its_columns(tmp_path: Path) -> None:
    """`chosen` goes before the keys, in one pass as in batches of the index."""
    db = cachefile.connect(tmp_path / "c.sqlite")
    db.execute("CREATE TABLE t (key TEXT PRIMARY KEY, v TEXT)")
    rows = [(f"k{n:03}", "y" if n % 2 else "x") for n in range(cachefile.FEW + 10)]
    db.executemany("INSERT INTO t VALUES (?, ?)", rows)
    column = "CASE WHEN v IN (?) THEN v END"
    expected = [(key, "y" if value == "y" else None) for key, value in rows]
    for keys in ([key for key, _ in rows], ["k001", "k002", "none"]):  # through, by the index
        found = sorted(cachefile.select(db, "t", column, keys, through=True, chosen=("y",)))
        assert found == [row for row in expected if row[0] in keys]
