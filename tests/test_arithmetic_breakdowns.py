"""AR01's breakdowns "như sau:" (checks/arithmetic/breakdowns.py) on real text and on
odd input: the two reports of one press release whose member universities' places
do not make the stated total (T81, T82 of the tuning reading set), the message in
English, and text that must neither crash nor take long."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checks.arithmetic.breakdowns import breakdowns
from conftest import SHARED
from linter.engine.run import Options, run
from linter.models import Severity

NEWS = SHARED / "corpus" / "news2017" / "tp-ho-chi-minh"
PARTS = ("3.040", "3.800", "1.400", "2.850", "1.180", "1.000", "175")
MESSAGE = (
    "Tổng các thành phần không bằng tổng số: "
    "3.040 + 3.800 + 1.400 + 2.850 + 1.180 + 1.000 + 175 = 13.445 < 13.455."
)


def test_real_places_of_member_universities_short_of_their_total() -> None:
    """Both reports: "trình độ ĐH là 13.455, CĐ 450", then per member "3.040 chỉ tiêu
    ở bậc ĐH và 300 chỉ tiêu bậc CĐ; ...; Khoa Y 175": the ĐH places make 13.445; the
    CĐ places (300 + 150) make their 450 and are no finding."""
    sources = [NEWS / "mz-21493916.txt", NEWS / "mz-21506763.txt"]
    if not all(s.is_file() for s in sources):
        pytest.skip(f"news2017 not present at {NEWS} (it lives in ../shared, outside the repo)")
    result = run(sources, Options(select={"AR01"}), root=SHARED)
    found = [
        (f.severity, f.message, tuple(e.quote for e in f.evidence))
        for f in result.findings
        if f.code == "AR01"
    ]
    assert found == [(Severity.INFO, MESSAGE, ("13.455", *PARTS))] * 2


def test_breakdown_message_in_english(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ndate: 2017-04-05\nprovince: Hà Tĩnh\n---\n"
        "Số lao động được giải quyết việc làm trong quý I là 4.200. Số lao động được "
        "giải quyết việc làm ở từng huyện như sau: Hương Sơn 1.250; Kỳ Anh 1.600; "
        "Thạch Hà 980; Can Lộc 450.\n",
        encoding="utf-8",
    )
    result = run([tmp_path], Options(select={"AR01"}, lang="en"), root=tmp_path)
    assert [(f.message, [e.note for e in f.evidence][:2]) for f in result.findings] == [
        (
            "The parts add up to more than the total: 1.250 + 1.600 + 980 + 450 = 4.280 > 4.200.",
            ["total", "part"],
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "như sau:",
        ": như sau: ;;;",
        "là 1, A 2. X như sau: A 1; B 2 và 3; C",
        "Tổng là 99999999999999999999. Tổng như sau: A 1; B 2; C 3.",
        "\n\nlà 5.\nnhư sau: A 1; B; C 3",
    ],
)
def test_odd_text_neither_crashes_nor_is_linked(text: str) -> None:
    assert list(breakdowns(text, text.lower())) == []


def test_a_huge_line_of_cues_is_read_within_reach() -> None:
    """One line of 4.000 cues (about 200 kB): every cue looks only so far around it."""
    text = "Tổng chỉ tiêu là 10. Chỉ tiêu như sau: A 1; B 2; C 3 " * 4_000
    began = time.perf_counter()
    found = list(breakdowns(text, text.lower()))
    assert time.perf_counter() - began < 10
    assert len(found) == 1 and found[0].summed == 6
