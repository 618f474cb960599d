"""What the configuration changes in a run: the lexicon, document metadata,
which checks run, and the severity and scope of what they report."""

from __future__ import annotations

import difflib
import math
import sys
from collections.abc import Collection, Iterable, Mapping

from linter.checking import Bound, Check, Option
from linter.data.lexicon import IndicatorSpec, Lexicon, default_lexicon
from linter.engine.config import Config
from linter.engine.config_errors import Said
from linter.models import Document, Finding, Provenance, Severity


def build_lexicon(config: Config) -> Lexicon:
    """The built-in lexicon extended by `[tool.doichieu.indicators]`: a new key
    is a new indicator; an existing key gets more names (and a new label if given)."""
    if not config.indicators:
        return default_lexicon()
    specs = dict(default_lexicon().indicators)
    for key, entry in config.indicators.items():
        extra = entry.model_dump(exclude_none=True)
        if key in specs:
            base = specs[key].model_dump()
            extra["names"] = (*base["names"], *extra.get("names", ()))
            extra["after"] = (*base["after"], *extra.get("after", ()))
            specs[key] = IndicatorSpec.model_validate({**base, **extra})
        else:
            extra.setdefault("label", key)
            extra.setdefault("label_en", extra["label"])
            specs[key] = IndicatorSpec.model_validate(extra)
    return Lexicon(specs)


def apply_metadata(doc: Document, config: Config) -> Document:
    """Overrides by path glob win over what was inferred; they are shown as such."""
    updates: dict[str, object] = {}
    for override in config.overrides_for(doc.path):
        for name in ("province", "district", "issuer", "plan_year"):
            value = getattr(override, name)
            if value is not None:
                updates[name] = value
                updates[f"{name}_source"] = Provenance.CONFIG
    if not updates:
        return doc
    return doc.model_copy(update={"meta": doc.meta.model_copy(update=updates)})


def enabled(code: str, config: Config, select: Iterable[str] | None) -> bool:
    """`--select` on the command line wins over the configuration's select/ignore."""
    if select is not None:
        return any(code.startswith(s) for s in select)
    return config.enabled(code)


def check_codes(config: Config, select: Iterable[str] | None, known: Collection[str]) -> None:
    """Every code or prefix named in `--select` and the configuration must name a
    known code: a misspelt one selects nothing, and a run of no check passes."""
    where = config.source or "the configuration"
    named = [("--select", code) for code in select or ()]
    named += [(f"{where}: select", code) for code in config.select or ()]
    named += [(f"{where}: extend-select", code) for code in config.extend_select]
    named += [(f"{where}: ignore", code) for code in config.ignore]
    named += [(f"{where}: severity", code) for code in config.severity]
    named += [
        (f"{where}: per-path-ignores", code)
        for codes in config.per_path_ignores.values()
        for code in codes
    ]
    for source, code in named:
        if not any(k.startswith(code) for k in known):
            raise _unknown(code, source, known)


def _unknown(code: str, source: str, known: Collection[str]) -> Said:
    """An unknown code, with the known codes like it: of its family ("VB03" -> VB01,
    VB02) when it has one, else the most similar by difflib, else all of them."""
    wanted = code.upper()
    family = sorted(k for k in known if len(wanted) >= 2 and k.startswith(wanted[:2]))
    close = family or difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.5)
    name, codes = ("unknown-code-close", close) if close else ("unknown-code", sorted(known))
    return Said(name, code=repr(code), source=source, codes=", ".join(codes))


def adjust(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """Per-check severities and per-path ignores. A finding is dropped only when
    every document it involves is ignored for its code: an archived article that
    contradicts a new one still shows, on the new one."""
    result = []
    for finding in findings:
        paths = {e.path for e in finding.evidence}
        if paths and all(config.ignored_at(finding.code, p) for p in paths):
            continue
        severity = config.severity.get(finding.code)
        if severity is not None:
            finding = finding.model_copy(update={"severity": Severity(severity)})
        result.append(finding)
    return result


def settings_of(check: type[Check], config: Config) -> Mapping[str, Option]:
    """What a check runs with: its declared defaults, the global `approx-tolerance`
    when it declares one, and its own `[tool.doichieu.checks.<CODE>]` table."""
    settings: dict[str, Option] = dict(check.options)
    if "approx-tolerance" in settings:
        settings["approx-tolerance"] = config.approx_tolerance
    settings.update(config.checks.get(check.code, {}))
    return settings


def check_settings(config: Config, checks: Iterable[type[Check]]) -> None:
    """Every `[tool.doichieu.checks.<CODE>]` table names a check, and only the
    settings it declares, each of the declared kind and within the bounds it
    declares: a misspelt setting is no silent default, and a negative window no
    silent check. In that order, so a code no check has is said as such first."""
    where = config.source or "the configuration"
    declared = {c.code: c for c in checks}
    for code, values in sorted(config.checks.items()):
        if code not in declared:
            raise _unknown(code, f"{where}: checks", declared)
        options, bounds = declared[code].options, declared[code].bounds
        key = f"{where}: checks.{code}"
        for name, value in sorted(values.items()):
            if name not in options:
                has = {"has": ", ".join(sorted(options))} if options else {}
                words = None if options else {"has": "none"}
                raise Said("setting-unknown", words, key=key, setting=repr(name), **has)
            if not _fits(value, options[name]):
                kind = type(options[name]).__name__
                raise Said("setting-kind", key=f"{key}.{name}", kind=kind, found=repr(value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                _in_bounds(f"{key}.{name}", value, bounds.get(name, Bound()))


def _in_bounds(key: str, value: float, bound: Bound) -> None:
    """NaN passes every comparison as false and an infinite window or tolerance
    accepts anything: neither is a number a check can run with, bounded or not."""
    if not _finite(value):
        raise Said("setting-not-finite", key=key, found=repr(value))
    if bound.minimum is not None and value < bound.minimum:
        raise Said("setting-below", key=key, minimum=f"{bound.minimum:g}", found=repr(value))
    if bound.below is not None and value >= bound.below:
        raise Said("setting-not-below", key=key, below=f"{bound.below:g}", found=repr(value))


def _finite(value: float) -> bool:
    """math.isfinite of an int raises OverflowError past a float's range (a TOML
    10**400): such an int, which a check's float() would overflow, is no finite number."""
    if isinstance(value, float):
        return math.isfinite(value)
    return abs(value) <= sys.float_info.max  # an int against a float compares exactly


def _fits(value: Option, default: Option) -> bool:
    """A value of the default's kind; an integer where a float is expected fits, a
    boolean fits only a boolean (True is an int to Python, never a number here)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))
