"""A parsed entry as the cache stores it, and back: the rows, not the SQLite store.

In: a parsed entry (a document or None, its claims, its findings) and the
document's summary, or the cached JSON of documents. Out: the row `Cache.put_row`
writes (`row_of`), a document without its text (`summary`), whole documents
read back from the cache file (`documents`) and decoded (`decode_document`).
`linter.engine.cache` keeps the store (its tables, batches and transactions);
this module only says what a row holds and how it is made and read, which the
parse workers (`linter.engine.parsing`) and the process that checks a province
(`linter.engine.held`) do without a `Cache`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from linter.engine.cachefile import read_documents
from linter.models import Claim, Document, Finding

CLAIMS = TypeAdapter(list[Claim])
FINDINGS = TypeAdapter(list[Finding])
Entry = tuple[Document | None, tuple[Claim, ...], list[Finding]]
ShallowEntry = tuple[Document | None, None, list[Finding]]  # claims left in the file
# An entry as the cache stores it: province, summary, findings, claims, document (JSON).
Row = tuple[str | None, str | None, str, str, str | None]


def row_of(entry: Entry, short: Document | None) -> Row:
    """The row of a parsed entry, as `put_row` stores it; `short` is the document's
    `summary`, made by the caller (a parse worker packs it too)."""
    document, claims, findings = entry
    return (
        document.meta.province if document else None,
        short.model_dump_json() if short else None,
        FINDINGS.dump_json(findings).decode(),
        CLAIMS.dump_json(list(claims)).decode(),
        document.model_dump_json() if document else None,
    )


def documents(path: Path, keys: Sequence[str]) -> dict[str, Document]:
    """The whole cached documents of `keys` in the cache file `path` that are there
    and sound (summaries made whole again), read on a connection of their own
    (`read_documents`): the process that checks a province reads them, one province
    at a time, not the parent all of them before its workers start."""
    found: dict[str, Document] = {}
    for key, raw in read_documents(path, keys).items():
        try:
            found[key] = decode_document(raw)
        except (ValueError, TypeError, ValidationError, RecursionError):
            continue  # damaged: the caller parses the file again
    return found


def summary(document: Document | None) -> Document | None:
    """The document without its text (metadata, front matter), which is all a warm run
    reads of a province whose findings are cached (reading and decoding 48 MB of texts
    was two thirds of the time a 5,000-document warm run spent in its cache), and all
    a cold run keeps of it outside the checks (`linter.engine.held.Packed`); a check
    of the province again reads it whole (`documents`). None when the text holds what
    every run reads of every document: an inline suppression comment (`<!--`), and
    when there is no text to leave out."""
    if document is None or not document.original or "<!--" in document.original:
        return None
    return document.model_copy(update={"original": "", "text": "", "breaks": ((0, 0),)})


def decode_document(raw: str) -> Document:
    """A cached document, validated as strictly as by `model_validate_json`: decoded by
    json first, as pydantic's own JSON parser took three times as long on documents
    (their long Vietnamese texts; 0.6 s of CPU for 5,000, a third of a warm run).
    Claims are not: there pydantic's own is the faster."""
    return Document.model_validate(json.loads(raw))
