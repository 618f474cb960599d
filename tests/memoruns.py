"""The command line run with one memo (`linter.rxmemo`, `linter.codememo`) moved to a
file of the test's, in a new interpreter, as test_rxmemo and test_codememo run it.

The memo's `_path` is a stand-in set before the command line installs the memo;
`main` saves it at exit, and an exit hook registered before `main`'s (so it runs
after) says how many records the memo read, how many it learnt and how many the run
used (learnt or replayed). A memo "-" is none: the module is never installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SEEDS

_SCRIPT = """
import atexit, sys
from pathlib import Path
from linter import {module} as memo_module
if sys.argv[1] == "-":
    memo_module.install = lambda: None
memo = Path(sys.argv[1])
memo_module._path = lambda: memo
atexit.register(
    lambda: print(
        "memo", len(memo_module._known), memo_module._learnt, len(memo_module._used),
        file=sys.stderr,
    )
)
sys.argv = ["doichieu", *sys.argv[2:]]
from linter.app.cli import main
sys.exit(main())
"""

ARGS = ("--no-cache", "--format", "json")


def counted(module: str, memo: Path | str, **env: str) -> tuple[str, tuple[int, int, int]]:
    """`doichieu check seeds/`'s JSON report, run with linter.`module`'s memo at `memo`
    and the environment `env` alone (besides PATH and PYTHONPATH), and its (records
    read, learnt, used)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _SCRIPT.format(module=module),
            str(memo),
            "check",
            str(SEEDS),
            *ARGS,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": os.environ.get("PATH", ""), **env},
    )
    said = [line.split() for line in done.stderr.splitlines() if line.startswith("memo ")]
    assert done.returncode == 1 and len(said) == 1, done.stderr
    read, learnt, used = map(int, said[0][1:])
    return done.stdout, (read, learnt, used)


def run(module: str, memo: Path | str, **env: str) -> tuple[str, tuple[int, int]]:
    """`counted` without the records used: the report and (records read, learnt)."""
    report, (read, learnt, _) = counted(module, memo, **env)
    return report, (read, learnt)


def learns_nothing_again(module: str, memo: Path, report: str, first: int) -> None:
    """A second run with the memo `memo` a first run wrote (reading `first` records,
    giving `report`) reads every record, learns nothing, gives the same report and
    leaves the file as it was."""
    before = memo.stat().st_mtime_ns
    again, (read, new) = run(module, memo)
    assert again == report and read == first and new == 0
    assert memo.stat().st_mtime_ns == before  # nothing learnt: not rewritten
