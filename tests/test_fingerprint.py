"""Finding fingerprints come from the normalised claims, not from where they sit."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, run_corpus


def _fingerprints(folder: Path, documents: dict[str, str]) -> dict[str, str]:
    result = run_corpus(folder, documents)
    return {f.code: f.fingerprint for f in result.findings if f.code in ("NU01", "VB01", "TG01")}


def test_fingerprints_survive_unrelated_edits_and_moves(tmp_path: Path) -> None:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    before = _fingerprints(tmp_path / "before", seeds)
    assert set(before) == {"NU01", "VB01", "TG01"}
    moved = {f"archive/2023/{name}": "Tin mới cập nhật.\n\n" + text for name, text in seeds.items()}
    assert _fingerprints(tmp_path / "after", moved) == before


def test_fingerprint_changes_when_a_figure_changes(tmp_path: Path) -> None:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    before = _fingerprints(tmp_path / "before", seeds)
    name = next(n for n in seeds if n.startswith("001"))
    seeds[name] = seeds[name].replace("55.600 tỷ đồng", "55.800 tỷ đồng")
    after = _fingerprints(tmp_path / "after", seeds)
    assert after["NU01"] != before["NU01"] and after["VB01"] == before["VB01"]
