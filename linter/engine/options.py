"""What a run is asked to do: the `Options` of `linter.engine.run.run`.

In: what the command line, a server or an embedder asks (checks selected,
language, configuration, a focus, a baseline, parse settings). Out: one frozen
value, read by the run (`linter.engine.run`), its check phase
(`linter.engine.checkphase`) and a server's draft runs (`linter.engine.warm`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from linter.engine.config import Config
from linter.engine.parsing import ParseSettings


@dataclass(frozen=True)
class Options:
    """What one run is asked to do: which checks, in which language, on which documents."""

    select: Collection[str] | None = None  # check codes or prefixes to run; None = the config's
    lang: str = "vi"
    fail_on: str = "warning"
    config: Config = field(default_factory=Config)
    focus: frozenset[str] | None = None  # report only findings involving these paths
    focus_role: Literal["draft", "changed"] = "draft"  # what the focused documents are
    baseline: frozenset[str] = frozenset()  # fingerprints of accepted findings
    parsing: ParseSettings = field(default_factory=ParseSettings)  # jobs, cache, progress
    verbose: bool = False  # timings per phase on stderr
    # RunResult.claims filled: only reports that list claims need them (the html
    # report); with a warm cache, not loading them is most of the time saved. Without
    # them, a run with no focus returns its documents as summaries (`rows.summary`:
    # metadata, no text; whole only with a suppression comment or no text): a caller
    # that reads texts asks for claims.
    claims: bool = True
    freeze: bool = False  # the process ends with the run: check phase's survivors frozen
