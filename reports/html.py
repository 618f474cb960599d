"""Render a `RunResult` as one self-contained HTML page.

The page must open from file:// with no network and treat every document as
hostile, so: autoescaping is on for every template, undefined names fail loudly
instead of printing nothing, and CSS/JS are inlined from package files rather
than linked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from linter.models import RunResult
from reports.model import Report, build_report


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("reports", "templates"),
        # default=True: the inlined style.css/script.js are escaped too (they hold no
        # variables), so no template can ever be rendered without escaping.
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        # Blocks on their own line leave no blank lines behind: smaller, stable output.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _all_strings() -> dict[str, dict[str, str]]:
    # Kept beside the templates so it ships as package data with them. Read by path:
    # importlib.resources rejects the namespace package an old editable install leaves.
    path = Path(__file__).parent / "templates" / "strings.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def ui_strings(lang: str) -> dict[str, str]:
    """UI labels for `lang`: English for "en", Vietnamese otherwise."""
    lang = "en" if lang == "en" else "vi"
    return {key: texts[lang] for key, texts in _all_strings().items()}


def render_report(report: Report) -> str:
    template = environment().get_template("report.html.j2")
    return template.render(report=report, t=ui_strings(report.lang))


def render_html(result: RunResult, lang: str = "vi") -> str:
    return render_report(build_report(result, lang))
