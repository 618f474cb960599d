"""The gazetteer's tables kept beside the parse cache: read back equal to a fresh
build, ignored and rewritten when stale or damaged, removed by `cache clear`; the
wards in a file of their own, read only when a lookup asks for a ward."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEEDS, write_corpus
from linter.app.cli import main
from linter.metadata import gazetteer, gazstore
from linter.metadata.units import Ward


@pytest.fixture
def fresh() -> Iterator[None]:
    """Each test starts with no table in memory and no file named, and leaves so."""
    gazetteer.keep_in(None)
    gazetteer.load.cache_clear()
    yield
    gazetteer.keep_in(None)
    gazetteer.load.cache_clear()


def test_tables_read_back_equal_a_fresh_build(tmp_path: Path, fresh: None, built) -> None:  # type: ignore[no-untyped-def]
    gazetteer.keep_in(tmp_path / "gazetteer.json", "v1")
    assert gazetteer.load() == built  # built, then written
    gazetteer.load.cache_clear()
    kept = gazetteer.load()
    assert kept == built and list(kept.wards) == list(built.wards)  # same keys, same order
    assert kept.wards == built.wards
    # The lookups the scanner makes give the same units, loose ones included.
    assert gazetteer.provinces_named("Hoà Bình")[0].full == "Tỉnh Hòa Bình"
    assert [d.name for d in gazetteer.districts_named("Krông Ana", loose=True)] == [
        d.name for d in built.districts[gazetteer.name_key("Krông A Na")]
    ]
    assert gazetteer.merged_into("Quảng Ninh") == "Quảng Ninh"


def test_the_file_is_read_without_building(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer.keep_in(tmp_path / "gazetteer.json", "v1")
    gazetteer.load()
    gazetteer.load.cache_clear()

    def no_build() -> gazetteer.Gazetteer:
        raise AssertionError("the tables were built again although the file holds them")

    monkeypatch.setattr(gazetteer, "_build", no_build)
    assert gazetteer.provinces_named("Quảng Ninh")


@pytest.fixture(scope="module")
def built() -> gazetteer.Gazetteer:
    return gazetteer._build()  # once for these tests: 0.3 s each time


@pytest.fixture(scope="module")
def good(built: gazetteer.Gazetteer) -> tuple[dict[str, object], dict[str, object]]:
    """The two files' contents for the tables as built: the tables, the wards."""
    data = {"format": gazstore.FORMAT, "key": "v1", **gazstore._encode(built)}
    wards = {"format": gazstore.FORMAT, "key": "v1"} | {
        k: data.pop(k) for k in ("wards", "wards_by_key")
    }
    return data, wards


def _write(path: Path, content: object) -> None:
    """`content` as JSON, or as it is when already a text (one json cannot read)."""
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")


