"""Output formats (`doichieu.formats`) and document formats (`doichieu.readers`) are
plugins: discovered through entry points like checks, validated on load."""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import EntryPoint, EntryPoints
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from conftest import REPO, write_corpus
from linter import plugins
from linter.app import formats, outputs
from linter.app.arguments import build_parser
from linter.app.cli import main
from linter.engine.run import Options, run
from linter.models import RunResult
from linter.read import readers as reader_registry
from linter.read.loading import collect_paths, load_document
from linter.read.readers import Limits, Read, Reader, build, decode, failed
from reports.base import Rendered, RenderOptions

A = (
    "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\n"
    "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
)
B = (
    "---\ndate: 2023-12-14\nprovince: Quảng Ninh\n---\n"
    "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 55.600 tỷ đồng.\n"
)
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
ENTRY_POINTS = PROJECT["project"]["entry-points"]


# --- plugins a third party could register ----------------------------------------------


def count_format(result: RunResult, options: RenderOptions) -> Rendered:
    """A one-line format: how many findings of each code."""
    codes = sorted({f.code for f in result.findings})
    counts = [f"{c}={sum(f.code == c for f in result.findings)}" for c in codes]
    return Rendered(text=" ".join(counts) + f" ({options.lang})\n")


def takes_one_argument(result: RunResult) -> Rendered:
    return Rendered(text="")


def returns_a_string(result: RunResult, options: RenderOptions) -> str:
    return "not a Rendered"


class UpperReader(Reader):
    """Files in capitals (.up), read as the same text in lower case."""

    name = "up"
    suffixes = (".up",)

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        original = decode(data)
        if not isinstance(original, str):
            return failed(original)
        lowered = original.lower()
        return build(lowered, path, [(0, len(lowered), None)], {}, [])


class MarkdownAgain(Reader):
    name = "md2"
    suffixes = (".md",)

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        raise AssertionError("never used: .md is taken")


class NoRead(Reader):
    name = "noread"
    suffixes = (".nr",)


class FakeDist:
    def __init__(self, name: str) -> None:
        self.name = name


def _ep(name: str, value: str, group: str, package: str) -> EntryPoint:
    ep = EntryPoint(name=name, value=value, group=group)
    ep._for(FakeDist(package))  # type: ignore[attr-defined]  # what importlib does for real dists
    return ep


@pytest.fixture
def extra_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    real = plugins.metadata.entry_points
    extra = {
        plugins.FORMATS: [
            _ep("count", "test_formats:count_format", plugins.FORMATS, "doichieu-count"),
            _ep("missing", "no_such_module:render", plugins.FORMATS, "doichieu-missing"),
            _ep("onearg", "test_formats:takes_one_argument", plugins.FORMATS, "doichieu-one"),
            _ep("stringy", "test_formats:returns_a_string", plugins.FORMATS, "doichieu-str"),
        ],
        plugins.READERS: [
            _ep("up", "test_formats:UpperReader", plugins.READERS, "doichieu-up"),
            _ep("md2", "test_formats:MarkdownAgain", plugins.READERS, "doichieu-md2"),
            _ep("noread", "test_formats:NoRead", plugins.READERS, "doichieu-noread"),
            _ep("gone", "no_such_module:Reader", plugins.READERS, "doichieu-gone"),
        ],
    }

    def entry_points() -> EntryPoints:  # every group at once, as linter.plugins reads them
        groups = (plugins.CHECKS, plugins.FORMATS, plugins.READERS)
        found = [ep for name in groups for ep in real(group=name)]
        return EntryPoints([*found, *(ep for eps in extra.values() for ep in eps)])

    monkeypatch.setattr(plugins, "metadata", SimpleNamespace(entry_points=entry_points))
    reader_registry.load_readers.cache_clear()
    yield
    reader_registry.load_readers.cache_clear()


# --- built-in formats -------------------------------------------------------------------


def test_builtin_output_formats_are_one_module_each_under_reports() -> None:
    registered = ENTRY_POINTS["doichieu.formats"]
    assert formats.format_names() == ("github", "html", "json", "sarif", "text")
    assert sorted(registered) == list(formats.format_names())
    modules = {value.partition(":")[0] for value in registered.values()}
    assert len(modules) == len(registered)  # one module per format
    assert all(value.startswith("reports.") and value.endswith(":render") for value in
               registered.values())  # fmt: skip
    for name in registered:
        renderer, package = formats.load_format(name)
        assert package == "doichieu"
        assert renderer.__name__ == "render"


def test_builtin_readers_are_one_module_each_and_claim_these_suffixes() -> None:
    readers = reader_registry.load_readers()
    assert readers.errors == ()
    assert readers.names == ("docx", "html", "md", "pdf", "txt")
    assert sorted(ENTRY_POINTS["doichieu.readers"]) == list(readers.names)
    modules = {v.partition(":")[0] for v in ENTRY_POINTS["doichieu.readers"].values()}
    assert len(modules) == len(readers.names)
    assert readers.suffixes == (".docx", ".html", ".htm", ".md", ".markdown", ".pdf", ".txt")
    assert readers.for_suffix(".HTM").name == "html"
    assert readers.for_suffix(".odt") is None


