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

from collections import defaultdict
from collections.abc import Iterable

from linter.checking.distinctive import features
from linter.checking.linking import (
    MAX_FEATURE_DOCS,
    MIN_NUMBERS,
    MIN_TEXT,
    WINDOW_DAYS,
    Link,
    Linked,
    Positions,
    all_pairs,
    counts,
    keys,
    link,
    local,
    without,
)
from linter.checking.memo import IdentityMemo
from linter.models import Document

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
    "touching",
]


Pairs = list[tuple[Document, Document, Link]]
# Six checks link the same province group in one run (EV01, EV03, VB03, FX01, PN01,
# PN02): the last groups' pairs are kept, keyed by the documents' identities. An
# entry holds its documents weakly (a server must let a deleted or edited file's
# document go, and what it keeps with it: serve_page's marks) and its pairs by
# position; it is used only while every one of them is the very object it was
# made from, so an identity reused after a document is gone never matches.
_RECENT_SIZE = 8
_RECENT: IdentityMemo[Positions] = IdentityMemo(_RECENT_SIZE)


def linked_pairs(
    docs: Iterable[Document], window: int = WINDOW_DAYS, focus: frozenset[str] | None = None
) -> Pairs:
    """Every linked pair of documents, in a stable order (by path). With a `focus` (a
    draft's run), the other documents' features and pairs are kept for the next run:
    the same pairs, sooner."""
    ordered = tuple(sorted(docs, key=lambda d: d.path))
    kept = _RECENT.get(window, ordered)
    if kept is None:
        added = [i for i, doc in enumerate(ordered) if focus and doc.path in focus]
        if 0 < len(added) < len(ordered):
            kept = relinked(ordered, added, window)
        if kept is None:
            kept = all_pairs(ordered, window).pairs
        _RECENT.put(window, ordered, kept)
    return [(ordered[i], ordered[j], why) for i, j, why in kept]


def touching(pairs: Pairs, focus: frozenset[str]) -> Pairs:
    """The pairs with a document of `focus` (a draft's): the only pairs whose findings
    a focused run reports, which the checks compare first to learn whether to go on."""
    return [pair for pair in pairs if not focus.isdisjoint((pair[0].path, pair[1].path))]


def linked_paths(
    docs: Iterable[Document], window: int = WINDOW_DAYS, focus: frozenset[str] | None = None
) -> set[frozenset[str]]:
    """The paths of every linked pair, for checks that only ask whether two are linked."""
    return {frozenset((a.path, b.path)) for a, b, _ in linked_pairs(docs, window, focus)}


def together(path_a: str, path_b: str, linked: set[frozenset[str]]) -> bool:
    """Whether two mentions may be of one thing: in one report, or in linked reports
    (`linked` as `linked_paths` gives it)."""
    return path_a == path_b or frozenset((path_a, path_b)) in linked


# The published reports' `Linked` of a draft's run, kept for the next draft (as
# `_RECENT`, weakly and by identity): a server linked the whole province again at
# each check, since the draft's features enter the counts. They change the
# published reports' links only when one of the draft's figures, years or names
# becomes frequent, or one of its keys takes a key's documents past
# `MAX_FEATURE_DOCS`; then the whole province is linked again.
_BASES: IdentityMemo[Linked] = IdentityMemo(_RECENT_SIZE)


def relinked(ordered: tuple[Document, ...], added: list[int], window: int) -> Positions | None:
    """`all_pairs(ordered, window).pairs` from the kept links of the documents
    not `added` (positions), or None when the added ones change those."""
    drafts = set(added)
    at = [i for i in range(len(ordered)) if i not in drafts]
    published = tuple(ordered[i] for i in at)
    base = _BASES.get(window, published)
    if base is None:
        base = all_pairs(published, window)
        _BASES.put(window, published, base)
    theirs = [local(features(ordered[i]), ordered[i]) for i in added]
    if any(
        base.counts.get(k, 0) <= MAX_FEATURE_DOCS < base.counts.get(k, 0) + n
        for k, n in counts(theirs).items()
    ):
        return None  # a feature turns frequent: every report may lose it
    mine = [without(f, base.frequent) for f in theirs]
    members: dict[str, list[int]] = defaultdict(list)  # the added documents each key is in
    for i, f in zip(added, mine, strict=True):
        for k in keys(f):
            members[k].append(i)
    if any(
        len(base.index.get(k, ())) <= MAX_FEATURE_DOCS < len(base.index.get(k, ())) + len(m)
        for k, m in members.items()
    ):
        return None  # a key is no longer distinctive: pairs of the others found by it go
    found = dict(zip(added, mine, strict=True))
    for p, i in enumerate(at):
        found[i] = base.features[p]
    candidates: set[tuple[int, int]] = set()
    for k, mine_in in members.items():
        everyone = [at[p] for p in base.index.get(k, ())] + mine_in
        if len(everyone) <= MAX_FEATURE_DOCS:
            candidates.update((min(i, j), max(i, j)) for i in mine_in for j in everyone if i != j)
    result = [(at[i], at[j], why) for i, j, why in base.pairs]
    for i, j in candidates:
        why = link(ordered[i], ordered[j], found[i], found[j], window)
        if why is not None:
            result.append((i, j, why))
    return sorted(result, key=lambda pair: pair[:2])
