"""Plugins: discovered through entry points, validated on load, never fatal."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from importlib.metadata import EntryPoint
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import pytest

from conftest import REPO, run_corpus, write_corpus
from linter import plugins as plugin_groups
from linter.checking import Bound, Check, Group, Option, registry
from linter.engine.run import Options, run
from linter.errors import CheckLoadError
from linter.models import Finding, Severity

DOCS = {
    "a.md": "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\n"
    "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n",
    "b.md": "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\n"
    "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n",
}


class Crashing(Check):
    """Always raises."""

    code = "ZZ01"
    name = "test.crash"

    def run(self, group: Group) -> Iterator[Finding]:
        raise RuntimeError("boom")


class NoDocstring(Check):
    code = "ZZ02"
    name = "test.nodoc"

    def run(self, group: Group) -> Iterator[Finding]:
        return iter(())


class MisspeltBound(Check):
    """Bounds an option it does not have."""

    code = "ZZ06"
    name = "test.misspelt"
    options: ClassVar[Mapping[str, Option]] = {"window-days": 30}
    bounds: ClassVar[Mapping[str, Bound]] = {"window-day": Bound(minimum=0)}

    def run(self, group: Group) -> Iterator[Finding]:
        return iter(())


class NotABound(MisspeltBound):
    """Bounds its option with a tuple."""

    bounds: ClassVar[Mapping[str, Bound]] = {"window-days": (0, None)}  # type: ignore[dict-item]


class FakeDist:
    def __init__(self, name: str) -> None:
        self.name = name


def _ep(name: str, value: str, package: str) -> EntryPoint:
    ep = EntryPoint(name=name, value=value, group=registry.GROUP)
    ep._for(FakeDist(package))  # type: ignore[attr-defined]  # what importlib does for real dists
    return ep


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    real = registry.group(registry.GROUP)
    extra = [
        _ep("ZZ01", "test_registry:Crashing", "doichieu-crashy"),
        _ep("ZZ02", "test_registry:NoDocstring", "doichieu-nodoc"),
        _ep("ZZ03", "no_such_module:Check", "doichieu-missing"),
        _ep("ZZ04", "test_registry:DOCS", "doichieu-notacheck"),
        _ep("ZZ05", "checks.figures:FigureConflict", "doichieu-wrongname"),
    ]
    monkeypatch.setattr(registry, "group", lambda name: [*real, *extra])


def test_builtin_checks_come_through_entry_points() -> None:
    loaded = registry.load_checks()
    # Exactly the checks pyproject.toml registers, as a third party would register its own.
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    registered = project["project"]["entry-points"]["doichieu.checks"]
    assert [c.code for c, _ in loaded.checks] == sorted(registered)
    assert {"NU01", "VB01", "VB02", "TG01", "CT01"} <= set(registered)
    assert {p for _, p in loaded.checks} == {"doichieu"}
    assert loaded.errors == ()


def test_bad_plugins_are_findings_naming_their_package(tmp_path: Path, plugins: None) -> None:
    result = run_corpus(tmp_path, DOCS)
    en02 = {f.evidence[0].path: f.message for f in result.findings if f.code == "EN02"}
    assert set(en02) == {
        "<plugin doichieu-nodoc>",
        "<plugin doichieu-missing>",
        "<plugin doichieu-notacheck>",
        "<plugin doichieu-wrongname>",
    }
    assert "expected a docstring" in en02["<plugin doichieu-nodoc>"]
    assert "failed to import no_such_module:Check" in en02["<plugin doichieu-missing>"]
    assert "expected a subclass of linter.checking.Check" in en02["<plugin doichieu-notacheck>"]
    assert "named 'ZZ05' but the check's code is 'NU01'" in en02["<plugin doichieu-wrongname>"]
    # Each imported through linter.plugins.load, noted as another distribution's (the
    # one whose module is missing too: its import may have run first), never doichieu.
    foreign = plugin_groups.foreign()
    assert {"doichieu-crashy", "doichieu-missing", "doichieu-wrongname"} <= foreign
    assert "doichieu" not in foreign


def test_a_crashing_check_does_not_stop_the_others(tmp_path: Path, plugins: None) -> None:
    result = run_corpus(tmp_path, DOCS)
    crash = [f for f in result.findings if f.code == "EN01"]
    assert len(crash) == 1
    assert crash[0].message.startswith(
        "kiểm tra ZZ01 (test.crash) bị lỗi ở tỉnh Quảng Ninh: RuntimeError("
    )
    assert crash[0].severity is Severity.ERROR
    assert [f.code for f in result.findings if f.code == "NU01"] == ["NU01"]


def test_engine_messages_follow_the_language_and_keep_their_fingerprint(
    tmp_path: Path, plugins: None
) -> None:
    docs = {**DOCS, "nowhere.md": "Chỉ tiêu năm 2024: tổng thu ngân sách đạt 9 tỷ đồng.\n"}
    write_corpus(tmp_path, docs)
    vi, en = (run([tmp_path], Options(lang=lang), root=tmp_path) for lang in ("vi", "en"))
    engine = {"EN01", "EN02", "DC03"}

    def messages(result):
        return sorted((f.code, f.message) for f in result.findings if f.code in engine)

    assert ("DC03", "no province found in front matter or text; its figures are not "
            "compared with other documents") in messages(en)  # fmt: skip
    assert ("DC03", "không tìm thấy tỉnh trong front matter hay trong văn bản; số liệu "
            "của văn bản không được so sánh với văn bản khác") in messages(vi)  # fmt: skip
    assert any(m.startswith("check ZZ01 (test.crash) crashed on") for _, m in messages(en))
    assert any(m.startswith("không nạp được kiểm tra 'ZZ02' của gói") for _, m in messages(vi))
    assert not set(messages(vi)) & set(messages(en))
    assert sorted(f.fingerprint for f in vi.findings if f.code in engine) == sorted(
        f.fingerprint for f in en.findings if f.code in engine
    )


def test_bounds_name_declared_options_and_are_bounds() -> None:
    with pytest.raises(CheckLoadError) as misspelt:
        registry.validate(MisspeltBound, "ZZ06", "doichieu-typo")
    assert str(misspelt.value) == (
        "check 'ZZ06' from package 'doichieu-typo': "
        "bounds 'window-day', which is not an option (options: window-days)"
    )
    with pytest.raises(CheckLoadError) as tuple_bound:
        registry.validate(NotABound, "ZZ06", "doichieu-tuple")
    assert tuple_bound.value.message == (
        "expected the bound of 'window-days' to be a linter.checking.Bound, found (0, None)"
    )


def test_entry_points_are_scanned_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every group asked (checks, readers, formats) is selected from one scan of the
    installed distributions, the same entry points a scan per group gives."""
    real = plugin_groups.metadata.entry_points
    scans: list[int] = []

    def scan() -> object:
        scans.append(1)
        return real()

    monkeypatch.setattr(plugin_groups, "metadata", SimpleNamespace(entry_points=scan))
    for name in ("doichieu.checks", "doichieu.readers", "doichieu.formats", "doichieu.checks"):
        expected = sorted(real(group=name), key=lambda e: (e.name, e.value))
        assert plugin_groups.group(name) == expected
    codes = [check.code for check, _ in registry.load_checks().checks]
    assert codes == sorted(ep.name for ep in real(group="doichieu.checks"))
    assert len(scans) == 1
