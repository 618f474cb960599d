"""Each cached document's linking features (`linter.checking.distinctive`), kept in
the parse cache beside its entry, so that a draft run links the draft with its
province without weighing every published text again.

A draft run checks the draft with every document of its province, and six checks
link them first (`linter.checking.events.linked_pairs`): the features of each
published text (its distinctive figures, names, title words and weighed
syllables) cost 0.05 s of CPU per draft at 80 texts (a fifth of the run under a
profiler), the same every time. `prime` reads them back by the documents' entry
keys, computes and remembers the ones not there yet, and hands them to
`distinctive.give`, so that the checks find them as if computed.

An entry key names the file's content, its shown path, the parser's code and data
(`keys.parser_fingerprint`, which covers `linter/checking/` and the syllable
table) and the configuration, so features kept under it are those the code would
compute now. They live in the cache's table of derived keys (`Cache.remember`,
`Cache.lookup` on "stats"), under a key of their own derived from the entry key:
no change to the cache's schema, and `doichieu cache clear` removes them with the rest.
What comes back is validated (`distinctive.decode`): a damaged row is computed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from linter.checking import distinctive
from linter.engine.cache import Cache
from linter.models import Document


def feature_key(entry: str) -> str:
    """Where the features of the entry `entry` are kept (never an entry's own key)."""
    return hashlib.sha256(f"linking-features|{entry}".encode()).hexdigest()


def prime(documents: Sequence[Document], cache: Cache, keys: Mapping[str, str]) -> None:
    """Give `distinctive` the features of `documents` that have an entry key: read
    back from `cache`, or computed now and remembered for the next run."""
    wanted = {
        doc.path: feature_key(key)
        for doc in documents
        # A summary has no text to read features from (`Cache.get_many`).
        if (key := keys.get(doc.path)) is not None and key not in cache.summarised
    }
    kept = cache.lookup("stats", "entry", list(dict.fromkeys(wanted.values())))
    for doc in documents:
        where = wanted.get(doc.path)
        if where is None:
            continue
        raw = kept.get(where)
        found = distinctive.decode(raw) if raw is not None else None
        if found is None:
            found = distinctive.features(doc)
            cache.remember(where, distinctive.encode(found))
        distinctive.give(doc, found)
