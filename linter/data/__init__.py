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
they build from it. Parsing the YAML was 26 ms of a draft's run, so a run with a
cache keeps the parse of the files of `KEPT_FILES` (those whose model validates all
their loaders rely on) there as JSON (`keep_in`; the engine's
`linter.engine.keptdata` stores it), under the SHA-256 of the file's text, PyYAML's
version and `KEPT_FORMAT`. A kept parse is used only when that key is the file's,
its own SHA-256 still matches and the model validates it; anything else (a
damaged, stale or foreign row) is a miss: the YAML is parsed, as without a cache,
and kept again. Only what JSON gives back as it was is kept (not a date, nor a
key that is not a string).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Annotated, Protocol, TypeVar

import yaml
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from linter.errors import LexiconError
from linter.nlp import NOTHING  # a pattern that matches nowhere

M = TypeVar("M")
KEPT_FORMAT = 1  # what a kept value is: "<SHA-256 of the JSON>:<the JSON of the parse>"


class Kept(Protocol):
    """Where parses are kept between runs: a key and a value per data file."""

    def get(self, name: str) -> tuple[str, str] | None: ...

    def put(self, name: str, key: str, value: str) -> None: ...


_KEPT: Kept | None = None
# The files whose parse is kept: only where the model validates all that the file's
# loader relies on, so that a kept row the model accepts can do no more than the file
# itself could (the digest only tells a damaged row: anyone can compute it). A file
# checked after `load` only would fail every run on a crafted row. syllables.yaml
# (`wording.Frequencies`: counts read through max(count, 1), totals above 0) is 15
# of the 40 ms of parsing every file; indicators.yaml (`lexicon._IndicatorsFile`:
# strings, kinds and dimensions of a closed list, generic names among the names,
# parents that are indicators; `Lexicon` needs no more) 2.2 ms; offices.yaml
# (`offices.Offices`: every word of a list a word; an empty title hung the reader
# of offices) 2.4 ms; persons.yaml (`person_words.PersonWords`: the same of its
# words, exclusive titles that are roles) 1.9 ms; laws.yaml (`laws._Law`: names that
# are words, whole years) 1.5 ms; citations.yaml (`citations._CitationsFile`: every
# name a word, every name it refers to defined) 1.2 ms; places.yaml (`places.Places`:
# every word a word) 0.9 ms; bodies.yaml (`body_names.BodyWords`: the same, and a
# kind at least, each with a word) 0.65 ms; status.yaml (`cues._StatusFile`: lists
# of words) 0.45 ms. Nor may a list be empty where the file always has words
# (`Words`): an empty alternation matches everywhere too (the patterns are built by
# `alternation`, which never writes one either).
# Not units.yaml: `linter.claims.units` loads it when imported, before a run names
# its cache (`keep_in`), so a row kept of it would never be read
# (tests/test_data_kept_cli.py).
KEPT_FILES = frozenset(
    {
        "syllables.yaml",
        "indicators.yaml",
        "offices.yaml",
        "persons.yaml",
        "laws.yaml",
        "citations.yaml",
        "places.yaml",
        "bodies.yaml",
        "status.yaml",
    }
)


def keep_in(store: Kept | None) -> None:
    """Keep the parses of the files loaded from now on in `store` (None: nowhere)."""
    global _KEPT
    _KEPT = store


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
    except OSError as exc:
        raise LexiconError(f"{where}: {exc}") from exc
    store = _KEPT if name in KEPT_FILES else None
    if store is None:
        return _validated(_parsed(text, where), model, where)
    key = _key(text)
    kept = _kept(store.get(name), key)
    if kept is not None:
        try:
            return _validated(kept, model, where)
        except LexiconError:
            pass  # damaged, or not ours: the file says what is right
    raw = _parsed(text, where)
    value = _plain(raw)  # before a validator may touch it
    found = _validated(raw, model, where)
    if value is not None:
        store.put(name, key, value)
    return found


def _parsed(text: str, where: str) -> object:
    try:
        return _parse(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: {exc}") from exc


def _validated(raw: object, model: type[M], where: str) -> M:
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(raw)  # type: ignore[return-value]
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as exc:
        raise LexiconError(f"{where}: {_first_problem(exc)}") from exc
    except ValueError as exc:  # a model's own cross-check (an unknown key, say)
        raise LexiconError(f"{where}: {exc}") from exc


def _key(text: str) -> str:
    return _sha256(f"{KEPT_FORMAT}|{yaml.__version__}|{text}")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _kept(row: tuple[str, str] | None, key: str) -> object | None:
    """The parse in `row` when it was kept for this text (`key`) and is intact, else None."""
    if row is None or row[0] != key:
        return None
    digest, _, body = row[1].partition(":")
    if digest != _sha256(body):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _plain(raw: object) -> str | None:
    """What `store.put` keeps of a parse: its JSON and the JSON's SHA-256, or None
    when JSON would not give it back as it is (a date, an integer key, a NaN)."""
    try:
        body = json.dumps(raw, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None
    if json.loads(body) != raw:
        return None
    return f"{_sha256(body)}:{body}"


def _first_problem(exc: ValidationError) -> str:
    """The entry and the problem, read as a path: "units.3.factor: Input should be ..."."""
    problems = []
    for error in exc.errors()[:3]:
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        problems.append(f"{where}: {error['msg']}")
    more = exc.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


_LETTER = re.compile(r"\w")


def words_are_words(lists: Mapping[str, Iterable[str]], word: re.Pattern[str] = _LETTER) -> None:
    """A ValueError naming the first list with a word in which `word` finds nothing
    (by default: no letter or digit): a model's check for the word lists of a kept
    file (`KEPT_FILES`), where an empty word in a pattern matches at every position
    of a text (one hung the reader of offices)."""
    for name, words in lists.items():
        if bad := [w for w in words if not word.search(w)]:
            raise ValueError(f"{name}: {bad!r} is not a word")


# A list of words that holds one at least: a field of a kept file's model where the
# file always has words, so that an empty one is a crafted or damaged row.
Words = Annotated[tuple[str, ...], Field(min_length=1)]


def alternation(words: Iterable[str], write: Callable[[str], str] = re.escape) -> str:
    """`words` as one regex alternation, in their order, each written by `write`
    (escaped by default). A blank word is left out and no word at all gives
    `NOTHING`: an empty alternative, or an empty alternation, matches at every
    position of a text. The models of `KEPT_FILES` refuse both; this is the
    patterns' side, whatever their words come from (a configuration's, say)."""
    return "|".join(write(w) for w in words if w.strip()) or NOTHING
