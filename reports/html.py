"""Render a `RunResult` as one self-contained HTML page.

The page must open from file:// with no network and treat every document as
hostile, so: autoescaping is on for every template, undefined names fail loudly
instead of printing nothing, invisible control characters are escaped, and
CSS/JS are inlined from package files rather than linked. The
Content-Security-Policy allows exactly that CSS and that JS, by their SHA-256
hashes: no inline script or style attribute runs, so a future escaping mistake
cannot execute anything.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from linter.models import RunResult
from linter.textmap import printable
from reports.base import Rendered, RenderOptions
from reports.model import Report, build_report

_TEMPLATES = Path(__file__).parent / "templates"


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
        finalize=_visible,
    )


def _visible(value: object) -> object:
    """Every value printed: control characters escaped, as in every output format.
    Markup is our own CSS and JS, never document text."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value, keep_whitespace=True)
    return value


@cache
def assets() -> tuple[Markup, Markup, Markup]:
    """(style, script, Content-Security-Policy): the inlined CSS and JS, and the policy
    that allows those two and nothing else. Read raw, not as templates: what the
    browser hashes must be exactly what was hashed here."""
    style = (_TEMPLATES / "style.css").read_text(encoding="utf-8")
    script = (_TEMPLATES / "script.js").read_text(encoding="utf-8")
    for text, tag in ((style, "</style"), (script, "</script")):
        if tag in text.lower():  # it would end the element early
            raise ValueError(f"an inlined asset must not contain {tag}")
    policy = (
        f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return Markup(style), Markup(script), Markup(policy)  # our package files, not input


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


@cache
def _all_strings() -> dict[str, dict[str, str]]:
    # Kept beside the templates so it ships as package data with them. Read by path:
    # importlib.resources rejects the namespace package an old editable install leaves.
    path = _TEMPLATES / "strings.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def ui_strings(lang: str) -> dict[str, str]:
    """UI labels for `lang`: English for "en", Vietnamese otherwise."""
    lang = "en" if lang == "en" else "vi"
    return {key: texts[lang] for key, texts in _all_strings().items()}


def render_report(report: Report) -> str:
    template = environment().get_template("report.html.j2")
    style, script, policy = assets()
    return template.render(
        report=report, t=ui_strings(report.lang), style=style, script=script, csp=policy
    )


def render_html(result: RunResult, lang: str = "vi") -> str:
    return render_report(build_report(result, lang))


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `html` output format (also what `--html FILE` writes)."""
    return Rendered(text=render_html(result, lang=options.lang))
