"""A new user's trial of linter/engine, linter/app and CL01: what broke, as tests.

Each was written as a strict xfail naming the fix it needed, and unmarked when the
fix landed. Every test runs the real command line and asserts its exact output.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from test_faults import PAIR, cli

from conftest import SEEDS
from linter.errors import UsageError
from linter.read.listing import collect_paths, missing
from linter.read.loading import kind_at


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/corpus holds the five seeds (four of Quảng Ninh, 003 of Bắc Kạn)."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    monkeypatch.chdir(tmp_path)
    return folder


# --- determinism: a draft's run, cache cold and warm -----------------------------------


def test_a_draft_gives_the_same_report_with_the_cache_cold_and_warm(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = Path("ban-thao.txt")
    draft.write_text(
        PAIR[1].read_text(encoding="utf-8").replace("55.600", "55.700"), encoding="utf-8"
    )
    args = ("check", "--draft", "ban-thao.txt", "corpus", "--cache-dir", "cache")
    cold = cli(capsys, *args, "--format", "json")
    warm = cli(capsys, *args, "--format", "json")
    assert [d["path"] for d in json.loads(warm[1])["documents"]] == [
        "ban-thao.txt",
        "corpus/000_46a754388d49c070.txt",
        "corpus/001_82f02cea0d5a5bc1.txt",
        "corpus/002_a7f90958ecc3109b.txt",
        "corpus/004_7c16cafb3a7db5e6.txt",
    ]
    assert cold == warm
    assert cli(capsys, *args)[1].endswith(
        "Đã đọc 5 văn bản, 0 không đọc được; 3 phát hiện (3 cảnh báo).\n"
    )
    shutil.rmtree("cache")
    assert cli(capsys, *args)[1].endswith(
        "Đã đọc 5 văn bản, 0 không đọc được; 3 phát hiện (3 cảnh báo).\n"
    )


# --- `doichieu claims` on a file it cannot read ----------------------------------------


def test_claims_says_why_a_file_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty.txt").write_bytes(b"")
    shutil.copy(PAIR[0], "000.txt")
    status, out, err = cli(capsys, "claims", "empty.txt")
    assert (status, out) == (2, "")
    assert err == (
        "doichieu: warning: empty.txt: tệp rỗng: cần văn bản tiếng Việt\n"
        "doichieu: error: không đọc được văn bản nào\n"
    )
    status, out, err = cli(capsys, "claims", "empty.txt", "000.txt")
    assert status == 0
    assert out.startswith("000.txt:1:6: date «23/12»\n")
    assert err == "doichieu: warning: empty.txt: tệp rỗng: cần văn bản tiếng Việt\n"
    # In English throughout, the warning as the error line after it.
    status, out, err = cli(capsys, "--lang", "en", "claims", "empty.txt")
    assert (status, out) == (2, "")
    assert err == (
        "doichieu: warning: empty.txt: file is empty: expected Vietnamese text\n"
        "doichieu: error: no document could be read\n"
    )


# --- metadata overrides of the configuration -------------------------------------------


def test_a_province_set_by_the_configuration_is_the_gazetteer_s(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("doichieu.toml").write_text(
        '[[metadata]]\npath = "corpus/001_*"\nprovince = "tỉnh Quảng Ninh"\n', encoding="utf-8"
    )
    status, out, _ = cli(capsys, "check", "corpus", "--no-cache", "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert [(d["province"], d["province_source"]) for d in report["documents"][:2]] == [
        ("Quảng Ninh", "gazetteer"),
        ("Quảng Ninh", "config"),
    ]
    assert [f["code"] for f in report["findings"]] == ["NU01", "VB01", "TG01"]


def test_an_unknown_metadata_key_lists_the_metadata_keys(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("doichieu.toml").write_text(
        '[[metadata]]\npath = "corpus/**"\ndate = "2023-12-14"\n', encoding="utf-8"
    )
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert (status, out) == (2, "")
    assert err == (
        f"doichieu: error: {Path('doichieu.toml').resolve()}: the file: unknown key"
        " 'metadata.0.date' (allowed: district, issuer, path, plan-year, province)\n"
    )


# --- CL01: a day its month does not have, then a comma ---------------------------------


@pytest.mark.parametrize("after", [",", ", "])
def test_a_day_its_month_lacks_is_read_before_a_comma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, after: str
) -> None:
    """The wording of news2017 ha-noi/mz-22732363 (tuning half), its clause reordered."""
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(
        "---\ndate: 2017-07-01\nprovince: Hà Nội\n---\n"
        f"Tính đến 31/6{after} tổng số nợ BHXH, BHYT là hơn 3.811 tỷ đồng.\n",
        encoding="utf-8",
    )
    status, out, _ = cli(capsys, "check", "a.md", "--no-cache", "--select", "CL01")
    assert status == 1
    assert out == (
        "a.md:5:6: CL01 [warning] Theo lịch, tháng 6 có 30 ngày; văn bản ghi 31/6.\n"
        "    a.md:5:6  01/07/2017  «đến 31/6»\n"
        "Đã đọc 1 văn bản, 0 không đọc được; 1 phát hiện (1 cảnh báo).\n"
    )


# --- what is at a path named: a draft, a configuration ---------------------------------


def test_what_is_at_a_path_is_said_alike_for_a_draft_and_a_configuration(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One `kind_at` for both: nothing (a broken symlink is nothing to read), a
    folder, a named pipe, a socket."""
    Path("broken").symlink_to("nowhere")
    os.mkfifo("pipe")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock")
        kinds = {name: kind_at(Path(name)) for name in ("none", "broken", "corpus", "pipe", "sock")}
        assert kinds == {
            "none": None,
            "broken": None,
            "corpus": "folder",
            "pipe": "fifo",
            "sock": "socket",
        }
        draft = cli(capsys, "check", "--draft", "sock", "corpus", "--lang", "en")
        config = cli(capsys, "check", "corpus", "--config", "broken", "--lang", "en")
    assert draft == (
        2,
        "",
        "doichieu: error: draft sock is a socket: expected a document file (name the draft, "
        "then the folder to compare it with)\n",
    )
    assert config == (2, "", "doichieu: error: broken: configuration file not found\n")


def test_a_path_nothing_is_at_is_found_in_one_place_and_said_from_the_messages(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`listing.missing` is the one test; the command line says it in the run's
    language, the listing (to other callers) the same line in English."""
    Path("broken").symlink_to("nowhere")
    named = [Path("corpus"), Path("broken"), Path("none"), Path("gone")]
    assert missing(named) == Path("none")
    assert missing(named[:2]) is None
    with pytest.raises(UsageError) as error:
        collect_paths(named)
    english = "none: no such file or folder: expected a document or a folder"
    assert str(error.value) == english
    assert cli(capsys, "check", *map(str, named), "--lang", "en") == (
        2,
        "",
        f"doichieu: error: {english}\n",
    )
    assert cli(capsys, "check", *map(str, named)) == (
        2,
        "",
        "doichieu: error: none: không có tệp hay thư mục này: cần một văn bản hoặc một thư mục\n",
    )
