"""benchmarks/limit.py's light pipeline (issue 15's "realistic limit" of a Python
parser) does the work it claims to time: every sentence split, searched for the ten
expressions and for every gazetteer name, the same counts whether one process or
two read the files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import load_script

REPO = Path(__file__).resolve().parents[1]
pytest.importorskip("ahocorasick", reason="pyahocorasick is a dev dependency: `make test` has it")


def test_one_sentence_is_searched_for_each_expression_and_each_place(tmp_path: Path) -> None:
    limit = load_script("limit")
    sentence = "Năm 2023, tỉnh Quảng Ninh thu ngân sách đạt 56.000 tỷ đồng, tăng 5,2%."
    (tmp_path / "a.md").write_text(sentence + "\n", encoding="utf-8")
    counts = limit.scan_tree(tmp_path)
    # figures 2023, 56.000, 5,2; money; percent; year (capitalised "Năm" is not "năm");
    # changes "đạt 5", "tăng 5"
    assert counts["matches"] == 3 + 1 + 1 + 0 + 2
    # an oracle apart from the automaton: each name found at each place it starts
    names = limit.gazetteer_names()
    assert {"quảng ninh", "tỉnh quảng ninh", "hạ long", "bãi cháy"} <= set(names)  # all levels
    lowered = sentence.lower()
    starts = sum(1 for n in names for i in range(len(lowered)) if lowered.startswith(n, i))
    assert counts["places"] == starts >= 2
    assert counts["sentences"] == 1 and counts["files"] == 1
    assert counts["bytes"] == len((sentence + "\n").encode("utf-8"))


def test_two_processes_read_every_file_once(tmp_path: Path) -> None:
    limit = load_script("limit")
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(seed, tmp_path / f"{seed.stem}.md")
    alone, shared = limit.scan_tree(tmp_path, jobs=1), limit.scan_tree(tmp_path, jobs=2)
    assert alone == shared
    assert alone["files"] == 5 and alone["sentences"] > 100 and alone["places"] > 0
