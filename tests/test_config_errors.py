"""A configuration a user gets wrong: each mistake is one line naming the file,
the key and what is expected (exit 2), never a check silenced without a word."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from linter.app.cli import main


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("[checks.EV01]\nwindow-days = -5", "checks.EV01.window-days must be at least 0, found -5"),
        (
            "[checks.OF01]\nwindow-days = nan",
            "checks.OF01.window-days must be at least 0, found nan",
        ),
        (
            f"[checks.FX01]\nrate-tolerance = {10**400}",
            f"checks.FX01.rate-tolerance must be a share below 1 (0.05 for 5%), found {10**400}",
        ),
        (
            "[checks.FX01]\nrate-tolerance = 5",
            "checks.FX01.rate-tolerance must be a share below 1 (0.05 for 5%), found 5",
        ),
    ],
)
def test_a_check_setting_out_of_range_is_a_configuration_error(
    seeds: Path, capsys: pytest.CaptureFixture[str], setting: str, expected: str
) -> None:
    """A negative window links no pair and a tolerance of 5 accepts any two figures:
    EV01, OF01 and FX01 would pass every corpus."""
    Path("doichieu.toml").write_text(setting + "\n", encoding="utf-8")
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert (status, out) == (2, "")
    assert err == f"doichieu: error: {Path('doichieu.toml').resolve()}: the file: {expected}\n"


def test_settings_in_range_are_taken(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("doichieu.toml").write_text(
        "[checks.EV01]\nwindow-days = 0\n[checks.FX01]\nrate-tolerance = 0.5\n", encoding="utf-8"
    )
    status, out, err = cli(capsys, "check", "corpus", "--no-cache", "--lang", "en")
    assert (status, err) == (1, "")
    assert out.endswith("5 documents read, 0 unreadable; 3 findings (3 warnings).\n")


def test_config_naming_no_file_says_what_it_names(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--config given a folder or a named pipe is not "not found": it is there."""
    Path("conf").mkdir()
    os.mkfifo("pipe.toml")
    expected = {
        ("conf", "vi"): "conf: không phải tệp cấu hình: đây là một thư mục; cần một tệp TOML "
        "như doichieu.toml",
        ("conf", "en"): "conf: not a configuration file: found a folder; expected a TOML file "
        "such as doichieu.toml",
        ("pipe.toml", "en"): "pipe.toml: not a configuration file: found a named pipe (FIFO); "
        "expected a TOML file such as doichieu.toml",
        ("none.toml", "vi"): "none.toml: không tìm thấy tệp cấu hình",
        ("none.toml", "en"): "none.toml: configuration file not found",
    }
    for (name, lang), line in expected.items():
        status, out, err = cli(capsys, "check", "corpus", "--config", name, "--lang", lang)
        assert (status, out, err) == (2, "", f"doichieu: error: {line}\n")


def test_configuration_errors_are_said_in_the_run_language(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("doichieu.toml").write_text(
        '[[metadata]]\npath = "corpus/**"\nprovince = "Atlantis"\nplan-year = "sau"\n'
        "[checks.EV01]\nwindow-days = -5\n",
        encoding="utf-8",
    )
    where = Path("doichieu.toml").resolve()
    status, out, err = cli(capsys, "check", "corpus", "--no-cache")
    assert (status, out) == (2, "")
    assert err == (
        f"doichieu: error: {where}: tệp: khóa 'metadata.0.province': không có tỉnh, thành phố "
        "nào tên 'Atlantis'; cần một tên như 'Quảng Ninh'; khóa 'metadata.0.plan-year': Input "
        "should be a valid integer, unable to parse string as an integer, nhưng ghi 'sau'\n"
    )
    Path("doichieu.toml").write_text("[checks.EV01]\nwindow-days = -5\n", "utf-8")
    assert cli(capsys, "check", "corpus", "--no-cache")[2] == (
        f"doichieu: error: {where}: tệp: checks.EV01.window-days phải từ 0 trở lên, nhưng ghi -5\n"
    )
    Path("doichieu.toml").write_text("selekt = 1\n", "utf-8")
    assert cli(capsys, "check", "corpus", "--no-cache")[2] == (
        f"doichieu: error: {where}: tệp: khóa không xác định 'selekt' (các khóa được dùng: "
        "approx-tolerance, baseline, checks, corpus, exclude, extend-select, ignore, include, "
        "indicators, max-docx-inflated-size, max-file-size, metadata, per-path-ignores, select, "
        "severity)\n"
    )


def test_codes_and_settings_no_check_has_are_said_in_the_run_language(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = Path("doichieu.toml").resolve()
    said = {
        'ignore = ["TG02"]': f"không có mã kiểm tra 'TG02' (trong {where}: ignore); các mã gần "
        "nhất: TG01",
        "[checks.EV01]\nwindow = 3": f"{where}: checks.EV01 không có thiết lập 'window' (các "
        "thiết lập có: approx-tolerance, window-days)",
        "[checks.CT01]\nwindow-days = 3": f"{where}: checks.CT01 không có thiết lập "
        "'window-days' (các thiết lập có: không có)",
        "[checks.EV01]\nwindow-days = 2.5": f"{where}: checks.EV01.window-days phải là int, "
        "không phải 2.5",
    }
    for toml, line in said.items():
        Path("doichieu.toml").write_text(toml + "\n", encoding="utf-8")
        assert cli(capsys, "check", "corpus", "--no-cache") == (2, "", f"doichieu: error: {line}\n")
