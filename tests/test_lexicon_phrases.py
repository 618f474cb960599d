"""The lexicon compiles a first word's phrases when a text first meets that word
(linter.data.lexicon._Phrases.candidates): a cache, so phrases that have read a
text are equal to, and shown as, phrases that have read none."""

from __future__ import annotations

from conftest import SEEDS
from linter.data.lexicon import Lexicon, default_lexicon
from linter.nlp import fold

SEED = SEEDS / "000_46a754388d49c070.txt"


def test_phrases_that_have_read_a_text_equal_phrases_that_have_not() -> None:
    indicators = default_lexicon().indicators  # the one lexicon a run shares: not asked here
    reader, fresh = Lexicon(indicators), Lexicon(indicators)
    text = fold(SEED.read_text(encoding="utf-8"))
    assert reader.find(text)  # the seed names indicators: some of their words compiled
    assert reader._before.compiled
    assert not fresh._before.compiled
    assert reader._before == fresh._before
    assert repr(reader._before) == repr(fresh._before)
    assert reader.find(text) == fresh.find(text)  # the same phrases, found alike
