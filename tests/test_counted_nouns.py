"""The unit of a count outside the unit table is its whole counted noun.

A noun whose first syllable alone names another thing is counted whole ("học
sinh" are no "học"); a head narrowed by a second word keeps its head ("tàu cá"
are "tàu"); a classifier of form is dropped, "lượt" is kept (trips are not
heads). Sentences are written in the words of the class, not copied from articles.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import REPO
from linter import data as datafiles
from linter import nlp
from linter.claims.counts import find_open_counts
from linter.claims.nouns import _CountedNouns
from linter.claims.quantities import find_quantities
from linter.data import load
from linter.data.unit_table import units
from linter.errors import LexiconError


def _units(sentence: str) -> list[tuple[str, str, float]]:
    """(quote, unit, value) of every figure of `sentence`, table units and open counts."""
    folded = nlp.fold(sentence)
    known = find_quantities(folded)
    opened = find_open_counts(folded, sentence, [(q.start, q.end) for q in known])
    return [
        (sentence[q.start : q.end], q.unit, q.value)
        for q in sorted(known + opened, key=lambda q: q.start)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # first syllable alone names another thing: the whole noun is the unit
        ("Kỳ thi có 72.000 thí sinh dự thi.", [("72.000 thí sinh", "thí sinh", 72_000)]),
        (
            "Trường tuyển 850 sinh viên và 40 giảng viên.",
            [("850 sinh viên", "sinh viên", 850), ("40 giảng viên", "giảng viên", 40)],
        ),
        (
            "Toàn tỉnh có 27 đơn vị và 5 cơ quan tham gia.",
            [("27 đơn vị", "đơn vị", 27), ("5 cơ quan", "cơ quan", 5)],
        ),
        ("Đại hội có mặt 9 phó giám đốc sở.", [("9 phó giám đốc", "phó giám đốc", 9)]),
        (
            "Lực lượng chức năng tháo dỡ 310 chướng ngại vật trên vỉa hè.",
            [("310 chướng ngại vật", "chướng ngại vật", 310)],
        ),
        ("Quận có 21 phòng khám tư nhân.", [("21 phòng khám", "phòng khám", 21)]),
        ("Tòa nhà có 380 căn hộ.", [("380 căn hộ", "căn hộ", 380)]),
        ("Lễ hội có 30 nhà văn hóa tham gia.", [("30 nhà văn hóa", "nhà văn hóa", 30)]),
        (
            "Tuyến xe vận chuyển 4-6 triệu hành khách/năm.",
            [("4-6 triệu hành khách/năm", "lượt khách/năm", 4e6)],
        ),
        # a head narrowed by a second word keeps its head, so reports that narrow it differently meet
        (
            "Bão làm chìm 14 tàu cá và 9 phòng học.",
            [("14 tàu cá", "tàu", 14), ("9 phòng học", "phòng", 9)],
        ),
        # a classifier of form is dropped, also before a noun counted whole
        ("Sân bay đón 12 chiếc máy bay.", [("12 chiếc máy bay", "máy bay", 12)]),
        ("Thành phố trồng 2.000 cây xanh.", [("2.000 cây xanh", "cây xanh", 2_000)]),
        ("Trạm thu phí đón hơn 50 chiếc ôtô.", [("hơn 50 chiếc ôtô", "ô tô", 50)]),
        ("Bến có 9 chiếc tàu cá.", [("9 chiếc tàu", "tàu", 9)]),
        # "lượt" counts occurrences of the noun counted whole after it
        (
            "Tuyến buýt chở 280.000 lượt hành khách.",
            [("280.000 lượt hành khách", "lượt khách", 280_000)],
        ),
        ("Có 900 lượt cán bộ được tập huấn.", [("900 lượt cán bộ", "lượt cán bộ", 900)]),
        ("Phố đi bộ đón 30.000 lượt khách.", [("30.000 lượt khách", "lượt khách", 30_000)]),
        ("Bến đón 12.000 lượt/ngày.", [("12.000 lượt/ngày", "lượt/ngày", 12_000)]),
        # "sĩ" and "sỹ" fold apart: both are the table's "bác sĩ"
        ("Trạm có 3 bác sỹ và 2 bác sĩ.", [("3 bác sỹ", "bác sĩ", 3), ("2 bác sĩ", "bác sĩ", 2)]),
    ],
)
def test_a_count_is_in_its_whole_noun(
    sentence: str, expected: list[tuple[str, str, float]]
) -> None:
    assert _units(sentence) == expected


def test_a_capitalised_noun_is_a_name_not_a_counted_noun() -> None:
    # "3 Công ty" opens a name; "3 công ty" counts companies
    assert _units("Có 3 Công ty Cổ phần nhận thầu.") == []
    assert _units("Có 3 công ty nhận thầu.") == [("3 công ty", "công ty", 3)]


def test_the_noun_list_holds_the_nouns_counted_whole() -> None:
    nouns = load("counted_nouns.yaml", _CountedNouns).nouns()
    assert {"học sinh", "hành khách", "khách", "đơn vị", "quốc gia", "căn hộ"} <= nouns


@pytest.mark.parametrize(
    ("people", "problem"),
    [
        (["học sinh", "thí sinh", "học sinh"], "listed twice: học sinh"),
        (["Học sinh"], "not two or more folded words"),
        (["tàu"], "not two or more folded words"),
    ],
)
def test_a_bad_noun_list_is_a_one_line_error(people: list[str], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        _CountedNouns(people=tuple(people), bodies_and_places=(), things=(), same_count={})


@pytest.mark.parametrize(
    ("same_count", "problem"),
    [
        # counted whole twice: in a group and in same_count
        ("  hành khách: lượt khách\n", "listed twice: hành khách"),
        ("  Khách: lượt khách\n", "'Khách': not folded words"),
        ("  du khách: lượt du khách\n", "same_count: not a unit of units.yaml: lượt du khách"),
    ],
)
def test_a_bad_same_count_is_named_by_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, same_count: str, problem: str
) -> None:
    (tmp_path / "data").mkdir()
    shipped = REPO / "linter" / "data" / "units.yaml"
    (tmp_path / "data" / "units.yaml").write_text(shipped.read_text(encoding="utf-8"), "utf-8")
    text = "people: [hành khách]\nbodies_and_places: []\nthings: []\nsame_count:\n" + same_count
    (tmp_path / "data" / "counted_nouns.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(datafiles, "resources", SimpleNamespace(files=lambda _pkg: tmp_path))
    units.cache_clear()  # read units.yaml from the same place
    try:
        with pytest.raises(LexiconError) as caught:
            load("counted_nouns.yaml", _CountedNouns)
    finally:
        units.cache_clear()
    message = str(caught.value)  # one line, naming the file and the entry
    assert message.startswith("linter/data/counted_nouns.yaml: ") and message.endswith(problem)
    assert "\n" not in message
