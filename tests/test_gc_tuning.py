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
import linter.app.serve_api, linter.engine.run
print(gc.get_threshold() == default)
import linter.app.cli
print(gc.get_threshold())
from linter.app import serve
serve._long_lived()
print(gc.get_threshold(), gc.get_freeze_count() > 0)
"""


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's collector")
def test_only_the_command_line_tunes_the_collector_and_serve_puts_it_back() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:3] == ["True", "(200000, 30, 30)", "(700, 10, 10) True"]
