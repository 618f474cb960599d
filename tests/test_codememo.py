"""linter.codememo: the code the stdlib compiles from source text (dataclasses' methods,
string annotations), kept from one run of the command line to the next.

The runs are real: `doichieu check seeds/` in a new interpreter, its memo moved into a
temporary folder (a stand-in `_path`, set before the command line installs it; `main`
saves it at exit). The first run learns what it compiles; each record, rebuilt, must be
the very code object the built-in compiles from its text. A second run learns nothing,
a damaged file is no memo, a run without the memo says the same; a run that cannot
write the file keeps nothing new but replays it; an -O run's file is not a plain
run's. In this process: a dataclass and an annotation built through the stand-ins are
the built-ins', with the caller's `from __future__` flags and the stdlib's warnings,
and what is not a plain text goes to the built-in.
"""

from __future__ import annotations
import __future__

import ast
import dataclasses
import inspect
import marshal
import os
import platform
import subprocess
import sys
import typing
import warnings
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import memoruns
import pytest

from conftest import REPO
from linter import codememo, memofile

pytestmark = pytest.mark.skipif(
    platform.python_implementation() != "CPython", reason="the memo is CPython's"
)


# `doichieu check seeds/` with this memo at a file of the test's: its JSON report and
# (records read, texts learnt); `_counted` adds the records used.
_run = partial(memoruns.run, "codememo")
_counted = partial(memoruns.counted, "codememo")


@pytest.fixture(scope="module")
def learnt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, int]]:
    """A first run's memo file (none before it), its report and how many texts it
    learnt: 127 dataclasses and a thousand annotations in a draft's run, so a memo
    that keeps almost nothing fails."""
    memo = tmp_path_factory.mktemp("codememo") / "memo.bin"
    report, (read, learnt) = _run(memo)
    assert read == 0 and learnt >= 500
    yield memo, report, learnt


def _read(path: Path) -> dict[codememo.Key, bytes]:
    return memofile.read(path, codememo._KEY, codememo.MAX_ENTRIES)


