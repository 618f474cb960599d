"""Every YAML file of linter/data goes through one loader, and a bad entry is named."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import REPO
from linter import data as datafiles
from linter.claims import citations
from linter.data import unit_table
from linter.errors import LexiconError


def test_every_data_file_is_read_through_the_one_loader() -> None:
    modules = [*(REPO / "linter").rglob("*.py"), *(REPO / "checks").rglob("*.py")]
    sources = "\n".join(p.read_text(encoding="utf-8") for p in modules)
    loaded = set(re.findall(r'load\(\s*"([\w.]+\.yaml)"', sources))
    shipped = {p.name for p in (REPO / "linter" / "data").glob("*.yaml")}
    assert loaded == shipped
    # Only the loader and the reader of users' front matter parse YAML themselves.
    readers = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "linter").rglob("*.py")
        if "yaml.safe_load(" in p.read_text(encoding="utf-8")
    }
    assert readers <= {"linter/data/__init__.py", "linter/read/frontmatter.py"}, readers


def _data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(datafiles, "resources", SimpleNamespace(files=lambda _pkg: tmp_path))


def test_a_bad_entry_is_named_with_its_file_and_place(tmp_path, monkeypatch) -> None:
    _data(
        tmp_path,
        monkeypatch,
        "units.yaml",
        "units:\n  - {words: [ha], unit: ha, dimension: area}\n"
        "  - {words: [km], unit: km, factor: nhiều, dimension: length}\n"
        "per_population: [vạn dân]\n",
    )
    with pytest.raises(LexiconError) as caught:
        datafiles.load("units.yaml", unit_table._UnitsFile)
    assert str(caught.value) == (
        "linter/data/units.yaml: units.1.factor: "
        "Input should be a valid number, unable to parse string as a number"
    )


def test_a_name_used_but_not_defined_is_named(tmp_path, monkeypatch) -> None:
    _data(
        tmp_path,
        monkeypatch,
        "citations.yaml",
        "doc_types: {Nghị quyết: [nq]}\nneeds_marker: [Kế hoạch]\n"
        "issuers: {tinh_uy: {label: Tỉnh ủy, level: province, names: [tỉnh ủy]}}\n"
        "symbol_issuers: {tu: tinh_uy}\n",
    )
    with pytest.raises(LexiconError, match=r"citations.yaml: .*needs_marker: \['Kế hoạch'\]"):
        datafiles.load("citations.yaml", citations._CitationsFile)


def test_broken_yaml_is_named(tmp_path, monkeypatch) -> None:
    _data(tmp_path, monkeypatch, "status.yaml", "estimate: [ước\n")
    with pytest.raises(LexiconError, match=r"^linter/data/status.yaml: "):
        datafiles.load("status.yaml", dict)


def test_an_issuer_of_no_known_level_is_named(tmp_path, monkeypatch) -> None:
    _data(
        tmp_path,
        monkeypatch,
        "citations.yaml",
        "doc_types: {Nghị quyết: [nq]}\nneeds_marker: []\n"
        "issuers: {tinh_uy: {label: Tỉnh ủy, level: tỉnh, names: [tỉnh ủy]}}\n"
        "symbol_issuers: {}\n",
    )
    with pytest.raises(
        LexiconError, match=r"citations.yaml: issuers.tinh_uy.level: Input should be"
    ):
        datafiles.load("citations.yaml", citations._CitationsFile)


def test_two_issuers_with_one_label_are_named(tmp_path, monkeypatch) -> None:
    # A citation's issuer is its label, the same type as a document's issuer: two
    # bodies sharing a label would be one body to every check.
    _data(
        tmp_path,
        monkeypatch,
        "citations.yaml",
        "doc_types: {Nghị quyết: [nq]}\nneeds_marker: []\n"
        "issuers: {tinh_uy: {label: Tỉnh ủy, level: province, names: [tỉnh ủy]},\n"
        "  btv: {label: Tỉnh ủy, level: province, names: [ban thường vụ tỉnh ủy]}}\n"
        "symbol_issuers: {}\n",
    )
    with pytest.raises(LexiconError, match=r"the label 'Tỉnh ủy' is given to two issuers"):
        datafiles.load("citations.yaml", citations._CitationsFile)


def test_no_name_is_cut_at_a_comma_by_a_yaml_flow_list() -> None:
    """`[bộ văn hóa, thể thao và du lịch]` is two names to YAML: a name that begins
    with a word no issuer starts with is the tail of a name cut at its comma."""
    raw = datafiles.load("citations.yaml", citations._CitationsFile)
    heads = ("bộ ", "ban ", "ủy ban", "hội đồng", "hđnd", "ubnd", "btv", "bch", "đảng bộ")
    for key, issuer in raw.issuers.items():
        for name in issuer.names:
            alone = name in {"quốc hội", "chính phủ", "thủ tướng", "trung ương", "ubtvqh"}
            assert (
                alone
                or name.startswith(heads)
                or name.endswith(" ủy")
                or name.startswith(("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "thủ tướng"))
            ), (key, name)
