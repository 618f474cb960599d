"""Which figures have a subject worth comparing, and the words of that subject.

In: `Quantity`s with their subjects (`linter.claims.subjects`). Out: the
figures a comparison may use (`usable`, one per statement with `distinct`),
the words of a subject that say what is measured (`words`, `qualifiers`,
`measured`) and whether a count is too small to pair on likeness alone
(`small_count`). `linter.checking.likeness` matches figures on these words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from linter.claims.nouns import spelled
from linter.claims.subject_words import FUNCTION_WORDS, GENERIC
from linter.claims.subjects import MEASURES
from linter.models import Quantity

SMALL_COUNT = 10  # "1 tàu" / "2 tàu": small counts are compared only under the same words
MIN_SUBJECT_WORDS = 2  # "tàu" alone may be any ship of the story; "tàu cá vỏ thép" is one fleet


def distinct(quantities: Iterable[Quantity]) -> list[Quantity]:
    """Usable figures, one per statement: a sentence repeated a thousand times is one."""
    found: dict[tuple[object, ...], Quantity] = {}
    for q in quantities:
        if usable(q):
            found.setdefault((q.subject, q.measured, q.unit, q.op, q.low, q.high), q)
    return list(found.values())


def usable(q: Quantity) -> bool:
    """Whether a figure's subject says which things it measures: enough words of
    its own, and not the country's figure or a part of another."""
    needed = MIN_SUBJECT_WORDS + (q.unit == "%")  # "ý kiến" 1% / 73%: shares need more words
    return (
        q.subject is not None
        and q.scope.value != "national"
        and q.part_of is None
        and len(qualifiers(q)) >= needed
    )


def qualifiers(q: Quantity) -> frozenset[str]:
    """The subject's words but those of the figure's quote and the function words:
    the counted noun alone ("16 phòng khám", "145.000 học sinh") says which kind of
    thing, not which things, and "trong", "với" say nothing; two subjects that share
    only those are not one."""
    return words(q) - _quoted(q) - FUNCTION_WORDS


def small_count(q: Quantity) -> bool:
    return q.value < SMALL_COUNT and q.value.is_integer() and q.unit not in MEASURES


def words(q: Quantity) -> frozenset[str]:
    return _key_words(q.subject or "")


# Subjects repeat across a corpus and each is compared many times: read each once.
@lru_cache(maxsize=65536)
def _key_words(text: str) -> frozenset[str]:
    return frozenset(GENERIC.sub(" ", text).split())


def measured(q: Quantity) -> frozenset[str]:
    """What is counted or measured after the number ("dầu fo", "cơ sở y tế tư nhân"),
    when it says more than the counted noun itself ("học sinh" says nothing)."""
    return _measured_words(q.measured or "", q.span.quote)


@lru_cache(maxsize=65536)
def _measured_words(measured: str, quote: str) -> frozenset[str]:
    found = _key_words(measured)
    return found if len(found - _quote_words(quote)) >= MIN_SUBJECT_WORDS else frozenset()


def _quoted(q: Quantity) -> frozenset[str]:
    return _quote_words(q.span.quote)


@lru_cache(maxsize=65536)
def _quote_words(quote: str) -> frozenset[str]:
    return frozenset(spelled(re.findall(r"[^\W\d_]+", quote.lower())))
