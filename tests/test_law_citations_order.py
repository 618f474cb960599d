"""VB03 shows a wrong law citation with one right citation of a linked report: the
same one whatever the files are called, in whatever order they are listed, and
whether a report is checked as a draft outside the archive ("../d.md", which comes
before every name). The documents are the VB03 case of two right reports."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import run_corpus
from linter.engine.run import Options, run
from linter.models import RunResult

CASE = "the_right_citation_shown_is_the_earliest_report_s"
# Each naming gives every document of the case another file name.
NAMINGS = [
    {"a.md": "a.md", "b.md": "b.md", "c.md": "c.md"},
    {"a.md": "m.md", "b.md": "z/b.md", "c.md": "y/c.md"},
    {"a.md": "c.md", "b.md": "a.md", "c.md": "b.md"},
]

Found = list[tuple[str, str, tuple[tuple[str, int, int, str], ...]]]


def _documents() -> dict[str, str]:
    path = Path(__file__).parent / "fixtures" / "checks" / "VB03.yml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return next(case for case in cases if case["name"] == CASE)["documents"]


def _found(result: RunResult, names: dict[str, str]) -> Found:
    """Each finding's code, severity and evidence, its paths given back their case names."""
    back = {shown: name for name, shown in names.items()}
    return sorted(
        (
            f.code,
            f.severity.value,
            tuple((back[e.path], e.line, e.column, e.quote) for e in f.evidence),
        )
        for f in result.findings
    )


def test_the_right_citation_shown_does_not_depend_on_file_names(tmp_path: Path) -> None:
    documents = _documents()
    found = []
    for k, names in enumerate(NAMINGS):
        renamed = {names[name]: text for name, text in documents.items()}
        found.append(_found(run_corpus(tmp_path / str(k), renamed, {"VB03"}), names))
    assert found[0] == [
        (
            "VB03",
            "info",
            (
                ("a.md", 6, 72, "Luật Đấu giá năm 2017"),
                ("c.md", 6, 81, "Luật Đấu giá tài sản năm 2016"),
            ),
        )
    ]
    assert found[1:] == [found[0]] * (len(NAMINGS) - 1)


@pytest.mark.parametrize("draft", ["a.md", "b.md", "c.md"])
def test_a_draft_outside_the_archive_gets_the_whole_run_s_findings(
    tmp_path: Path, draft: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = _documents()
    whole = _found(run_corpus(tmp_path / "whole", documents, {"VB03"}), {n: n for n in documents})
    archive = tmp_path / "drafted" / "archive"
    archive.mkdir(parents=True)
    for name, text in documents.items():
        (archive / name if name != draft else archive.parent / "d.md").write_text(text, "utf-8")
    monkeypatch.chdir(archive)
    paths = [Path(n) for n in sorted(documents) if n != draft]
    options = Options(select={"VB03"}, focus=frozenset({"../d.md"}))
    result = run([*paths, Path("../d.md")], options, root=archive)
    names = {n: n for n in documents if n != draft} | {draft: "../d.md"}
    # A draft's run leads each finding with the draft's evidence: compare them as sets.
    assert _unordered(_found(result, names)) == _unordered(
        [f for f in whole if draft in {e[0] for e in f[2]}]
    )


def _unordered(found: Found) -> Found:
    return sorted((code, severity, tuple(sorted(evidence))) for code, severity, evidence in found)
