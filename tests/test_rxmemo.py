"""linter.rxmemo: the command line's compiled patterns kept from one run to the next.

The runs are real: `doichieu check seeds/` in a new interpreter, its memo moved into
a temporary folder (a stand-in `_path`, set before the command line installs it;
`main` saves it at exit).
The first run learns every pattern it compiles; each of them, rebuilt from the
file, must be the stdlib's very pattern (code, flags, groups) and match the seeds'
text alike. A second run reads the file and learns nothing; a damaged file is no
memo; a run under PYTHONDONTWRITEBYTECODE writes none; the output never changes.
"""

from __future__ import annotations

import marshal
import platform
import re
import subprocess
import sys
import warnings
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import memoruns
import pytest

from conftest import seed_texts
from linter import memofile, rxmemo

pytestmark = pytest.mark.skipif(
    platform.python_implementation() != "CPython", reason="the memo is CPython's (_sre)"
)


def test_only_the_command_line_installs_it() -> None:
    script = (
        "import re._compiler as c; stdlib = c.compile\n"
        "import linter.engine.run, linter.app.serve_api\n"
        "print(c.compile is stdlib)\n"
        "import linter.app.cli, linter.rxmemo\n"
        "print(c.compile is linter.rxmemo._compile)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["True", "True"], done.stderr


# `doichieu check seeds/` with this memo at a file of the test's: its JSON report and
# (records read, patterns learnt); `_counted` adds the records used.
_run = partial(memoruns.run, "rxmemo")
_counted = partial(memoruns.counted, "rxmemo")


@pytest.fixture(scope="module")
def learnt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, int]]:
    """A first run's memo file (none before it), its report and how many patterns
    it learnt (581 under .venv, 288 with the stdlib's packages only: the project's
    own modules compile a few hundred, so a memo that keeps almost nothing fails)."""
    memo = tmp_path_factory.mktemp("rxmemo") / "memo.bin"
    report, (read, learnt) = _run(memo)
    assert read == 0 and learnt >= 200
    yield memo, report, learnt


def _read(path: Path) -> dict[tuple[int, str], rxmemo.Record]:
    return memofile.read(path, rxmemo._KEY, rxmemo.MAX_ENTRIES)


def test_every_pattern_rebuilt_is_the_stdlib_pattern(learnt: tuple[Path, str, int]) -> None:
    records = _read(learnt[0])
    assert len(records) == learnt[2]
    texts = seed_texts()[:2]
    texts += [text.lower() for text in texts]
    for (flags, pattern), record in records.items():
        made = rxmemo._rebuilt(pattern, record)
        stdlib = rxmemo._STDLIB(pattern, flags)
        assert made is not None
        # Pattern equality is the flags, the pattern and the compiled code
        assert made == stdlib and made.flags == stdlib.flags, pattern
        assert (made.groups, made.groupindex) == (stdlib.groups, stdlib.groupindex)
        for text in texts:  # two seeds, as written and folded: a few seconds at most
            found = [(m.span(), m.groups()) for m in made.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in stdlib.finditer(text)], pattern


def test_a_second_run_reads_the_memo_and_learns_nothing(learnt: tuple[Path, str, int]) -> None:
    memoruns.learns_nothing_again("rxmemo", *learnt)


