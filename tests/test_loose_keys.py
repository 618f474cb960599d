"""The gazetteer's loose tables: built from the tables' keys letter by letter
(`places.loosened`), which must give each key its `loose_key` (it does, as the keys
are name keys and `loose_key` reads a name letter by letter). Both held here on the
whole dataset and on real text, against the definition written whole-string."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import REAL_CORPUS
from linter.data.places import WORD, loose_key, loosened, name_key
from linter.metadata import gazetteer


def _whole(name: str) -> str:
    """`loose_key` as it was first written: the whole key decomposed at once."""
    plain = unicodedata.normalize("NFD", name_key(name).replace("đ", "d"))
    return "".join(c for c in plain if c.isalnum() and c.isascii()).replace("k", "c")


@pytest.fixture(scope="module")
def built() -> gazetteer.Gazetteer:
    return gazetteer._build()  # the dataset itself, not a kept copy


def test_loose_tables_are_those_of_loose_key(built: gazetteer.Gazetteer) -> None:
    """What matters of the keys: `loosened` of each is its `loose_key`. A key need not
    be its own `name_key` for that: a stray space, which both leave out, would do."""
    assert len(built.wards) > 7000 and len(built.districts) > 600  # the whole dataset
    for table in (built.provinces, built.districts, built.wards):
        assert gazetteer._loosely(table) == {
            k: tuple(dict.fromkeys(v))
            for k, v in gazetteer._index(
                (loose_key(key), unit) for key, units in table.items() for unit in units
            ).items()
        }
    # Spellings the loose tables exist for meet there.
    for spelled in ("Đăk Glong", "Dak Glong", "Đắk Glong"):
        assert [d.name for d in gazetteer.districts_named(spelled, loose=True)] == [
            "Huyện Đăk Glong"
        ]
    assert loose_key("Krông A Na") == loose_key("Krông Ana") == "crongana"


def test_letter_by_letter_is_the_whole_name_at_once(built: gazetteer.Gazetteer) -> None:
    names = [unit.short for units in built.wards.values() for unit in units]
    names += [unit.name for units in built.districts.values() for unit in units]
    names += [unit.full for units in built.provinces.values() for unit in units]
    names += ["Cư M'gar", "Ea H’leo", "ĐẮK R‘LẤP", "Hoà Bình", "Thủy Nguyên", "Quận 1"]
    assert len(names) > 7000  # the whole dataset, with or without ../shared
    if REAL_CORPUS.is_dir():  # every word of real articles, marks of every kind and case
        for path in sorted(REAL_CORPUS.rglob("*.txt"))[:10]:
            names += WORD.findall(path.read_text(encoding="utf-8"))
    wrong = [n for n in names if loosened(name_key(n)) != _whole(n)]
    assert wrong == []
    # Marks written apart from their letter (NFD text) decompose alike.
    decomposed = unicodedata.normalize("NFD", "Đắk Mil")
    assert loose_key(decomposed) == _whole(decomposed) == "dacmil"
