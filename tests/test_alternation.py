"""The patterns built of a data file's words never match everywhere: no word gives
a pattern that matches nothing (`linter.data.NOTHING`), never an empty alternation,
and a blank word is left out. Each builder is given its file's words emptied (what
a crafted kept row or a configuration could hold) and asked on real text, where
the file's own words find something."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checks import laws
from linter import data
from linter.claims import citations, cues
from linter.claims import units as unit_reader
from linter.data import NOTHING, alternation, places
from linter.data.unit_table import _UnitsFile
from linter.errors import LexiconError
from linter.metadata import issuer, pubdate
from linter.nlp import alone, fold

# Sentences of news2017's tuning articles (dak-nong, ha-noi, ba-ria-vung-tau, ben-tre).
LAW = "Lý do chấm dứt hoạt động và thu hồi chứng nhận đầu tư là nhà đầu tư vi phạm quy định Luật Đầu tư năm 2014."
FIGURES = (
    "Năm 2017, huyện Phú Xuyên được giao 145 chỉ tiêu. Nhờ làm tốt công tác tuyên truyền "
    "nên 50% thanh niên nhập ngũ có trình độ trung cấp trở lên."
)
CITATION = "Căn cứ điểm h, khoản 1, điều 5 Quyết định 33/QĐ-UBND của UBND tỉnh thì dự án này"
# The opening of an official dateline, before its date ("Hà Nội, ngày ...").
DATELINE = "Hà Nội, "
# A figure after a comma (news2017's ben-tre/mz-21471903): an empty alternation
# between a lookbehind for no letter and a number's space matches ", 2".
COUNT = "Ba người còn lại không biết bơi, 2 người chìm nghỉm tại chỗ và mất tích."
TEXTS = [fold(t) for t in (LAW, FIGURES, CITATION, DATELINE, COUNT)]

CACHED: list[Callable[..., Any]] = [
    places.places,
    pubdate._patterns,
    issuer._patterns,
    cues.cues,
    cues.cue_matches,
    laws._laws,
    laws._pattern,
    laws._starts,
    laws._cited_in,
    citations.tables,
    citations._pattern,
]


@pytest.fixture
def fresh() -> Iterator[None]:
    """The builders' caches emptied before the test and after it (the file's again)."""
    for cached in CACHED:
        cached.cache_clear()  # type: ignore[attr-defined]
    yield
    for cached in CACHED:
        cached.cache_clear()  # type: ignore[attr-defined]


def _found(pattern: re.Pattern[str]) -> list[str]:
    return [m.group() for text in TEXTS for m in pattern.finditer(text)]


def test_no_word_or_only_blank_words_is_a_pattern_of_nothing() -> None:
    for words in ([], ["", " ", "\t"]):
        assert alternation(words) == NOTHING
        assert _found(re.compile(rf"(?P<name>{alternation(words)})\s+\d")) == []
    assert alternation(["luật", "", "tp.", " "]) == r"luật|tp\."
    assert places.alternatives(["Hà Nội", " ", ""]) == r"hà\ nội"
    assert places.alternatives([]) == NOTHING
    assert alone() == NOTHING  # whole words of none


def test_a_law_pattern_of_no_law_finds_no_law(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert [m.group() for m in laws._pattern().finditer(TEXTS[0])] == ["luật đầu tư năm 2014"]
    for cached in CACHED:
        cached.cache_clear()  # type: ignore[attr-defined]
    monkeypatch.setattr(laws, "load", lambda name, model: [])
    assert laws._pattern().pattern.count(NOTHING) == 1
    assert _found(laws._pattern()) == [] and laws._cited_in(LAW) == ()


def test_no_deadline_word_finds_no_deadline(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = places.places()
    assert pubdate._patterns()["deadline"].search("trước ngày ") is not None
    pubdate._patterns.cache_clear()
    for name in ("deadline", "reported", "intended"):
        emptied = spec.model_copy(update={name: ()})
        monkeypatch.setattr(places, "places", lambda emptied=emptied: emptied)
        assert _found(pubdate._patterns()[name]) == []
        pubdate._patterns.cache_clear()


def test_no_body_word_finds_no_body(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The acting bodies' pattern is `nlp.alone` of places.yaml's bodies (here the
    symbol's "QĐ-UBND" and the issuer's "UBND"): of none, none found."""
    assert [m.group(1) for m in issuer._patterns()["body"].finditer(TEXTS[2])] == ["ubnd"] * 2
    issuer._patterns.cache_clear()
    emptied = places.places().model_copy(update={"bodies": {}, "not_acting": ()})
    monkeypatch.setattr(places, "places", lambda: emptied)
    assert {name: _found(p) for name, p in issuer._patterns().items()} == {
        "body": [],
        "not_acting": [],
    }


