"""Which of likeness.match's tests keep two figures apart (likeness.vetoes), and the
table benchmarks/pairing.py prints from them over linked reports.

`vetoes` names every test that fails on its own, so that a reader can count how
many pairs one test alone keeps apart before loosening it; `match` pairs two
figures exactly when it names none.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_corpus
from linter.checking.likeness import match, vetoes
from linter.claims.extract import extract_claims
from linter.engine.run import Options, run
from linter.models import Document, Quantity

PLANTED = "Năm 2017, tỉnh đã trồng mới 1.200 ha rừng phòng hộ ven biển."


def _figure(text: str) -> Quantity:
    doc = Document(path="a.txt", original=text, text=text)
    (found,) = [c for c in extract_claims(doc) if isinstance(c, Quantity)]
    return found


@pytest.mark.parametrize(
    ("other", "kept_apart_by"),
    [
        # A plan against what was done, under the same words.
        ("Năm 2017, tỉnh đặt mục tiêu trồng mới 1.250 ha rừng phòng hộ ven biển.", ("status",)),
        # A half-year's figure inside the year's.
        (
            "Trong 6 tháng đầu năm 2017, tỉnh đã trồng mới 500 ha rừng phòng hộ ven biển.",
            ("period",),
        ),
        # Another thing of the same unit.
        ("Năm 2017, tỉnh đã thu hoạch 1.250 ha lúa đông xuân.", ("subject",)),
        # Two tests at once: another thing, and a plan.
        ("Năm 2017, tỉnh đặt mục tiêu thu hoạch 1.250 ha lúa đông xuân.", ("status", "subject")),
        # The same figure stated again: nothing keeps them apart.
        ("Năm 2017, tỉnh đã trồng mới 1.250 ha rừng phòng hộ ven biển.", ()),
    ],
)
def test_vetoes_names_each_test_that_keeps_two_figures_apart(
    other: str, kept_apart_by: tuple[str, ...]
) -> None:
    a, b = _figure(PLANTED), _figure(other)
    assert vetoes(a, b) == kept_apart_by
    assert (match(a, b) > 0) == (not kept_apart_by)


def _pairing_benchmark() -> object:
    path = REPO / "benchmarks" / "pairing.py"
    spec = importlib.util.spec_from_file_location("pairing_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pairing_benchmark"] = module
    spec.loader.exec_module(module)
    return module


def test_the_pairing_table_counts_the_tests_of_linked_reports(tmp_path: Path) -> None:
    head = "---\ndate: 2017-06-{day}\nprovince: Quảng Ngãi\ntitle: Tổng kết trồng rừng {n}\n---\n"
    shared = "Tỉnh Quảng Ngãi tổng kết công tác trồng rừng tại huyện Bình Sơn với 4.815 cây giống. "
    write_corpus(
        tmp_path,
        {
            "a.md": head.format(day=20, n=1)
            + shared
            + "Năm 2017, tỉnh đã trồng mới 1.200 ha rừng phòng hộ ven biển.",
            "b.md": head.format(day=21, n=2)
            + shared
            + "Năm 2017, tỉnh đặt mục tiêu trồng mới 1.250 ha rừng phòng hộ ven biển.",
        },
    )
    result = run([tmp_path / "a.md", tmp_path / "b.md"], Options(), root=tmp_path)
    pairing = _pairing_benchmark()
    found = list(pairing.pairs(result))  # type: ignore[attr-defined]
    assert [(qa.span.quote, qb.span.quote, why) for _, qa, _, qb, why in found] == [
        ("1.200 ha", "1.250 ha", ("status",))
    ]
    table = pairing.table(found)  # type: ignore[attr-defined]
    assert table[0] == "pairs of disagreeing figures of linked reports: 1"
    assert "     1  status" in table
    assert table[-2:] == ["     1  status", "     0  subject"]