def test_only_the_command_line_installs_it() -> None:
    script = (
        "import dataclasses, typing\n"
        "import linter.engine.run, linter.app.serve_api\n"
        "print('exec' in vars(dataclasses), 'compile' in vars(typing))\n"
        "import linter.app.cli, linter.codememo as m\n"
        "print(dataclasses.exec is m._exec, typing.compile is m._compile)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "False", "True", "True"], done.stderr


def test_every_record_is_the_code_the_builtin_compiles(learnt: tuple[Path, str, int]) -> None:
    records = _read(learnt[0])
    assert len(records) == learnt[2]
    modes = {mode for mode, _, _ in records}
    assert modes == {"exec", "eval"}  # dataclasses' methods and annotations both
    for (mode, flags, source), record in records.items():
        # code objects compare by their bytecode, constants, names and lines, not
        # their file's name: that is asked apart
        code = codememo._rebuilt(record)
        assert code == compile(source, "<string>", mode, flags, True)
        assert code is not None and code.co_filename == "<string>"


def test_a_second_run_reads_the_memo_and_learns_nothing(learnt: tuple[Path, str, int]) -> None:
    memoruns.learns_nothing_again("codememo", *learnt)


def test_a_damaged_memo_is_ignored_and_a_run_without_one_says_the_same(
    learnt: tuple[Path, str, int],
) -> None:
    memo, report, first = learnt
    damaged = memo.with_name("damaged.bin")
    damaged.write_bytes(memo.read_bytes()[: memo.stat().st_size // 2])
    again, (read, new) = _run(damaged)
    assert again == report and read == 0 and new == first
    assert _read(damaged) == _read(memo)  # rewritten whole, as the first
    without, (read, new) = _run("-")
    assert without == report and (read, new) == (0, 0)


def test_a_run_that_cannot_write_the_memo_keeps_nothing_new_but_replays_it(
    learnt: tuple[Path, str, int], tmp_path: Path
) -> None:
    memo, report, first = learnt
    none = tmp_path / "none.bin"
    again, counts = _counted(none, PYTHONDONTWRITEBYTECODE="1")
    assert again == report and counts == (0, 0, 0) and list(tmp_path.iterdir()) == []
    copied = tmp_path / "copied.bin"
    copied.write_bytes(memo.read_bytes())
    before = copied.stat().st_mtime_ns
    again, counts = _counted(copied, PYTHONDONTWRITEBYTECODE="1")
    assert again == report and counts == (first, 0, first)  # every text replayed
    assert copied.stat().st_mtime_ns == before


def test_whether_a_memo_can_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert memofile.writable(tmp_path / "memo.bin")
    assert memofile.writable(tmp_path / "new" / "folders" / "memo.bin")  # `write` makes them
    (tmp_path / "file").write_text("")
    (tmp_path / "file").chmod(0o755)  # one this process may write and "search"
    assert not memofile.writable(tmp_path / "file" / "memo.bin")
    if os.geteuid() != 0:  # root may write in any folder
        (tmp_path / "locked").mkdir(mode=0o555)
        assert not memofile.writable(tmp_path / "locked" / "memo.bin")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not memofile.writable(tmp_path / "memo.bin")


# A new interpreter, its memo at argv[1], installed: what `assert` and `__debug__`
# compile to, then saved; with the file's name it would have had.
OPTIMISED = """
import sys, typing
from pathlib import Path
from linter import codememo
name = codememo._path().name
codememo._path = lambda: Path(sys.argv[1])
codememo.install()
debug = typing.ForwardRef("__debug__").__forward_code__.co_consts
codememo.save()
print(name, len(codememo._known), codememo._learnt, debug)
"""


def test_an_optimised_runs_memo_is_its_own(tmp_path: Path) -> None:
    memo = str(tmp_path / "memo.bin")

    def run(*options: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, *options, "-c", OPTIMISED, memo],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(REPO), "PATH": os.environ.get("PATH", "")},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.rstrip("\n").split(maxsplit=3)

    optimised = run("-O")
    assert optimised[1:] == ["0", "1", "(False,)"]
    plain = run()  # the -O run's file is another's: read as none, and rewritten
    assert plain[1:] == ["0", "1", "(True,)"] and plain[0] != optimised[0]
    assert "-opt1-" in optimised[0] and "-opt0-" in plain[0]
    assert run()[1:] == ["1", "0", "(True,)"]


def test_what_is_not_a_memo_of_this_interpreter_is_none(tmp_path: Path) -> None:
    code = compile("x + 1", "<string>", "eval")
    records = {("eval", 0, "x + 1"): marshal.dumps(code)}

    def written(key: tuple[object, ...], crc: int | None = None) -> Path:
        blob = marshal.dumps((key, records))
        path = tmp_path / f"m{len(list(tmp_path.iterdir()))}"
        path.write_bytes((zlib.crc32(blob) if crc is None else crc).to_bytes(4, "little") + blob)
        return path

    assert _read(written(codememo._KEY)) == records
    assert _read(written(codememo._KEY, crc=7)) == {}  # damaged
    assert _read(written((*codememo._KEY[:3], b"\0\0\r\n"))) == {}  # another bytecode
    # a record that holds no code object is compiled anew
    assert codememo._rebuilt(marshal.dumps((1, 2))) is None
    assert codememo._rebuilt(b"\xff") is None
    assert codememo._rebuilt(records["eval", 0, "x + 1"]) == code


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The stand-ins in place in this process, with an empty memo, its file in `tmp_path`."""
    path = tmp_path / "memo.bin"
    monkeypatch.setattr(codememo, "_path", lambda: path)
    for name in ("_known", "_used", "_codes"):
        monkeypatch.setattr(codememo, name, {})
    monkeypatch.setattr(codememo, "_learnt", 0)
    monkeypatch.setattr(codememo, "_learning", True)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(dataclasses, "exec", codememo._exec, raising=False)
    monkeypatch.setattr(typing, "compile", codememo._compile, raising=False)
    yield path


def test_a_dataclass_built_through_the_memo_is_the_stdlibs(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def point() -> type:
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: int = 2
            tags: tuple[str, ...] = dataclasses.field(default=())

        return Point

    first = point()
    learnt = codememo._learnt
    assert learnt == len(codememo._used) > 0
    second = point()  # from the codes the first compiled: nothing new
    assert codememo._learnt == learnt
    for cls in (first, second):
        a, b = cls(1), cls(1, 3, ("x",))
        assert (a.x, a.y, a.tags) == (1, 2, ()) and a < b and a == cls(1)
        assert hash(a) == hash(cls(1)) and repr(b).endswith(".Point(x=1, y=3, tags=('x',))")
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 5
    codememo.save()
    assert len(_read(fresh)) == learnt
    monkeypatch.delattr(dataclasses, "exec")  # the built-in's again
    builtin = point()
    assert codememo._learnt == learnt and "exec" not in vars(dataclasses)
    methods = ("__init__", "__repr__", "__eq__", "__lt__", "__ge__", "__hash__", "__setattr__")
    for name in methods:
        # `__repr__` is wrapped (recursion's guard): its own code is the exec'd one
        made = inspect.unwrap(getattr(first, name)).__code__
        assert made == inspect.unwrap(getattr(builtin, name)).__code__, name
        assert made.co_filename == "<string>"


def test_the_callers_future_flags_are_the_builtins(fresh: Path) -> None:
    """`exec` and `compile` compile with their caller's `from __future__` flags: here
    postponed annotations, which make an annotation a string."""
    flag = __future__.annotations.compiler_flag
    source = "def f(x: int) -> int:\n    return x\n"
    calls = {  # the stand-in, the built-in, and how the caller compiles with either
        "exec": (codememo._exec, exec, "exec(SOURCE, ns)"),
        "compile": (codememo._compile, compile, "exec(compile(SOURCE, '<string>', 'exec'), ns)"),
    }
    got = {}
    for name, (stand_in, builtin, call) in calls.items():
        for which, function in (("memo", stand_in), ("builtin", builtin)):
            for flags in (0, flag):
                caller = compile(f"def run(ns):\n    {call}\n", "<caller>", "exec", flags, True)
                scope = {name: function, "SOURCE": source}
                exec(caller, scope)
                ns: dict[str, object] = {}
                scope["run"](ns)
                got[name, which, flags] = ns["f"].__annotations__  # type: ignore[attr-defined]
    for name in calls:
        assert got[name, "memo", 0] == got[name, "builtin", 0] == {"x": int, "return": int}
        expected = {"x": "int", "return": "int"}
        assert got[name, "memo", flag] == got[name, "builtin", flag] == expected
    assert {mode for mode, _, _ in codememo._used} == {"exec"}
    assert {flags for _, flags, _ in codememo._used} == {0, flag}


def test_annotations_through_the_memo_and_what_goes_to_the_builtin(fresh: Path) -> None:
    ref = typing.ForwardRef("int | None")
    # this module's own flags (postponed annotations) are not typing's: none inherited
    assert ref.__forward_code__ == compile("int | None", "<string>", "eval", dont_inherit=True)
    assert typing.ForwardRef("int | None").__forward_code__ is ref.__forward_code__  # kept
    with pytest.raises(SyntaxError):
        typing.ForwardRef("1 +")
    kept = dict(codememo._used)
    tree = codememo._compile("x + 1", "<string>", "eval", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Expression)  # a tree, never a memo's code
    other = codememo._compile("x + 1", "<other>", "eval")
    assert other.co_filename == "<other>"
    # an explicit level: the built-in's code (here without the assert), never the memo's
    stripped = codememo._compile("assert x", "<string>", "exec", optimize=2)
    assert stripped == compile("assert x", "<string>", "exec", optimize=2)
    assert stripped != compile("assert x", "<string>", "exec", optimize=0)
    assert codememo._used == kept  # none kept


def test_the_memo_keeps_no_more_than_its_bound(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codememo, "MAX_ENTRIES", 3)
    codes = [codememo._code(f"x + {n}", "eval", 0) for n in range(5)]
    assert [eval(c, {"x": 1}) for c in codes] == [1, 2, 3, 4, 5]
    assert len(codememo._used) == codememo._learnt == 3
    codememo.save()
    assert len(_read(fresh)) == 3  # MAX_ENTRIES, as the stand-in sets it


def _warned(text: str, action: str = "always") -> tuple[list[tuple[object, ...]], str]:
    """The warnings `typing.ForwardRef(text)` gives under the filter `action`, and
    what it raised ("" when nothing)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter(action)
        try:
            typing.ForwardRef(text)
            raised = ""
        except Exception as error:
            raised = f"{type(error).__name__}: {error}"
    return [(w.category, str(w.message), w.filename, w.lineno) for w in caught], raised


def test_a_text_that_warns_is_never_kept_and_warns_as_the_stdlib(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = ("x is 1", "'\\d' + 1", "'\\d' +")  # a SyntaxWarning; an escape's (+ an error)
    actions = ("always", "error")
    # each text twice under each filter: a second compile, were the first kept, would
    # be a replay that warns of nothing
    memo = [[_warned(text, action) for _ in range(2) for action in actions] for text in texts]
    assert codememo._used == {} and codememo._learnt == 0
    monkeypatch.delattr(typing, "compile")
    builtin = [[_warned(text, action) for _ in range(2) for action in actions] for text in texts]
    assert memo == builtin
    is_literal = '"is" with a literal. Did you mean "=="?'
    assert memo[0][0] == ([(SyntaxWarning, is_literal, "<string>", 1)], "")
    assert memo[0][1] == (
        [],
        f"SyntaxError: Forward reference must be an expression -- got {texts[0]!r}",
    )
    assert memo[2][0][1].startswith("SyntaxError") and len(memo[2][0][0]) == 1


def test_a_run_that_cannot_write_keeps_nothing_new(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codememo, "_learning", False)
    monkeypatch.setattr(codememo, "_unwarned", None)  # no catch either: would fail if called
    code = codememo._code("x + 1", "eval", 0)
    assert code == compile("x + 1", "<string>", "eval", 0, True)
    assert codememo._used == {} and codememo._learnt == 0
    known = compile("x + 2", "<string>", "eval", 0, True)
    codememo._known["eval", 0, "x + 2"] = marshal.dumps(known)
    assert codememo._code("x + 2", "eval", 0) == known  # replayed
    assert list(codememo._used) == [("eval", 0, "x + 2")] and codememo._learnt == 0


def test_a_warning_not_the_compilers_is_given_again(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catch is process-wide: another thread's warning, given while a text
    compiles, is caught too, and given again as it was."""

    def compiling(*args: object) -> object:
        warnings.warn_explicit("elsewhere", UserWarning, "other.py", 3)
        return compile(*args)  # type: ignore[call-overload]

    monkeypatch.setattr(codememo, "_COMPILE", compiling)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = codememo._code("x + 3", "eval", 0)
    assert code == compile("x + 3", "<string>", "eval", 0, True)
    # given again from the catch; then this stand-in warns again as the text, which
    # warned, is compiled once more outside the catch
    assert [(str(w.message), w.filename, w.lineno) for w in caught] == [
        ("elsewhere", "other.py", 3)
    ] * 2
    assert codememo._used == {}  # something warned while it compiled: not kept


def test_install_leaves_a_module_with_a_global_of_that_name_as_it_is(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another's `exec` in dataclasses (or ours already): nothing installed, not even
    `typing`'s, and the file not read."""
    memofile.write(
        fresh, codememo._KEY, {("eval", 0, "1"): marshal.dumps(compile("1", "", "eval"))}
    )
    monkeypatch.setattr(codememo, "_learning", False)
    monkeypatch.delattr(typing, "compile")  # none: install would put its own there

    def anothers(*args: object) -> None:
        return None

    monkeypatch.setattr(dataclasses, "exec", anothers)
    codememo.install()
    assert dataclasses.exec is anothers and "compile" not in vars(typing)
    assert codememo._known == {} and not codememo._learning
    monkeypatch.delattr(dataclasses, "exec")
    codememo.install()  # neither has one: both installed, the file read
    assert dataclasses.exec is codememo._exec and typing.compile is codememo._compile
    assert list(codememo._known) == [("eval", 0, "1")] and codememo._learning


def test_remove_puts_the_builtins_back_and_leaves_anothers(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` removes the stand-ins once its corpus is read: the module's global gone
    (the built-in found again), but never a global that is not ours."""

    def anothers(*args: object) -> None:
        return None

    monkeypatch.setattr(typing, "compile", anothers)
    monkeypatch.setattr(dataclasses, "exec", codememo._exec)  # put back after the test
    codememo.remove()
    assert "exec" not in vars(dataclasses) and typing.compile is anothers


def test_a_text_longer_than_max_source_is_compiled_but_not_kept(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codememo, "MAX_SOURCE", len("x + 1"))
    assert eval(codememo._code("x + 1", "eval", 0), {"x": 1}) == 2
    assert eval(codememo._code("x + 10", "eval", 0), {"x": 1}) == 11
    assert list(codememo._used) == [("eval", 0, "x + 1")] and codememo._learnt == 1


def test_a_file_of_more_records_than_the_bound_is_no_memo(fresh: Path) -> None:
    """A file holds at most `MAX_ENTRIES` (`save` keeps no more): one of more is
    another's, or crafted, and read as none."""
    records = {("eval", 0, str(n)): marshal.dumps(compile(str(n), "", "eval")) for n in range(3)}
    memofile.write(fresh, codememo._KEY, records)
    assert memofile.read(fresh, codememo._KEY, 3) == records
    assert memofile.read(fresh, codememo._KEY, 2) == {}
