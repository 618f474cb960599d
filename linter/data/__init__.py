"""Domain knowledge: the YAML files of this folder and the modules that build on them.

`load` (below) is the one way a YAML file here is read; `lexicon` (indicators,
units, status words), `places` (the administrative units) and `lunar` (the
lunar calendar table) turn files into the structures the other stages use.
Nothing here imports a later stage.

The one way a YAML file of `linter/data/` is read: parsed safely, validated by a
pydantic model, and on any problem a `LexiconError` naming the file, the entry
and the problem ("linter/data/units.yaml: units.3.factor: Input should be a
valid number"), never a traceback from deep inside a check.

Files are read as package data, so an installed wheel works like a checkout.
Each file is read once per process: the loaders that call `load` cache what
they build from it.
"""

from __future__ import annotations

from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from linter.errors import LexiconError

M = TypeVar("M")


# libyaml's safe loader where PyYAML has it: the same constructors, several times
# faster (reading the data files was a tenth of a warm run).
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> object:
    try:
        return yaml.load(text, Loader=_FAST)
    except yaml.YAMLError:
        return yaml.safe_load(text)  # the pure loader says what is wrong, as it always did


def load(name: str, model: type[M]) -> M:
    """`linter/data/<name>` validated as `model` (a pydantic model or any type
    pydantic can validate, such as `dict[str, Entry]`)."""
    where = f"linter/data/{name}"
    try:
        text = resources.files("linter").joinpath("data", name).read_text(encoding="utf-8")
        raw = _parse(text)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{where}: {exc}") from exc
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(raw)  # type: ignore[return-value]
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as exc:
        raise LexiconError(f"{where}: {_first_problem(exc)}") from exc
    except ValueError as exc:  # a model's own cross-check (an unknown key, say)
        raise LexiconError(f"{where}: {exc}") from exc


def _first_problem(exc: ValidationError) -> str:
    """The entry and the problem, read as a path: "units.3.factor: Input should be ..."."""
    problems = []
    for error in exc.errors()[:3]:
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        problems.append(f"{where}: {error['msg']}")
    more = exc.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")
