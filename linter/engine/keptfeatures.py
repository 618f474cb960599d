"""Each published report's linking features (`linter.checking.distinctive`), kept in
the cache beside its entry, so that a draft's run links the draft with its province
without weighing every published text again.

A draft's run links the draft with every report of its province
(`linter.checking.events.linked_pairs`), and the features of each published text
(its distinctive figures, names, title words and weighed syllables) are the same at
every run: computing them for the 81 texts of a province was 70 ms, about an
eighth of the run. `prime` reads them back and hands them to `distinctive.give`,
so that the checks find them as if computed.

When a kept row is used (the safeguards of the data files' table, `keptdata`):
- Its key is the entry's (`keys.entry_key`: the file's content, its shown path, the
  configuration and `keys.parser_fingerprint`, which covers every file of linter/,
  distinctive.py, wording.py and syllables.yaml among them): a row kept under it
  holds what this code computes from that document. An edited file or a changed
  linter is another key, so a stale row is never asked for.
- Its value is "<SHA-256 of the JSON>:<the JSON>", used only when the digest
  matches and the model `_Kept` validates the JSON (pydantic's parser: a row that
  nests too deep is an error, not a crash), every word once and weighed above 0.
Anything else (no row, a damaged or foreign one, any SQLite error) is a miss: the
features are computed as without a cache and kept again. Only misses are written,
in one transaction; the table is made by the first write, and the cache file is
never created here (`cachefile.connect_existing`). A summary (a document without
its text) is never read nor kept.

Known problem: as with the entries, a row of an old version of a file stays until
`doichieu cache clear` (about 2 KB a document).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from linter.checking import distinctive
from linter.checking.distinctive import TOP_WORDS, Features
from linter.engine.cache import Cache
from linter.engine.cachefile import BATCH, connect_existing
from linter.models import Document


class _Kept(BaseModel):
    """The JSON of kept features: the sets sorted, the weighed words heaviest first."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, allow_inf_nan=False)
    numbers: tuple[str, ...]
    years: tuple[str, ...]
    names: tuple[str, ...]
    title: tuple[str, ...]
    words: tuple[tuple[str, float], ...]


def prime(documents: Sequence[Document], cache: Cache, keys: Mapping[str, str]) -> None:
    """Give `distinctive` the features of `documents` that have an entry key in `keys`:
    read back from the cache, or computed now and kept for the next run."""
    wanted = {
        doc.path: key
        for doc in documents
        if (key := keys.get(doc.path)) is not None and key not in cache.summarised
    }
    kept = _read(cache.path, sorted(set(wanted.values())))
    missed: dict[str, str] = {}
    for doc in documents:
        key = wanted.get(doc.path)
        if key is None:
            continue
        found = decode(kept.get(key))
        if found is None:  # computed as the checks would, and remembered by `distinctive`
            missed[key] = encode(distinctive.features(doc))
        else:
            distinctive.give(doc, found)
    if missed:
        _write(cache.path, sorted(missed.items()))


def encode(found: Features) -> str:
    """The row of `found`: the digest of its JSON, then the JSON. The floats come back
    from JSON equal in every bit, the words in their order (the cosine sums in it)."""
    sets = {name: sorted(getattr(found, name)) for name in ("numbers", "years", "names", "title")}
    text = json.dumps({**sets, "words": list(found.words.items())}, ensure_ascii=False)
    return f"{_digest(text)}:{text}"


def decode(row: str | None) -> Features | None:
    """The features of an `encode`d row; None for anything else (a cache is untrusted)."""
    digest, _, text = (row or "").partition(":")
    if not text or digest != _digest(text):
        return None
    try:
        kept = _Kept.model_validate_json(text)
    except ValidationError:
        return None
    words = dict(kept.words)
    if len(words) != len(kept.words) or not all(x > 0 for x in words.values()):
        return None  # `wording.weighed` gives each word once, and drops a weight of 0
    return Features(
        numbers=frozenset(kept.numbers),
        years=frozenset(kept.years),
        names=frozenset(kept.names),
        title=frozenset(kept.title),
        words=words,
        top=frozenset(itertools.islice(words, TOP_WORDS)),  # heaviest first
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _read(path: Path, keys: Sequence[str]) -> dict[str, str]:
    """The rows kept under `keys`; none when the table or the file is not there."""
    found: dict[str, str] = {}
    with contextlib.suppress(sqlite3.Error), contextlib.closing(connect_existing(path)) as db:
        for start in range(0, len(keys), BATCH):
            chunk = keys[start : start + BATCH]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(f"SELECT key, value FROM features WHERE key IN ({marks})", chunk)
            found.update((k, v) for k, v in rows if isinstance(v, str))
    return found


def _write(path: Path, rows: Sequence[tuple[str, str]]) -> None:
    with contextlib.suppress(sqlite3.Error), contextlib.closing(connect_existing(path)) as db, db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS features (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        db.executemany("INSERT OR REPLACE INTO features VALUES (?, ?)", rows)
