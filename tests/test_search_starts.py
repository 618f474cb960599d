"""Patterns searched from where a match may begin (`nlp.finditer_at` with a `starts`
pattern) find what a plain search finds, on the real articles.

Each `starts` is written beside its pattern from the words the pattern opens on
(VB03's law names, `_HELD`'s verbs, `_ACT`'s day words, a digit, a capital): a
pattern given a new opening word and not its `starts` would silently miss matches.
Each case also asserts the plain search finds something, so no case passes empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from checks import held, laws, named_days
from conftest import real_corpus_or_skip, seed_texts
from linter import nlp
from linter.checking import distinctive

FIXTURES = Path(__file__).parent / "fixtures" / "checks"


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    """The seeds, the real articles, and the reports of EV03's and VB03's fixtures
    (news2017's, shortened): the seeds and real articles hold few held days, acts
    or dated law names."""
    folder: Path = real_corpus_or_skip()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    texts = seed_texts() + [p.read_text(encoding="utf-8", errors="replace") for p in files]
    for code in ("EV03", "VB03"):
        fixture = yaml.safe_load((FIXTURES / f"{code}.yml").read_text(encoding="utf-8"))
        texts += [text for case in fixture["cases"] for text in case["documents"].values()]
    return tuple(texts)


def _searched(search: Callable[[str, int], re.Match[str] | None], text: str) -> Iterator[tuple]:
    """Every match `search` finds from each position after the last one's start, as
    `named_days._acts_in` walks (a dropped match resumes at its next character)."""
    at = 0
    while (m := search(text, at)) is not None:
        yield m.span(), m.groupdict()
        at = m.start() + 1


CASES = {
    "VB03 law names": (laws._pattern, laws._starts, nlp.fold),
    "EV03 held days": (lambda: held._HELD, lambda: held._HELD_STARTS, nlp.lower),
    "EV03 acts": (lambda: named_days._ACT, lambda: named_days._ACT_STARTS, nlp.lower),
    "linking figures": (lambda: distinctive._NUMBER, lambda: nlp.RUN_START, str),
    "linking names": (lambda: distinctive._NAME, lambda: distinctive._CAPITAL, str),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_starts_miss_nothing(case: str) -> None:
    pattern_of, starts_of, prepare = CASES[case]
    pattern, starts = pattern_of(), starts_of()
    plain = 0

    def from_starts(t: str, at: int) -> re.Match[str] | None:
        return nlp.search_at(pattern, starts, t, at)

    for text in map(prepare, _texts()):
        expected = list(_searched(pattern.search, text))
        assert list(_searched(from_starts, text)) == expected, case
        assert [m.span() for m in nlp.finditer_at(pattern, starts, text)] == [
            m.span() for m in pattern.finditer(text)
        ], case
        plain += len(expected)
    assert plain, f"{case}: the real articles hold no match, the case proves nothing"
