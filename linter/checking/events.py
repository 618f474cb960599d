"""Which documents of one province report the same event.

In: a province's documents. Out: the pairs that report one event, each with
the `Link` that says why (`linked_pairs`, `linked_paths`). What a report's
features are is `linter.checking.distinctive`; here, when two reports' features
make one event, and which pairs are compared at all.

Reports of one press conference, council session or incident are written by
several outlets within days and share what is distinctive about it: figures
with three or more significant digits or a decimal ("1.520 tỷ", "4,8 ha",
"1.680ha" with its unit glued on), names ("Khu công nghiệp Phú Mỹ 3", "cầu
Rào 1") and the key words of the title. Two documents are linked when they
share enough of that and, when both are dated, were published within
`WINDOW_DAYS`. Years ("2016") are no distinctive figure: every report of a year
holds them; they only support shared names. Many shared names alone
(`MIN_NAMES`: the company, the ward, the speakers of one fire or one debate)
make an event too, since outlets reword the figures and titles of one event
more than its names. Links are pairwise, never transitive: a running story over
weeks does not make its first and last reports one event.

Outlets that rewrite one press release keep its words when they change its
figures and drop its names ("loa phường", "vài trăm triệu", "thương lái", "vải
thiều"): two texts whose heaviest syllables point the same way, a cosine of
`MIN_TEXT` or more, are linked too. A syllable weighs by how often the text says
it and how rare it is in news at large (`linter/data/syllables.yaml`); the
weights are fixed, not read from the province's documents, since a province of
five reports of one event would make every word they share a common one.

Candidate pairs come from an inverted index of the distinctive features and of
each text's `TOP_WORDS` heaviest syllables, so the work grows with the pairs
that share something, not with the square of a province's documents.

Known problems: two stories of one topic in one week (two fires, two admission
plans) share their words and may be linked; undated texts (most of news2017)
of a running story over months are linked like those of one week, since
nothing says they are not.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from linter import nlp
from linter.checking.distinctive import Features, bigrams, features
from linter.checking.wording import cosine
from linter.models import Document, Provenance

# The names other modules import from here (checks/, the tests, benchmarks/).
__all__ = [
    "MIN_NUMBERS",
    "MIN_TEXT",
    "WINDOW_DAYS",
    "Link",
    "features",
    "link",
    "linked_pairs",
    "linked_paths",
    "together",
]

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


Pairs = list[tuple[Document, Document, Link]]
# Six checks link the same province group in one run (EV01, EV03, VB03, FX01, PN01,
# PN02): the last groups' pairs are kept, keyed by the documents' identities. An
# entry holds its documents weakly (a server must let a deleted or edited file's
# document go, and what it keeps with it: serve_page's marks) and its pairs by
# position; it is used only while every one of them is the very object it was
# made from, so an identity reused after a document is gone never matches.
Positions = list[tuple[int, int, Link]]  # pairs by their documents' places in an order
_Held = tuple[tuple["weakref.ref[Document]", ...], Positions]
_RECENT: OrderedDict[tuple[object, ...], _Held] = OrderedDict()
_RECENT_SIZE = 8
_RECENT_LOCK = threading.Lock()


def linked_pairs(docs: Iterable[Document], window: int = WINDOW_DAYS) -> Pairs:
    """Every linked pair of documents, in a stable order (by path)."""
    ordered = tuple(sorted(docs, key=lambda d: d.path))
    key = (window, *map(id, ordered))
    with _RECENT_LOCK:
        held = _RECENT.get(key)
        if held is not None and all(r() is d for r, d in zip(held[0], ordered, strict=True)):
            _RECENT.move_to_end(key)
            return [(ordered[i], ordered[j], why) for i, j, why in held[1]]
    kept = _linked_pairs(ordered, window)
    with _RECENT_LOCK:
        _RECENT[key] = (tuple(weakref.ref(doc) for doc in ordered), kept)
        _RECENT.move_to_end(key)
        while len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)
    return [(ordered[i], ordered[j], why) for i, j, why in kept]


def linked_paths(docs: Iterable[Document], window: int = WINDOW_DAYS) -> set[frozenset[str]]:
    """The paths of every linked pair, for checks that only ask whether two are linked."""
    return {frozenset((a.path, b.path)) for a, b, _ in linked_pairs(docs, window)}


def together(path_a: str, path_b: str, linked: set[frozenset[str]]) -> bool:
    """Whether two mentions may be of one thing: in one report, or in linked reports
    (`linked` as `linked_paths` gives it)."""
    return path_a == path_b or frozenset((path_a, path_b)) in linked


def _linked_pairs(ordered: tuple[Document, ...], window: int) -> Positions:
    found_features = [_local(features(doc), doc) for doc in ordered]
    frequent = _frequent(found_features)
    found_features = [_without(f, frequent) for f in found_features]
    index: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found_features):
        for key in (*(f"n:{n}" for n in f.numbers), *(f"e:{n}" for n in f.names)):
            index[key].append(i)
        for key in f.title:
            index[f"t:{key}"].append(i)
        for key in f.top:
            index[f"w:{key}"].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= MAX_FEATURE_DOCS:  # members ascend: each pair comes as (i, j), i < j
            candidates.update(itertools.combinations(members, 2))
    result = []
    for i, j in sorted(candidates):
        found = link(ordered[i], ordered[j], found_features[i], found_features[j], window)
        if found is not None:
            result.append((i, j, found))
    return result


def _local(found: Features, doc: Document) -> Features:
    """Drop the document's own province from its names: it links every report."""
    own = _own(doc.meta.province)
    if own.isdisjoint(found.names) and own.isdisjoint(found.title):
        return found  # nothing to drop: `replace` copied every report of a group twice
    return replace(found, names=found.names - own, title=found.title - own)


@lru_cache(maxsize=128)
def _own(province: str | None) -> frozenset[str]:
    return frozenset(bigrams(nlp.lower(province or "").split()))


def _without(found: Features, frequent: frozenset[str]) -> Features:
    """`found` without the figures, years and names that are `frequent`."""
    if all(frequent.isdisjoint(s) for s in (found.numbers, found.years, found.names)):
        return found
    return replace(
        found,
        numbers=found.numbers - frequent,
        years=found.years - frequent,
        names=found.names - frequent,
    )


def _frequent(found: list[Features]) -> frozenset[str]:
    """Figures and names in more than `MAX_FEATURE_DOCS` documents of the group."""
    counts: dict[str, int] = defaultdict(int)
    for f in found:
        for key in f.numbers | f.years | f.names:
            counts[key] += 1
    return frozenset(k for k, n in counts.items() if n > MAX_FEATURE_DOCS)