def test_command_line_choices_come_from_the_registries() -> None:
    parser = build_parser("en")
    check = parser._subparsers._group_actions[0].choices["check"]
    choices = {a.dest: a.choices for a in check._actions if a.choices}
    assert list(choices["format"]) == ["github", "html", "json", "sarif", "text"]
    assert list(choices["draft_format"]) == ["docx", "html", "md", "pdf", "txt"]


def test_the_pre_commit_hook_reads_the_registered_suffixes() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = next(h["files"] for h in hooks if h["id"] == "doichieu")
    expected = reader_registry.hook_pattern(reader_registry.load_readers().suffixes)
    assert pattern == expected, f"set `files: {expected}` in .pre-commit-hooks.yaml"
    files = ["a.md", "b.MARKDOWN", "c.txt", "d.htm", "e.html", "f.docx", "g/h.pdf", "i.PDF"]
    assert [f for f in files if re.search(pattern, f)] == files
    assert not [f for f in ("a.odt", "b.md.bak", "c.pdfx", "mdx") if re.search(pattern, f)]


# --- rendering writes nothing -----------------------------------------------------------


def test_rendering_github_writes_no_summary_file(tmp_path: Path, monkeypatch) -> None:
    write_corpus(tmp_path / "c", {"a.md": A, "b.md": B})
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run([tmp_path / "c"], Options(), root=tmp_path)
    rendered = outputs.render(result, "github", "en")
    assert not summary.exists()  # only the caller writes it
    assert rendered.text.startswith("::warning file=c/b.md,line=5,col=")
    assert rendered.job_summary.splitlines()[:3] == [
        "## doichieu",
        "",
        "2 documents read, 0 unreadable; 1 finding (1 warning).",
    ]
    for name in formats.format_names():  # nor does any other format
        outputs.render(result, name, "vi")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]


def test_the_command_line_writes_the_job_summary_only_in_github_actions(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.md": A, "b.md": B})
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["check", "c", "--format", "github", "--no-cache"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    assert main(["check", "c", "--format", "json", "--no-cache"]) == 1  # json has none
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]
    assert main(["check", "c", "--format", "github", "--no-cache"]) == 1
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("## doichieu\n")
    capsys.readouterr()


def test_html_is_a_format_like_the_others(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.md": A, "b.md": B})
    assert main(["check", "c", "--format", "html", "--no-cache", "-o", "page.html"]) == 1
    assert main(["check", "c", "--format", "json", "--no-cache", "--html", "side.html"]) == 1
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert page == (tmp_path / "side.html").read_text(encoding="utf-8")
    capsys.readouterr()


# --- third-party and broken plugins -----------------------------------------------------


def test_a_third_party_output_format_is_a_choice(tmp_path, monkeypatch, capsys, extra_plugins):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.md": A, "b.md": B})
    assert main(["check", "c", "--format", "count", "--no-cache", "--lang", "en"]) == 1
    assert capsys.readouterr().out == "NU01=1 (en)\n"


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (
            "missing",
            "doichieu: error: output format 'missing' from package 'doichieu-missing': failed "
            'to import no_such_module:render: ModuleNotFoundError("No module named '
            "'no_such_module'\")",
        ),
        (
            "onearg",
            "doichieu: error: output format 'onearg' from package 'doichieu-one': expected a "
            "function render(result, options), found one that takes too many positional "
            "arguments",
        ),
        (
            "stringy",
            "doichieu: error: output format 'stringy' from package 'doichieu-str': expected "
            "render() to return a reports.base.Rendered, found str",
        ),
    ],
)
def test_a_broken_output_format_is_one_line_naming_its_package(
    tmp_path, monkeypatch, capsys, extra_plugins, name, error
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.md": A, "b.md": B})
    assert main(["check", "c", "--format", name, "--no-cache"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == error
    assert "Traceback" not in captured.err


def test_readers_from_plugins_and_broken_ones(tmp_path, monkeypatch, capsys, extra_plugins):
    readers = reader_registry.load_readers()
    assert readers.names == ("docx", "html", "md", "pdf", "txt", "up")
    assert [str(e) for e in readers.errors] == [
        "document format 'gone' from package 'doichieu-gone': failed to import "
        "no_such_module:Reader: ModuleNotFoundError(\"No module named 'no_such_module'\")",
        "document format 'md2' from package 'doichieu-md2': suffix .md is already read by "
        "'md' from package 'doichieu'",
        "document format 'noread' from package 'doichieu-noread': expected a "
        "read(data, path, limits) method, found only the base class's",
    ]
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.md": A, "b.up": B.upper(), "c.nr": A})
    assert collect_paths([Path("c")]) == [Path("c/a.md"), Path("c/b.up")]
    doc = load_document(Path("c/b.up")).document
    assert doc.text.startswith("---\ndate: 2023-12-14\nprovince: quảng ninh")
    status = main(["check", "c", "--format", "json", "--no-cache", "--lang", "en"])
    captured = capsys.readouterr()
    assert status == 0
    assert [json.loads(captured.out)["documents"][i]["path"] for i in (0, 1)] == [
        "c/a.md",
        "c/b.up",
    ]
    # Each broken reader is a warning naming its package; the run goes on without it.
    assert captured.err.splitlines() == [f"doichieu: warning: {e}" for e in readers.errors]
    parser = build_parser("en")
    check = parser._subparsers._group_actions[0].choices["check"]
    draft = next(a for a in check._actions if a.dest == "draft_format")
    assert list(draft.choices) == ["docx", "html", "md", "pdf", "txt", "up"]
