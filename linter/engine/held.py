"""What a run holds of a parsed document until a check or a report needs it.

Two forms stand in for a document's claims (and, packed, its whole document)
in the entries `linter.engine.parsing.parse_files` returns: `Deferred`, claims
left in the cache file (a warm run), and `Packed`, a document parsed by this run
and its claims pickled and compressed (a cold run). `whole_items` gives a
province's documents whole with their claims, in the process that checks it:
packed ones unpacked, and summaries (a warm run's documents without their texts)
read whole from the cache, so that only one province's texts are alive at once.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from linter.engine.cachefile import read_claims
from linter.engine.rows import CLAIMS, Entry, documents
from linter.models import Claim, Document, Finding


class Deferred:
    """Cached claims left in the cache until a check or a report needs them:
    reading and validating claims was most of a warm run, and a province whose
    findings are cached needs none. `load` reads them from the cache file `path`
    (unless `load_all` fetched them with the rest of a group) and validates them,
    and parses the file again when they are gone or damaged (`reparse`), as an
    eager read would have. `summarised`: the cache gave the document beside them as
    its summary (`Cache.get_many`), which `whole_items` reads whole; `document`
    parses the file again for it when its whole document is gone or damaged."""

    __slots__ = ("key", "path", "raw", "reparse", "summarised")

    def __init__(
        self, path: Path, key: str, reparse: Callable[[], Entry], summarised: bool = False
    ) -> None:
        self.path = path  # the cache file
        self.key = key  # the entry's key there
        self.reparse = reparse
        self.summarised = summarised
        self.raw: str | _Unread | None = UNREAD  # fetched by load_all, read once

    def load(self) -> tuple[Claim, ...]:
        raw = self.raw
        if isinstance(raw, _Unread):
            raw = read_claims(self.path, [self.key]).get(self.key)
        self.raw = UNREAD  # a second load reads the file again, as the first did
        try:
            return tuple(CLAIMS.validate_json(raw)) if raw is not None else self.reparse()[1]
        except (ValueError, TypeError, ValidationError):
            return self.reparse()[1]

    def document(self) -> Document | None:
        """The document parsed again from its file (None when it cannot be read now)."""
        return self.reparse()[0]


class _Unread:
    """The claims of a `Deferred` not fetched yet (None: fetched, and not there)."""


UNREAD = _Unread()


class Packed:
    """A parsed document whole and its claims, pickled and compressed, while a cold run
    keeps only the document's summary (`rows.summary`) beside it: as objects, a
    document's claims and texts were about 150 KB, and a cold run held every one of
    them from its parse to its end (0.9 GB at 5,000 documents); packed they are about
    6 KB. A group is unpacked by the process that checks it (`whole_items`), one group
    at a time. Pickle, because these bytes never leave the run (they are made by this
    process or its parse workers, never read from a file), and it gives back exactly
    the objects parsed, with no validation to redo."""

    __slots__ = ("data",)

    def __init__(self, document: Document, claims: tuple[Claim, ...]) -> None:
        # Level 1: six times smaller already (the quotes repeat the text); level 6 saves
        # a tenth more for twice the time.
        self.data = zlib.compress(pickle.dumps((document, claims), pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self) -> tuple[Document, tuple[Claim, ...]]:
        document, claims = pickle.loads(zlib.decompress(self.data))  # our own bytes (see above)
        return document, claims


Claims = tuple[Claim, ...] | Deferred | Packed
LazyEntry = tuple[Document | None, Claims, list[Finding]]


def loaded(claims: tuple[Claim, ...] | Deferred) -> tuple[Claim, ...]:
    """The claims, read from the cache when deferred. Never `Packed`: a run packs
    only when it returns no claims, and its checks unpack (`whole_items`)."""
    return claims.load() if isinstance(claims, Deferred) else claims


def pack(entry: Entry, short: Document | None) -> LazyEntry:
    """The entry with its document as its summary `short` (`rows.summary`, made by the
    caller, which keeps it in the cache row too) and the document whole and its claims
    `Packed`; unchanged when the document has no summary (no text to leave out, or a
    suppression comment every run reads): packing would keep it whole twice."""
    document, claims, findings = entry
    if document is None or short is None:
        return entry
    return short, Packed(document, claims), findings


Whole = tuple[Document, tuple[Claim, ...]]


def whole_items(pairs: Sequence[tuple[Document, Claims]]) -> tuple[list[Whole], bool]:
    """Each document whole with its claims: `Packed` ones unpacked, summaries read
    whole (`whole_documents`), `Deferred` claims read from the cache together and
    validated (`load_all`); and whether every document is whole."""
    opened = [c.unpack() if isinstance(c, Packed) else (d, c) for d, c in pairs]
    whole, complete = whole_documents(opened)
    claims = load_all([c for _, c in opened])
    return list(zip(whole, claims, strict=True)), complete


def whole_documents(
    pairs: Sequence[tuple[Document, tuple[Claim, ...] | Deferred]],
) -> tuple[list[Document], bool]:
    """The documents, a summary (its claims `Deferred` and `summarised`) read whole
    from its cache file, those of one file in one query. A summary whose whole
    document is gone from the cache or damaged is parsed again from its file; when
    even that fails (the file went away) it stays a summary, checked as it is, and
    the False returned says its group's findings must not be cached."""
    cut: dict[Path, list[Deferred]] = {}
    for _, claims in pairs:
        if isinstance(claims, Deferred) and claims.summarised:
            cut.setdefault(claims.path, []).append(claims)
    read = {path: documents(path, [d.key for d in deferred]) for path, deferred in cut.items()}
    complete = True
    whole: list[Document] = []
    for document, claims in pairs:
        if isinstance(claims, Deferred) and claims.summarised:
            again = read[claims.path].get(claims.key) or claims.document()
            complete = complete and again is not None
            document = again or document
        whole.append(document)
    return whole, complete


def load_all(many: Sequence[tuple[Claim, ...] | Deferred]) -> list[tuple[Claim, ...]]:
    """`loaded` of each, the deferred ones fetched from their cache file together
    (one query per few hundred documents, not a connection per document)."""
    waiting: dict[Path, list[Deferred]] = {}
    for claims in many:
        if isinstance(claims, Deferred):
            waiting.setdefault(claims.path, []).append(claims)
    for path, deferred in waiting.items():
        found = read_claims(path, [d.key for d in deferred])
        for d in deferred:
            d.raw = found.get(d.key)
    return [loaded(claims) for claims in many]
