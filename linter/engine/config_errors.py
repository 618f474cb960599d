"""What a configuration's mistakes are said as: one line naming the file, the key
and what is expected, in the run's language.

A `ConfigError` keeps its problems as `Reason`s (ids of
`linter/data/engine_messages.yaml` and their parameters), as a finding of the
loader does: the command line says them in `--lang` (`ConfigError.said`), and
`str()` is the English line, for whoever prints an exception as it is. A
validator of the configuration's models raises `Refused` to be said so too, and
a usage error (a code no check has, a command line's mistake) is a `Said`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ValidationError

from linter.diagnostics import reason, render
from linter.errors import DoichieuError, UsageError
from linter.models import Reason

__all__ = ["ConfigError", "Refused", "Said", "explain", "in_file"]


class ConfigError(DoichieuError):
    """The configuration file is malformed or missing (exit status 2)."""

    def __init__(self, problem: Reason, *more: Reason, path: Path | None = None) -> None:
        # With `path`, the problems are of its content: "PATH: the file: PROBLEM; ...".
        self.problems = (problem, *more)
        self.path = path
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        """The line in `lang` ("vi" or "en")."""
        problems = "; ".join(render(problem, lang) for problem in self.problems)
        if self.path is None:
            return problems
        section = "[tool.doichieu]" if self.path.name == "pyproject.toml" else None
        where = section or render(reason("config-file"), lang)
        return f"{self.path}: {where}: {problems}"


class Said(UsageError):
    """A usage error said in the run's language: a command line's (linter.app.inputs),
    or a code or check setting the configuration names that no check has (policy)."""

    def __init__(self, name: str, words: dict[str, str] | None = None, /, **params: str) -> None:
        self.reason = reason(name, words, **params)
        super().__init__(render(self.reason, "en"))

    def said(self, lang: str) -> str:
        return render(self.reason, lang)


class Refused(ValueError):
    """A value a validator refuses, with the id of its message and its parameters
    (`key` is filled in with where the value is, unless given)."""

    def __init__(self, name: str, /, **params: str) -> None:
        super().__init__(name)
        self.name = name
        self.params = params


def in_file(path: Path, name: str, words: dict[str, str] | None = None, **params: str) -> Reason:
    """A problem with the file itself (missing, unreadable): its message names it."""
    return reason(name, words, path=str(path), **params)


def explain(exc: ValidationError, root: type[BaseModel]) -> list[Reason]:
    """pydantic's errors of validating `root` as the configuration's problems."""
    problems = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        refused = error.get("ctx", {}).get("error")
        if error["type"] == "extra_forbidden":
            allowed = ", ".join(_keys_of(_table_at(root, error["loc"])))
            problems.append(reason("config-unknown-key", key=key, allowed=allowed))
        elif isinstance(refused, Refused):
            problems.append(reason(refused.name, **{"key": key, **refused.params}))
        else:  # pydantic's own words ("Input should be ..."), in English
            found = repr(error.get("input"))
            problems.append(reason("config-bad-value", key=key, error=error["msg"], found=found))
    return problems


def _table_at(root: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel]:
    """The model of the table holding the key at `loc`: an unknown key of a
    `[[metadata]]` entry lists what an entry takes, not the top-level keys."""
    kind: object = root
    for part in loc[:-1]:
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            fields = kind.model_fields.items()
            kind = next((f.annotation for n, f in fields if part in (n, f.alias)), None)
        else:  # an entry of a list or a mapping: the model its entries are
            models = [a for a in get_args(kind) if isinstance(a, type) and issubclass(a, BaseModel)]
            kind = models[0] if models else None
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else root


def _keys_of(model: type[BaseModel]) -> list[str]:
    hidden = ("source", "root")  # set by the loader, never written
    return sorted(f.alias or n for n, f in model.model_fields.items() if n not in hidden)
