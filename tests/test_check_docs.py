"""Each check's docstring examples are run: the 'mâu thuẫn' corpus must produce a
finding of that check at its default severity, the 'nhất quán' corpus none."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from conftest import run_corpus
from linter.checking.docs import examples
from linter.checking.registry import load_checks

CHECKS = [check for check, _ in load_checks().checks]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_docstring_has_both_examples(check) -> None:
    docs = examples(check)
    assert set(docs) == {"bad", "good"}, (
        f"{check.code} needs 'Ví dụ mâu thuẫn::' and 'Ví dụ nhất quán::'"
    )
    assert all(docs.values())


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_bad_example_fires(tmp_path: Path, check) -> None:
    result = run_corpus(tmp_path, examples(check)["bad"], select={check.code})
    assert [f.severity for f in result.findings if f.code == check.code] == [check.severity]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_good_example_is_quiet(tmp_path: Path, check) -> None:
    result = run_corpus(tmp_path, examples(check)["good"], select={check.code})
    assert [f for f in result.findings if f.code == check.code] == []
    assert not [f for f in result.findings if f.severity.rank >= 1], result.findings


def test_generated_docs_are_up_to_date() -> None:
    from conftest import REPO
    from linter.checking.docs import render_markdown

    current = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == render_markdown(), "run: python -m linter.checking.docs > docs/checks.md"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_docs_have_ruffs_sections(check) -> None:
    """What it finds, why it matters, known problems: a reader of docs/checks.md
    gets all three for every check."""
    from linter.checking.docs import HEADINGS, sections

    description = inspect.cleandoc(check.__doc__ or "").split(HEADINGS["bad"])[0]
    titles = [title for title, _ in sections(description.split("\n", 1)[-1].strip())]
    assert titles == ["What it finds", "Why it matters", "Known problems"]
