"""When two reports of one province are of one event, and every such pair of a
set of reports: the rule (`link`) and the inverted index that proposes the
candidate pairs (`all_pairs`), with what it was found by (`Linked`), so that
`linter.checking.events` can add a draft to the kept links of the published
reports. `linter.checking.events` says why the rule is what it is; checks import
these names from there.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from linter import nlp
from linter.checking.distinctive import Features, bigrams, features
from linter.checking.wording import cosine
from linter.models import Document, Provenance

WINDOW_DAYS = 10  # outlets report a press conference within days; a later report is news
MIN_NUMBERS = 2  # two shared distinctive figures alone make an event
MAX_FEATURE_DOCS = 12  # a feature shared by more documents than this is not distinctive
# Names alone make an event when there are this many: reports of one fire or one
# debate share the company, the ward, the speakers ("kwong lung", "trà nóc", ...).
MIN_NAMES = 5
MIN_TEXT = 0.3  # cosine of the weighed syllables that alone makes an event
# Measured on the tuning clusters of news2017 (`benchmarks/linking.py --half tune`:
# 522 pairs of one event cluster, 189 of one period cluster, 4,489 pairs of one
# province from two clusters): the rules below link 449, 4 and 103 (81 of the 103
# between the three clusters of the Tân Sơn Nhất golf course story, reported over
# two months); without the weighed words and the glued units, 250, 4 and 13
# (fe9fad3, against 43ef31f).


@dataclass(frozen=True)
class Link:
    """Why two documents are taken to report one event."""

    numbers: int
    names: int
    title: float
    text: float = 0.0  # cosine of the weighed syllables, when what is shared fell short


def link(
    a: Document, b: Document, fa: Features, fb: Features, window: int = WINDOW_DAYS
) -> Link | None:
    """Whether `a` and `b` (with their features) report one event, and on what evidence."""
    if a.meta.date and b.meta.date and abs((a.meta.date - b.meta.date).days) > window:
        return None
    numbers = len(fa.numbers & fb.numbers)
    names = len(fa.names & fb.names)
    union = fa.title | fb.title
    title = len(fa.title & fb.title) / len(union) if union else 0.0
    if numbers >= MIN_NUMBERS or (numbers >= 1 and (names >= 2 or title >= 0.2)):
        return Link(numbers, names, title)
    if names >= MIN_NAMES or (names >= 3 and (title >= 0.2 or fa.years & fb.years)):
        return Link(numbers, names, title)
    # Read last, as it costs most: the words of two rewrites of one press release.
    # Wording alone cannot tell one year's budget report from the next year's (the
    # same phrases every December): two documents about two known years are apart.
    ya, yb = _year(a), _year(b)
    if ya and yb and ya != yb:
        return None
    text = cosine(fa.words, fb.words)
    return Link(numbers, names, title, text) if text >= MIN_TEXT else None


def _year(doc: Document) -> int | None:
    """The year a document is dated in, else the plan year it is given. Not a plan
    year guessed from the latest period the text reports on: that guess splits
    reports of one event (the lychee season of Bắc Giang, 2016 and 2017)."""
    meta = doc.meta
    if meta.date or meta.year:
        return meta.date.year if meta.date else meta.year
    return meta.plan_year if meta.plan_year_source is not Provenance.GUESS else None


Positions = list[tuple[int, int, Link]]  # pairs by their documents' places in an order


@dataclass(frozen=True)
class Linked:
    """The linked pairs of some documents, with what they were found by."""

    features: list[Features]  # each document's, without its province and frequent ones
    counts: dict[str, int]  # in how many documents each figure, year and name is
    frequent: frozenset[str]  # in more than MAX_FEATURE_DOCS: no feature
    index: dict[str, list[int]]  # the documents each key is in
    pairs: Positions


def all_pairs(ordered: tuple[Document, ...], window: int) -> Linked:
    """Every linked pair of `ordered`, by position, with what they were found by."""
    found_features = [local(features(doc), doc) for doc in ordered]
    counted = counts(found_features)
    frequent = frozenset(k for k, n in counted.items() if n > MAX_FEATURE_DOCS)
    found_features = [without(f, frequent) for f in found_features]
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found_features):
        for key in keys(f):
            index[key].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= MAX_FEATURE_DOCS:  # members ascend: each pair comes as (i, j), i < j
            candidates.update(itertools.combinations(members, 2))
    result = []
    for i, j in sorted(candidates):
        found = link(ordered[i], ordered[j], found_features[i], found_features[j], window)
        if found is not None:
            result.append((i, j, found))
    return Linked(found_features, counted, frequent, index, result)


def keys(f: Features) -> Iterator[str]:
    """What a document is found by in the inverted index."""
    yield from (*(f"n:{n}" for n in f.numbers), *(f"e:{n}" for n in f.names))
    yield from (f"t:{key}" for key in f.title)
    yield from (f"w:{key}" for key in f.top)


def local(found: Features, doc: Document) -> Features:
    """Drop the document's own province from its names: it links every report."""
    own = _own(doc.meta.province)
    if own.isdisjoint(found.names) and own.isdisjoint(found.title):
        return found  # nothing to drop: `replace` copied every report of a group twice
    return replace(found, names=found.names - own, title=found.title - own)


@lru_cache(maxsize=128)
def _own(province: str | None) -> frozenset[str]:
    return frozenset(bigrams(nlp.lower(province or "").split()))


def without(found: Features, frequent: frozenset[str]) -> Features:
    """`found` without the figures, years and names that are `frequent`."""
    if all(frequent.isdisjoint(s) for s in (found.numbers, found.years, found.names)):
        return found
    return replace(
        found,
        numbers=found.numbers - frequent,
        years=found.years - frequent,
        names=found.names - frequent,
    )


def counts(found: list[Features]) -> dict[str, int]:
    """In how many documents each figure, year and name is: more than
    `MAX_FEATURE_DOCS` is frequent, and no feature."""
    documents: dict[str, int] = defaultdict(int)
    for f in found:
        for key in f.numbers | f.years | f.names:
            documents[key] += 1
    return documents
