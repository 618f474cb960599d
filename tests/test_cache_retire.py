"""What a new version replaces in the cache (`linter.engine.prune`), on real runs: an
edited check replaces its findings, province by province, and a parser version
retired leaves the rows its successor has just written (review s9, items 2 and 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cacheruns import rows, watch

from conftest import CHEMROAD_DRAFT, SEEDS, chemroad_corpus, settle, write_corpus
from linter.app.cli import main
from linter.checking import distinctive
from linter.engine import checkphase, keys, prune
from linter.engine.parsing import ParseSettings
from linter.engine.run import Options, run

_TABLES = ("groups", "features", "versions")


def test_an_edited_check_replaces_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A built-in check lives in checks/, outside the parser's fingerprint: each edit
    (another `checks_fingerprint`) checks both provinces of the seeds again and replaces
    their findings; the groups stay two, not two more per edit, and the report is the
    same. The run after the last edit checks nothing."""
    write_corpus(tmp_path / "corpus", {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")})
    settle(monkeypatch, (tmp_path / "corpus").glob("*.txt"))
    monkeypatch.chdir(tmp_path)
    args = ["check", "corpus", "--format", "json", "--cache-dir", "c"]
    assert main(args) == 1
    report = capsys.readouterr().out
    for edit in ("edit 1", "edit 2", "edit 3"):
        monkeypatch.setattr(checkphase, "checks_fingerprint", lambda _, e=edit: e)
        _, checked = watch(monkeypatch)
        assert main(args) == 1 and capsys.readouterr().out == report
        assert set(checked) == {"Quảng Ninh", "Bắc Kạn"}
        assert rows(tmp_path / "c", _TABLES) == (2, 0, 1)
    _, checked = watch(monkeypatch)
    assert main(args) == 1 and capsys.readouterr().out == report and checked == []


@pytest.fixture
def chemroad(tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The Chemroad Journey draft and the five reports published before it (conftest)."""
    chemroad_corpus(tmp_path, news, monkeypatch)
    distinctive.forget()
    yield tmp_path
    distinctive.forget()


def test_a_retired_version_leaves_the_features_just_kept(
    chemroad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Draft runs under parser versions v1, v2, v3: the third retires v1 as it writes,
    and keeps the five reports' features it has just computed beside v2's (they were
    deleted with v1's when the retirement ran before v3's entries were written). The
    next v3 run weighs the draft's words alone."""
    options = Options(
        focus=frozenset({f"drafts/{CHEMROAD_DRAFT}"}),
        parsing=ParseSettings(cache_dir=chemroad / "cache"),
    )
    weighed: list[str] = []
    real = distinctive.weighed
    monkeypatch.setattr(distinctive, "weighed", lambda text: weighed.append(text) or real(text))
    for version, counts in (("v1", (0, 5, 1)), ("v2", (0, 10, 2)), ("v3", (0, 10, 2))):
        monkeypatch.setattr(keys, "parser_fingerprint", lambda v=version: v)
        monkeypatch.setattr(prune, "parser_fingerprint", lambda v=version: v)
        distinctive.forget()
        run([chemroad / "drafts", chemroad / "archive"], options, root=chemroad)
        assert rows(chemroad / "cache", _TABLES) == counts
    distinctive.forget()
    weighed.clear()
    result = run([chemroad / "drafts", chemroad / "archive"], options, root=chemroad)
    assert [d.path for t in weighed for d in result.documents if d.text == t] == [
        f"drafts/{CHEMROAD_DRAFT}"
    ]
