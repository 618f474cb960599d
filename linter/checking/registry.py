"""Discover checks through the `doichieu.checks` entry points and validate them.

A check that fails to import or is malformed does not stop the run: it becomes
an EN02 finding that names the entry point and its package.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.checking import CODE, NAME, Bound, Check
from linter.diagnostics import ENGINE_CODES
from linter.errors import CheckLoadError
from linter.models import CheckInfo, Severity
from linter.plugins import CHECKS, group, load, package_of

GROUP = CHECKS


@dataclass(frozen=True)
class Loaded:
    """The checks the entry points gave, and the errors of those that failed to load."""

    checks: tuple[tuple[type[Check], str], ...]  # (check, package that registered it)
    errors: tuple[CheckLoadError, ...]


def validate(obj: object, ep_name: str, package: str) -> type[Check]:
    """Return `obj` as a check class, or raise CheckLoadError saying what is wrong."""

    def fail(message: str) -> CheckLoadError:
        return CheckLoadError(ep_name, package, message)

    if not (isinstance(obj, type) and issubclass(obj, Check)):
        raise fail(f"expected a subclass of linter.checking.Check, found {obj!r}")
    code = getattr(obj, "code", None)
    if not isinstance(code, str) or not CODE.match(code):
        raise fail(f"expected a code like 'NU01' (two capitals, two digits), found {code!r}")
    if code != ep_name:
        raise fail(f"the entry point is named {ep_name!r} but the check's code is {code!r}")
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not NAME.match(name):
        raise fail(f"expected a name slug like 'figure.conflict', found {name!r}")
    if not isinstance(getattr(obj, "severity", None), Severity):
        raise fail(f"expected severity to be a linter.models.Severity, found {obj.severity!r}")
    if not obj.summary():
        raise fail("expected a docstring whose first line summarises the check, found none")
    if obj.run is Check.run:
        raise fail("expected a run(group) method, found only the base class's")
    # Checked here, not when a setting is: a misspelt key would bound nothing, and a
    # bound of another type would crash the reading of every configuration.
    for key, bound in obj.bounds.items():
        if key not in obj.options:
            declared = ", ".join(sorted(obj.options)) or "none"
            raise fail(f"bounds {key!r}, which is not an option (options: {declared})")
        if not isinstance(bound, Bound):
            kind = "a linter.checking.Bound"
            raise fail(f"expected the bound of {key!r} to be {kind}, found {bound!r}")
    return obj


def load_checks() -> Loaded:
    checks: dict[str, tuple[type[Check], str]] = {}
    errors: list[CheckLoadError] = []
    for ep in group(GROUP):  # in a stable order
        package = package_of(ep)  # once per distribution (see package_of)
        try:
            check = validate(load(ep, package), ep.name, package)
        except CheckLoadError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a plugin may raise anything while importing
            errors.append(CheckLoadError(ep.name, package, f"failed to import {ep.value}: {exc!r}"))
            continue
        if check.code in checks and checks[check.code][0] is not check:
            errors.append(CheckLoadError(ep.name, package, f"code {check.code} is already taken"))
            continue
        checks[check.code] = (check, package)
    return Loaded(tuple(checks[c] for c in sorted(checks)), tuple(errors))


def known_codes(loaded: Loaded) -> frozenset[str]:
    """Codes a user may name: the checks, the engine's own codes, and checks that
    failed to load (their code is right; the plugin is what is broken, and EN02 says so)."""
    broken = {e.entry_point for e in loaded.errors}
    return frozenset({*(c.code for c, _ in loaded.checks), *ENGINE_CODES, *broken})


def info(check: type[Check], package: str = "doichieu") -> CheckInfo:
    return CheckInfo(
        code=check.code,
        name=check.name,
        summary=check.summary(),
        severity=check.severity,
        package=package,
    )
