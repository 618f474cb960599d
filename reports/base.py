"""What an output format receives and returns: the contract of `doichieu.formats`.

An output format is a function registered under the `doichieu.formats`
entry-point group (built-in ones in pyproject.toml, exactly like a third-party
package's), named after the value of `--format` it serves:

    [project.entry-points."doichieu.formats"]
    text = "reports.text:render"

It is called as `render(result, options)` and returns a `Rendered`. Rendering
is pure: a format never writes a file or reads the environment. Text meant for
somewhere other than the report itself (the Markdown summary of a GitHub job)
is returned beside it, and the caller decides whether and where to write it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from linter.models import RunResult


class RenderOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    lang: Literal["vi", "en"] = "vi"
    # Terminal colours: the caller's to decide, as it knows where the report goes and
    # what NO_COLOR / FORCE_COLOR say. Formats that are not read on a terminal ignore it.
    colour: bool = False


class Rendered(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str  # the report: standard output, or the file of --output
    # Markdown for a CI job's summary page (GitHub's $GITHUB_STEP_SUMMARY), when the
    # format has one. Annotations are few per step; the summary lists every finding.
    job_summary: str | None = None


Renderer = Callable[[RunResult, RenderOptions], Rendered]
