"""The garbage collector is tuned by the command line only (`linter.app.cli`): a
library importer (an embedder of `linter.app.serve_api`, the engine) keeps
CPython's defaults, and `doichieu serve` puts them back once its corpus is read,
with what is alive then frozen. Checked in a new interpreter: this test run's own
collector is whatever the tests imported first."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

SCRIPT = """
import gc
default = gc.get_threshold()
print(default)
import linter.app.serve_api, linter.engine.run
print(gc.get_threshold() == default)
import linter.app.cli
print(gc.get_threshold())
from linter.app import serve
serve._long_lived()
print(gc.get_threshold(), gc.get_freeze_count() > 0)
"""

# An embedder of `serve` without the command line: nothing tuned, so nothing put back
# or frozen, even when its own thresholds are not the interpreter's.
UNTUNED = """
import gc
gc.set_threshold(1234, 5, 6)
from linter.app import serve
serve._long_lived()
print(gc.get_threshold(), gc.get_freeze_count())
"""


def _run(script: str) -> list[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split("\n")


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's collector")
def test_only_the_command_line_tunes_the_collector_and_serve_puts_it_back() -> None:
    default, *rest = _run(SCRIPT)
    # The interpreter's own defaults, whatever they are (not 3.12's (700, 10, 10)).
    assert rest[:3] == ["True", "(200000, 30, 30)", f"{default} True"]


def test_serve_leaves_a_collector_the_command_line_did_not_tune() -> None:
    assert _run(UNTUNED)[0] == "(1234, 5, 6) 0"
