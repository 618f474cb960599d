"""Every piece of arithmetic a document's wording links, sentence by sentence.

Each rule module reads one kind over the figures of one sentence (and the
sentences next to it); this module walks the sentences and hands each rule
what it reads. The check (`checks.arithmetic`) reports what does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.changes import _changes, _from_to
from checks.arithmetic.differences import _differences
from checks.arithmetic.equivalents import _equivalents
from checks.arithmetic.figures import _bare_from, _Figure, _lower, _sentences
from checks.arithmetic.partitions import _partitions
from checks.arithmetic.portions import _portions
from checks.arithmetic.products import _products
from checks.arithmetic.rates import _rated_counts, _rates
from checks.arithmetic.result import _Arithmetic
from checks.arithmetic.shares import _shares
from checks.arithmetic.subsets import _subsets
from checks.arithmetic.totals import _totals_after
from linter.checking import DocumentClaims
from linter.data.lexicon import Lexicon, default_lexicon


def candidates(
    item: DocumentClaims, lexicon: Lexicon | None = None, folded: str | None = None
) -> Iterator[_Arithmetic]:
    """Every piece of arithmetic the document's wording links, consistent or not (the
    check reports those that do not hold; a measurement reads them all); `folded`:
    the text lowered by `_lower`, if the caller has it."""
    lexicon = lexicon or default_lexicon()
    parents = {key: spec.parent for key, spec in lexicon.indicators.items()}
    rated = _rated_counts(lexicon)
    folded = _lower(item.document.text) if folded is None else folded
    sentences = _sentences(item, folded)
    nexts = [_next(folded, sentences, i) for i in range(len(sentences))]
    for index, figures in enumerate(sentences):
        following = nexts[index]
        after_following = nexts[index + 1] if following else []
        yield from _differences(folded, figures, following)
        yield from _partitions(folded, figures)
        yield from _totals_after(folded, figures)
        yield from _subsets(folded, figures, following, after_following, parents)
        yield from _changes(folded, figures)
        yield from _from_to(folded, _bare_from(item.document, folded, figures))
        yield from _rates(folded, figures, rated)
        yield from _shares(folded, figures)
        previous = sentences[index - 1] if index and nexts[index - 1] is figures else []
        yield from _equivalents(folded, figures, previous)
        yield from _portions(folded, figures, previous)
        yield from _products(folded, figures, previous)


def _next(folded: str, sentences: list[list[_Figure]], index: int) -> list[_Figure]:
    """The figures of the sentence right after sentence `index`; none when a sentence
    without figures (or a left-out one) stands between."""
    if index + 1 >= len(sentences):
        return []
    gap = folded[sentences[index][0].sentence_end : sentences[index + 1][0].start]
    return [] if re.search(r"[.!?\n]", gap) else sentences[index + 1]
