"""`index` for a focused run (a draft's), with each published report's keys kept
from one run to the next.

A server checks every draft with its whole province: NU01 and OF01 bucketed every
claim of the province's 80 reports again at each check (the key of each of
~10,000 figures, and the repr of every key to sort the buckets), though only a
new snapshot changes a published report's keys and only the buckets that hold
the draft are read. `focused_index` gives what `linter.checking.index` gives, in
the same order, from each report's keys grouped once (`keyed`), and sorts only
the draft's keys.

A report's keys are kept under the caller's `name` of its key function (which
must give the same for the same document and claims), the identities of the
document and its claims, and the claims' length; the document and first claim
are held weakly and the entry is used only while each is the very object it was
made from (as `checks.event_pairs.compared` keeps its pairs). An edited or
deleted file's entry never matches again: its text is let go, and its claims,
held by the entry, age out of the bound (`KEPT_REPORTS`, 3 entries per report
of the draft's province). Focused reports (the draft) are keyed anew at every
run, and a batch run (no focus) keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from linter.checking import C, DocumentClaims, Group, index
from linter.checking.memo import IdentityMemo

Keyed = dict[Hashable, tuple[object, ...]]  # a report's claims of one kind, by key
KEPT_REPORTS = 16384  # an entry per report and caller (NU01, OF01 twice): 1,000 reports is 3,000
_KEPT: IdentityMemo[Keyed] = IdentityMemo(KEPT_REPORTS)


def focused_index(
    group: Group,
    kind: type[C],
    key: Callable[[DocumentClaims, C], Hashable | None],
    name: Hashable,
) -> list[list[tuple[DocumentClaims, C]]]:
    """`index(group, kind, key)`, the published reports' keys kept under `name`."""
    focus = group.focus
    if focus is None:
        return index(group, kind, key)
    per = [
        (
            item,
            keyed(item, kind, key) if item.document.path in focus else kept(item, kind, key, name),
        )
        for item in group.items
    ]
    wanted = {k for item, found in per if item.document.path in focus for k in found}
    buckets: dict[Hashable, list[tuple[DocumentClaims, C]]] = {
        k: [] for k in sorted(wanted, key=repr)
    }
    for item, found in per:
        # A report adds to a bucket once, in the claims' order: whatever the order of
        # the keys met here, each bucket's reports and claims are in index's order.
        for k in found.keys() & wanted:
            buckets[k].extend((item, claim) for claim in found[k])  # type: ignore[misc]
    return list(buckets.values())


def keyed(
    item: DocumentClaims,
    kind: type[C],
    key: Callable[[DocumentClaims, C], Hashable | None],
) -> Keyed:
    """`item`'s claims of `kind` by `key` (None leaves one out), in the claims' order."""
    found: dict[Hashable, list[object]] = {}
    for claim in item.of(kind):
        k = key(item, claim)
        if k is not None:
            found.setdefault(k, []).append(claim)
    return {k: tuple(claims) for k, claims in found.items()}


def kept(
    item: DocumentClaims,
    kind: type[C],
    key: Callable[[DocumentClaims, C], Hashable | None],
    name: Hashable,
) -> Keyed:
    """`keyed(item, kind, key)`, kept for the next run while its document and claims
    are the very objects it was made from."""
    objects = held(item)
    at = (name, kind, id(item.claims), len(item.claims))
    found = _KEPT.get(at, objects)
    if found is None:
        found = keyed(item, kind, key)
        _KEPT.put(at, objects, found)
    return found


def held(item: DocumentClaims) -> tuple[object, object | None]:
    """What is held of a report to know its claims again: its document and first
    claim (a tuple, the claims themselves, cannot be held weakly; a key has its
    identity and length). `checks.event_pairs.compared` holds the same."""
    return item.document, item.claims[0] if item.claims else None
