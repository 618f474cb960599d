"""The published reports' linking features kept in the cache (linter.engine.keptfeatures):
a draft's run reads them back instead of weighing every published text and finds what
it found computing them. A row that is damaged, kept under another key, or not what
`wording.weighed` gives (bounds, order, a unit vector) is a miss: computed again by
the checks and kept again, never a crash. A crafted row within the bounds, its digest
computed, is taken (keptfeatures' docstring): that no test here can refuse."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CHEMROAD_DRAFT, CHEMROAD_PUBLISHED, chemroad_corpus, settle
from linter.checking import distinctive
from linter.engine import keptfeatures
from linter.engine.config import Config
from linter.engine.keptfeatures import decode, encode
from linter.engine.keys import config_fingerprint, entry_key
from linter.engine.parsing import ParseSettings
from linter.engine.run import Options, run
from linter.metadata import gazetteer
from linter.models import RunResult

# The Chemroad Journey tanker (conftest): the draft's EV01 with the first report and
# PN03 with three (as tests/test_draft_linking.py), two other stories of the province.
DRAFT, PUBLISHED = CHEMROAD_DRAFT, CHEMROAD_PUBLISHED
EXPECTED = {
    ("EV01", (f"archive/{PUBLISHED[0]}", f"drafts/{DRAFT}")),
    ("PN03", (*(f"archive/{p}" for p in PUBLISHED[:3]), f"drafts/{DRAFT}")),
}


@pytest.fixture
def corpus(tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    chemroad_corpus(tmp_path, news, monkeypatch)
    _new_process()
    yield tmp_path
    _new_process()


def _new_process() -> None:
    distinctive.forget()


def _draft_run(root: Path) -> RunResult:
    options = Options(
        focus=frozenset({f"drafts/{DRAFT}"}), parsing=ParseSettings(cache_dir=root / "cache")
    )
    return run([root / "drafts", root / "archive"], options, root=root)


def _shown(result: RunResult) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, tuple(sorted({e.path for e in f.evidence}))) for f in result.findings}


def _rows(root: Path) -> dict[str, str]:
    with sqlite3.connect(root / "cache" / "cache.sqlite") as db:
        return dict(db.execute("SELECT key, value FROM features").fetchall())


def _weighed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each text whose syllables are weighed from now on."""
    weighed: list[str] = []
    real = distinctive.weighed
    monkeypatch.setattr(distinctive, "weighed", lambda text: weighed.append(text) or real(text))
    return weighed


def _key(root: Path, name: str) -> str:
    return entry_key((root / name).read_bytes(), name, config_fingerprint(Config()))


def _paths(result: RunResult, texts: list[str]) -> list[str]:
    """The documents of `result` whose texts are `texts`."""
    return [d.path for text in texts for d in result.documents if d.text == text]


def test_kept_features_are_read_back_and_find_the_same(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = _draft_run(corpus)  # no feature kept yet: each computed, then kept
    assert _shown(computed) == EXPECTED
    rows = _rows(corpus)
    published = [d for d in computed.documents if d.path.startswith("archive/")]
    assert len(rows) == len(published) == 5  # the published reports', not the draft's
    for doc in published:  # each under its entry's key, equal to what the code computes
        key = _key(corpus, doc.path)
        assert decode(key, rows[key]) == distinctive._features(doc.text, doc.meta.title)

    _new_process()
    weighed = _weighed(monkeypatch)
    writes: list[object] = []
    monkeypatch.setattr(keptfeatures, "_write", lambda *a: writes.append(a))
    again = _draft_run(corpus)
    assert _shown(again) == EXPECTED
    assert [f.model_dump() for f in again.findings] == [f.model_dump() for f in computed.findings]
    assert _paths(again, weighed) == [f"drafts/{DRAFT}"]  # the draft's words alone
    assert writes == []  # nothing changed: nothing written


DAMAGED = [
    "",
    "not ours",
    "0" * 64 + ":{}",  # a digest that is not the JSON's
    "{numbers}",
]
CRAFTED = [  # each with its JSON's own digest: only the model or the checks refuse it
    "{}",
    "[" * 200_000,
    '{"numbers": 1, "years": [], "names": [], "title": [], "words": []}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", 0.5], ["a", 0.5]]}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", -1.0]]}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", NaN]]}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [], "more": 1}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", 1e308]]}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", 0.5]]}',  # not unit
    '{"numbers": [], "years": [], "names": [], "title": [], "words": [["a", 0.6], ["b", 0.8]]}',
    '{"numbers": [], "years": [], "names": [], "title": [], "words": ['
    + ", ".join(f'["w{i}", {65**-0.5!r}]' for i in range(65))
    + "]}",  # a unit vector, but more words than a text is weighed by
]


@pytest.mark.parametrize("row", DAMAGED + CRAFTED)
def test_a_row_that_is_not_these_features_is_computed_and_kept_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, row: str
) -> None:
    _draft_run(corpus)
    good = _rows(corpus)
    victim = next(iter(sorted(good)))
    if row in CRAFTED:  # with its own digest: only the model or the checks refuse it
        row = f"{keptfeatures._digest(victim, row)}:{row}"
    with sqlite3.connect(corpus / "cache" / "cache.sqlite") as db:
        db.execute("UPDATE features SET value = ? WHERE key = ?", (row, victim))
    assert decode(victim, row) is None

    _new_process()
    weighed = _weighed(monkeypatch)
    assert _shown(_draft_run(corpus)) == EXPECTED
    assert len(weighed) == 2  # the draft and the report whose row was damaged
    assert _rows(corpus) == good  # rewritten as it was


