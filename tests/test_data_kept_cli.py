"""The data files kept parsed in the cache are read back by a command-line run: a
file of `KEPT_FILES` its process loads before the run names its cache (at import:
`linter.claims.units` loaded units.yaml so) is parsed from its YAML every run, and
its kept row is never read, whatever the cache holds. Two runs in new processes (the
imports of this one are done), the second warm: no file of KEPT_FILES is parsed
from its YAML there, and the reports are the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS
from linter import data

# The run of the command line, each YAML parse of linter/data told on stderr's last line.
SCRIPT = """
import json, sys
from linter import data
parsed = []
real = data._parsed
def traced(text, where):
    parsed.append(where.rsplit("/", 1)[-1])
    return real(text, where)
data._parsed = traced
from linter.app.cli import main
status = main(sys.argv[1:])
print(json.dumps(parsed), file=sys.stderr)
sys.exit(status)
"""


def _run(cache: Path) -> tuple[str, list[str]]:
    """A check of the seeds in a new process (-B: nothing written beside the code)."""
    args = ["check", str(SEEDS), "--format", "json", "--cache-dir", str(cache), "--jobs", "1"]
    done = subprocess.run(
        [sys.executable, "-B", "-c", SCRIPT, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout, json.loads(done.stderr.splitlines()[-1])


def test_a_warm_command_line_run_parses_no_kept_file(tmp_path: Path) -> None:
    cold, parsed_cold = _run(tmp_path / "c")
    warm, parsed_warm = _run(tmp_path / "c")
    assert warm == cold and json.loads(cold)["findings"]
    assert {"syllables.yaml", "places.yaml"} <= set(parsed_cold) & data.KEPT_FILES
    assert set(parsed_warm) & data.KEPT_FILES == set()