def _no_rebuild() -> gazstore.Wards:
    raise AssertionError("the wards were built again although their file holds them")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "key": "another version"},
        lambda data: {**data, "format": 1},
        lambda data: {**data, "districts": [["Huyện A", "A", "Huyện"]]},
        lambda data: {**data, "merger": {"Hà Tây": 7}},
        lambda data: {**data, "provinces_by_key": {"a": "b"}},
        lambda data: {k: v for k, v in data.items() if k != "district_of"},
        lambda data: [data],
        lambda data: "[" * 100_000 + "]" * 100_000,  # too deep for json: RecursionError
    ],
    ids=["key", "format", "width", "merger", "index", "missing", "not-a-dict", "deep"],
)
def test_a_stale_or_damaged_file_reads_as_nothing(tmp_path: Path, built, good, damage) -> None:  # type: ignore[no-untyped-def]
    store = gazstore.Store(tmp_path / "gazetteer.json", "v1")
    _write(store.path, good[0])
    _write(gazstore.wards_path(store.path), good[1])
    kept = gazstore.read(store, _no_rebuild)
    assert kept == built and kept.wards == built.wards  # type: ignore[union-attr]
    _write(store.path, damage(good[0]))
    assert gazstore.read(store, _no_rebuild) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "key": "another version"},
        lambda data: {**data, "format": 1},
        lambda data: {**data, "wards": [[1, "Xã", None, "Quảng Ninh", True, False]]},
        lambda data: {**data, "wards_by_key": {"a": "b"}},
        lambda data: {k: v for k, v in data.items() if k != "wards"},
        lambda data: [data],
        lambda data: "[" * 100_000 + "]" * 100_000,  # too deep for json: RecursionError
        None,
    ],
    ids=["key", "format", "ward-type", "index", "missing", "not-a-dict", "deep", "no-file"],
)
def test_stale_or_damaged_wards_are_rebuilt_the_rest_read(
    tmp_path: Path, built, good, damage
) -> None:  # type: ignore[no-untyped-def]
    store = gazstore.Store(tmp_path / "gazetteer.json", "v1")
    _write(store.path, good[0])
    if damage is not None:
        _write(gazstore.wards_path(store.path), damage(good[1]))
    rebuilt: gazstore.Wards = {"rebuilt": ()}
    kept = gazstore.read(store, lambda: rebuilt)
    assert kept == built and kept.wards is rebuilt  # type: ignore[union-attr]


def test_the_wards_file_is_read_only_when_a_ward_is_looked_up(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer.keep_in(tmp_path / "gazetteer.json", "v1")
    gazetteer.load()
    gazetteer.load.cache_clear()
    reads: list[gazstore.Store] = []
    real = gazstore._read_wards
    monkeypatch.setattr(gazstore, "_read_wards", lambda store: reads.append(store) or real(store))
    assert gazetteer.provinces_named("Quảng Ninh") and gazetteer.districts_named("Krông Ana", True)
    assert not reads
    assert gazetteer.wards_named("Bến Nghé") and len(reads) == 1


def test_a_file_that_is_not_json_is_built_again_and_rewritten(
    tmp_path: Path, fresh: None, built: gazetteer.Gazetteer
) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_bytes(b"\xff\x00{not json")
    gazetteer.keep_in(path, "v1")
    assert gazetteer.load() == built
    kept = gazstore.read(gazetteer._STORE, _no_rebuild)  # type: ignore[arg-type]
    assert kept == gazetteer.load()
    assert isinstance(next(iter(kept.wards.values()))[0], Ward)  # type: ignore[union-attr]


def test_an_unwritable_folder_is_no_error(tmp_path: Path, fresh: None) -> None:
    gazetteer.keep_in(tmp_path / "missing" / "gazetteer.json", "v1")
    assert gazetteer.load().provinces
    assert not (tmp_path / "missing").exists()


def test_a_run_keeps_them_in_its_cache_and_clear_removes_them(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path / "corpus", {p.name: p.read_text("utf-8") for p in SEEDS.glob("*.txt")})
    monkeypatch.chdir(tmp_path)

    def check(*args: str) -> tuple[int, str]:
        status = main(["check", "corpus", "--format", "json", *args])
        return status, capsys.readouterr().out

    built = check("--no-cache")
    gazetteer.load.cache_clear()  # as in a new process
    assert check("--cache-dir", "c") == built
    assert (tmp_path / "c" / "gazetteer.json").is_file()
    (tmp_path / "c" / "cache.sqlite").unlink()  # every file parsed again, with the kept tables
    gazetteer.keep_in(None)
    gazetteer.load.cache_clear()
    monkeypatch.setattr(gazetteer, "_build", lambda: pytest.fail("tables built, not read"))
    assert check("--cache-dir", "c") == built
    assert (tmp_path / "c" / "gazetteer-wards.json").is_file()
    assert main(["cache", "clear", "--cache-dir", "c"]) == 0
    assert not (tmp_path / "c" / "gazetteer.json").exists()
    assert not (tmp_path / "c" / "gazetteer-wards.json").exists()
