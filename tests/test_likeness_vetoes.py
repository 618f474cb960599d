"""Which of likeness.match's tests keep two figures apart (likeness.vetoes), and the
table benchmarks/pairing.py prints from them over linked reports.

`vetoes` names every test that fails on its own, so that a reader can count how
many pairs one test alone keeps apart before loosening it; `match` pairs two
figures exactly when it names none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script, write_corpus
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
    pairing = load_script("pairing")
    found = list(pairing.pairs(result))  # type: ignore[attr-defined]
    assert [(qa.span.quote, qb.span.quote, why) for _, qa, _, qb, why in found] == [
        ("1.200 ha", "1.250 ha", ("status",))
    ]
    table = pairing.table(found)  # type: ignore[attr-defined]
    assert table[0] == "pairs of disagreeing figures of linked reports: 1"
    assert table[-2:] == ["     1  status", "     0  subject"]


def test_the_benchmarks_read_a_half_its_clusters_and_the_news_of_no_cluster(
    tmp_path: Path,
) -> None:
    """pairing.py, docyear.py and linking.py take their articles from one helper: a
    half's clusters, for the tuning half also the articles of no cluster, never a
    held-out one (a made-up split and corpus, so that every way of it is seen)."""
    split = (
        "tune:\n- {id: C001, kind: event, province: A, topic: t, files: [a/1.txt]}\n"
        "heldout:\n- {id: C002, kind: event, province: B, topic: t, files: [b/2.txt]}\n"
    )
    write_corpus(tmp_path / "data", {"split.yaml": split})
    news = write_corpus(tmp_path / "news", dict.fromkeys(("a/1.txt", "b/2.txt", "b/3.txt"), ""))
    data = load_script("realnews_data")
    assert data.half_files("tune", news, tmp_path / "data") == ["a/1.txt", "b/3.txt"]
    assert data.half_files("heldout", news, tmp_path / "data") == ["b/2.txt"]
    assert data.half_files("none", news, tmp_path / "data") == ["b/3.txt"]
