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
  distinctive.py, wording.py and syllables.yaml among them). An edited file or a
  changed linter is another key, so a stale row is never asked for.
- Its value is "<SHA-256 of the key and the JSON>:<the JSON>", used only when the
  digest matches and the model `_Kept` validates the JSON (pydantic's parser: a row
  that nests too deep is an error, not a crash): every word once, at most
  `VECTOR_WORDS` of them, heaviest first, each weighed in (0, 1] and together a unit
  vector (or none), as `wording.weighed` gives them.
Anything else (no row, a damaged one, one moved from another key, any SQLite error)
is a miss. What this does not tell: anyone can compute the digest, so a crafted row
within those bounds is taken as this document's features (it can link the document
to others or not, as a text could; it cannot crash a run). The cache is the user's
own folder, trusted as far as that.

Only what a run's checks computed is kept (`keep`, after they ran): a run whose
checks link nothing weighs no published text. Misses are written in one
transaction, in the table the cache made with its others (`cachefile.TABLES`): a file
the cache did not make, or none, is left as it is (`cachefile.connect_existing`).

A row goes with its entry: replaced by a newer version of the file, or its parser
version retired (`linter.engine.prune`). Known problem: the row of a removed file
stays as its entry does (about 2 KB a document).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import math
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from linter.checking import distinctive
from linter.checking.distinctive import TOP_WORDS, Features
from linter.checking.wording import VECTOR_WORDS
from linter.engine.cache import Cache
from linter.engine.cachefile import connect_existing, select
from linter.models import Document

_Weight = Annotated[float, Field(gt=0, le=1)]  # a part of a unit vector, never 0


class _Kept(BaseModel):
    """The JSON of kept features: the sets sorted, the weighed words heaviest first."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, allow_inf_nan=False)
    numbers: tuple[str, ...]
    years: tuple[str, ...]
    names: tuple[str, ...]
    title: tuple[str, ...]
    words: tuple[tuple[str, _Weight], ...] = Field(max_length=VECTOR_WORDS)


Missed = tuple[str, Document]  # an entry key and its document, no row to use


def prime(
    documents: Sequence[Document], cache: Cache | None, keys: Mapping[str, str]
) -> list[Missed]:
    """Give `distinctive` the kept features of `documents` that have an entry key in
    `keys`; the others (no row, or one not to be used) are returned for `keep`."""
    if cache is None:
        return []
    wanted = [(key, doc) for doc in documents if (key := keys.get(doc.path)) is not None]
    kept = _read(cache.path, sorted({key for key, _ in wanted}))
    missed: list[Missed] = []
    for key, doc in wanted:
        found = decode(key, kept.get(key))
        if found is None:
            missed.append((key, doc))
        else:
            distinctive.give(doc, found)
    return missed


def keep(missed: Sequence[Missed], cache: Cache | None) -> None:
    """Keep the features the checks computed for the `missed` documents (none when no
    check linked them: nothing is computed only to be kept)."""
    if cache is None:
        return
    rows = {
        key: encode(key, found)
        for key, doc in missed
        if (found := distinctive.known(doc)) is not None
    }
    if rows:
        _write(cache.path, sorted(rows.items()))


def encode(key: str, found: Features) -> str:
    """The row of `found` under `key`: the digest of the key and the JSON, then the
    JSON. The floats come back from JSON equal in every bit, the words in their order
    (the cosine sums in it)."""
    sets = {name: sorted(getattr(found, name)) for name in ("numbers", "years", "names", "title")}
    text = json.dumps({**sets, "words": list(found.words.items())}, ensure_ascii=False)
    return f"{_digest(key, text)}:{text}"


def decode(key: str, row: str | None) -> Features | None:
    """The features of a row `encode`d under `key`; None for anything else (a cache is
    untrusted)."""
    digest, _, text = (row or "").partition(":")
    if not text or digest != _digest(key, text):
        return None
    try:
        kept = _Kept.model_validate_json(text)
    except ValidationError:
        return None
    words = dict(kept.words)
    if len(words) != len(kept.words) or not _weighed(list(words.values())):
        return None
    return Features(
        numbers=frozenset(kept.numbers),
        years=frozenset(kept.years),
        names=frozenset(kept.names),
        title=frozenset(kept.title),
        words=words,
        top=frozenset(itertools.islice(words, TOP_WORDS)),  # heaviest first
    )


def _weighed(weights: list[float]) -> bool:
    """As `wording.weighed` gives them: heaviest first, a unit vector (or no word)."""
    ordered = all(a >= b for a, b in itertools.pairwise(weights))
    return ordered and (not weights or math.isclose(math.fsum(x * x for x in weights), 1.0))


def _digest(key: str, text: str) -> str:
    return hashlib.sha256(f"{key}:{text}".encode()).hexdigest()


def _read(path: Path, keys: Sequence[str]) -> dict[str, str]:
    """The rows kept under `keys`; none when the table or the file is not there."""
    with contextlib.suppress(sqlite3.Error), contextlib.closing(connect_existing(path)) as db:
        return {k: v for k, v in select(db, "features", "value", keys) if isinstance(v, str)}
    return {}


def _write(path: Path, rows: Sequence[tuple[str, str]]) -> None:
    with contextlib.suppress(sqlite3.Error), contextlib.closing(connect_existing(path)) as db, db:
        db.executemany("INSERT OR REPLACE INTO features VALUES (?, ?)", rows)
