"""The command line's process ends where its command does (`linter.app.cli._end`),
without tearing down what it holds: its status, its whole report on a pipe, and
the exit handlers run, as at a normal exit. With another thread still running
(a server's), `main` returns the status and the interpreter ends as usual, and
neither that run nor a later one in the process freezes anything (`gc.freeze`
is for a process that ends with its run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO, write_corpus

A = "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
B = "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\nChỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n"

# main() as the `doichieu` script calls it, with an exit handler and, for the second
# case, a thread that outlives the command.
SCRIPT = """
import atexit, gc, sys, threading
from pathlib import Path
atexit.register(lambda: open("handler-ran", "w").close())
if sys.argv[1] == "thread":
    done = threading.Event()
    threading.Thread(target=done.wait, args=(5,)).start()
sys.argv[1:] = ["check", "corpus", "--no-cache", "--lang", "en"]
from linter.app.cli import main
from linter.engine.run import run
status = main()
print(f"main returned {status}, frozen {gc.get_freeze_count()}", flush=True)
run([Path("corpus/a.md"), Path("corpus/b.md")])  # a library's run, later
print(f"main returned; then a run, frozen {gc.get_freeze_count()}", flush=True)
done.set()
"""


def _run(tmp_path: Path, case: str) -> subprocess.CompletedProcess[str]:
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B})
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, case],
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
