"""A draft run against a warm cache links the draft with reports in other files of
its province, with the published reports' linking features read back from the
cache (`linter.engine.linkstore`): its findings are the whole run's findings that
involve the draft, whether the features were computed or kept."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter.checking import distinctive, wording
from linter.engine.cache import Cache
from linter.engine.config import Config
from linter.engine.keys import config_fingerprint, entry_key
from linter.engine.linkstore import feature_key
from linter.engine.parsing import ParseSettings
from linter.engine.run import Options, run
from linter.models import RunResult

# Four outlets' reports of the Chemroad Journey tanker (tuning cluster, Bình Thuận):
# EV01 between the draft and the first (a tonnage with two digits swapped), PN03 (the
# ship's flag) with three, and two other stories of the province. Da Nang's reports
# are another province: never compared, never read as context.
DRAFT = "binh-thuan/mz-22507065.txt"
PUBLISHED = (
    "binh-thuan/mz-22505758.txt",
    "binh-thuan/mz-22515329.txt",
    "binh-thuan/mz-22520228.txt",
    "binh-thuan/mz-22449696.txt",
    "binh-thuan/mz-22654095.txt",
    "da-nang/mz-21511518.txt",
    "da-nang/mz-21511856.txt",
)


@pytest.fixture
def corpus(tmp_path: Path, news: Path) -> Iterator[Path]:
    """The draft in drafts/, the published reports in archive/ (another folder, so a
    focused run finds them only through the cache's provinces)."""
    source = news
    for name, folder in [(DRAFT, "drafts"), *((p, "archive") for p in PUBLISHED)]:
        target = tmp_path / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    past = time.time_ns() - 60_000_000_000  # past the racy window: metadata is trusted
    for path in tmp_path.rglob("*.txt"):
        os.utime(path, ns=(past, past))
    distinctive._GIVEN.clear()  # as a new process
    yield tmp_path
    distinctive._GIVEN.clear()


def _run(root: Path, focus: bool, cache: Path | None) -> RunResult:
    options = Options(
        focus=frozenset({f"drafts/{DRAFT}"}) if focus else None,
        parsing=ParseSettings(cache_dir=cache),
    )
    return run([root / "drafts", root / "archive"], options, root=root)


def _found(result: RunResult) -> set[tuple[str, tuple[tuple[str, int, int], ...]]]:
    # A focused run words its messages for a draft and leads with it: compare codes
    # and evidence, in any order.
    return {
        (f.code, tuple(sorted((e.path, e.line, e.column) for e in f.evidence)))
        for f in result.findings
    }


def test_a_draft_finds_its_linked_reports_in_other_files_with_features_kept(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = corpus / "cache"
    whole = _found(_run(corpus, focus=False, cache=cache))  # fills the cache
    involving = {f for f in whole if any(p == f"drafts/{DRAFT}" for p, _, _ in f[1])}
    shown = {(code, tuple(sorted({p for p, _, _ in ev}))) for code, ev in involving}
    assert (
        shown
        == {  # the linked reports in archive/, the draft in drafts/
            ("EV01", (f"archive/{PUBLISHED[0]}", f"drafts/{DRAFT}")),
            ("PN03", (*(f"archive/{p}" for p in PUBLISHED[:3]), f"drafts/{DRAFT}")),
        }
    )

    computed = _run(corpus, focus=True, cache=cache)  # features computed and kept
    assert _found(computed) == involving
    assert all(not d.path.startswith("archive/da-nang") for d in computed.documents)

    # Kept: each published report of the province has its features in the cache, equal
    # to what the code computes now.
    published = [d for d in computed.documents if d.path.startswith("archive/")]
    assert len(published) == 5
    reader = Cache(cache)
    keys = [feature_key(k) for k in _entry_keys(corpus, [d.path for d in published])]
    stored = reader.lookup("stats", "entry", keys)
    reader.commit()
    for doc, key in zip(published, keys, strict=True):
        assert distinctive.decode(stored[key] or "") == distinctive._features(
            doc.text, doc.meta.title
        )

    # Read back: the second draft run weighs the draft's words only, and finds the same.
    distinctive._GIVEN.clear()
    distinctive._features.cache_clear()
    weighed: list[str] = []
    real = wording.weighed
    monkeypatch.setattr(distinctive, "weighed", lambda text: weighed.append(text) or real(text))
    again = _run(corpus, focus=True, cache=cache)
    assert _found(again) == involving
    draft_text = next(d.text for d in again.documents if d.path == f"drafts/{DRAFT}")
    assert weighed == [draft_text]


def _entry_keys(root: Path, shown: list[str]) -> list[str]:
    """The entry keys of the files shown as `shown`, from their bytes."""
    config_key = config_fingerprint(Config())
    return [entry_key((root / path).read_bytes(), path, config_key) for path in shown]


def test_damaged_features_are_computed_again() -> None:
    """A row that is not the features' JSON is a miss, never a crash."""
    for raw in ("", "[]", "{}", '{"numbers": 1}', '{"numbers": [], "words": [[1, 2]]}'):
        assert distinctive.decode(raw) is None


def test_features_survive_their_json_in_every_bit(news: Path) -> None:
    """Each text of the corpus above: the kept features equal the computed ones,
    the weighed words in their order (the cosine sums in that order)."""
    for name in (DRAFT, *PUBLISHED):
        text = (news / name).read_text(encoding="utf-8")
        found = distinctive._features(text, text.splitlines()[0])
        back = distinctive.decode(distinctive.encode(found))
        assert back == found
        assert back is not None and list(back.words.items()) == list(found.words.items())