def test_a_damaged_memo_is_ignored_and_rewritten(learnt: tuple[Path, str, int]) -> None:
    memo, report, first = learnt
    damaged = memo.with_name("damaged.bin")
    damaged.write_bytes(memo.read_bytes()[: memo.stat().st_size // 2])
    again, (read, new) = _run(damaged)
    assert again == report and read == 0 and new == first
    assert _read(damaged) == _read(memo)  # rewritten whole


def test_what_is_not_a_memo_of_this_interpreter_is_none(tmp_path: Path) -> None:
    key = rxmemo._KEY
    records = {(0, "a(b)"): (32, b"", 1, {}, (None, None))}

    def written(blob: bytes, crc: int | None = None) -> Path:
        path = tmp_path / f"m{len(list(tmp_path.iterdir()))}"
        crc = zlib.crc32(blob) if crc is None else crc
        path.write_bytes(crc.to_bytes(4, "little") + blob)
        return path

    assert _read(written(marshal.dumps((key, records)))) == records
    assert _read(tmp_path / "missing") == {}
    assert _read(written(marshal.dumps((key, records)), crc=1)) == {}  # damaged
    assert _read(written(marshal.dumps(((2, *key[1:]), records)))) == {}  # foreign
    assert key[3] == sys.byteorder  # the code words are packed in it: another's is foreign
    other = "big" if sys.byteorder == "little" else "little"
    assert _read(written(marshal.dumps(((*key[:3], other, *key[4:]), records)))) == {}
    assert _read(written(b"\xff\x00")) == {}  # not marshal
    assert _read(written(marshal.dumps([key, records]))) == {}  # another shape
    # a record `_sre` refuses (one word of code 0; none) is no pattern: the stdlib's instead
    assert rxmemo._rebuilt("a(b)", records[0, "a(b)"]) is None
    with pytest.raises(RuntimeError):  # the record below reaches `_sre`, which refuses it
        rxmemo._sre.compile("a(b)", 32, [0], 0, {}, (None,))
    assert rxmemo._rebuilt("a(b)", (32, b"\0" * rxmemo._sre.CODESIZE, 0, {}, (None,))) is None


def test_no_memo_is_written_without_bytecode(tmp_path: Path, learnt: tuple[Path, str, int]) -> None:
    memo = tmp_path / "memo.bin"
    report, counts = _counted(memo, PYTHONDONTWRITEBYTECODE="1")
    # nothing recorded, as it could not be kept; the output is the same
    assert counts == (0, 0, 0) and not memo.exists() and report == learnt[1]
    assert list(tmp_path.iterdir()) == []  # no temporary file either
    # a file that exists is still replayed, and still not written
    replayed = tmp_path / "replayed.bin"
    replayed.write_bytes(learnt[0].read_bytes())
    before = replayed.stat().st_mtime_ns
    again, counts = _counted(replayed, PYTHONDONTWRITEBYTECODE="1")
    assert again == report and counts == (learnt[2], 0, learnt[2])  # every one replayed
    assert replayed.stat().st_mtime_ns == before


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The memo installed in this process, empty, its file in `tmp_path`."""
    path = tmp_path / "memo.bin"
    monkeypatch.setattr(rxmemo, "_path", lambda: path)
    monkeypatch.setattr(rxmemo, "_known", {})
    monkeypatch.setattr(rxmemo, "_used", {})
    monkeypatch.setattr(rxmemo, "_learnt", 0)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(rxmemo, "_learning", False)  # set by `install`, put back after
    # the stdlib's compiler first, and whatever this test run had put back after
    monkeypatch.setattr(rxmemo._compiler, "compile", rxmemo._STDLIB)
    rxmemo.install()
    assert re._compiler.compile is rxmemo._compile
    yield path


def test_only_str_patterns_without_debug_are_kept(
    memo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compile_ = rxmemo._compile
    assert compile_(b"b(y)tes").pattern == b"b(y)tes"
    assert compile_("d(e)bug", re.DEBUG).groups == 1
    assert "LITERAL" in capsys.readouterr().out  # the stdlib's listing, still printed
    assert compile_("f(l)ag", re.IGNORECASE).flags & re.IGNORECASE  # RegexFlag: not int
    assert compile_("x" * (rxmemo.MAX_PATTERN + 1)).pattern.startswith("x")
    assert rxmemo._used == {}
    assert compile_("k(e)pt", 2) == rxmemo._STDLIB("k(e)pt", 2)
    assert list(rxmemo._used) == [(2, "k(e)pt")]
    rxmemo.remove()  # as `serve` does
    assert re._compiler.compile is rxmemo._STDLIB


def _three_saved_then_read(memo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that learnt three patterns at a bound of three, then the next run's start."""
    monkeypatch.setattr(rxmemo, "MAX_ENTRIES", 3)
    for word in ("old1", "old2", "old3"):
        rxmemo._compile(word)
    rxmemo.save()
    rxmemo._known.update(_read(memo))
    rxmemo._used.clear()


def test_the_file_keeps_what_the_last_run_used_first(
    memo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _three_saved_then_read(memo, monkeypatch)
    rxmemo._compile("old3")  # a hit
    rxmemo._compile("new")
    rxmemo.save()
    assert [p for _, p in _read(memo)] == ["old3", "new", "old1"]


def test_the_file_holds_no_more_than_its_bound(memo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _three_saved_then_read(memo, monkeypatch)
    rxmemo._compile("new")  # learnt, then three hits: four used, three kept
    for word in ("old1", "old2", "old3"):
        rxmemo._compile(word)
    rxmemo.save()
    assert [p for _, p in _read(memo)] == ["new", "old1", "old2"]


def test_a_pattern_is_recorded_once_and_only_when_kept(
    memo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rxmemo._compile("on(c)e")
    rxmemo._compile("on(c)e")  # dropped by `re`'s cache and met again: the run's record
    assert rxmemo._learnt == 1 and list(rxmemo._used) == [(0, "on(c)e")]

    class Refused:  # no recording once nothing more would be kept
        def __init__(self) -> None:
            raise AssertionError("recorded a pattern that is not kept")

    monkeypatch.setattr(rxmemo, "_Recorder", Refused)
    assert rxmemo._compile("x" * (rxmemo.MAX_PATTERN + 1)).pattern.startswith("x")
    monkeypatch.setattr(rxmemo, "MAX_ENTRIES", 1)
    assert rxmemo._compile("fu(l)l").groups == 1
    assert rxmemo._learnt == 1 and list(rxmemo._used) == [(0, "on(c)e")]


def _warned(pattern: str | bytes) -> list[tuple[type[Warning], str, str, int]]:
    """What compiling `pattern` warns of, and where (this file's line below)."""
    re.purge()  # `re` asks its compiler again
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        re.compile(pattern)
    return [(w.category, str(w.message), w.filename, w.lineno) for w in caught]


# the parser's warnings: a nested set, set operators, a group name not ASCII
# (a str conditional's reference, a bytes group's name: the latter the stdlib's own)
WARNED = ("[[a]x", "((([a~~b])))", "a[b||c]", "(a)(?(\u0661)b)", b"(?P<\xe9>a)")


def test_the_parsers_warnings_are_the_stdlibs(memo: Path) -> None:
    line = _warned.__code__.co_firstlineno + 5  # `re.compile(pattern)` in `_warned`
    found = [_warned(pattern) for pattern in WARNED]
    assert [[(c, f, n) for c, _, f, n in w] for w in found] == [
        [(FutureWarning, __file__, line)]
    ] * 3 + [[(DeprecationWarning, __file__, line)]] * 2
    assert rxmemo._used == {} and rxmemo._learnt == 0  # kept, they would not warn again
    with warnings.catch_warnings(record=True) as caught, pytest.raises(re.error):
        warnings.simplefilter("always")
        re.compile("[[a")  # warned of, then refused: the warning is still given
    assert [str(w.message) for w in caught] == ["Possible nested set at position 1"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        re.purge()
        with pytest.raises(FutureWarning, match="nested set"):
            re.compile(WARNED[0])  # raised, as the stdlib raises it
    rxmemo.remove()
    assert [_warned(pattern) for pattern in WARNED] == found
