"""A cold run keeps what it parsed packed, and unpacks one province at a time (issue 15).

Real articles (../shared/corpus/real): parsed documents come back as their
summaries with the whole document and its claims `Packed`; unpacked they are
exactly what was parsed; what a run holds of them is a small part of the
objects; and the findings do not change, checked in process or in forked
workers.
"""

from __future__ import annotations

import pickle
import tracemalloc
from pathlib import Path

import pytest

from conftest import real_corpus_or_skip
from linter.engine import checkpool
from linter.engine.config import Config
from linter.engine.held import LazyEntry, Packed
from linter.engine.parsing import ParseSettings, parse_files
from linter.engine.rows import summary
from linter.engine.run import Options, run
from linter.read.loading import collect_paths, display_path


@pytest.fixture(scope="module")
def parsed() -> tuple[list[LazyEntry], list[LazyEntry]]:
    """The real articles parsed as objects, and parsed as a cold run keeps them."""
    root = real_corpus_or_skip()
    files = [(p, display_path(p, root, str(root))) for p in collect_paths([root])]
    plain = parse_files(files, Config(), ParseSettings())
    return plain, parse_files(files, Config(), ParseSettings(), summaries=True)


def test_parsed_documents_are_packed_and_unpack_to_what_was_parsed(parsed) -> None:
    plain, packed = parsed
    assert len(plain) == len(packed) == 38  # 37 files of articles and the README
    for (document, claims, found), (short, kept, kept_found) in zip(plain, packed, strict=True):
        assert document is not None and isinstance(kept, Packed)
        assert short == summary(document)  # no suppression comment in these: all summaries
        assert short is not None and short.text == short.original == ""
        assert short.meta == document.meta and kept_found == found
        assert kept.unpack() == (document, claims)
    assert sum(len(claims) for _, claims, _ in plain) > 1000  # real claims, not empty packs


def test_a_document_without_a_summary_is_kept_whole_once_unpacked(parsed, tmp_path) -> None:
    """A document with a suppression comment has no summary (every run reads the
    comment): it is kept as parsed, its claims as objects, not packed beside itself."""
    plain, _ = parsed
    document, claims, _found = max(plain, key=lambda entry: len(entry[1]))  # most claims
    assert document is not None and len(claims) > 50
    commented = tmp_path / Path(document.path).name
    commented.write_text(f"{document.original}\n<!-- doichieu: bỏ qua NU01 -->\n", "utf-8")
    entries = parse_files([(commented, commented.name)], Config(), ParseSettings(), summaries=True)
    assert len(entries) == 1
    kept, kept_claims, _ = entries[0]
    assert kept is not None and summary(kept) is None and "doichieu: bỏ qua" in kept.text
    assert type(kept_claims) is tuple and [c.kind for c in kept_claims] == [c.kind for c in claims]


def _held(entries: list[LazyEntry]) -> int:
    """Bytes of Python objects the entries hold: a copy of them, counted as it is made."""
    data = pickle.dumps(entries)
    tracemalloc.start()
    try:
        copy = pickle.loads(data)
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del copy
    return size


def test_a_packed_document_holds_a_tenth_of_its_objects(parsed) -> None:
    plain, packed = parsed
    objects, kept = _held(plain), _held(packed)
    # Measured on these 38 files: 164 KB of objects a document, 11 KB kept (6 KB
    # packed, 5 KB the summary's objects). A run that held the objects would fail both.
    assert kept * 8 < objects
    assert kept / len(packed) < 16_000


@pytest.mark.parametrize("jobs", [1, 2])
def test_findings_do_not_change_when_documents_are_packed(monkeypatch, jobs: int) -> None:
    root = real_corpus_or_skip()
    monkeypatch.setattr(checkpool, "PARALLEL_DOCUMENTS", 2)  # forked check workers with 2
    settings = ParseSettings(jobs=jobs)
    objects = run([root], Options(parsing=settings, claims=True), root=root)  # nothing packed
    packed = run([root], Options(parsing=settings, claims=False), root=root)
    assert len(objects.findings) >= 3  # FX01, VB03, ...: findings to compare
    assert packed.findings == objects.findings
    assert [d.meta for d in packed.documents] == [d.meta for d in objects.documents]
    assert all(d.text == "" for d in packed.documents)  # summaries only, once checked
    assert Path(packed.documents[0].path).suffix == ".md"
