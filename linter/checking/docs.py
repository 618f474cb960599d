"""What a check and an engine code say about themselves, in the run's language.

Every check documents its contradiction with two literal blocks, each a small
corpus: ``Ví dụ mâu thuẫn::`` (must produce a finding of the check) and
``Ví dụ nhất quán::`` (must produce none). Inside a block, ``=== name.md``
starts a document. The tests run both, as pylint runs its bad/good examples.

A check's docstring is English; its Vietnamese summary, and the documentation
of the engine codes (DC, EN) in both languages, are in `linter/data/codes.yaml`.
`doichieu checks` and `doichieu explain CODE` are rendered here.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from linter.checking import CODE, Check
from linter.checking.registry import Loaded
from linter.data import load
from linter.diagnostics import ENGINE_CODES
from linter.errors import LexiconError, UsageError
from linter.models import CheckInfo

HEADINGS = {"bad": "Ví dụ mâu thuẫn::", "good": "Ví dụ nhất quán::"}
_DOC = re.compile(r"^=== (?P<name>\S+)\s*$", re.MULTILINE)


def _block(doc: str, heading: str) -> str | None:
    """The indented literal block after `heading`, dedented."""
    start = doc.find(heading)
    if start < 0:
        return None
    lines: list[str] = []
    for line in doc[start + len(heading) :].splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    return "\n".join(lines).strip("\n") + "\n"


def examples(check: type[Check]) -> dict[str, dict[str, str]]:
    """{"bad": {name: text}, "good": {name: text}} from the check's docstring."""
    doc = inspect.cleandoc(check.__doc__ or "")
    result: dict[str, dict[str, str]] = {}
    for kind, heading in HEADINGS.items():
        block = _block(doc, heading)
        if block is None:
            continue
        parts = _DOC.split(block)
        # split() yields [before, name1, text1, name2, text2, ...]
        result[kind] = {
            name: text.lstrip("\n") for name, text in zip(parts[1::2], parts[2::2], strict=True)
        }
    return result


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _EngineText(_Strict):
    summary: Text | None = None  # English summaries live with the codes, in diagnostics
    details: Text


class _EngineDoc(_Strict):
    vi: _EngineText
    en: _EngineText


class _Codes(_Strict):
    checks: dict[Annotated[str, StringConstraints(pattern=CODE.pattern)], Text]
    engine: dict[str, _EngineDoc]


@lru_cache(maxsize=1)
def _codes() -> _Codes:
    name = "linter/data/codes.yaml"
    codes = load("codes.yaml", _Codes)
    if set(codes.engine) != set(ENGINE_CODES) or any(
        not d.vi.summary for d in codes.engine.values()
    ):
        raise LexiconError(
            f"{name}: expected engine codes {sorted(ENGINE_CODES)} with a vi summary"
        )
    return codes


def summary(check: type[Check], lang: str) -> str:
    """The check's one-line summary; in Vietnamese when codes.yaml has one."""
    vi = _codes().checks.get(check.code) if lang == "vi" else None
    return vi or check.summary()


def engine_summary(code: str, lang: str) -> str:
    doc = _codes().engine[code]
    return (doc.vi.summary if lang == "vi" else None) or ENGINE_CODES[code][2]


def info_summary(info: CheckInfo, lang: str) -> str:
    """The summary of a check or engine code as a report lists it, in `lang`."""
    if lang != "vi":
        return info.summary
    if info.code in ENGINE_CODES:
        return engine_summary(info.code, lang)
    return _codes().checks.get(info.code) or info.summary


_WORDS = {
    "vi": {"enabled": "bật", "disabled": "tắt", "always": "luôn bật"},
    "en": {"enabled": "enabled", "disabled": "disabled", "always": "always"},
}
_SEVERITY_VI = {"info": "thông tin", "warning": "cảnh báo", "error": "lỗi"}


def listing(loaded: Loaded, enabled: Callable[[str], bool], lang: str) -> str:
    """`doichieu checks`: code, name, default severity, state (`enabled(code)`, from the
    configuration) and summary."""
    words = _WORDS[lang]
    rows = [
        (c.code, c.name, c.severity.value, "enabled" if enabled(c.code) else "disabled",
         summary(c, lang))
        for c, _ in loaded.checks
    ]  # fmt: skip
    rows += [
        (code, name, severity.value, "always", engine_summary(code, lang))
        for code, (name, severity, _) in ENGINE_CODES.items()
    ]
    width = max(len(w) for w in words.values())
    return "".join(
        f"{code}  {name:<28} {_severity(sev, lang):<9} {words[state]:<{width}} {text}\n"
        for code, name, sev, state, text in rows
    )


