"""The data files' parses kept in the cache (linter.data.keep_in, engine.keptdata):
used only when kept for this very text and intact; anything else is parsed again
from the YAML, never a crash, and kept again."""

from __future__ import annotations

import datetime
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.body_names import BodyWords
from checks.laws import _Laws
from linter import data
from linter.checking.wording import Frequencies
from linter.claims.citations import _CitationsFile
from linter.claims.cues import _StatusFile
from linter.data.places import Places
from linter.data.unit_table import _UnitsFile
from linter.engine.cache import Cache
from linter.engine.keptdata import KeptData
from linter.errors import LexiconError

NAME = "syllables.yaml"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    Cache(tmp_path).commit()  # a cache file as a run leaves it
    yield tmp_path / "cache.sqlite"
    data.keep_in(None)


def _load(path: Path, name: str = NAME, model: type[Any] = Frequencies) -> Any:
    data.keep_in(KeptData(path))  # as a new process: nothing read yet
    return data.load(name, model)


def _source(name: str) -> Any:
    """linter/data/`name` as its YAML parses (a mapping, or laws.yaml's list)."""
    text = (Path(data.__file__).parent / name).read_text(encoding="utf-8")
    parsed = data._parse(text)
    assert isinstance(parsed, dict | list)
    return parsed


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = data._parse
    monkeypatch.setattr(data, "_parse", lambda text: parsed.append(text[:20]) or real(text))
    return parsed


def _kept_and_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch, name: str, model: type[Any]
) -> tuple[dict[str, Any], Callable[[], Any], list[str], Any]:
    """A kept data file's set-up: its YAML, a load of it from `cache` as a new
    process would, the YAML parses counted, and its table parsed once, kept and read
    back without YAML."""
    assert name in data.KEPT_FILES
    good = _source(name)
    _load(cache)  # the table made, as a run leaves it

    def load() -> Any:
        return _load(cache, name, model)

    parsed = _parses(monkeypatch)
    expected = load()  # parsed once and kept
    assert len(parsed) == 1 and load() == expected and len(parsed) == 1  # read back
    return good, load, parsed, expected


def _row(path: Path) -> tuple[str, str]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT key, value FROM data WHERE name = ?", (NAME,)).fetchone()


