"""Checks compare distinct statements, never every pair of claims.

A 50 MB file that repeats one sentence, or a corpus that quotes one figure in
every document, must cost one comparison, not millions (issue: NU01 spent 450 s
and 3.6 GB on one repeated sentence). The claims are the real parser's, copied.
"""

from __future__ import annotations

from pathlib import Path

import checks.figures as figures
from checks.events import EventFigureConflict
from checks.figures import FigureConflict
from conftest import run_corpus
from linter.checking import DocumentClaims, Group
from linter.data.lexicon import default_lexicon

DOC = """---
date: 2023-12-23
province: Quảng Ninh
title: Chỉ tiêu năm 2024
---
Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng; có 11.400 hộ dân trồng rừng gỗ lớn.
"""
OTHER = DOC.replace("56.000", "55.600")


def _group(tmp_path: Path, copies: int) -> Group:
    result = run_corpus(tmp_path, {"a.md": DOC, "b.md": OTHER})
    items = []
    for doc in result.documents:
        claims = result.claims[doc.path]
        many = claims * copies
        items.append(DocumentClaims(doc, tuple(many)))
    return Group("Quảng Ninh", tuple(items), default_lexicon())


def _comparisons(monkeypatch, check, group: Group) -> tuple[int, int]:
    calls = []
    real = figures.intervals_overlap

    def counting(a, b):
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(figures, "intervals_overlap", counting)
    found = list(check.run(group))
    return len(found), len(calls)


def test_nu01_compares_distinct_statements_once(tmp_path, monkeypatch) -> None:
    few = _comparisons(monkeypatch, FigureConflict(), _group(tmp_path / "1", 1))
    many = _comparisons(monkeypatch, FigureConflict(), _group(tmp_path / "2", 5000))
    assert few == many == (1, 1)  # one finding, one comparison, whatever the repetition


def test_ev01_compares_distinct_statements(tmp_path, monkeypatch) -> None:
    """Two reports repeated 2,000 times each cost the comparisons of one copy each."""
    import linter.checking.likeness as likeness

    calls = []
    real = likeness._like  # what `match` and `conflicts` ask of every pair they weigh

    def counting(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(likeness, "_like", counting)
    assert list(EventFigureConflict().run(_group(tmp_path / "1", 1))) == []
    once = len(calls)
    calls.clear()
    assert list(EventFigureConflict().run(_group(tmp_path / "2", 2000))) == []
    assert once > 0 and len(calls) == once  # the figures they share agree, once
