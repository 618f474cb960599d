"""The command line's process ends where its command does (`linter.app.cli._end`),
without tearing down what it holds: its status, its whole report on a pipe, and
the exit handlers run, as at a normal exit, with standard output closed too. With
another thread still running (a server's), `main` returns the status and the
interpreter ends as usual, and neither that run nor a later one in the process
freezes anything (`gc.freeze` is for a process that ends with its run). So it does
under a profiler, which writes its results after `main`, and with a plugin of
another distribution imported, whose files only the interpreter's exit flushes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO, write_corpus

A = "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
B = "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n"

# main() as the `doichieu` script calls it, with an exit handler and, for the second
# case, a thread that outlives the command; for the third, an output format from
# another distribution (`late_format.py`, below) as the entry points give it.
SCRIPT = """
import atexit, gc, sys, threading
from importlib.metadata import EntryPoint, EntryPoints
from pathlib import Path
from types import SimpleNamespace
atexit.register(lambda: open("handler-ran", "w").close())
done, case = threading.Event(), sys.argv[1]
if case == "thread":
    threading.Thread(target=done.wait, args=(5,)).start()
sys.argv[1:] = ["check", "corpus", "--no-cache", "--lang", "en"]
if case == "foreign":
    from linter import plugins
    installed = plugins.metadata.entry_points
    late = EntryPoint(name="late", value="late_format:render", group=plugins.FORMATS)
    late._for(SimpleNamespace(name="doichieu-late"))  # what importlib does for a real one
    groups = (plugins.CHECKS, plugins.FORMATS, plugins.READERS)
    found = [*(ep for name in groups for ep in installed(group=name)), late]
    plugins.metadata = SimpleNamespace(entry_points=lambda: EntryPoints(found))
    sys.argv += ["--format", "late"]
from linter.app.cli import main
from linter.engine.run import run
status = main()
print(f"main returned {status}, frozen {gc.get_freeze_count()}", flush=True)
run([Path("corpus/a.md"), Path("corpus/b.md")])  # a library's run, later
print(f"main returned; then a run, frozen {gc.get_freeze_count()}", flush=True)
done.set()
"""


# A plugin that writes to a file it never closes: what it wrote is in the file's
# buffer until the interpreter frees the file, at its own exit.
LATE_FORMAT = """
from reports.base import Rendered
LOG = open("late.txt", "w", encoding="utf-8")
def render(result, options):
    LOG.write(f"{len(result.findings)} finding(s)")
    return Rendered(text="rendered late\\n")
"""


def _run(tmp_path: Path, case: str) -> subprocess.CompletedProcess[str]:
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B})
    (tmp_path / "late_format.py").write_text(LATE_FORMAT, encoding="utf-8")
    return _python(tmp_path, ["-c", SCRIPT, case])


def _python(
    tmp_path: Path, args: list[str], shell: str = '"$@"'
) -> subprocess.CompletedProcess[str]:
    """This Python run with `args` by `sh -c shell` in `tmp_path`, its output through
    pipes, without PYTHONUNBUFFERED: what it prints is flushed only by its end."""
    return subprocess.run(
        ["sh", "-c", f"exec {shell}", "sh", sys.executable, *args],
        capture_output=True, text=True, cwd=tmp_path, check=False, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


# The two budgets of 2024: the report's first line and its last, which only a
# report flushed whole through the pipe ends with.
REPORT = (
    "corpus/b.md:5:52: NU01 [warning] 'State budget revenue' (năm 2024, target)",
    "2 documents read, 0 unreadable; 1 finding (1 warning).",
)


def _report(stdout: str) -> tuple[str, str]:
    lines = [line for line in stdout.splitlines() if not line.startswith("main returned")]
    return lines[0][: len(REPORT[0])], lines[-1]


def test_the_command_ends_the_process_with_its_status_and_whole_report(tmp_path: Path) -> None:
    proc = _run(tmp_path, "alone")
    assert proc.returncode == 1  # a finding reaches --fail-on
    assert "main returned" not in proc.stdout  # main() did not come back
    assert _report(proc.stdout) == REPORT
    assert (tmp_path / "handler-ran").exists()
    assert proc.stderr == ""


def test_with_another_thread_running_main_returns_its_status(tmp_path: Path) -> None:
    proc = _run(tmp_path, "thread")
    assert proc.returncode == 0  # the script's own end, after main returned
    # Nothing frozen by main's run nor left set to freeze a later one.
    assert proc.stdout.splitlines()[-2:] == [
        "main returned 1, frozen 0",
        "main returned; then a run, frozen 0",
    ]
    assert _report(proc.stdout) == REPORT
    assert (tmp_path / "handler-ran").exists()


def test_a_plugin_of_another_distribution_leaves_the_usual_way(tmp_path: Path) -> None:
    proc = _run(tmp_path, "foreign")
    assert proc.stdout.startswith("rendered late\n")
    assert "main returned 1" in proc.stdout  # main came back: the interpreter's own exit
    assert (tmp_path / "late.txt").read_text(encoding="utf-8") == "1 finding(s)"
    assert (tmp_path / "handler-ran").exists()


CACHE_CLEAR = ["-m", "linter", "cache", "clear", "--cache-dir", "no-cache-here"]


def test_a_line_printed_before_the_end_comes_through_the_pipe(tmp_path: Path) -> None:
    # print(), not outputs.write_stdout (which flushes): only _end's flush writes it.
    proc = _python(tmp_path, CACHE_CLEAR)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        "doichieu: no cache in no-cache-here\n",
        "",
    )


def test_standard_output_closed_from_the_start(tmp_path: Path) -> None:
    # `>&-`: sys.stdout is None, as under pythonw: nothing to flush there; a report
    # that cannot go anywhere is one line and status 2, as on a closed pipe.
    proc = _python(tmp_path, CACHE_CLEAR, shell='"$@" >&-')
    assert (proc.returncode, proc.stderr) == (0, "")
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B})
    check = ["-m", "linter", "check", "corpus", "--no-cache", "--lang", "en"]
    proc = _python(tmp_path, check, shell='"$@" >&-')
    said = "doichieu: error: cannot write to standard output: it is closed\n"
    assert (proc.returncode, proc.stderr) == (2, said)
    # No command at all: its usage cannot go anywhere either.
    proc = _python(tmp_path, ["-m", "linter"], shell='"$@" >&-')
    assert (proc.returncode, proc.stderr) == (2, said)


def test_a_profiler_around_the_command_writes_its_results(tmp_path: Path) -> None:
    # cProfile writes its file after main, when the command returns (sys.getprofile).
    proc = _python(tmp_path, ["-m", "cProfile", "-o", "prof.out", *CACHE_CLEAR])
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        "doichieu: no cache in no-cache-here\n",
        "",
    )
    assert (tmp_path / "prof.out").stat().st_size > 0
