"""Findings the engine itself reports: unreadable files, crashes, bad plugins.

They are not checks: they cannot be disabled, and they are listed by
`doichieu checks` after the checks.

What the loader says about a file (DC01, DC02) is made while parsing, which is
cached and knows no language, so it is kept as a `Reason` (an id of
`linter/data/engine_messages.yaml` and its parameters) and rendered in the
run's language by `localise`. The English text stays the fingerprint's key, so
baselines do not depend on the language of the run that wrote them.
"""

from __future__ import annotations

import string
from functools import cache

from pydantic import BaseModel, ConfigDict, model_validator

from linter.data import load
from linter.models import CheckInfo, Evidence, Finding, Reason, Severity

ENGINE_CODES: dict[str, tuple[str, Severity, str]] = {
    "DC01": ("document.unreadable", Severity.ERROR, "A file could not be read as a document."),
    "DC02": (
        "document.malformed",
        Severity.WARNING,
        "A document was read, but part of it is malformed.",
    ),
    "DC03": (
        "document.no-province",
        Severity.INFO,
        "No province could be inferred; the document is checked alone.",
    ),
    "DC04": (
        "suppression.unused",
        Severity.INFO,
        "A document suppresses a check that reports nothing there.",
    ),
    "EN01": (
        "engine.crash",
        Severity.ERROR,
        "A check or the parser crashed; the rest of the run went on.",
    ),
    "EN02": ("engine.bad-plugin", Severity.ERROR, "A registered check failed to load."),
}


def engine_finding(
    code: str,
    message: str,
    path: str,
    line: int = 1,
    column: int = 1,
    key: str | None = None,
    reason: Reason | None = None,
) -> Finding:
    """`key` (default: path and message) is what the baseline fingerprint is made
    of: give one that does not depend on the language of the message."""
    name, severity, _ = ENGINE_CODES[code]
    where = Evidence(
        path=path, line=line, column=column, end_line=line, end_column=column, quote=""
    )
    return Finding(
        code=code,
        name=name,
        severity=severity,
        message=message,
        evidence=(where,),
        key=key or f"{path}|{message}",
        reason=reason,
    )


def reason_finding(code: str, reason: Reason, path: str, line: int = 1, column: int = 1) -> Finding:
    """An engine finding whose message is `reason`, in English until `localise`d."""
    return engine_finding(code, render(reason, "en"), path, line, column, reason=reason)


def localise(finding: Finding, lang: str) -> Finding:
    """The finding with its message in `lang`, if it was stored as a reason."""
    if finding.reason is None:
        return finding
    return finding.model_copy(update={"message": render(finding.reason, lang)})


def reason(name: str, words: dict[str, str] | None = None, **params: str | int) -> Reason:
    """A `Reason`, checked against the messages file at once: a typo in an id must
    fail where it is written, in the tests of that loader, not when it is shown."""
    messages = _messages()
    if name not in messages.messages:
        raise KeyError(f"no message {name!r} in linter/data/engine_messages.yaml")
    unknown = set((words or {}).values()) - set(messages.words)
    if unknown:
        raise KeyError(f"no word {sorted(unknown)} in linter/data/engine_messages.yaml")
    given = tuple(sorted((words or {}).items()))
    return Reason(id=name, params=tuple(sorted(params.items())), words=given)


def render(reason: Reason, lang: str) -> str:
    """The text of `reason` in `lang` ("vi" or "en")."""
    lang = "en" if lang == "en" else "vi"
    messages = _messages()
    values: dict[str, str | int] = dict(reason.params)
    values.update({name: getattr(messages.words[word], lang) for name, word in reason.words})
    return _Formatter(lang).format(getattr(messages.messages[reason.id], lang), **values)


class _Formatter(string.Formatter):
    """`{n:,}` groups thousands with a comma in English and a dot in Vietnamese."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if self.lang == "vi" and isinstance(value, int) and "," in format_spec:
            text = text.replace(",", ".")
        return text


class _Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    en: str
    vi: str

    @model_validator(mode="after")
    def _same_parameters(self) -> _Text:
        if _fields(self.en) != _fields(self.vi):
            raise ValueError(f"en and vi name different parameters: {self.en!r} / {self.vi!r}")
        return self


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Messages(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    messages: dict[str, _Text]
    words: dict[str, _Text]


@cache
def _messages() -> _Messages:
    return load("engine_messages.yaml", _Messages)


def engine_infos() -> list[CheckInfo]:
    return [
        CheckInfo(
            code=code, name=name, summary=summary, severity=severity, package="doichieu (engine)"
        )
        for code, (name, severity, summary) in ENGINE_CODES.items()
    ]