def explain(code: str, loaded: Loaded, lang: str) -> str:
    """`doichieu explain CODE`: a check's documentation and examples, or an engine code's."""
    wanted = code.strip().upper()
    for check, package in loaded.checks:
        if check.code == wanted:
            head = _head(check.code, check.name, check.severity.value, package, lang)
            vi = _codes().checks.get(check.code) if lang == "vi" else None
            lead = f"{vi}\n\n" if vi else ""  # the docstring below is English
            return f"{head}\n\n{lead}{inspect.cleandoc(check.__doc__ or '')}\n"
    if wanted in ENGINE_CODES:
        name, severity, _ = ENGINE_CODES[wanted]
        details = getattr(_codes().engine[wanted], lang).details
        head = _head(wanted, name, severity.value, None, lang)
        return f"{head}\n\n{engine_summary(wanted, lang)}\n\n{details}\n"
    known = ", ".join([*(c.code for c, _ in loaded.checks), *ENGINE_CODES])
    raise UsageError(f"unknown code {code!r}; known codes: {known}")


def _head(code: str, name: str, severity: str, package: str | None, lang: str) -> str:
    if lang == "vi":
        source = f"từ {package}" if package else "của bộ máy doichieu, luôn bật"
        return f"{code} ({name}), mức mặc định {_severity(severity, lang)}, {source}"
    source = f"from {package}" if package else "from the doichieu engine, always on"
    return f"{code} ({name}), default severity {severity}, {source}"


def _severity(value: str, lang: str) -> str:
    return _SEVERITY_VI[value] if lang == "vi" else value


SECTIONS = ("Why it matters:", "Known problems:")


def sections(description: str) -> list[tuple[str, str]]:
    """A check's description in ruff's sections: what it finds, why it matters,
    known problems (each section a paragraph of the docstring that starts with
    its title)."""
    found = {"What it finds": [], "Why it matters": [], "Known problems": []}
    current = "What it finds"
    for paragraph in description.split("\n\n"):
        for title in SECTIONS:
            if paragraph.startswith(title):
                current, paragraph = title[:-1], paragraph[len(title) :].strip()
        found[current].append(paragraph.strip())
    return [
        (title, text[:1].upper() + text[1:])
        for title, parts in found.items()
        if (text := "\n\n".join(parts))
    ]


def render_markdown() -> str:
    """docs/checks.md: every installed check's documentation, generated from the
    checks themselves (a test keeps the file in step with the code)."""
    from linter.checking.registry import load_checks
    from linter.diagnostics import ENGINE_CODES

    loaded = load_checks().checks
    out = ["# Checks", ""]
    out += ["Generated by `python -m linter.checking.docs`; do not edit by hand.", ""]
    out += ["| code | name | severity | summary |", "|---|---|---|---|"]
    out += [
        f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.severity.value} | {c.summary()} |"
        for c, _ in loaded
    ]
    titles = {"bad": "Ví dụ mâu thuẫn (contradiction)", "good": "Ví dụ nhất quán (consistent)"}
    for check, package in loaded:
        doc = inspect.cleandoc(check.__doc__ or "")
        description = doc.split(HEADINGS["bad"])[0].split("\n", 1)[-1].strip()
        out += ["", f"## {check.code}", "", f"**{check.summary()}**", ""]
        out += [f"`{check.name}` · default severity {check.severity.value} · from `{package}`"]
        for title, text in sections(description):
            out += ["", f"### {title}", "", text]
        out += ["", "### Options", ""]
        if check.options:
            out += [f"`[tool.doichieu.checks.{check.code}]` (defaults shown):", ""]
            out += [f"- `{name} = {value!r}`" for name, value in check.options.items()]
        else:
            out += ["None."]
        for kind, documents in examples(check).items():
            out += ["", f"### {titles[kind]}"]
            for name, text in documents.items():
                out += ["", f"`{name}`", "", "```markdown", text.rstrip("\n"), "```"]
    out += ["", "## Engine codes", "", "| code | name | severity | meaning |", "|---|---|---|---|"]
    out += [
        f"| {code} | {name} | {sev.value} | {text} |"
        for code, (name, sev, text) in ENGINE_CODES.items()
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_markdown(), end="")
