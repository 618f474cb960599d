"""The page's view of a check, made without the API's report text (issue 15).

The page's view is built from the report's values and the excerpts are kept
from one check to the next: the view must still be the API's report with only
the documents the page shows, and an edited published file must be shown as it
now reads, not as it was marked before.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from test_serve_api import BAC_KAN, BUDGET, running, warm_seeds

from linter.app import serve_page


def test_the_pages_report_is_the_apis_report_with_the_shown_documents(tmp_path: Path) -> None:
    with running(warm_seeds(tmp_path, tmp_path / "cache")) as served:
        api = served.check(BUDGET.format("1.100"))
        page = served.check(BUDGET.format("1.100"), "?view=page")
    shown = [d for d in api["documents"] if d["path"] in ("<draft>.md", BAC_KAN)]
    assert page["report"] == {**api, "documents": shown}
    assert list(page) == ["report", "excerpts"]


def _sentence(page: dict) -> str:
    """The published sentence the page shows for the first finding's second evidence."""
    return "".join(text for text, _ in page["excerpts"][0][1]["segments"])


def test_an_edited_published_file_is_shown_as_it_now_reads(tmp_path: Path) -> None:
    corpus = warm_seeds(tmp_path, tmp_path / "cache")
    published = tmp_path / BAC_KAN
    with running(corpus) as served:
        before = served.check(BUDGET.format("1.100"), "?view=page")
        assert "; trồng rừng" in _sentence(before)
        # The same figure at the same line and column; only words after it change,
        # so the evidence is the same and only the document's text tells them apart.
        text = published.read_text("utf-8")
        published.write_text(text.replace("; trồng rừng", "; TRỒNG RỪNG", 1), "utf-8")
        stat = published.stat()
        os.utime(published, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        corpus.refresh()
        after = served.check(BUDGET.format("1.100"), "?view=page")
    assert after["report"]["findings"] == before["report"]["findings"]
    assert "; TRỒNG RỪNG" in _sentence(after)
    assert "; trồng rừng" not in _sentence(after)
    marked = [text for text, mark in after["excerpts"][0][1]["segments"] if mark]
    assert marked == ["1.010 tỷ đồng"]


def test_a_deleted_published_file_takes_its_marks_with_it(tmp_path: Path) -> None:
    corpus = warm_seeds(tmp_path, tmp_path / "cache")
    with running(corpus) as served:
        served.check(BUDGET.format("1.100"), "?view=page")
        held = len(serve_page._MARKED)
        assert held >= 1
        (tmp_path / BAC_KAN).unlink()
        corpus.refresh()
        page = served.check(BUDGET.format("1.100"), "?view=page")
        gc.collect()
        # The draft's own marks are made afresh each time; the deleted file's are gone.
        assert BAC_KAN not in {d["path"] for d in page["report"]["documents"]}
        assert len(serve_page._MARKED) < held