def _set(path: Path, key: str, value: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE data SET key = ?, value = ? WHERE name = ?", (key, value, NAME))


def test_a_kept_parse_is_read_back_without_yaml(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _parses(monkeypatch)
    first = _load(cache)
    assert len(parsed) == 1
    again = _load(cache)
    assert len(parsed) == 1  # read back, not parsed
    assert again == first and again.frequency["và"] == first.frequency["và"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda key, value: (key, value[:-5]),  # cut short: the digest no longer matches
        lambda key, value: (key, "0" * 64 + ":" + value.split(":", 1)[1]),  # another digest
        lambda key, value: ("0" * 64, value),  # kept for another text of the file
        lambda key, value: (key, ""),
    ],
)
def test_a_damaged_or_stale_row_is_parsed_again_and_rewritten(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    good = _load(cache)
    key, value = _row(cache)
    _set(cache, *damage(key, value))
    parsed = _parses(monkeypatch)
    assert _load(cache) == good
    assert len(parsed) == 1
    assert _row(cache) == (key, value)


def test_a_crafted_row_the_model_refuses_or_json_cannot_read_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _load(cache)
    key, value = _row(cache)
    for body in ('{"documents": -1}', "[" * 100_000 + "]" * 100_000, "{nope"):
        digest = hashlib.sha256(body.encode()).hexdigest()
        _set(cache, key, f"{digest}:{body}")
        assert _load(cache) == good
        assert _row(cache) == (key, value)


def test_no_cache_file_is_made_and_none_is_needed(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "cache.sqlite"
    assert _load(missing).documents > 0
    assert not missing.parent.exists()
    data.keep_in(None)


def test_a_parse_json_cannot_give_back_is_never_kept(cache: Path) -> None:
    assert data._plain({"a": [1, 2.5, True, None]}) is not None
    assert data._plain({1: "an integer key"}) is None
    assert data._plain({"d": datetime.date(2024, 1, 1)}) is None
    assert data._plain({"x": float("nan")}) is None


def test_a_malformed_file_still_says_what_is_wrong(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(cache)
    monkeypatch.setattr(data, "_parse", lambda text: {"documents": 0, "rare": 1, "frequency": {}})
    monkeypatch.setattr(data, "_key", lambda text: "another text of the file")
    with pytest.raises(LexiconError, match=r"linter/data/syllables.yaml: documents: Input should"):
        _load(cache)


def _kept_row(cache: Path, name: str, crafted: object) -> None:
    """`crafted` kept as the parse of linter/data/`name`, its key and digest right."""
    text = (Path(data.__file__).parent / name).read_text(encoding="utf-8")
    body = json.dumps(crafted, ensure_ascii=False)
    digest = hashlib.sha256(body.encode()).hexdigest()
    with sqlite3.connect(cache) as db:
        db.execute("DELETE FROM data WHERE name = ?", (name,))
        db.execute("INSERT INTO data VALUES (?, ?, ?)", (name, data._key(text), f"{digest}:{body}"))


def _refused_and_missed(
    cache: Path, name: str, crafted: Any, model: Any, problem: str, load: Any, expected: Any
) -> None:
    """`crafted` (a parse of linter/data/`name`) is refused by `model` saying `problem`,
    and, kept as the file's row with its key and digest right, is a miss: `load` parses
    the YAML again and gives what the file gives."""
    with pytest.raises(LexiconError, match=problem):
        data._validated(crafted, model, f"linter/data/{name}")
    _kept_row(cache, name, crafted)
    assert load() == expected  # a miss: the YAML parsed again


def test_a_crafted_indicators_row_with_an_unknown_parent_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv12: a crafted indicators.yaml row (its key and digest right, a parent
    that is no indicator) passed the model, and every run failed in Lexicon. Its model
    now says so (`_IndicatorsFile`), so the file is kept: such a row is a miss, the YAML
    parsed and kept again; a sound row is read back without YAML."""
    from linter.data.lexicon import Lexicon, _IndicatorsFile

    name = "indicators.yaml"
    good, load, parsed, expected = _kept_and_read_back(cache, monkeypatch, name, _IndicatorsFile)
    crafted = json.loads(json.dumps(good))
    crafted["indicators"]["grdp_growth"]["parent"] = "nope"  # took any string before
    for row in (crafted, {"indicators": {"a": {"label": "A", "label_en": "A", "parent": "b"}}}):
        _kept_row(cache, name, row)
        lexicon = Lexicon(load().indicators)  # no LexiconError
        assert lexicon.indicators["grdp_growth"].parent is None
        assert lexicon.indicators == expected.indicators
    assert len(parsed) == 3  # each crafted row a miss: the YAML parsed again


def test_an_indicators_file_with_an_unknown_parent_is_refused_by_its_model() -> None:
    from linter.data.lexicon import _IndicatorsFile

    row = {"indicators": {"a": {"label": "A", "label_en": "A", "parent": "b"}}}
    with pytest.raises(LexiconError, match=r"indicators.yaml: .*parent 'b' is not an indicator"):
        data._validated(row, _IndicatorsFile, "linter/data/indicators.yaml")


def test_each_run_keeps_parses_in_its_own_cache_or_none(tmp_path: Path) -> None:
    """Review rv12: a run named the data store once and for all; a later run of the
    process with another cache, or none, wrote into the first one."""
    from linter.engine.parsing import ParseSettings
    from linter.engine.run import Options, run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("Năm 2024, tỉnh thu 1.520 tỷ đồng.", encoding="utf-8")
    for cache in ("one", None, "two"):
        folder = tmp_path / cache if cache else None
        run([tmp_path / "in"], Options(parsing=ParseSettings(cache_dir=folder)), root=tmp_path)
        kept = data._KEPT
        if folder is None:
            assert kept is None
        else:
            assert isinstance(kept, KeptData) and kept.path == folder / "cache.sqlite"
    data.keep_in(None)


@pytest.mark.parametrize(
    "body",
    [
        '{"documents": 1' + "0" * 400 + ', "rare": 1, "frequency": {}}',  # OverflowError
        '{"documents": 1, "rare": 1, "frequency": {"và": 1' + "0" * 400 + "}}",  # domain
        '{"documents": 1000000001, "rare": 1, "frequency": {}}',
        '{"documents": 10, "rare": 11, "frequency": {}}',  # a rare weight below 0
        '{"documents": 10, "rare": 1, "frequency": {"và": -1}}',
        '{"documents": 10, "rare": 1, "frequency": {"và": 11}}',
    ],
)
def test_a_crafted_row_with_counts_out_of_bounds_is_a_miss(cache: Path, body: str) -> None:
    """Review rv13 item 1: the model had no upper bounds; a row of 10**400 articles
    passed it and `wording._idf` raised in every draft run, the row never replaced."""
    from linter.checking import wording

    good = _load(cache)
    key, value = _row(cache)
    digest = hashlib.sha256(body.encode()).hexdigest()
    _set(cache, key, f"{digest}:{body}")
    wording._idf.cache_clear()
    try:
        assert _load(cache) == good
        assert _row(cache) == (key, value)  # rewritten from the YAML
        data.keep_in(KeptData(cache))
        idf, rare = wording._idf()
        assert rare > 0 and all(0 <= x < 20 for x in idf.values())
    finally:
        wording._idf.cache_clear()


def test_a_crafted_offices_row_with_an_empty_title_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty word of a title passed the model, and the reader of offices then
    matched nothing at every position without end: every run would hang on a crafted
    row. The model refuses it (and any word without a letter or a digit), so a kept
    offices.yaml row is trusted only as far as the YAML would be."""
    from linter.data.offices import Offices

    name = "offices.yaml"
    good, load, parsed, expected = _kept_and_read_back(cache, monkeypatch, name, Offices)
    for field, word in (("roles", ""), ("bodies", " "), ("inside", "-"), ("surnames", "")):
        crafted = json.loads(json.dumps(good))
        if field in ("roles", "bodies"):
            crafted[field][0]["words"].append(word)
        else:
            crafted[field].append(word)
        problem = r"offices.yaml: .* is not a word"
        _refused_and_missed(cache, name, crafted, Offices, problem, load, expected)
    assert len(parsed) == 5


def test_a_crafted_persons_row_with_an_empty_word_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty verb after a title made every position end a title's body (claims on
    seeds/ changed); the model took it. It refuses it now, so a kept persons.yaml row
    that holds one is a miss and the YAML is parsed again."""
    from linter.claims.person_words import PersonWords

    name = "persons.yaml"
    good, load, parsed, expected = _kept_and_read_back(cache, monkeypatch, name, PersonWords)
    places = (
        ("said_after_title", "verbs"),
        ("honorifics", "male"),
        ("roles", 0),
        (None, "surnames"),
    )
    for outer, inner in places:
        crafted = json.loads(json.dumps(good))
        held = crafted[inner] if outer is None else crafted[outer][inner]
        (held["words"] if outer == "roles" else held).append("")
        problem = r"persons.yaml: .* is not a word"
        _refused_and_missed(cache, name, crafted, PersonWords, problem, load, expected)
    assert len(parsed) == 5


# The files kept parsed on "a kept row can do no more than the file": each with its
# model and the path, in its parse, to words of it (a list, or a mapping's keys) that
# must hold one word at least, and no blank word.
WORD_FILES: dict[str, tuple[Any, tuple[str | int, ...]]] = {
    "laws.yaml": (_Laws, (3, "names")),
    "citations.yaml": (_CitationsFile, ("doc_types",)),
    "places.yaml": (Places, ("deadline",)),
    "bodies.yaml": (BodyWords, ("kinds", 1, "words")),
    "status.yaml": (_StatusFile, ("single",)),
}


def _holder(name: str, crafted: Any) -> tuple[Any, str | int]:
    """What holds the words of `crafted` (a parse of `name`) at the table's path, and
    their key in it."""
    *outer, last = WORD_FILES[name][1]
    for step in outer:
        crafted = crafted[step]
    return crafted, last


@pytest.mark.parametrize("name", WORD_FILES)
def test_a_crafted_row_with_a_blank_word_or_no_word_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """laws.yaml, citations.yaml, places.yaml, bodies.yaml and status.yaml are kept
    parsed (read back without YAML, equal to the file's tables). A blank word in one
    of their lists would be found at every position, before every year, number or
    figure of a text, and so would an empty list, which the file never holds (an
    empty alternation: laws' names, citations' types, places' deadline words, a
    body's kind, status' single words). Neither passes the
    model, so a kept row that holds one is a miss and the YAML is parsed again."""
    model = WORD_FILES[name][0]
    good, load, parsed, expected = _kept_and_read_back(cache, monkeypatch, name, model)
    assert expected == data._validated(good, model, name)  # what the YAML gives
    for word in ("", " ", "\t", None):
        crafted = json.loads(json.dumps(good))
        holder, key = _holder(name, crafted)
        words = holder[key]
        assert words  # the file's own list holds words
        if word is None:
            holder[key] = type(words)()
        elif isinstance(words, dict):
            words[word] = []
        else:
            words.append(word)
        problem = "at least 1 item" if word is None else "is not a word"
        _refused_and_missed(cache, name, crafted, model, rf"{name}: .*{problem}", load, expected)
    assert len(parsed) == 5


def test_a_crafted_bodies_row_without_a_kind_or_a_kind_without_words_is_a_miss(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """body_names takes the longest kind: with no kind, or none with a word, it
    failed on every check of a province. The model refuses both."""
    name = "bodies.yaml"
    model = WORD_FILES[name][0]
    good, load, parsed, expected = _kept_and_read_back(cache, monkeypatch, name, model)
    for crafted in (good | {"kinds": []}, good | {"kinds": [{"label": "x", "words": []}]}):
        _refused_and_missed(cache, name, crafted, model, "kinds", load, expected)
    assert len(parsed) == 3


@pytest.mark.parametrize("word", ["", " ", "\t", None])
def test_the_units_model_refuses_a_blank_word_or_no_word(word: str | None) -> None:
    """units.yaml is not kept (read at import, before a run names its cache), but its
    model refuses what the kept files' refuse: a blank population word, or none, would
    be an alternation found before every figure."""
    crafted = _source("units.yaml")
    assert crafted["per_population"]
    if word is None:
        crafted["per_population"] = []
    else:
        crafted["per_population"].append(word)
    problem = "at least 1 item" if word is None else "is not a word"
    with pytest.raises(LexiconError, match=rf"units.yaml: .*{problem}"):
        data._validated(crafted, _UnitsFile, "linter/data/units.yaml")