def test_an_edited_report_is_read_under_its_new_key(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draft_run(corpus)
    before = _rows(corpus)
    edited = corpus / "archive" / PUBLISHED[4]
    stale = _key(corpus, f"archive/{PUBLISHED[4]}")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm 1.234 ha.\n", encoding="utf-8")
    settle(monkeypatch, corpus.rglob("*.txt"))

    _new_process()
    weighed = _weighed(monkeypatch)
    result = _draft_run(corpus)
    assert sorted(_paths(result, weighed)) == [f"archive/{PUBLISHED[4]}", f"drafts/{DRAFT}"]
    after = _rows(corpus)
    # the old row went with the entry it was kept beside (linter.engine.prune)
    assert len(after) == 5 and set(before) - set(after) == {stale}
    (new,) = set(after) - set(before)
    found = decode(new, after[new])
    assert found is not None and "1.234" in found.numbers


def _resign(root: Path, rows: dict[str, str]) -> None:
    """Put each value of `rows` under its key, signed for it as `encode` would."""
    with sqlite3.connect(root / "cache" / "cache.sqlite") as db:
        for key, value in rows.items():
            text = value.partition(":")[2]
            db.execute(
                "UPDATE features SET value = ? WHERE key = ?",
                (f"{keptfeatures._digest(key, text)}:{text}", key),
            )


def test_a_row_moved_to_another_key_is_a_miss(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv13 item 3: two valid rows swapped were taken, and the draft's EV01 with
    the first report was lost. The digest covers the key: each is computed again."""
    _draft_run(corpus)
    good = _rows(corpus)
    one, four = _key(corpus, f"archive/{PUBLISHED[0]}"), _key(corpus, f"archive/{PUBLISHED[3]}")
    with sqlite3.connect(corpus / "cache" / "cache.sqlite") as db:
        db.execute("UPDATE features SET value = ? WHERE key = ?", (good[four], one))
        db.execute("UPDATE features SET value = ? WHERE key = ?", (good[one], four))

    _new_process()
    weighed = _weighed(monkeypatch)
    assert _shown(_draft_run(corpus)) == EXPECTED
    assert len(weighed) == 3  # the draft and the two moved rows' reports
    assert _rows(corpus) == good


def test_a_run_that_links_nothing_weighs_and_keeps_nothing(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv13 item 4: a run of a check that links no report (AR01) computed and
    wrote the features of every published report of the province on a miss."""
    weighed = _weighed(monkeypatch)
    options = Options(
        select=["AR01"],
        focus=frozenset({f"drafts/{DRAFT}"}),
        parsing=ParseSettings(cache_dir=corpus / "cache"),
    )
    run([corpus / "drafts", corpus / "archive"], options, root=corpus)
    assert weighed == []
    assert _rows(corpus) == {}

    assert _shown(_draft_run(corpus)) == EXPECTED  # a linking run keeps what it computed
    assert len(_rows(corpus)) == 5


def test_no_run_takes_the_features_an_earlier_run_was_given(corpus: Path) -> None:
    """Review rv13 item 2: what a draft run was given from its cache lived on in the
    process; a --no-cache batch run after one whose rows were crafted (re-signed
    under each other's keys) found fewer EV01 than in a new process."""
    batch = Options(parsing=ParseSettings(cache_dir=None))
    fresh = _shown(run([corpus / "drafts", corpus / "archive"], batch, root=corpus))
    _new_process()
    _draft_run(corpus)
    good = _rows(corpus)
    keys = sorted(good)
    _resign(corpus, {key: good[keys[(i + 1) % len(keys)]] for i, key in enumerate(keys)})
    _new_process()
    crafted = _shown(_draft_run(corpus))
    assert crafted != EXPECTED  # the crafted rows were taken: they pass every bound
    after = _shown(run([corpus / "drafts", corpus / "archive"], batch, root=corpus))
    assert after == fresh
    assert gazetteer._STORE is None  # nor the places' file of the cached run


def test_no_cache_file_is_made(tmp_path: Path) -> None:
    keptfeatures._write(tmp_path / "cache.sqlite", [("k", "v")])
    assert keptfeatures._read(tmp_path / "cache.sqlite", ["k"]) == {}
    assert not (tmp_path / "cache.sqlite").exists()


def test_features_survive_their_row_in_every_bit(news: Path) -> None:
    """Every text of the corpus above: the kept features equal the computed ones, the
    weighed words in their order and their weights to the last bit."""
    for name in (DRAFT, *PUBLISHED):
        text = (news / name).read_text(encoding="utf-8")
        found = distinctive._features(text, text.splitlines()[0])
        back = decode("a key", encode("a key", found))
        assert back == found
        assert back is not None and list(back.words.items()) == list(found.words.items())
