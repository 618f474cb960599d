"""A focused run (a draft) compares only the buckets that hold the focused document:
the findings are those of the whole run that involve it, and nothing else is done."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from conftest import REPO
from linter.checking import DocumentClaims, Group, index
from linter.data.lexicon import default_lexicon
from linter.engine.run import Options, run
from linter.models import Quantity

SEEDS = REPO / "seeds"


def test_index_keeps_only_the_buckets_of_the_focused_document() -> None:
    result = run([SEEDS], Options(), root=SEEDS)
    provinces = Counter(doc.meta.province for doc in result.documents)
    province, count = provinces.most_common(1)[0]
    assert count >= 2
    items = tuple(
        DocumentClaims(doc, tuple(result.claims[doc.path]))
        for doc in result.documents
        if doc.meta.province == province
    )
    group = Group(province, items, default_lexicon())
    focus = items[0].document.path

    def key(_: DocumentClaims, q: Quantity) -> object:
        return (q.indicator, q.unit)

    every = index(group, Quantity, key)
    kept = index(replace(group, focus=frozenset({focus})), Quantity, key)
    holding = [b for b in every if any(i.document.path == focus for i, _ in b)]
    assert kept == holding
    assert 0 < len(kept) < len(every)  # the test says something: some buckets go


@pytest.mark.parametrize("draft", sorted(p.name for p in SEEDS.iterdir()))
def test_a_draft_gets_the_findings_of_the_whole_run_that_involve_it(draft: str) -> None:
    whole = run([SEEDS], Options(), root=SEEDS)
    shown = next(d.path for d in whole.documents if d.path.endswith(draft))
    focused = run([SEEDS], Options(focus=frozenset({shown})), root=SEEDS)
    # The focused run words its messages for a draft and leads with it: compare codes
    # and the evidence, in any order.
    involving = {
        (f.code, tuple(sorted((e.path, e.line, e.column) for e in f.evidence)))
        for f in whole.findings
        if any(e.path == shown for e in f.evidence)
    }
    got = {
        (f.code, tuple(sorted((e.path, e.line, e.column) for e in f.evidence)))
        for f in focused.findings
    }
    assert got == involving
