"""What a text is about, as weighed syllables: the wording two reports of one event share.

A text becomes a unit vector of its `VECTOR_WORDS` heaviest folded syllables.
A syllable weighs by how often the text says it (1 + log of the count) and by
how rare it is in news at large (the log of the inverse share of articles that
hold it, from `linter/data/syllables.yaml`): "và", "tỉnh", "đồng" weigh next to
nothing, "golf", "vải", "thiều" much; a syllable rarer than the table's floor
weighs as one in half of the floor's articles. Two texts are compared by the
cosine of their vectors (`linter.checking.events` links reports with it).

Only the heaviest syllables are kept: they say what a text is about, the long
tail says little, and a server keeps the vector of every published text.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter import nlp
from linter.data import load

VECTOR_WORDS = 64
_MOST = 10**9  # articles counted: far above any table, far below a float's range
SYLLABLE = re.compile(r"[^\W\d_]+")


class Frequencies(BaseModel):
    """linter/data/syllables.yaml: in how many of `documents` articles each syllable
    occurs, for the syllables in at least `rare` of them.

    Bounded so that every weight `_idf` computes is a finite number >= 0: its parse
    is kept in the cache (`linter.data.KEPT_FILES`), and a crafted row the model took
    (10**400 articles: an OverflowError; a count of 10**400: a math domain error)
    would fail every run that reads it, never to be replaced."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    documents: int = Field(gt=0, le=_MOST)
    rare: int = Field(gt=0, le=_MOST)
    frequency: dict[str, int]

    @model_validator(mode="after")
    def _counts_within(self) -> Frequencies:
        n = self.documents
        if self.rare > n or not all(0 <= c <= n for c in self.frequency.values()):
            raise ValueError(f"rare and every count must be from 0 to documents ({n})")
        return self


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    table = load("syllables.yaml", Frequencies)
    n = table.documents
    idf = {w: math.log(n / max(c, 1)) for w, c in table.frequency.items()}
    return idf, math.log(2 * n / table.rare)


def syllables(text: str) -> Counter[str]:
    """How often the text says each folded syllable (hoà and hòa are one)."""
    # Every syllable through the cache in C is cheaper than a Python loop over the
    # distinct ones; the counts come in the same order (the first of each folded).
    return Counter(map(_folded, SYLLABLE.findall(nlp.lowered(text))))


# 1 + log(n) of the counts a text says a syllable, looked up: computed for each syllable
# of each text (math.log through its module) it was half the time of the weights
# below. The same floats, so the same weights and the same order.
_LOGGED = 256
_LOG_WEIGHT = (0.0, *(1 + math.log(n) for n in range(1, _LOGGED)))


def weighed(text: str) -> dict[str, float]:
    """The text's heaviest syllables and their weights, heaviest first, a unit vector."""
    idf, rare = _idf()
    # (weight, syllable) pairs: their own order is the one wanted (heaviest first, a tie
    # by the syllable; no two are equal), without a key function called per syllable.
    weights = [
        ((_LOG_WEIGHT[n] if n < _LOGGED else 1 + math.log(n)) * idf.get(w, rare), w)
        for w, n in syllables(text).items()
    ]
    heaviest = heapq.nlargest(VECTOR_WORDS, weights)
    norm = math.sqrt(sum(x * x for x, _ in heaviest)) or 1.0
    return {w: x / norm for x, w in heaviest if x}


@lru_cache(maxsize=65536)
def _folded(syllable: str) -> str:
    """Folded once per distinct syllable of a run, not over the whole of every text
    (that was a tenth of a millisecond per text); interned, as every text holds it."""
    return sys.intern(nlp.fold(syllable))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
