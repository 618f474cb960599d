"""The cache stays bounded (`linter.engine.prune`): real runs on the seeds, whose rows
are counted after each edit, after a run with other settings, and after a parser
upgrade; and what stays the same: the report, and a warm run that parses nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cacheruns import rows, watch

from conftest import SEEDS, settle, write_corpus
from linter.app.cli import main
from linter.engine import filekeys, keys, prune
from linter.engine.cache import Cache

TARGET = "001_82f02cea0d5a5bc1.txt"  # Quảng Ninh: "55.600 tỷ đồng", against 002's
# Two paragraphs of news2017 (long-an/mz-22634114, dong-nai/mz-22377047) that name no
# province: each document is a group of its own (DC03), and one's edit replaces only
# its own findings (review s9 item 1: they shared a key's first half and replaced each
# other at every run).
ALONE = {
    "hai.txt": "Ngày 28/6/2017, Công ty Cổ phần Nông dược HAI đã tổ chức thành công Đại hội"
    " đồng Cổ đông thường niên năm 2017. Với việc thông qua tất cả các nội dung quan trọng,"
    " trong năm 2017, công ty đặt kế hoạch doanh thu ở mức 1,615 tỷ đồng, lợi nhuận trước"
    " thuế 105 tỷ đồng, dự kiến trả cổ tức tối thiểu 5%.\n",
    "bhs.txt": "Ngày 26/5, ĐHCĐ bất thường niên độ 2016-2017 CTCP Đường Biên Hòa (Mã CK: BHS)"
    " thông qua phương án hoán đổi toàn bộ cổ phiếu đang lưu hành theo Hợp đồng sáp nhập,"
    " để nhận cổ phiếu của CTCP Mía đường Thành Thành Công Tây Ninh (Mã CK: SBT) và hủy"
    " niêm yết cổ phiếu.\n",
}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The five seeds (two provinces), settled: their metadata is trusted."""
    write_corpus(tmp_path / "corpus", {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")})
    settle(monkeypatch, (tmp_path / "corpus").glob("*.txt"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", "corpus", "--format", "json", *args]) in (0, 1)
    return capsys.readouterr().out


def _edit(path: Path, figure: str, was: str = "55.600") -> None:
    text = path.read_text(encoding="utf-8")
    assert was in text
    path.write_text(text.replace(was, figure), encoding="utf-8")


# Five files, five entries and stats rows; the groups of the two provinces (Quảng Ninh,
# Bắc Kạn); no features (only a draft's run keeps them); one parser version.
COLD = (5, 5, 2, 0, 1)
WITH_ALONE = (7, 7, 4, 0, 1)  # and ALONE's two files, each its own group


@pytest.mark.parametrize("settled", [True, False], ids=["settled", "racy"])
def test_edits_replace_their_rows(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, settled: bool
) -> None:
    """Each edit of a file replaces its entry, its stats row and its group's findings
    (its province's, or its own with no province): the counts stay flat. Racy (as a
    CI checkout, every file just written, none remembered by its metadata), its entry
    still replaces the old; its stats row waits for a run once it settles. The report
    is a cold run's, and the next run parses nothing and checks nothing."""
    write_corpus(corpus / "corpus", ALONE)
    settle(monkeypatch, (corpus / "corpus").glob("*.txt"))
    _run(capsys, "--cache-dir", "c")
    assert rows(corpus / "c") == WITH_ALONE
    target, alone = corpus / "corpus" / TARGET, corpus / "corpus" / "hai.txt"
    edits = (("55.600", "55.700", "105"), ("55.700", "55.800", "106"), ("55.800", "55.900", "107"))
    for was, figure, profit in edits:
        _edit(target, figure, was)
        _edit(alone, f"{int(profit) + 1} tỷ", f"{profit} tỷ")
        if settled:
            settle(monkeypatch, [target, alone])
        parsed, checked = watch(monkeypatch)
        warm = _run(capsys, "--cache-dir", "c")
        assert sorted(parsed) == [f"corpus/{TARGET}", "corpus/hai.txt"]
        assert set(checked) == {"Quảng Ninh", None}
        assert rows(corpus / "c") == WITH_ALONE
        assert f"{figure} tỷ đồng" in warm
    assert warm == _run(capsys, "--no-cache")
    settle(monkeypatch, [target, alone])
    parsed, checked = watch(monkeypatch)
    assert _run(capsys, "--cache-dir", "c") == warm and (parsed, checked) == ([], [])
    assert rows(corpus / "c") == WITH_ALONE  # racy: its stats row replaced once settled
    parsed, checked = watch(monkeypatch)
    assert _run(capsys, "--cache-dir", "c") == warm and (parsed, checked) == ([], [])


def test_runs_with_other_settings_keep_each_other_s_rows(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another configuration that changes parsing (a file size cap) and another language
    share the folder: an edit under one replaces only its own rows, and each then runs
    warm after the other, parsing nothing and checking nothing."""
    (corpus / "other").mkdir()
    (corpus / "other" / "pyproject.toml").write_text(
        "[tool.doichieu]\nmax-file-size = 4_000_000\n", encoding="utf-8"
    )
    other = ("--config", "other/pyproject.toml")
    runs = [(), other, ("--lang", "en")]
    for args in runs:
        _run(capsys, "--cache-dir", "c", *args)
    # entries and stats: two configurations; groups: three settings (the language too)
    assert rows(corpus / "c") == (10, 10, 6, 0, 1)
    _edit(corpus / "corpus" / TARGET, "55.800")
    settle(monkeypatch, [corpus / "corpus" / TARGET])
    # The other configuration, the default, the other again (nothing left to do), and
    # the language (the default's entries, its own findings): each run exactly.
    qn = {"Quảng Ninh"}
    edited = ([TARGET], qn), ([TARGET], qn), ([], set()), ([], qn)
    for args, (parses, provinces) in zip([other, *runs], edited, strict=True):
        parsed, checked = watch(monkeypatch)  # only what the edit changed, in each setting
        _run(capsys, "--cache-dir", "c", *args)
        assert parsed == [f"corpus/{n}" for n in parses] and set(checked) == provinces
    assert rows(corpus / "c") == (10, 10, 6, 0, 1)
    for args in [*runs, *runs]:
        parsed, checked = watch(monkeypatch)
        out = _run(capsys, "--cache-dir", "c", *args)
        assert (parsed, checked) == ([], [])
        assert out == _run(capsys, "--no-cache", *args)


def test_a_removed_file_keeps_its_rows_and_comes_back_unparsed(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decided: a removed file's entry and stats row stay (bounded by the files ever
    seen, gone with their parser version); its province's findings are replaced. Put
    back (a new inode and change time, as `git checkout` writes it), it is read and
    hashed, not parsed."""
    cold = _run(capsys, "--cache-dir", "c")
    target = corpus / "corpus" / TARGET
    content = target.read_bytes()
    target.unlink()
    without = _run(capsys, "--cache-dir", "c")
    assert "55.600" not in without and rows(corpus / "c") == COLD
    target.write_bytes(content)
    settle(monkeypatch, [target])
    parsed, _ = watch(monkeypatch)
    read: list[str] = []
    real = filekeys.read_regular
    monkeypatch.setattr(filekeys, "read_regular", lambda p, *a: read.append(p.name) or real(p, *a))
    assert _run(capsys, "--cache-dir", "c") == cold
    assert (parsed, read) == ([], [TARGET])
    assert rows(corpus / "c") == COLD  # its new stats row replaced the old


def test_rows_of_parser_versions_before_the_last_two_are_removed(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade keeps the version before it (two installs sharing a folder do not
    parse again after each other); a second upgrade removes the first's rows."""
    cold = _run(capsys, "--cache-dir", "c")
    for version, counts in (("v2", (10, 10, 4, 0, 2)), ("v3", (10, 10, 4, 0, 2))):
        monkeypatch.setattr(keys, "parser_fingerprint", lambda v=version: v)
        monkeypatch.setattr(prune, "parser_fingerprint", lambda v=version: v)
        assert _run(capsys, "--cache-dir", "c") == cold
        assert rows(corpus / "c") == counts
    with sqlite3.connect(corpus / "c" / "cache.sqlite") as db:
        assert db.execute("SELECT parser FROM versions ORDER BY used").fetchall() == [
            ("v2",),
            ("v3",),
        ]
        assert db.execute("SELECT DISTINCT version FROM entries ORDER BY 1").fetchall() == [
            (2,),
            (3,),
        ]
    for version in ("v2", "v3"):  # each warm after the other
        monkeypatch.setattr(keys, "parser_fingerprint", lambda v=version: v)
        monkeypatch.setattr(prune, "parser_fingerprint", lambda v=version: v)
        parsed, checked = watch(monkeypatch)
        assert _run(capsys, "--cache-dir", "c") == cold and (parsed, checked) == ([], [])


def test_a_version_retired_while_its_run_writes_loses_no_later_row(tmp_path: Path, monkeypatch):
    """Three versions writing one cache at once: the first is retired between two writes
    of its run, whose later rows come under a new id, and retire the next oldest."""
    row = (None, None, "[]", "[]", None)
    caches = {v: Cache(tmp_path) for v in ("a", "b", "c")}
    for n, version in enumerate(("a", "b", "c", "a")):
        monkeypatch.setattr(prune, "parser_fingerprint", lambda v=version: v)
        caches[version].put_row(f"{n:x}" * 64, row)  # each a file of its own
        caches[version]._write()
    for cache in caches.values():
        cache.commit()
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        assert db.execute("SELECT parser, id FROM versions ORDER BY used").fetchall() == [
            ("c", 3),
            ("a", 4),
        ]
        assert db.execute("SELECT key, version FROM entries ORDER BY key").fetchall() == [
            ("2" * 64, 3),
            ("3" * 64, 4),
        ]