def test_no_status_word_finds_no_cue(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def found() -> dict[str, list[str]]:
        table = vars(cues.cues())
        return {k: _found(v) for k, v in table.items() if isinstance(v, re.Pattern)}

    assert {k: v for k, v in found().items() if v} == {
        "pattern": ["được giao", "chỉ tiêu"],
        "single": ["dự án này"],
        "place": ["huyện", "tỉnh"],
        "quoted_rule": ["quy định"],
        "rule_document": ["luật", "khoản", "điều", "quyết định"],
    }
    cues.cues.cache_clear()
    real = cues.load("status.yaml", cues._StatusFile)
    empty = dict.fromkeys(type(real).model_fields, ())
    monkeypatch.setattr(cues, "load", lambda name, model: real.model_copy(update=empty))
    emptied = found()
    assert len(emptied) == 8 and not any(emptied.values())


def test_no_document_type_reads_no_citation(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    found = [m.group("type", "num") for m in citations._pattern().finditer(TEXTS[2])]
    assert found == [("quyết định", "33")]
    for cached in CACHED:
        cached.cache_clear()  # type: ignore[attr-defined]
    real = citations.load("citations.yaml", citations._CitationsFile)
    update = {"doc_types": {}, "needs_marker": (), "issuers": {}, "symbol_issuers": {}}
    monkeypatch.setattr(citations, "load", lambda name, model: real.model_copy(update=update))
    assert citations._pattern().pattern.count(NOTHING) == 2  # the types and the issuers
    assert _found(citations._pattern()) == []


def test_no_unit_reads_no_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    figures = TEXTS[1]
    after = [m.end() for m in re.finditer(r"\d+", figures)]
    read = [unit_reader.read_unit(figures, at) for at in after]
    assert [u.name for u in read if u is not None] == ["%"]
    monkeypatch.setattr(unit_reader, "units", lambda: ((), ()))
    pattern, table, glued = unit_reader._unit_pattern()
    assert table == {} and glued == NOTHING
    assert [at for at in after if pattern.match(figures, at)] == []


@pytest.mark.parametrize(
    ("model", "row"),
    [
        (laws._Laws, []),  # the review's crafted laws.yaml: "(?P<name>)" found " 2025"
        (citations._CitationsFile, {"doc_types": {}, "needs_marker": [], "issuers": {}}),
    ],
)
def test_the_models_refuse_a_file_of_no_words(model: Any, row: Any) -> None:
    from linter.data import _validated

    with pytest.raises(LexiconError, match="at least 1 item"):
        _validated(row, model, "linter/data/x.yaml")


@pytest.mark.parametrize("field", ["words", "not_before"])
def test_the_units_model_refuses_a_blank_unit_word(field: str) -> None:
    """linter.claims.units writes a unit's words, and the words it may not stand
    before, as the model gives them (it leaves no blank one out itself): a blank unit
    word would be a unit after every number, so the model refuses one."""
    row = data._parse((Path(data.__file__).parent / "units.yaml").read_text(encoding="utf-8"))
    assert isinstance(row, dict)
    data._validated(row, _UnitsFile, "linter/data/units.yaml")  # the file's own
    at = next(n for n, unit in enumerate(row["units"]) if unit.get("not_before"))
    row["units"][at][field].append(" ")
    with pytest.raises(LexiconError, match=rf"units\.{at}\.{field}: \[' '\] is not a word"):
        data._validated(row, _UnitsFile, "linter/data/units.yaml")
